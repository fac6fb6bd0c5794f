"""Tidtam settings: one module, configured from the environment.

Defaults give a working development/demo set-up on a fresh clone (DEBUG, SQLite in the repo
folder). Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL
(PostgreSQL). Every variable is read through a small typed helper that fails loudly.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean, got {raw!r}")


def envlist(name: str, default: str) -> list[str]:
    return [p.strip() for p in os.environ.get(name, default).split(",") if p.strip()]


DEBUG = envbool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
# Behind a load balancer that changes the Host header: the public origin(s), https://…
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "unfold",  # the operator's admin site (Thai, clean), before django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",  # serves its own swagger-ui from our static files, not from a CDN
    "axes",
    "core",
    "tidtam",
    "thai",
    "orgs",
    "plans",
    "monitoring",
    "evaluation",
    "province",
    "exchange",
    "reports",
    "django_tasks_db",
    "jobs",
    "notify",
]

MIDDLEWARE = [
    "core.logs.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.AdminCspMiddleware",
    "core.middleware.HostileInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.audit.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "tidtam.urls"
WSGI_APPLICATION = "tidtam.wsgi.application"

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
                "django.template.context_processors.csp",
            ],
            "builtins": [
                "thai.templatetags.thai",
                "orgs.templatetags.nav",
                "django.contrib.humanize.templatetags.humanize",
            ],
        },
    }
]

_default_db = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", _default_db))}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # IMMEDIATE transactions + busy timeout: concurrent writers wait instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not shared-cache memory, so tests with several writer threads lock like production.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}
else:
    # Keep a connection per worker between requests (dj-database-url sets 0: a new PostgreSQL
    # backend for every request, which cost more CPU than the request itself under load).
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", 60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Server-side parameter binding: psycopg then prepares a statement the connection has run five
    # times, and PostgreSQL stops parsing and planning the same queries again (half its CPU per
    # save under load). DB_SERVER_SIDE_BINDING=0 for a pooler that cannot keep prepared statements.
    if os.environ.get("DB_SERVER_SIDE_BINDING", "1") == "1":
        _options = DATABASES["default"].setdefault("OPTIONS", {})
        _options["server_side_binding"], _options["prepare_threshold"] = True, 5
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# SQLite cannot declare UNIQUE ... NULLS NOT DISTINCT; services call full_clean(), which checks it.
# axes.W006 asks to lock by address too: an office's whole staff often shares one address, so a
# per-address lock would let one person's typos (or one attacker) sign out everybody there. The
# lock is per username only (see docs/security.md).
SILENCED_SYSTEM_CHECKS = ["models.W047", "axes.W006"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Invitation and password-reset links: single-use (they stop working once a password is set) and
# valid this many seconds (3 days: an invitation may wait over a weekend).
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", 3 * 24 * 3600))
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "th"  # the only language: every request uses it, no LocaleMiddleware needed
LANGUAGES = [("th", "ไทย")]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]  # Thai for the Django messages its catalogue leaves in English
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
FONT_DIR = BASE_DIR / "tidtam" / "static" / "fonts"

# Imports larger than this are refused before they are parsed.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", 20 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_BYTES

# Argon2 for new and re-saved passwords; older hashes still verify and are upgraded at login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Login lockout (django-axes): failures are counted per username only, so no one can lock out
# everybody from one address. After LOGIN_MAX_FAILURES failures a username waits; the wait grows
# with every further failure (see orgs.login.cool_off), and a good login resets the count.
LOGIN_MAX_FAILURES = int(os.environ.get("LOGIN_MAX_FAILURES", 5))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", 15))
AXES_FAILURE_LIMIT = LOGIN_MAX_FAILURES
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_COOLOFF_TIME = "orgs.login.cool_off"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.clients.client_ip"
AXES_USERNAME_CALLABLE = "orgs.login.username_of"
AXES_LOCKOUT_CALLABLE = "orgs.login.locked_out"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# The reverse proxy (nginx) whose X-Forwarded-For is believed; anyone else is known by REMOTE_ADDR.
TRUSTED_PROXIES = envlist("TRUSTED_PROXIES", "127.0.0.1,::1")

# Django's own session store; the axes backend first, so a locked-out username is refused before
# its password is checked, then Django's ModelBackend.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
SESSION_COOKIE_HTTPONLY = True
# Cookies only over HTTPS in production; SECURE_COOKIES=0 is for a loopback bench without TLS.
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy on every response: scripts only from our own origin or inline with the
# request's nonce (templates: <script nonce="{{ csp_nonce }}">), so an injected <img onerror=…> or
# <script> never runs. Styles keep 'unsafe-inline': ECharts draws its tooltips as HTML with inline
# style attributes (the coloured markers, the box), which a nonce cannot cover; a style cannot run
# code, and scripts stay strict.
# Map tiles: OpenStreetMap unless set; MAP_TILE_URL="" draws the points over the province outline
# only (no tile server, e.g. offline).
# Its origin is allowed in the CSP's img-src.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "© ผู้ร่วมให้ข้อมูล OpenStreetMap")
_tile_origin = "/".join(MAP_TILE_URL.split("/")[:3]) if "://" in MAP_TILE_URL else ""
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", *([_tile_origin] if _tile_origin else [])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # nginx sets it

# E-mail (invitations, password resets, notifications) through Django's SMTP backend, configured
# from the environment: EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS (STARTTLS) or EMAIL_USE_SSL,
# EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_TIMEOUT, DEFAULT_FROM_EMAIL. They fill Django 6.1's
# MAILERS (the EMAIL_* settings themselves are deprecated there). Without EMAIL_HOST (development,
# the demo) messages are printed on the console instead of sent.
_smtp = {
    "host": os.environ.get("EMAIL_HOST", ""),
    "port": int(os.environ.get("EMAIL_PORT", 587)),
    "use_tls": envbool("EMAIL_USE_TLS", True),
    "use_ssl": envbool("EMAIL_USE_SSL", False),
    "username": os.environ.get("EMAIL_HOST_USER", ""),
    "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    "timeout": int(os.environ.get("EMAIL_TIMEOUT", 20)),
}
if _smtp["use_tls"] and _smtp["use_ssl"]:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on")
MAILERS = {
    "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": _smtp}
    if _smtp["host"]
    else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ติดตาม <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address links in e-mails and LINE messages point at (https://tidtam.example.go.th). Mail sent
# while answering a request falls back to the request's host; the background worker needs it set.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")

UNFOLD = {
    "SITE_TITLE": "ติดตาม · ผู้ดูแลระบบ",
    "SITE_HEADER": "ติดตาม",
    "SITE_SYMBOL": "monitoring",
    "SHOW_LANGUAGES": False,
}

from core import logs as _logs  # noqa: E402

LOGGING = _logs.config(os.environ.get("LOG_LEVEL", "INFO"), os.environ)

# Background work: django.tasks on the database (django-tasks-db). Workers: `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A failed attempt is retried after JOB_RETRY_BASE_SECONDS × 4^(attempt − 1) (30 s, 2 min, 8 min).
JOB_RETRY_BASE_SECONDS = int(os.environ.get("JOB_RETRY_BASE_SECONDS", 30))
# A running job whose heartbeat is older than this has lost its worker (recover_jobs retries it).
JOB_STALE_SECONDS = int(os.environ.get("JOB_STALE_SECONDS", 300))
JOB_HEARTBEAT_SECONDS = int(os.environ.get("JOB_HEARTBEAT_SECONDS", 30))
# Housekeeping: login attempts kept this many days; unconfirmed uploads and job results kept hours.
LOGIN_ATTEMPTS_KEEP_DAYS = int(os.environ.get("LOGIN_ATTEMPTS_KEEP_DAYS", 90))
UPLOADS_KEEP_HOURS = int(os.environ.get("UPLOADS_KEEP_HOURS", 24))
JOB_RESULTS_KEEP_DAYS = int(os.environ.get("JOB_RESULTS_KEEP_DAYS", 7))

# LINE Messaging API (a LINE Official Account's channel): docs/notifications.md.
LINE_CHANNEL_ACCESS_TOKEN = os.environ.get("LINE_CHANNEL_ACCESS_TOKEN", "")
LINE_CHANNEL_SECRET = os.environ.get("LINE_CHANNEL_SECRET", "")
LINE_API_HOST = os.environ.get("LINE_API_HOST", "https://api.line.me")
LINE_OA_ID = os.environ.get("LINE_OA_ID", "")  # e.g. @tidtam: shown with the add-friend link
