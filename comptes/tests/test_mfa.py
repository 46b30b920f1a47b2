"""Two-factor authentication (allauth.mfa): an authenticator app (TOTP) and recovery codes.

Anyone may turn it on now; the [jury] issue will require it of the jury and staff with
comptes.access.double_authentification_requise.
"""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.conf import settings
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import RequestFactory

from comptes.access import double_authentification_requise
from comptes.tests.conftest import MOT_DE_PASSE


def code_du_moment(secret):
    """What the authenticator app shows now (a 30-second period)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def se_connecter(client, email):
    return client.post("/compte/connexion/", {"login": email, "password": MOT_DE_PASSE})


def activer(client):
    """Turn the app on as a person would: the page first asks the password again (allauth), then a code."""
    confirmer = client.get("/compte/double-authentification/application/activer/")
    assert confirmer["Location"].startswith("/compte/confirmer-mot-de-passe/?next=")
    client.post(confirmer["Location"], {"password": MOT_DE_PASSE})
    page = client.get("/compte/double-authentification/application/activer/")
    secret = client.session[SECRET_SESSION_KEY]
    reponse = client.post("/compte/double-authentification/application/activer/", {"code": code_du_moment(secret)})
    return page, reponse


def test_the_settings_offer_an_app_and_recovery_codes():
    assert "allauth.mfa" in settings.INSTALLED_APPS
    assert settings.MFA_SUPPORTED_TYPES == ["totp", "recovery_codes"]


def test_the_two_factor_page_is_in_french_and_says_it_is_off(client, monde):
    client.force_login(monde.agent_dijon)

    html = client.get("/compte/double-authentification/").content.decode()

    assert "<title>Double authentification — " in html
    assert "Inactive." in html
    assert 'href="/compte/double-authentification/application/activer/"' in html


def test_turning_it_on_with_a_code_of_the_app_gives_recovery_codes(client, monde):
    se_connecter(client, "agent@dijon.fr")

    page, reponse = activer(client)

    html = page.content.decode()
    assert "<title>Activer la double authentification — " in html
    assert 'src="data:image/svg+xml;base64,' in html and 'alt="Code QR' in html
    assert reponse["Location"] == "/compte/double-authentification/codes-de-secours/"
    types = set(Authenticator.objects.filter(user=monde.agent_dijon).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
    codes = client.get("/compte/double-authentification/codes-de-secours/").content.decode()
    assert "10 codes encore utilisables sur 10." in codes


def test_a_wrong_code_is_refused_in_french(client, monde):
    se_connecter(client, "agent@dijon.fr")
    client.post("/compte/confirmer-mot-de-passe/", {"password": MOT_DE_PASSE})
    client.get("/compte/double-authentification/application/activer/")

    reponse = client.post("/compte/double-authentification/application/activer/", {"code": "000000"})

    assert "Erreur : Activer la double authentification" in reponse.content.decode()
    assert "Code incorrect." in reponse.content.decode()
    assert not Authenticator.objects.exists()


def test_once_on_signing_in_asks_for_a_code_and_a_recovery_code_works(client, monde):
    se_connecter(client, "agent@dijon.fr")
    activer(client)
    code_de_secours = Authenticator.objects.get(type=Authenticator.Type.RECOVERY_CODES).wrap().get_unused_codes()[0]
    client.post("/compte/deconnexion/")

    etape = se_connecter(client, "agent@dijon.fr")
    assert etape["Location"] == "/compte/double-authentification/verification/"
    assert "_auth_user_id" not in client.session
    page = client.get(etape["Location"]).content.decode()
    assert "<title>Code de double authentification — " in page
    fin = client.post(etape["Location"], {"code": code_de_secours})

    assert fin["Location"] == "/espace/"
    assert int(client.session["_auth_user_id"]) == monde.agent_dijon.pk


def test_the_required_decorator_sends_a_user_without_it_to_turn_it_on(monde):
    vue = double_authentification_requise(lambda request: HttpResponse("dossier"))
    request = RequestFactory().get("/jury/dossier/")
    request.user = monde.equipe
    request.session = SessionStore()
    request._messages = FallbackStorage(request)

    response = vue(request)

    assert response.status_code == 302
    assert response["Location"] == "/compte/double-authentification/"


def test_the_required_decorator_lets_a_user_with_it_through(monde):
    Authenticator.objects.create(user=monde.equipe, type=Authenticator.Type.TOTP, data={})
    vue = double_authentification_requise(lambda request: HttpResponse("dossier"))
    request = RequestFactory().get("/jury/dossier/")
    request.user = monde.equipe

    assert vue(request).content == b"dossier"
