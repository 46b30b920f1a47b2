"""Settings of arobase, read from the environment with safe defaults.

SQLite by default (one command, no service); PostgreSQL when DATABASE_URL says so.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and env_bool("REQUIRE_SECRET_KEY"):
        raise RuntimeError("SECRET_KEY must be set in production.")
    SECRET_KEY = "dev-only-insecure-key-change-me"  # noqa: S105 - development default

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "reversion",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "arobase.core",
    "territoires",
    "label",
    "palmares",
    "comptes",
    "fiches",
    "campagne",
    "jury",
    "deliberation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "comptes.middleware.DoubleAuthentificationMiddleware",  # staff need it for the administration and dossiers
]

ROOT_URLCONF = "arobase.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "arobase.core.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "arobase.wsgi.application"

# Database: SQLite by default, PostgreSQL through DATABASE_URL.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {
                # WAL, a busy timeout and immediate transactions: calm concurrency.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST")
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if env_bool("PRODUCTION"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Cache: in the database, shared by every worker of the site (allauth's rate limits count there) and with
# no other service to run. `manage.py createcachetable` creates its table (the Makefile does; Django's test
# runner too). CACHE_BACKEND/CACHE_LOCATION may point to another cache (Redis…) in production.
CACHES = {
    "default": {
        "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": os.environ.get("CACHE_LOCATION", "arobase_cache"),
    },
    # The facet counts of the search page /fiches/ (fiches/facettes.py), in each worker's memory, under the search
    # index's generation token (read from "default"): a change of the index makes them obsolete at once.
    "facettes": {
        "BACKEND": os.environ.get("FACETTES_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": "facettes",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

# Accounts (django-allauth, comptes/): sign-up and sign-in by e-mail, the address verified before any use.
# The pages are French (allauth's translation, our templates in templates/account/ and templates/mfa/) and
# live under /compte/ with French addresses (comptes/urls_allauth.py).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",  # the administration's own login (/admin/) by user name
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"  # /compte/connexion/
LOGIN_REDIRECT_URL = "comptes:espace"
LOGOUT_REDIRECT_URL = "accueil"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "comptes.forms.InscriptionForm"  # first and last name: référents see who asks
ACCOUNT_FORMS = {"login": "comptes.forms_compte.ConnexionForm", "signup": "comptes.forms_compte.CompteForm"}
ACCOUNT_USER_DISPLAY = "comptes.models.nom_affiche"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address per account: changing it verifies the new one, then replaces
ACCOUNT_EMAIL_NOTIFICATIONS = True  # the old address hears of a change of address or password
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True  # in the browser that signed up, the link also signs in
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # a link scanner opening the link does not verify anything
ACCOUNT_LOGOUT_ON_GET = False  # signing out takes a POST
ACCOUNT_SESSION_REMEMBER = None  # « Se souvenir de moi » is asked
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Label Villes Internet] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if env_bool("PRODUCTION") else "http"
# Rate limits (allauth counts in the cache above). A town hall's staff often share one public address,
# hence per-address limits that a training session stays under, and tighter ones per e-mail ("key").
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",  # every sign-in attempt
    "login_failed": "10/m/ip,5/5m/key",  # wrong passwords: 5 per address e-mail in 5 minutes
    "signup": "10/m/ip,50/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",  # re-sending the verification e-mail
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
# Behind a reverse proxy, the number of proxies whose X-Forwarded-For allauth may trust for the client's
# address (0: REMOTE_ADDR, the safe default when the site is reached directly).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", 0))

# Two-factor authentication (allauth.mfa): an authenticator app (TOTP) and recovery codes, at
# /compte/double-authentification/. Anyone may turn it on; staff and the jury must before they see a dossier or
# the administration (the rule: comptes.access.a_la_double_authentification).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Label Villes Internet"
MFA_RECOVERY_CODE_COUNT = 10

# Images of the fiches actions: checked by content, then re-encoded (fiches/images.py).
FICHES_IMAGE_POIDS_MAX = int(os.environ.get("FICHES_IMAGE_POIDS_MAX", 5 * 1024 * 1024))  # bytes
FICHES_IMAGE_COTE_MAX = 10_000  # pixels: larger pictures are refused before being decoded
FICHES_IMAGE_COTE_ENREGISTRE = 2_000  # pixels: the re-encoded picture's longest side at most
FICHES_IMAGE_COTE_VIGNETTE = 400  # pixels

# Maps of the observatory (fiche page, /carte/): by default the base layer is our own simplified
# départements (static/fiches/departements.geojson) and no page calls an outside server. In production, a
# tile server may be used instead, e.g. "https://tuiles.example.org/{z}/{x}/{y}.png", with its attribution.
CARTE_TUILES_URL = os.environ.get("CARTE_TUILES_URL", "")
CARTE_TUILES_ATTRIBUTION = os.environ.get("CARTE_TUILES_ATTRIBUTION", "")

# E-mail: the console by default (development), SMTP when EMAIL_BACKEND says so (production).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Label Villes Internet <label@villes-internet.invalid>")
# Absolute address of the site, for the links of the e-mails and the UID of the calendar's events.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Campaign: private files of the dossiers (uploaded answers, PDF summaries), never served as media.
CAMPAGNE_FICHIERS_ROOT = Path(os.environ.get("CAMPAGNE_FICHIERS_ROOT", BASE_DIR / "prive"))
CAMPAGNE_FICHIER_POIDS_MAX = int(os.environ.get("CAMPAGNE_FICHIER_POIDS_MAX", 10 * 1024 * 1024))  # bytes
