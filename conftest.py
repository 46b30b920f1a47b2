"""Fixtures for every app's tests."""

import pytest

from comptes.testing import activer_totp


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, with an authenticator app: the administration requires it of staff."""
    activer_totp(admin_user)
    return admin_user


@pytest.fixture(autouse=True)
def sans_cache_des_facettes(settings):
    """The facet counts of /fiches/ are not cached in tests (fiches/facettes.py): a cached count would outlive
    the test that computed it. fiches/tests/test_facettes_cache.py turns the cache on to test it."""
    settings.CACHES = {**settings.CACHES, "facettes": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
