import pytest

from .outils import make_deliberation


@pytest.fixture
def monde(db, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast test users
    settings.CAMPAGNE_FICHIERS_ROOT = tmp_path / "prive"
    settings.SITE_URL = "https://label.example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return make_deliberation()
