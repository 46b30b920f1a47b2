"""Helpers for the tests of any app that signs people in through the site's pages (allauth)."""


def verifier_adresses(*users):
    """Give each user a verified primary EmailAddress, as if they had clicked the verification link.

    The users of arobase.testing.make_cast are created directly; allauth lets only verified addresses in.
    """
    from allauth.account.models import EmailAddress

    for user in users:
        EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"primary": True, "verified": True})
