"""Helpers for the tests of any app that signs people in through the site's pages (allauth)."""


def verifier_adresses(*users):
    """Give each user a verified primary EmailAddress, as if they had clicked the verification link.

    The users of arobase.testing.make_cast are created directly; allauth lets only verified addresses in.
    """
    from allauth.account.models import EmailAddress

    for user in users:
        EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"primary": True, "verified": True})


def activer_totp(*users):
    """Give each user an authenticator app (a TOTP row, as allauth writes it once the first code is checked):
    staff and the jury need it before any dossier or administration page."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import generate_totp_secret
    from allauth.mfa.utils import encrypt

    for user in users:
        Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt(generate_totp_secret())}
        )
