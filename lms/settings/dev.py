"""Local development: `make run`. Embedded defaults, e-mail printed to the console."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

DEBUG = True
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "dev-only-insecure-key-never-use-in-production"
)
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
ALLOWED_HOSTS = ["*"]
# The demo administrator logs in without an authenticator app; set
# MFA_REQUIRED_FOR_STAFF=1 to try the production rule.
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", False)

for folder in ("celery/queue", "celery/control", "media", "cache"):
    (VAR_DIR / folder).mkdir(parents=True, exist_ok=True)
