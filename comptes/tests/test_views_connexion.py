import pytest

from arobase.testing import make_cast, make_collectivites, make_referentiel


@pytest.fixture
def cast(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_cast(make_collectivites(make_referentiel()))


def test_the_login_page_is_in_french_with_labelled_fields(client, db):
    response = client.get("/compte/connexion/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Connexion — " in html
    assert html.count("<h1>") == 1
    assert '<label for="id_username">Nom d’utilisateur\xa0:</label>' in html
    assert '<label for="id_password">Mot de passe\xa0:</label>' in html


def test_signing_in_leads_to_my_fiches_or_to_the_page_asked(client, cast):
    identifiants = {"username": "agent.dijon", "password": "motdepasse-de-test"}

    vers_mes_fiches = client.post("/compte/connexion/", identifiants)
    client.logout()
    vers_la_page = client.post("/compte/connexion/", {**identifiants, "next": "/fiches/nouvelle/"})

    assert vers_mes_fiches["Location"] == "/espace/fiches/"
    assert vers_la_page["Location"] == "/fiches/nouvelle/"


def test_a_wrong_password_says_so_and_keeps_the_user_name(client, cast):
    response = client.post("/compte/connexion/", {"username": "agent.dijon", "password": "mauvais"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Erreur : Connexion — " in html
    assert "Saisissez un nom d’utilisateur et un mot de passe valides." in html
    assert 'value="agent.dijon"' in html
    assert "_auth_user_id" not in client.session


def test_signing_in_never_redirects_to_another_site(client, cast):
    response = client.post(
        "/compte/connexion/",
        {"username": "agent.dijon", "password": "motdepasse-de-test", "next": "https://pirate.example/"},
    )

    assert response["Location"] == "/espace/fiches/"


def test_signing_out_takes_a_post(client, cast):
    client.force_login(cast["agent_dijon"])

    par_lien = client.get("/compte/deconnexion/")
    assert par_lien.status_code == 405
    assert "_auth_user_id" in client.session

    response = client.post("/compte/deconnexion/")
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session
