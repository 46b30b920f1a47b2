import pytest

from comptes.testing import activer_totp

from .outils import make_campagne


@pytest.fixture
def monde(db, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast test users
    settings.CAMPAGNE_FICHIERS_ROOT = tmp_path / "prive"
    settings.SITE_URL = "https://label.example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    monde = make_campagne()
    activer_totp(monde.equipe)  # staff see dossiers with two-factor authentication only (test_double_authentification)
    return monde
