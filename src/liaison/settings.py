"""Settings for Liaison, read from the environment with safe development defaults.

Production sets at least SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and LIAISON_DEBUG=0;
`liaison check --deploy` then passes (see README, "Deploying").
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("LIAISON_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ('1', 'true', 'yes', 'on' mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("LIAISON_DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when LIAISON_DEBUG is off.")
    SECRET_KEY = "development-only-key-never-use-in-production-0123456789abcdef"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_filters",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "axes",
    "auditlog",
    "rules.apps.AutodiscoverRulesConfig",
    "ninja",
    "liaison.core",
    "liaison.accounts",
    "liaison.audit",
    "liaison.backup",
    "liaison.partners",
    "liaison.people",
    "liaison.activities",
    "liaison.training",
    "liaison.attachments",
    "liaison.cooperation",
    "liaison.importer",
    "liaison.sheets",
    "liaison.terminology",
    "liaison.reports",
    "liaison.search",
    "liaison.api",
    "liaison.agenda",
    "liaison.demo",
    "liaison.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "liaison.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "liaison.audit.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "liaison.urls"
WSGI_APPLICATION = "liaison.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Overrides of other apps' templates (the admin's, auditlog's) without inline code.
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite in WAL mode under var/ by default; DATABASE_URL (postgres://...) in production.
_default_sqlite = f"sqlite:///{VAR_DIR / 'liaison.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", _default_sqlite), conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
# The network deployment (docs/deploy.md): reads from a streaming replica, the primary
# after a write (liaison.core.db_router); a psycopg connection pool of this size per worker
# process (0: one persistent connection); sessions and cache shared in Redis.
LIAISON_REPLICA_PIN_SECONDS = int(os.environ.get("LIAISON_REPLICA_PIN_SECONDS", "10"))
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **dj_database_url.parse(
            os.environ["DATABASE_REPLICA_URL"], conn_max_age=60, conn_health_checks=True
        ),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["liaison.core.db_router.PrimaryReplicaRouter"]
    MIDDLEWARE.insert(1, "liaison.core.db_router.PinAfterWriteMiddleware")
if int(os.environ.get("LIAISON_DB_POOL_SIZE", "0")) > 0:
    for database in DATABASES.values():
        if database["ENGINE"] == "django.db.backends.postgresql":
            database.update(CONN_MAX_AGE=0, CONN_HEALTH_CHECKS=False)
            database.setdefault("OPTIONS", {})["pool"] = {
                "min_size": 1,
                "max_size": int(os.environ["LIAISON_DB_POOL_SIZE"]),
                "timeout": 10,
            }
if os.environ.get("LIAISON_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["LIAISON_REDIS_URL"],
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "liaison.core.auth.MemberBackend",  # Django's, with the roles read with the user
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGOUT_REDIRECT_URL = "web:login"
LOGIN_REDIRECT_URL = "/"

# django-axes: lock an account/IP pair after repeated failed log-ins.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# django-otp: a TOTP app is the second factor, single-use backup codes the spare.
OTP_TOTP_ISSUER = os.environ.get("LIAISON_OTP_ISSUER", "Liaison")
#: How many backup codes a user is given at a time.
LIAISON_BACKUP_CODE_COUNT = 10

# Password reset links go out by e-mail (README, "Deploying"); the console in development.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "liaison@localhost")
PASSWORD_RESET_TIMEOUT = 3600


def trusted_proxy_settings(count: int) -> dict:
    """Where django-axes (through django-ipware) reads the client's address, behind `count`
    reverse proxies. Each proxy appends the address it was reached from to X-Forwarded-For,
    so the client is the `count`-th entry from the right; entries further left are whatever
    the client wrote and are ignored. ipware counts only the proxies named in the header:
    the nearest one is REMOTE_ADDR, hence `count - 1`."""
    if count <= 0:
        return {"AXES_IPWARE_META_PRECEDENCE_ORDER": ("REMOTE_ADDR",)}
    return {
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
        "AXES_IPWARE_PROXY_COUNT": count - 1,
        "AXES_IPWARE_PROXY_ORDER": "left-most",
        "IPWARE_STRICT": False,  # a longer header (the client's own entries) is not refused
    }


# The number of reverse proxies in front of gunicorn (README, "Deploying"); 0: none.
LIAISON_TRUSTED_PROXIES = int(os.environ.get("LIAISON_TRUSTED_PROXIES", "0"))
globals().update(trusted_proxy_settings(LIAISON_TRUSTED_PROXIES))

LANGUAGE_CODE = "zh-hant"
LANGUAGES = [("zh-hant", "繁體中文"), ("pt", "Português"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Macau"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# Uploads have no URL: the download view (liaison.attachments.views) sends a file after
# checking its record's visibility. Local files live in MEDIA_ROOT, which no web server may
# serve; LIAISON_STORAGE=s3 keeps them in a private S3-compatible bucket (django-storages,
# `uv sync --extra s3`; credentials from the usual AWS_* variables).
MEDIA_ROOT = Path(os.environ.get("LIAISON_MEDIA_ROOT", VAR_DIR / "media"))
UPLOAD_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if os.environ.get("LIAISON_STORAGE", "local") == "s3":
    UPLOAD_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("LIAISON_S3_BUCKET", "liaison"),
            "endpoint_url": os.environ.get("LIAISON_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("LIAISON_S3_REGION") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
# Behind nginx, the download view may hand the file off to an internal location serving
# MEDIA_ROOT (README, "Deploying"), e.g. LIAISON_ATTACHMENT_ACCEL_PREFIX=/protected/.
LIAISON_ATTACHMENT_ACCEL_PREFIX = os.environ.get("LIAISON_ATTACHMENT_ACCEL_PREFIX", "")
STORAGES = {
    "default": UPLOAD_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024

# Auditlog: JSON diffs, changes grouped by a request id header.
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_CID_HEADER = "x-request-id"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No inline script or style anywhere: code and styles come from static files only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # the style sheets' small SVG icons
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb",
    )
}  # fmt: skip
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LIAISON_LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
    },
}

# The agency whose records an install shows by default (a single-office install has one).
LIAISON_DEFAULT_AGENCY_CODE = os.environ.get("LIAISON_DEFAULT_AGENCY_CODE", "CCAC")
# Attachments: how large (what types: liaison.attachments.validators.ALLOWED).
LIAISON_ATTACHMENT_MAX_BYTES = int(os.environ.get("LIAISON_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024))

ADMIN_SITE_HEADER = _("Liaison")
# The HTTP API's requests per token (or per session user), e.g. "600/min"; empty: no limit.
LIAISON_API_RATE_LIMIT = os.environ.get("LIAISON_API_RATE_LIMIT", "600/min")
