import pytest

from .outils import make_jury


@pytest.fixture
def jury(db, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast test users
    settings.CAMPAGNE_FICHIERS_ROOT = tmp_path / "prive"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return make_jury()
