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


# --- credentials, checked without our verification code -----------------------
# pyld for the canonical form, cryptography for Ed25519, a plain chunk reader
# for PNGs (certificates/credentials/ has its own; these must not share it).

CONTEXT_FILES = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": (
        "ob-context-3.0.3.json"
    ),
}
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _bundled_context(url, options=None):
    import json
    from pathlib import Path

    folder = Path(settings.BASE_DIR) / "certificates" / "credentials" / "contexts"
    document = json.loads((folder / CONTEXT_FILES[url]).read_bytes())
    return {"contextUrl": None, "documentUrl": url, "document": document}


def base58_decode(text: str, length: int) -> bytes:
    number = 0
    for character in text:
        number = number * 58 + BASE58.index(character)
    return number.to_bytes(length, "big")


def ed25519_public_key(multikey: str):
    """The Ed25519 key of a Multikey `z6Mk…` (multicodec 0xed01 + 32 bytes)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    raw = base58_decode(multikey[1:], 34)
    assert raw[:2] == b"\xed\x01"
    return Ed25519PublicKey.from_public_bytes(raw[2:])


def data_integrity_proof_verifies(document: dict, public_key) -> bool:
    """eddsa-rdfc-2022 over `document` (with its embedded proof), by hand: URDNA2015
    with pyld, SHA-256 of proof options then document, Ed25519."""
    import copy

    from cryptography.exceptions import InvalidSignature
    from pyld import jsonld

    document = copy.deepcopy(document)
    (proof,) = document.pop("proof")
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    options = {key: value for key, value in proof.items() if key != "proofValue"}
    options["@context"] = document["@context"]

    def canonical(value) -> bytes:
        return jsonld.normalize(
            value,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": _bundled_context,
            },
        ).encode()

    data = (
        hashlib.sha256(canonical(options)).digest()
        + hashlib.sha256(canonical(document)).digest()
    )
    try:
        public_key.verify(base58_decode(proof["proofValue"][1:], 64), data)
    except InvalidSignature:
        return False
    return True


def png_text_chunks(png: bytes, keyword: bytes) -> list[str]:
    """The texts of the uncompressed iTXt chunks with `keyword`, CRCs checked."""
    import zlib

    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    offset, found = 8, []
    while offset < len(png):
        length = int.from_bytes(png[offset : offset + 4], "big")
        kind, data = png[offset + 4 : offset + 8], png[offset + 8 : offset + 8 + length]
        crc = int.from_bytes(png[offset + 8 + length : offset + 12 + length], "big")
        assert zlib.crc32(kind + data) == crc
        if kind == b"iTXt" and data.startswith(keyword + b"\0"):
            found.append(data.split(b"\0", 5)[-1].decode())
        offset += 12 + length
    return found


# --- browser tests ----------------------------------------------------------


def log_in(page, user, language: str) -> None:
    """Log a factory-made user in through the log-in form (Playwright page)."""
    from accounts.factories import DEFAULT_PASSWORD

    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/dashboard/")


def no_sideways_scrolling(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
