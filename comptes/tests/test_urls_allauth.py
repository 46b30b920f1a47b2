"""allauth's pages answer at French addresses under /compte/, and nothing allauth names is missing."""

import allauth.account.urls
import allauth.mfa.base.urls
import allauth.mfa.recovery_codes.urls
import allauth.mfa.totp.urls
import pytest
from django.urls import reverse


def noms(module):
    return [p.name for p in module.urlpatterns]


NOMS = (
    noms(allauth.account.urls)
    + noms(allauth.mfa.base.urls)
    + noms(allauth.mfa.totp.urls)
    + noms(allauth.mfa.recovery_codes.urls)
)
ARGUMENTS = {
    "account_confirm_email": {"key": "abc"},
    "account_reset_password_from_key": {"uidb36": "1", "key": "abc-def"},
}


@pytest.mark.parametrize("nom", NOMS)
def test_every_allauth_page_turned_on_has_a_french_address_under_compte(nom):
    url = reverse(nom, kwargs=ARGUMENTS.get(nom))

    assert url.startswith("/compte/")
    assert not any(mot in url for mot in ["login", "signup", "password", "email/", "2fa", "logout"])


def test_the_names_of_the_former_login_pages_still_work():
    assert reverse("comptes:connexion") == reverse("account_login") == "/compte/connexion/"
    assert reverse("comptes:deconnexion") == reverse("account_logout") == "/compte/deconnexion/"
