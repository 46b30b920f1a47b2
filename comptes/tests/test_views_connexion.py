"""Signing in and out (allauth at /compte/connexion/ and /compte/deconnexion/), rate limits, the admin login."""

from django.conf import settings
from django.core.management import call_command

from comptes.tests.conftest import MOT_DE_PASSE


def connexion(client, email, mot_de_passe=MOT_DE_PASSE, **extra):
    return client.post("/compte/connexion/", {"login": email, "password": mot_de_passe, **extra})


def test_the_login_page_is_in_french_with_labelled_fields(client, db):
    response = client.get("/compte/connexion/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Connexion — " in html
    assert html.count("<h1>") == 1
    assert '<label for="id_login">Adresse e-mail' in html
    assert '<label for="id_password">Mot de passe' in html
    assert "Se souvenir de moi" in html
    assert 'href="/compte/inscription/"' in html
    assert 'href="/compte/mot-de-passe/oublie/"' in html


def test_signing_in_by_email_leads_to_my_space_or_to_the_page_asked(client, monde):
    vers_mon_espace = connexion(client, "agent@dijon.fr")
    client.post("/compte/deconnexion/")
    vers_la_page = connexion(client, "AGENT@dijon.fr", next="/fiches/nouvelle/")

    assert vers_mon_espace["Location"] == "/espace/"
    assert vers_la_page["Location"] == "/fiches/nouvelle/"
    assert int(client.session["_auth_user_id"]) == monde.agent_dijon.pk


def test_a_wrong_password_says_so_in_french_and_keeps_the_address(client, monde):
    response = connexion(client, "agent@dijon.fr", "mauvais")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Erreur : Connexion — " in html
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in html
    assert 'value="agent@dijon.fr"' in html
    assert "_auth_user_id" not in client.session


def test_signing_in_never_redirects_to_another_site(client, monde):
    response = connexion(client, "agent@dijon.fr", next="https://pirate.example/")

    assert response["Location"] == "/espace/"


def test_an_unverified_address_cannot_sign_in_and_gets_a_new_link(client, creer_personne, mailoutbox):
    creer_personne("marie@exemple.fr", verifiee=False)

    response = connexion(client, "marie@exemple.fr")

    assert response["Location"] == "/compte/adresse/verification-envoyee/"
    assert "_auth_user_id" not in client.session
    assert [m.to for m in mailoutbox] == [["marie@exemple.fr"]]


def test_signing_out_takes_a_post(client, monde):
    client.force_login(monde.agent_dijon)

    par_lien = client.get("/compte/deconnexion/")
    assert par_lien.status_code == 200  # a page asking to confirm, with a POST form
    assert "_auth_user_id" in client.session

    response = client.post("/compte/deconnexion/")
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_rate_limits_are_set_for_login_and_signup():
    limites = settings.ACCOUNT_RATE_LIMITS

    assert limites["login_failed"] == "10/m/ip,5/5m/key"
    assert limites["login"] and limites["signup"] and limites["reset_password"]
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


def test_after_five_wrong_passwords_the_address_is_locked_for_a_while(client, monde):
    for _ in range(5):
        assert "incorrects" in connexion(client, "agent@dijon.fr", "mauvais").content.decode()

    bloquee = connexion(client, "agent@dijon.fr")  # even the right password

    assert "Trop de tentatives de connexion échouées" in bloquee.content.decode()
    assert "_auth_user_id" not in client.session
    assert connexion(client, "referent@dijon.fr").status_code == 302  # another address is not locked


def test_too_many_sign_ups_from_one_address_get_a_429_in_french(client, db):
    for i in range(10):
        client.post("/compte/inscription/", {"email": f"pas-valide-{i}"})

    response = client.post("/compte/inscription/", {"email": "encore"})

    assert response.status_code == 429
    assert "<h1>Trop de tentatives</h1>" in response.content.decode()


def test_the_administration_signs_in_through_the_sites_login(client, monde):
    response = client.get("/admin/login/?next=/admin/")

    assert response["Location"] == "/compte/connexion/?next=%2Fadmin%2F"
    connexion(client, "equipe@villes-internet.invalid")
    # Then two-factor authentication, which staff must turn on first (comptes/tests/test_mfa.py).
    assert client.get("/admin/")["Location"] == "/compte/double-authentification/"


def test_the_staff_account_of_creer_compte_equipe_signs_in_by_its_address(client, db):
    from io import StringIO

    sortie = StringIO()
    call_command("creer_compte_equipe", stdout=sortie)
    mot_de_passe = sortie.getvalue().split("mot de passe : ")[1].split()[0]

    response = connexion(client, "equipe@arobase.invalid", mot_de_passe)

    assert response["Location"] == "/espace/"
