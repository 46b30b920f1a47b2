"""Two-factor authentication (allauth.mfa): an authenticator app (TOTP) and recovery codes.

Anyone may turn it on; staff and the jury must (the rule in comptes.access): here the administration, which
comptes.middleware closes to staff without it. The dossiers: campagne/tests/test_double_authentification.py; the
jury's pages: jury/tests/test_mfa.py.
"""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from comptes.access import a_la_double_authentification, demander_double_authentification
from comptes.testing import activer_totp
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


# ---------------------------------------------------------------------------------------------------
# The rule (comptes.access): staff need an authenticator app for the administration and any dossier
# ---------------------------------------------------------------------------------------------------


def test_only_an_authenticator_app_counts_not_recovery_codes_alone(monde):
    Authenticator.objects.create(user=monde.equipe, type=Authenticator.Type.RECOVERY_CODES, data={})

    assert not a_la_double_authentification(monde.equipe)
    activer_totp(monde.equipe)
    assert a_la_double_authentification(monde.equipe)
    assert not a_la_double_authentification(AnonymousUser())


def test_staff_without_it_are_sent_to_turn_it_on_with_a_message_saying_why():
    request = RequestFactory().get("/admin/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)

    reponse = demander_double_authentification(request)

    assert reponse.status_code == 302
    assert reponse["Location"] == "/compte/double-authentification/"
    assert "demandent la double authentification" in str(list(request._messages)[0])


def test_a_part_of_a_page_refreshed_by_htmx_sends_the_whole_page_there(client, monde):
    client.force_login(monde.equipe)

    reponse = client.get("/admin/", headers={"HX-Request": "true"})

    assert reponse.status_code == 200
    assert reponse["HX-Redirect"] == "/compte/double-authentification/"


@pytest.mark.parametrize(
    "url", ["/admin/", "/admin/comptes/appartenance/", "/admin/label/labellisation/", "/admin/login/"]
)
def test_every_page_of_the_administration_sends_staff_without_it_to_turn_it_on(client, monde, url):
    monde.equipe.is_superuser = True
    monde.equipe.save()
    client.force_login(monde.equipe)

    reponse = client.get(url, follow=True)

    assert reponse.redirect_chain[0] == ("/compte/double-authentification/", 302)
    html = reponse.content.decode()
    assert (
        "Les outils de l&#x27;équipe (dossiers, modération, membres, administration) et les pages du jury demandent la double authentification"
        in html
    )
    assert "arobase — administration" not in html


def test_with_it_staff_use_the_administration(client, monde):
    activer_totp(monde.equipe)
    client.force_login(monde.equipe)

    reponse = client.get("/admin/")

    assert reponse.status_code == 200
    assert "arobase — administration" in reponse.content.decode()


def test_the_administration_is_still_closed_to_others(client, monde):
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"
    client.force_login(monde.agent_dijon)
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"
    assert client.get("/admin/login/?next=/admin/").status_code == 403


def test_staff_sign_in_with_a_code_of_their_app_and_reach_the_administration(client, monde):
    se_connecter(client, "equipe@villes-internet.invalid")
    activer(client)
    client.post("/compte/deconnexion/")
    etape = se_connecter(client, "equipe@villes-internet.invalid")
    secret = decrypt(Authenticator.objects.get(user=monde.equipe, type=Authenticator.Type.TOTP).data["secret"])
    assert etape["Location"] == "/compte/double-authentification/verification/"

    client.post(etape["Location"], {"code": code_du_moment(secret)})

    assert client.get("/admin/").status_code == 200
