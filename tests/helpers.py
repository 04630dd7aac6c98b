"""What several test modules share and is not a model factory (those are in each
app's `factories.py`) or a fixture (the conftests): form data, a one-time code,
the walk over the site's URLs, the broker's queues. A test module never imports
another test module; it imports from here."""

import base64
import functools
import hashlib
import hmac
import struct
import time
from collections.abc import Iterator

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

# --- accounts ---------------------------------------------------------------

# A sign-up form a person would send: every field filled in, consent given.
SIGNUP_FORM = {
    "email": "ana@studio.si",
    "full_name": "Ana Novak",
    "password1": "kolaž-in-barva-2026",
    "password2": "kolaž-in-barva-2026",
    "sector": "design",
    "city": "ljubljana",
    "organisation": "Studio Novak",
    "business_stage": "starting",
    "gender": "female",
    "year_of_birth": "1990",
    "privacy_consent": "on",
}


def signup_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("account_signup")


def authenticator_app_code(secret: str) -> str:
    """What an authenticator app shows now for this secret (RFC 6238, SHA-1, 30 s).
    In the last two seconds of a period the code would be stale by the time the
    server checks it (allauth accepts the current period only), so this waits for
    the next one, as a person reading the app would."""
    remaining = 30 - time.time() % 30
    if remaining < 2:
        time.sleep(remaining + 0.05)
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(
        key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1
    ).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


# --- the site's URLs (role matrix, hostile ids) -------------------------------
# Walked from the URL resolver, for the tests that must cover the whole site: a
# new URL cannot slip past them.


def named_patterns(
    patterns=None, namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    """(namespaced URL name, pattern) for every named URL pattern of the site."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from named_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


@functools.cache
def site_patterns() -> tuple[tuple[str, URLPattern], ...]:
    """named_patterns() of the site's URLconf, walked once per test process."""
    return tuple(named_patterns())


def signed_in(client, user) -> None:
    """The test client's session is `user`'s (None: nobody's). A walk over many
    pages calls this before each: it logs in again only where the last page
    ended the session, since a log-in writes a session and a security event."""
    signed_in_as = client.session.get("_auth_user_id")
    if user is None:
        if signed_in_as is not None:
            client.logout()
    elif signed_in_as != str(user.pk):
        client.force_login(user)


def status_of(response, url: str) -> int:
    """A 404 outside the language prefix is answered by LocaleMiddleware with a
    redirect to the same path under /sl/ (which is a 404 too)."""
    location = response.get("Location", "").split("?")[0]
    path = url.split("?")[0]
    if response.status_code == 302 and location in (f"/sl{path}", f"/sl{path}/"):
        return 404
    return response.status_code


# --- the broker ---------------------------------------------------------------

# django-tasks handed to Celery, as in production (the test settings run them
# inline).
CELERY_BACKEND = {"default": {"BACKEND": "lms.tasks_backend.CeleryBackend"}}


def waiting(queue: str) -> int:
    """How many messages wait in `queue` on the broker."""
    from lms.celery import app

    with app.connection_for_write() as connection:
        return connection.default_channel.queue_declare(queue=queue).message_count


def all_waiting() -> int:
    return sum(waiting(queue.name) for queue in settings.CELERY_TASK_QUEUES)
