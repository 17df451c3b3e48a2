"""Settings shared by every environment. Production is this module plus environment variables.

Environment variables:
  SECRET_KEY      required when DEBUG is off
  DEBUG           "1"/"true" to turn on debug pages (never in production)
  ALLOWED_HOSTS   comma-separated host names
  DATABASE_URL    e.g. postgres://user:pw@127.0.0.1:5432/trygplan; SQLite (db.sqlite3) when unset
  CSRF_TRUSTED_ORIGINS  comma-separated origins behind a proxy
  TRYGPLAN_DEMO   "1" allows `trygplan load-demo` to create demo users
  SECURE_SSL_REDIRECT "0" to switch off the redirect to https (e.g. behind a proxy that does it)
  MEDIA_ROOT      where uploads are stored on disk (unless TRYGPLAN_S3_BUCKET is set)
  mail            EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
                  EMAIL_USE_TLS, EMAIL_USE_SSL, DEFAULT_FROM_EMAIL
  LOG_LEVEL, LOG_FORMAT  "INFO"; "json" (one JSON object a line) or "text"
  SENTRY_DSN      error reporting, off unless set
  TRYGPLAN_*      see the README's table ("Drift") and config/settings/optional.py for
                  single sign-on (OIDC, SAML) and S3 storage
  TRYGPLAN_PRIVATE_MEDIA_ROOT  where uploads are stored on disk (never served by the web server)
  TRYGPLAN_MAX_REQUEST_BYTES   the largest request the app reads (default 25 MB)
"""

import datetime
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, REPORT_SAMPLE, SELF
from django.utils.translation import gettext_lazy as _

from . import optional

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "trygplan.core",
    "trygplan.accounts",
    "trygplan.partnerships",
    "trygplan.city",
    "trygplan.plans",
    "trygplan.audit",
    "trygplan.workflows",
    "trygplan.documents",
    "trygplan.pools",
    "trygplan.walks",
    "trygplan.followup",
    "trygplan.magazine",
    "trygplan.surveys",
    "trygplan.reporting",
    "trygplan.residents",
    "trygplan.api",
    "trygplan.demo",
    "trygplan.operations",
    "trygplan.notifications",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "mozilla_django_oidc",
    "djangosaml2",
]

MIDDLEWARE = [
    # First: answers /healthz before host checks, sessions or the SSL redirect.
    "trygplan.core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "trygplan.core.middleware.PrivacyHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "trygplan.core.middleware.LanguageMiddleware",
    # Before anything reads the body (CsrfViewMiddleware reads POST): refuses a request
    # whose Content-Length is over TRYGPLAN_MAX_REQUEST_BYTES with a Danish 413 page.
    "trygplan.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    # /api/v1/ and /open311/: changes audited as the API's, ETags and 304s on GET.
    "trygplan.api.middleware.MachineInterfaceMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "trygplan.accounts.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "djangosaml2.middleware.SamlSessionMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "home"
# The Django admin's URL prefix; a municipality may move it off the well-known /admin/.
TRYGPLAN_ADMIN_PATH = os.environ.get("TRYGPLAN_ADMIN_PATH", "admin/").strip("/") + "/"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "trygplan.core.context_processors.map_tiles",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# `trygplan collectstatic` copies static/ into STATIC_ROOT (done when the image is built);
# WhiteNoise serves it, gzip- and brotli-compressed. No hashed (manifest) names: the PDF
# renderer maps /static/ URLs back to the source files by name.
STORAGES = {
    "default": optional.media_storage(os.environ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Every upload goes to the "private" storage (trygplan.core.uploads.private_storage): the
# S3 bucket when one is set (private, signed short-lived URLs), else a folder of its own on
# disk, TRYGPLAN_PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT and without any URL.
STORAGES["private"] = (
    STORAGES["default"]
    if "S3" in STORAGES["default"]["BACKEND"]
    else {"BACKEND": "trygplan.core.uploads.PrivateStorage"}
)
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"
# Every upload (walk photos, pool attachments and receipts, follow-up evidence and event
# photos) is stored here (without S3), under a random name, and served only by views that
# check access. It has no URL: a web server must never serve this folder (README).
TRYGPLAN_PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("TRYGPLAN_PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media")
)

# Request and upload sizes. The app refuses a request over TRYGPLAN_MAX_REQUEST_BYTES by its
# Content-Length before reading it (Danish 413 page); an upload handler stops keeping a file
# once it passes TRYGPLAN_MAX_UPLOAD_BYTES (the forms then say it is too large); form fields
# other than files may be DATA_UPLOAD_MAX_MEMORY_SIZE; files over FILE_UPLOAD_MAX_MEMORY_SIZE
# are spooled to a temporary file instead of memory.
TRYGPLAN_MAX_REQUEST_BYTES = int(os.environ.get("TRYGPLAN_MAX_REQUEST_BYTES", 25 * 1024 * 1024))
TRYGPLAN_MAX_UPLOAD_BYTES = 15 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "trygplan.core.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Import files (follow-up values): rows, characters a cell, and how much an .xlsx unpacks to.
TRYGPLAN_IMPORT_MAX_ROWS = 500
TRYGPLAN_IMPORT_MAX_CELL_CHARS = 2_000
TRYGPLAN_IMPORT_MAX_UNPACKED_BYTES = 20 * 1024 * 1024

# Security: on unless DEBUG. `trygplan check --deploy` passes with production values.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = not DEBUG and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # an orchestrator's probe speaks plain http
SECURE_HSTS_SECONDS = 0 if DEBUG else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

TRYGPLAN_DEMO = env_bool("TRYGPLAN_DEMO", False)
# The real Copenhagen open data shipped in the repository (CC BY 4.0, Københavns Kommune via
# Open Data DK): trygplan/geodata/README.md.
TRYGPLAN_GEO_DIR = Path(os.environ.get("TRYGPLAN_GEO_DIR", BASE_DIR / "trygplan" / "geodata"))

# Background map tiles (e.g. an OpenStreetMap-compatible URL template). Empty: maps draw the
# partnership polygon and pins on a plain background, with nothing loaded from outside.
TRYGPLAN_TILE_URL = os.environ.get("TRYGPLAN_TILE_URL", "")
TRYGPLAN_TILE_ATTRIBUTION = os.environ.get("TRYGPLAN_TILE_ATTRIBUTION", "")


def tile_source(url: str) -> list[str]:
    """The CSP source for a tile URL template: https://{s}.tile.example.org/{z}/{x}/{y}.png
    -> ["https://*.tile.example.org"]; nothing for an empty or relative URL."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return []
    host = parts.netloc
    if "{" in host:  # a subdomain placeholder such as {s}: allow the domain's subdomains
        host = "*." + host.rsplit("}", 1)[1].lstrip(".-")
    return [f"{parts.scheme}://{host}"]


# Content-Security-Policy (django-csp): scripts, styles, images and fetches from this site
# only, no inline scripts or style attributes (templates keep theirs in static/), no plugins,
# no framing, forms post only here. Leaflet draws with data: and blob: images; map tiles come
# from TRYGPLAN_TILE_URL's host when one is set. PDFs are rendered server side (WeasyPrint)
# and are not subject to it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, REPORT_SAMPLE],
        "style-src": [SELF, REPORT_SAMPLE],
        "img-src": [SELF, "data:", "blob:", *tile_source(TRYGPLAN_TILE_URL)],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Permissions-Policy: every powerful feature off, except the phone's position on this site
# (a safety walk pins findings where the walker stands).
TRYGPLAN_PERMISSIONS_POLICY = {
    "accelerometer": "()",
    "autoplay": "()",
    "camera": "()",
    "display-capture": "()",
    "geolocation": "(self)",
    "gyroscope": "()",
    "magnetometer": "()",
    "microphone": "()",
    "midi": "()",
    "payment": "()",
    "usb": "()",
}

# Pool applicants' contact details are erased this many days after their case closes
# (`trygplan erase-expired-contacts`, run daily from cron).
TRYGPLAN_POOLS_CONTACT_RETENTION_DAYS = int(
    os.environ.get("TRYGPLAN_POOLS_CONTACT_RETENTION_DAYS", "365")
)

# Counts about young people from 1 to THRESHOLD-1 are shown as "<THRESHOLD".
TRYGPLAN_SMALL_NUMBER_THRESHOLD = int(os.environ.get("TRYGPLAN_SMALL_NUMBER_THRESHOLD", "5"))

# --- Logins -----------------------------------------------------------------------------

# Local accounts (partners outside the city's identity provider) log in with a password;
# single sign-on is added when its settings are given (config/settings/optional.py).
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out username+address before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
TRYGPLAN_OIDC_ENABLED = False
TRYGPLAN_SAML_ENABLED = False
_oidc = optional.oidc(os.environ)
_saml = optional.saml(os.environ)
globals().update(_oidc)
globals().update(_saml)
AUTHENTICATION_BACKENDS += optional.sso_backends(_oidc, _saml)

# Lock-out: 5 failed logins for one username from one address lock that pair for 15 minutes
# (the admin's login too). Attempts are in the database, so every app process sees them.
AXES_FAILURE_LIMIT = int(os.environ.get("TRYGPLAN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("TRYGPLAN_LOGIN_LOCKOUT_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "trygplan.accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "trygplan.accounts.lockout.client_ip"
# How many proxies in front of the app append to X-Forwarded-For (0: use the peer address).
TRYGPLAN_TRUSTED_PROXY_COUNT = int(os.environ.get("TRYGPLAN_TRUSTED_PROXY_COUNT", "0"))
AXES_VERBOSE = False  # our own `trygplan.accounts` log lines say what happened

# Sessions live in the database (any app process serves any request). They end after
# TRYGPLAN_SESSION_IDLE_MINUTES without a request, and at the latest
# TRYGPLAN_SESSION_HOURS after login (trygplan.accounts.middleware.SessionTimeoutMiddleware).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
TRYGPLAN_SESSION_IDLE_MINUTES = int(os.environ.get("TRYGPLAN_SESSION_IDLE_MINUTES", "30"))
TRYGPLAN_SESSION_HOURS = int(os.environ.get("TRYGPLAN_SESSION_HOURS", "12"))
SESSION_COOKIE_AGE = TRYGPLAN_SESSION_HOURS * 60 * 60
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3  # a reset link works for three hours

# --- Mail --------------------------------------------------------------------------------

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Trygplan <trygplan@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# The site's public address, for links in mails (sent by the worker, outside any request).
TRYGPLAN_BASE_URL = os.environ.get("TRYGPLAN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Background work ---------------------------------------------------------------------

# Tasks (e-mail, document rendering) are rows in the database; `trygplan db_worker` runs
# them (the compose file's `worker`). Scheduled jobs: `trygplan run-jobs [--loop]`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# --- Logging and error reporting ---------------------------------------------------------

# One line a record on stdout: JSON by default (for a log collector), "text" for people.
# The `trygplan` loggers record logins, lock-outs, changes (via audit_record), jobs and
# backups; see trygplan/core/logs.py.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")

# The safety survey: estimates from fewer respondents than MIN_N are not shown (pages, PDF,
# CSV); a coefficient of variation above MAX_CV is flagged as uncertain. Uploads larger than
# MAX_UPLOAD_MB are refused.
TRYGPLAN_SURVEY_MIN_N = int(os.environ.get("TRYGPLAN_SURVEY_MIN_N", "20"))
TRYGPLAN_SURVEY_MAX_CV = float(os.environ.get("TRYGPLAN_SURVEY_MAX_CV", "0.30"))
TRYGPLAN_SURVEY_MAX_UPLOAD_MB = int(os.environ.get("TRYGPLAN_SURVEY_MAX_UPLOAD_MB", "100"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "trygplan.core.logs.JsonFormatter"},
        "text": {"()": "trygplan.core.logs.TextFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": sys.stdout,
            "formatter": os.environ.get("LOG_FORMAT", "json"),
        }
    },
    # Everything reaches the root's handler; the `trygplan` loggers say more than others.
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"trygplan": {"level": LOG_LEVEL}},
}

SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from trygplan.core.logs import error_reporting_init

    error_reporting_init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
