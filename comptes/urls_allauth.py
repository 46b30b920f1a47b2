"""allauth's pages at French addresses under /compte/, with allauth's own URL names (which its views and
e-mails reverse). Only the flows turned on in settings are listed: sign-up and sign-in by e-mail with a
verification link, password reset by link, one e-mail address per account, TOTP and recovery codes.
comptes/tests/test_urls_allauth.py checks that every name allauth declares for them reverses here."""

from allauth.account import views as compte
from allauth.mfa.base import views as mfa
from allauth.mfa.recovery_codes import views as codes_secours
from allauth.mfa.totp import views as totp
from django.urls import path, re_path

urlpatterns = [
    path("connexion/", compte.login, name="account_login"),
    path("connexion/code/", compte.confirm_login_code, name="account_confirm_login_code"),
    path("deconnexion/", compte.logout, name="account_logout"),
    path("inscription/", compte.signup, name="account_signup"),
    path("inactif/", compte.account_inactive, name="account_inactive"),
    path("confirmer-mot-de-passe/", compte.reauthenticate, name="account_reauthenticate"),
    path("adresse/", compte.email, name="account_email"),
    path("adresse/verification-envoyee/", compte.email_verification_sent, name="account_email_verification_sent"),
    re_path(r"^adresse/verifier/(?P<key>[-:\w]+)/$", compte.confirm_email, name="account_confirm_email"),
    path("mot-de-passe/", compte.password_change, name="account_change_password"),
    path("mot-de-passe/definir/", compte.password_set, name="account_set_password"),
    path("mot-de-passe/oublie/", compte.password_reset, name="account_reset_password"),
    path("mot-de-passe/oublie/envoye/", compte.password_reset_done, name="account_reset_password_done"),
    path(
        "mot-de-passe/nouveau/termine/",
        compte.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
    re_path(
        r"^mot-de-passe/nouveau/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        compte.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    # Two-factor authentication (allauth.mfa).
    path("double-authentification/", mfa.index, name="mfa_index"),
    path("double-authentification/verification/", mfa.authenticate, name="mfa_authenticate"),
    path("double-authentification/confirmation/", mfa.reauthenticate, name="mfa_reauthenticate"),
    path("double-authentification/application/activer/", totp.activate_totp, name="mfa_activate_totp"),
    path("double-authentification/application/desactiver/", totp.deactivate_totp, name="mfa_deactivate_totp"),
    path(
        "double-authentification/codes-de-secours/", codes_secours.view_recovery_codes, name="mfa_view_recovery_codes"
    ),
    path(
        "double-authentification/codes-de-secours/nouveaux/",
        codes_secours.generate_recovery_codes,
        name="mfa_generate_recovery_codes",
    ),
    path(
        "double-authentification/codes-de-secours/telecharger/",
        codes_secours.download_recovery_codes,
        name="mfa_download_recovery_codes",
    ),
]
