"""Creating an account, verifying the address, resetting the password, changing the address."""

import re

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from comptes.tests.conftest import MOT_DE_PASSE

NOUVEAU = "Un-Mot-De-Passe-Solide-42"


def lien(message, chemin):
    return re.search(rf"https?://[^/\s]+({chemin}[^\s]*)", message.body).group(1)


def inscrire(client, **champs):
    donnees = {
        "first_name": "Marie",
        "last_name": "Curie",
        "email": "marie@mairie-larochelle70.fr",
        "password1": NOUVEAU,
        "password2": NOUVEAU,
        **champs,
    }
    return client.post("/compte/inscription/", donnees)


def test_the_sign_up_page_asks_names_first_in_french(client, db):
    html = client.get("/compte/inscription/").content.decode()

    assert "<title>Créer un compte — " in html
    ordre = [
        html.index(f'for="id_{champ}"') for champ in ["first_name", "last_name", "email", "password1", "password2"]
    ]
    assert ordre == sorted(ordre)
    assert '<label for="id_email">Adresse e-mail' in html


def test_signing_up_sends_a_verification_link_that_signs_in(client, db, mailoutbox):
    response = inscrire(client)

    assert response["Location"] == "/compte/adresse/verification-envoyee/"
    user = get_user_model().objects.get(email="marie@mairie-larochelle70.fr")
    assert (user.first_name, user.last_name) == ("Marie", "Curie")
    assert not EmailAddress.objects.get(user=user).verified
    (message,) = mailoutbox
    assert message.subject == "[Label Villes Internet] Confirmez votre adresse e-mail"
    assert message.body.startswith("Bonjour,")

    url = lien(message, "/compte/adresse/verifier/")
    page = client.get(url)
    assert "<title>Confirmer l'adresse e-mail — " in page.content.decode()
    confirme = client.post(url)

    assert EmailAddress.objects.get(user=user).verified
    assert confirme["Location"] == "/espace/"
    assert int(client.session["_auth_user_id"]) == user.pk


def test_a_broken_form_keeps_what_was_typed_with_french_errors(client, db, mailoutbox):
    response = inscrire(client, password2="autre-chose", last_name="")

    html = response.content.decode()
    assert "<title>Erreur : Créer un compte — " in html
    assert 'value="marie@mairie-larochelle70.fr"' in html and 'value="Marie"' in html
    assert "Vous devez saisir deux fois le même mot de passe." in html
    assert "Ce champ est obligatoire." in html
    assert not mailoutbox


def test_signing_up_with_a_taken_address_reveals_nothing(client, monde, mailoutbox):
    response = inscrire(client, email="agent@dijon.fr")

    assert response["Location"] == "/compte/adresse/verification-envoyee/"
    assert get_user_model().objects.filter(email="agent@dijon.fr").count() == 1
    assert [m.to for m in mailoutbox] == [["agent@dijon.fr"]]  # the owner is told someone tried


def test_a_forgotten_password_is_reset_by_a_link(client, monde, mailoutbox):
    response = client.post("/compte/mot-de-passe/oublie/", {"email": "agent@dijon.fr"})

    assert response["Location"] == "/compte/mot-de-passe/oublie/envoye/"
    (message,) = mailoutbox
    assert message.subject == "[Label Villes Internet] Nouveau mot de passe"
    url = client.get(lien(message, "/compte/mot-de-passe/nouveau/"))["Location"]  # allauth hides the key
    fait = client.post(url, {"password1": NOUVEAU, "password2": NOUVEAU})
    assert fait["Location"] == "/compte/mot-de-passe/nouveau/termine/"
    monde.agent_dijon.refresh_from_db()
    assert monde.agent_dijon.check_password(NOUVEAU)


def test_changing_the_address_verifies_the_new_one_before_replacing(client, monde, mailoutbox):
    client.force_login(monde.agent_dijon)

    page = client.get("/compte/adresse/")
    response = client.post("/compte/adresse/", {"action_add": "", "email": "agathe@mairie-dijon.fr"})

    assert "<title>Mon adresse e-mail — " in page.content.decode()
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["agathe@mairie-dijon.fr"]]
    monde.agent_dijon.refresh_from_db()
    assert monde.agent_dijon.email == "agent@dijon.fr"  # unchanged until verified
    client.post(lien(mailoutbox[0], "/compte/adresse/verifier/"))
    monde.agent_dijon.refresh_from_db()
    assert monde.agent_dijon.email == "agathe@mairie-dijon.fr"
    assert list(EmailAddress.objects.filter(user=monde.agent_dijon).values_list("email", flat=True)) == [
        "agathe@mairie-dijon.fr"
    ]


def test_changing_the_password_needs_the_current_one(client, monde):
    client.force_login(monde.agent_dijon)

    refuse = client.post("/compte/mot-de-passe/", {"oldpassword": "faux", "password1": NOUVEAU, "password2": NOUVEAU})
    accepte = client.post(
        "/compte/mot-de-passe/", {"oldpassword": MOT_DE_PASSE, "password1": NOUVEAU, "password2": NOUVEAU}
    )

    assert "Erreur : Changer de mot de passe" in refuse.content.decode()
    assert accepte.status_code == 302
    monde.agent_dijon.refresh_from_db()
    assert monde.agent_dijon.check_password(NOUVEAU)


def test_account_pages_send_anonymous_visitors_to_the_login(client, db):
    for url in ["/compte/adresse/", "/compte/mot-de-passe/", "/compte/double-authentification/"]:
        assert client.get(url)["Location"].startswith("/compte/connexion/?next=")
