"""Settings shared by every environment. Values that differ between machines come
from environment variables; see the README for the list."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Everything the running platform writes (SQLite file, media, queue, cache) lives
# under one folder so a fresh clone has a single thing to delete.
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home.apps.HomeConfig",
    "accounts.apps.AccountsConfig",
    "assessments.apps.AssessmentsConfig",
    "courses.apps.CoursesConfig",
    "events.apps.EventsConfig",
    "certificates.apps.CertificatesConfig",
    "metrics.apps.MetricsConfig",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.AccountsUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lms.csp.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "lms.middleware.RejectNullCharactersMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.audit.AuditRequestMiddleware",
    "accounts.middleware.StaffMFARequiredMiddleware",
    "lms.middleware.ObjectIdMiddleware",
    "accounts.middleware.AdminViewAccessMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "lms.middleware.TranslationParentMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves a web server and a worker at once: wait for
    # the write lock instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "lms.cache.RedisCache",
            "LOCATION": CACHE_URL,
        }
    }
else:
    # A file cache is shared by every process on the machine, so allauth's rate
    # limits hold across web workers even without Redis.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# Sessions are read from the shared cache (one query less on every page) and
# written through to the database, which stays the record.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "courses:dashboard"

# django-allauth: e-mail is the login, and it must be verified before use.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
# Sign-up, password reset and adding an address answer the same whether the
# address has an account or not; the owner of a known address is told by e-mail.
ACCOUNT_PREVENT_ENUMERATION = True
# Adding, removing or switching an e-mail address asks for the password again
# (if the last log-in is older than five minutes); a new address is the login
# only once confirmed.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Creative Cities Academy"
# Everyone who may use the Wagtail admin must turn on two-factor authentication
# before the admin opens for them (accounts.middleware). The test settings turn
# it off for tests that are not about it; production forces it on.
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", True)
# The admin lives here (lms/urls.py). A visitor who is not logged in is sent to
# allauth's log-in (confirmed address, rate limits, second factor); so is one
# who opens Wagtail's own form at /cms/login/ (accounts.views.admin_login).
ADMIN_PATH_PREFIX = "/cms/"
WAGTAILADMIN_LOGIN_URL = "account_login"

LANGUAGE_CODE = "sl"
LANGUAGES = [("sl", _("Slovenian")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Ours first; then the libraries' texts where their catalogues fall short: what
# the Slovenian catalogues of Wagtail, Django and allauth lack or get wrong (about
# 200 admin texts of Wagtail 8, e.g. the admin home's "48 Pages"; Django 5.2's
# password-length message; genitive month names) and allauth's English in the
# site's words ("Log in", not "Sign In"). Kept apart from ours so that
# `make messages` leaves them alone.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
FORMAT_MODULE_PATH = ["lms.formats"]
TIME_ZONE = "Europe/Ljubljana"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Certificates are private: no URL, downloaded through a view that checks who
    # asks. Point CERTIFICATE_STORAGE_BACKEND at an object storage backend (with
    # its OPTIONS from the environment) to keep them there instead.
    "certificates": {
        "BACKEND": os.environ.get(
            "CERTIFICATE_STORAGE_BACKEND",
            "accounts.storage.PrivateFileSystemStorage",
        ),
        "OPTIONS": {
            "location": os.environ.get(
                "CERTIFICATE_STORAGE_LOCATION",
                str(VAR_DIR / "private" / "certificates"),
            ),
            "base_url": None,
        },
    },
    # Personal-data exports (ZIPs of everything held about a learner): private
    # like certificates, downloaded only by their owner through a view.
    "exports": {
        "BACKEND": os.environ.get(
            "DATA_EXPORT_STORAGE_BACKEND",
            "accounts.storage.PrivateFileSystemStorage",
        ),
        "OPTIONS": {
            "location": os.environ.get(
                "DATA_EXPORT_STORAGE_LOCATION",
                str(VAR_DIR / "private" / "exports"),
            ),
            "base_url": None,
        },
    },
}
# How long the security log keeps an event (log-ins carry IP addresses).
SECURITY_EVENT_RETENTION_DAYS = int(
    os.environ.get("SECURITY_EVENT_RETENTION_DAYS", "365")
)
# How long a learner's personal-data export can be downloaded (seconds).
DATA_EXPORT_LIFETIME_SECONDS = int(
    os.environ.get("DATA_EXPORT_LIFETIME_SECONDS", str(7 * 24 * 60 * 60))
)

# Content Security Policy (django-csp). The public site runs no inline script:
# the one inline handler (the "Print" button of a self-assessment result) is
# allowed by its hash; inline style attributes (progress bars) are allowed, style
# sheets come from our origin only. Videos embed from YouTube and Vimeo.
# CSP_EXTRA_SOURCES adds origins (e.g. object storage for media) everywhere.
_CSP_EXTRA = env_list("CSP_EXTRA_SOURCES")
_VIDEO_FRAMES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": [
            "'self'",
            "'unsafe-hashes'",
            "'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='",  # window.print()
        ],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", *_CSP_EXTRA],
        "media-src": ["'self'", *_CSP_EXTRA],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_VIDEO_FRAMES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Staff avatars are the ones they upload, or Wagtail's default: no Gravatar, which
# would send a hash of every staff e-mail address to a third party (and show a
# broken image where the browser cannot reach it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The Wagtail admin (editor widgets, Draftail, chooser modals, live preview) still
# uses inline scripts and styles and blob: image previews:
# a looser policy that keeps the rest (no plugins, no foreign forms or frames).
CSP_ADMIN_PATH_PREFIX = ADMIN_PATH_PREFIX
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [
            "'self'",
            "data:",
            "blob:",
            *_CSP_EXTRA,
        ],
        "media-src": ["'self'", "blob:", *_CSP_EXTRA],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", "https://releases.wagtail.io"],
        "frame-src": ["'self'", *_VIDEO_FRAMES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# Certificates: rendering is retried with exponential backoff (seconds), then the
# certificate is marked failed; a periodic sweep re-enqueues certificates left
# pending longer than the grace period (broker down, worker killed).
CERTIFICATE_RENDER_MAX_RETRIES = int(
    os.environ.get("CERTIFICATE_RENDER_MAX_RETRIES", "5")
)
CERTIFICATE_RENDER_RETRY_BACKOFF = int(
    os.environ.get("CERTIFICATE_RENDER_RETRY_BACKOFF", "30")
)
CERTIFICATE_PENDING_GRACE_SECONDS = int(
    os.environ.get("CERTIFICATE_PENDING_GRACE_SECONDS", "300")
)
# The function that prints a certificate's HTML as PDF bytes (a dotted path).
CERTIFICATE_RENDERER = "certificates.rendering.html_to_pdf"
# The Ed25519 key ring that signs certificates' Open Badges credentials
# (`manage.py credentials_keygen`): a file of its own, outside the database and
# media, readable by its owner only.
CREDENTIAL_SIGNING_KEY_FILE = Path(
    os.environ.get(
        "CREDENTIAL_SIGNING_KEY_FILE",
        VAR_DIR / "private" / "credential-signing-key.json",
    )
)
# Whether the system checks refuse a missing or demo key (certificates.E001):
# production only; development and the tests sign with a demo key.
CREDENTIAL_SIGNING_KEY_REQUIRED = False
# Look-ups of the verification page, counted like allauth's limits (its format,
# the default cache, the client address its adapter gives).
CERTIFICATES_RATE_LIMITS = {"verify": "30/m/ip"}
# Guests' registrations for events (allauth's limiter): per client address and
# per e-mail address, so that nobody mails a stranger links in bulk.
EVENTS_RATE_LIMITS = {
    "guest_register": "10/m/ip,5/h/key",
    # The code said in an online session, per person and session.
    "online_code": "5/m/key",
}
# Fetches of a personal calendar feed: per feed (apps poll every few hours;
# not per address, since Google fetches everyone's feeds from a few), and per
# address for tokens that match no feed (nobody tries tokens in bulk).
EVENTS_CALENDAR_RATE_LIMITS = {"feed": "60/h/key", "feed_miss": "20/m/ip"}
# A registered participant may cancel until this many hours before the start
# (the waitlist is left at any time before it).
# 12, not 24: the reminder a day before still lets people who cannot come free
# their place for the waitlist.
EVENTS_CANCELLATION_DEADLINE_HOURS = 12
# Reminders e-mailed to the registered before a session (events.reminders):
# timedeltas, or numbers of hours. Each goes out once per registration; someone
# registered after a reminder's moment gets only the nearer ones.
EVENTS_REMINDERS_BEFORE = [timedelta(hours=24), timedelta(hours=1)]
# The satisfaction survey after a session or a run (events.feedback): answers
# are taken for this many days after the end; the invitation goes out only
# for what ended at most this many days ago (a beat down for weeks does not
# invite people to a survey about to close).
EVENTS_FEEDBACK_WINDOW_DAYS = 30
EVENTS_FEEDBACK_INVITE_DAYS = 7
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Creative Cities Academy <academy@rcke.si>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery. The embedded default is Kombu's filesystem transport: a real worker
# process, no server. CELERY_BROKER_URL=redis://... or amqp://... switches.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
CELERY_QUEUE_DIR = VAR_DIR / "celery"
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_QUEUE_DIR / "queue"),
        "data_folder_out": str(CELERY_QUEUE_DIR / "queue"),
        "control_folder": str(CELERY_QUEUE_DIR / "control"),
        "store_processed": False,
    }
else:
    # Redis and SQS redeliver an unacknowledged message after this many seconds.
    # Every task's run time, retries and countdowns stay well below it.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request that enqueues a task gives up quickly when the broker is down; the
# work is not lost (see the sweeps), only sent later.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
# Queues. Mail to a person and certificate rendering never wait behind
# housekeeping (Wagtail's reference index, search index, renditions, hundreds at
# a time after an import): they have queues of their own, served by a worker
# process of their own (Procfile, README "Background work"). A worker serves
# several queues in turn, not in order of preference, so only a separate
# process guarantees it. A task that mails a person is named `*_notify` (or is
# routed here by name); everything else goes to Celery's default queue.
CELERY_TASK_QUEUES = [
    Queue("mail"),
    Queue("certificates"),
    Queue("celery"),
    Queue("housekeeping"),
]
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_ROUTES = {
    "accounts.email_send": {"queue": "mail"},
    "*_notify": {"queue": "mail"},
    "certificates.render": {"queue": "certificates"},
    "lms.run_django_task": {"queue": "housekeeping"},
}
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_MAX_TASKS_PER_CHILD = 500
CELERY_WORKER_MAX_MEMORY_PER_CHILD = 400_000  # kilobytes
CELERY_TIMEZONE = TIME_ZONE
METRICS_REFRESH_SECONDS = 300
CELERY_BEAT_SCHEDULE: dict = {
    "certificates-sweep-pending": {
        "task": "certificates.sweep_pending",
        "schedule": 120.0,
    },
    "accounts-expire-data-exports": {
        "task": "accounts.data_exports_expire",
        "schedule": 3600.0,
    },
    "accounts-prune-security-events": {
        "task": "accounts.security_events_prune",
        "schedule": 24 * 3600.0,
    },
    # The participation summary: recent months every 5 minutes (the dashboard
    # says so), every month at night.
    "metrics-summary-refresh": {
        "task": "metrics.summary_refresh",
        "schedule": METRICS_REFRESH_SECONDS,
    },
    "metrics-summary-rebuild": {
        "task": "metrics.summary_rebuild",
        "schedule": crontab(hour=3, minute=30),
    },
    # Reminders before sessions: each is sent in the beat's first run after
    # its moment (so up to this late), once.
    "events-reminders-send": {
        "task": "events.reminders_send",
        "schedule": 300.0,
    },
    # The satisfaction survey's invitations after a session or a run, once each.
    "events-feedback-invitations-send": {
        "task": "events.feedback_invitations_send",
        "schedule": 900.0,
    },
}

# Wagtail's own background work (reference index, image focal points, file
# deletion) goes through django-tasks; this backend hands it to Celery.
TASKS = {"default": {"BACKEND": "lms.tasks_backend.CeleryBackend"}}

# In the reader's language (the admin's title and home; accounts.admin_names).
WAGTAIL_SITE_NAME = _("Creative Cities Academy")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend, made to take any string and to match word forms
# (lms/search.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "lms.search"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "txt", "csv"]
# Uploads: images only in raster formats (no SVG: it can carry script) and at
# most 10 MB / 40 megapixels; documents only in the formats above and at most
# 10 MB (Wagtail sets no limit of its own: 60 MB went through). The web server
# caps every request body (client_max_body_size, see the README).
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_PASSWORD_RESET_ENABLED = False  # allauth owns password reset
# The login e-mail changes only through allauth (accounts.admin_views.AccountView).
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# Staff created in the admin get an invitation to set their own password
# (accounts.services.staff_invitation_send); nobody types one in for them.
WAGTAILUSERS_PASSWORD_ENABLED = False

# How many made-up learners `load_demo` gives a first run (courses/demo_activity.py).
DEMO_LEARNERS = 160

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "fontTools": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
    },
}
