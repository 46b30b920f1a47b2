"""Fixtures for every app's tests."""

import pytest

from comptes.testing import activer_totp


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, with an authenticator app: the administration requires it of staff."""
    activer_totp(admin_user)
    return admin_user
