"""The test suite: `make test`. Embedded defaults unless DATABASE_URL,
CELERY_BROKER_URL and CACHE_URL point at PostgreSQL and Redis (as CI does)."""

import os

from .base import *  # noqa: F403
from .base import CACHE_URL, DATABASES, VAR_DIR, env_bool

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test process reads mail from Django's outbox; a worker process started by
# the `celery_worker_process` fixture writes it to files the test can read.
EMAIL_BACKEND = os.environ.get(
    "TEST_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
EMAIL_FILE_PATH = os.environ.get("TEST_EMAIL_FILE_PATH", "")

# pytest-xdist runs the suite in several processes (gw0, gw1, ...; the Celery
# worker a test starts inherits the variable): each has its own files, cache keys
# and broker queues, so that one process's cache.clear() or queue purge cannot
# reach into another's test. The database per process is pytest-django's.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
TEST_VAR_DIR = VAR_DIR / "test" / XDIST_WORKER
MEDIA_ROOT = TEST_VAR_DIR / "media"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so that a Celery worker process can open the same
    # test database as the test run.
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_VAR_DIR / "test-db.sqlite3")}

# Set by the `celery_worker_process` fixture: the worker opens the database the
# test run created, not the development one.
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["NAME"] = os.environ["TEST_DATABASE_NAME"]

if not CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif XDIST_WORKER:
    CACHES["default"].update(  # noqa: F405
        BACKEND="tests.cache.PrefixClearedRedisCache",
        KEY_PREFIX=f"cache-{XDIST_WORKER}",
    )

# Tasks run inside the test process unless a test asks for the real worker
# (the `celery_worker_process` fixture switches this off).
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", True)
CELERY_TASK_EAGER_PROPAGATES = True
if os.environ.get("CELERY_BROKER_URL", "filesystem://").startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(TEST_VAR_DIR / "celery/queue"),
        "data_folder_out": str(TEST_VAR_DIR / "celery/queue"),
        "control_folder": str(TEST_VAR_DIR / "celery/control"),
        "store_processed": False,
    }
    for folder in ("celery/queue", "celery/control"):
        (TEST_VAR_DIR / folder).mkdir(parents=True, exist_ok=True)
elif XDIST_WORKER:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        **CELERY_BROKER_TRANSPORT_OPTIONS,  # noqa: F405
        "global_keyprefix": f"{XDIST_WORKER}:",
    }

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A worker process started by a test gets the test's address (conftest.py).
WAGTAILADMIN_BASE_URL = os.environ.get("TEST_SITE_URL", "http://testserver")
# Tests log staff in with force_login; the two-factor rule has its own tests.
MFA_REQUIRED_FOR_STAFF = False
WHITENOISE_AUTOREFRESH = True

# The worker tests give their worker a renderer that holds a certificate in the
# middle of rendering (tests/integration/slow_renderer.py), to kill it there.
CERTIFICATE_RENDERER = os.environ.get(
    "CERTIFICATE_RENDERER",
    CERTIFICATE_RENDERER,  # noqa: F405
)
CERTIFICATE_STORAGE_LOCATION = os.environ.get(
    "CERTIFICATE_STORAGE_LOCATION", str(TEST_VAR_DIR / "private" / "certificates")
)
CREDENTIAL_SIGNING_KEY_FILE = TEST_VAR_DIR / "private" / "credential-signing-key.json"
DATA_EXPORT_STORAGE_LOCATION = os.environ.get(
    "DATA_EXPORT_STORAGE_LOCATION", str(TEST_VAR_DIR / "private" / "exports")
)
STORAGES = {
    **STORAGES,  # noqa: F405
    "certificates": {
        "BACKEND": "accounts.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": CERTIFICATE_STORAGE_LOCATION, "base_url": None},
    },
    "exports": {
        "BACKEND": "accounts.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": DATA_EXPORT_STORAGE_LOCATION, "base_url": None},
    },
}
