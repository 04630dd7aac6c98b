"""The signing keys: an Ed25519 key ring in a file of its own, outside the
database and media (`CREDENTIAL_SIGNING_KEY_FILE`), so that neither a database
dump nor a media backup, nor anything a web request can reach, carries it.

The ring holds the current key (the one that signs) and the public halves of the
keys it replaced, each with its id and creation date: rotating makes a new
current key and keeps the old public key, so that credentials signed before keep
verifying and the DID document keeps listing it. A key's id is its Multikey
public key (`z6Mk…`); its verification method is `did:web:<host>#<id>`.

The file (JSON, mode 0600, replaced atomically):

    {
      "format": "cca-credential-signing-keys/1",
      "current": {"id": "z6Mk…", "created": "2026-12-01T10:00:00Z",
                  "demo": false, "secretKeyMultibase": "z3u2…"},
      "retired": [{"id": "z6Mk…", "created": "…", "retired": "…", "demo": false}]
    }

A key made for the demo (`credentials_keygen --demo`, which `make run` uses) is
marked `"demo": true`, so that production can refuse to sign with it
(`signing_key_problems`).
"""

import json
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from django.conf import settings

from .dataintegrity import xsd_datetime
from .multikey import (
    EncodingError,
    private_key_from_multibase,
    public_key_from_multibase,
    public_key_multibase,
    secret_key_multibase,
)

KEY_FILE_FORMAT = "cca-credential-signing-keys/1"


class KeyFileError(Exception):
    """The key file is missing, unreadable or not a key ring."""


@dataclass(frozen=True)
class PublicKey:
    """A public key of the ring: the current key's, or a retired one's."""

    key_id: str  # the Multikey publicKeyMultibase, "z6Mk…"
    created: datetime
    public_key: Ed25519PublicKey = field(repr=False, compare=False)
    retired: datetime | None = None
    demo: bool = False


@dataclass(frozen=True)
class SigningKey:
    """The current key, with its private half (never logged: no repr)."""

    key_id: str
    created: datetime
    private_key: Ed25519PrivateKey = field(repr=False, compare=False)
    demo: bool = False

    @property
    def public(self) -> PublicKey:
        return PublicKey(
            key_id=self.key_id,
            created=self.created,
            public_key=self.private_key.public_key(),
            demo=self.demo,
        )

    def verification_method(self, did: str) -> str:
        """This key's verification method under the issuer's DID."""
        return f"{did}#{self.key_id}"


@dataclass(frozen=True)
class KeyRing:
    """The current signing key and the retired public keys, newest first."""

    current: SigningKey
    retired: tuple[PublicKey, ...] = ()

    @property
    def demo(self) -> bool:
        """True when the key that signs was made for the demo."""
        return self.current.demo

    def public_keys(self) -> Iterator[PublicKey]:
        """Every key a credential of ours may be signed with, current first."""
        yield self.current.public
        yield from self.retired

    def public_key(self, key_id: str) -> Ed25519PublicKey | None:
        """The public key with this id (current or retired), or None: not ours."""
        for key in self.public_keys():
            if key.key_id == key_id:
                return key.public_key
        return None

    def rotated(self, *, now: datetime | None = None, demo: bool = False) -> "KeyRing":
        """A ring with a new current key; the old one's public half is kept."""
        now = now or datetime.now(UTC)
        retired_key = replace(self.current.public, retired=now)
        return KeyRing(
            current=new_signing_key(now=now, demo=demo),
            retired=(retired_key, *self.retired),
        )

    def to_json(self) -> str:
        """The key file's text. Holds the private key: write it with `save_keyring`
        only."""
        current = self.current
        return json.dumps(
            {
                "format": KEY_FILE_FORMAT,
                "current": {
                    "id": current.key_id,
                    "created": xsd_datetime(current.created),
                    "demo": current.demo,
                    "secretKeyMultibase": secret_key_multibase(current.private_key),
                },
                "retired": [
                    {
                        "id": key.key_id,
                        "created": xsd_datetime(key.created),
                        "retired": xsd_datetime(key.retired),
                        "demo": key.demo,
                    }
                    for key in self.retired
                ],
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> "KeyRing":
        """The ring in a key file's text; `KeyFileError` if it is not one (the
        message never quotes the file)."""
        try:
            data = json.loads(text)
            if data.get("format") != KEY_FILE_FORMAT:
                raise KeyFileError("the key file is not in the expected format")
            current = data["current"]
            private_key = private_key_from_multibase(current["secretKeyMultibase"])
            if public_key_multibase(private_key.public_key()) != current["id"]:
                raise KeyFileError("the current key's id does not match its key")
            retired = tuple(
                PublicKey(
                    key_id=entry["id"],
                    created=_parse_time(entry["created"]),
                    retired=_parse_time(entry["retired"]),
                    public_key=public_key_from_multibase(entry["id"]),
                    demo=bool(entry.get("demo", False)),
                )
                for entry in data.get("retired", [])
            )
            return cls(
                current=SigningKey(
                    key_id=current["id"],
                    created=_parse_time(current["created"]),
                    private_key=private_key,
                    demo=bool(current.get("demo", False)),
                ),
                retired=retired,
            )
        except KeyFileError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, EncodingError):
            raise KeyFileError("the key file is not a valid key ring") from None


def _parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("a key's dates carry their time zone")
    return moment


def new_signing_key(*, now: datetime | None = None, demo: bool = False) -> SigningKey:
    """A freshly generated Ed25519 key."""
    private_key = Ed25519PrivateKey.generate()
    return SigningKey(
        key_id=public_key_multibase(private_key.public_key()),
        created=(now or datetime.now(UTC)).replace(microsecond=0),
        private_key=private_key,
        demo=demo,
    )


def new_keyring(*, now: datetime | None = None, demo: bool = False) -> KeyRing:
    """A ring with one new key and nothing retired."""
    return KeyRing(current=new_signing_key(now=now, demo=demo))


def keyring_path() -> Path:
    """Where the key file is (`CREDENTIAL_SIGNING_KEY_FILE`)."""
    return Path(settings.CREDENTIAL_SIGNING_KEY_FILE)


def save_keyring(ring: KeyRing, path: Path | None = None) -> Path:
    """Writes the ring to the key file, readable by its owner only: a temporary
    file (created 0600) in the same folder, flushed to disk, then renamed over the
    old one, so that a reader sees the old ring or the new one, never half of
    one, and a crash mid-way leaves the old key in place."""
    path = Path(path or keyring_path())
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )  # mkstemp creates the file with mode 0600
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(ring.to_json())
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)  # the rename itself survives a crash
    finally:
        os.close(folder)
    return path


_cache_lock = threading.Lock()
_cache: dict[Path, tuple[tuple[int, int, int], KeyRing]] = {}


def load_keyring(path: Path | None = None) -> KeyRing:
    """The ring in the key file; `KeyFileError` if it is missing or not a ring.

    A warm worker signs many credentials: the parsed ring is kept while the file
    stays the same (its inode, size and modification time; a rotation renames a
    new file into place, so it is seen at the next call)."""
    path = Path(path or keyring_path())
    try:
        status = path.stat()
    except FileNotFoundError:
        raise KeyFileError(f"no credential signing key file at {path}") from None
    except OSError as error:
        raise KeyFileError(f"the key file cannot be read: {error.strerror}") from None
    stamp = (status.st_ino, status.st_size, status.st_mtime_ns)
    with _cache_lock:
        cached = _cache.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        text = path.read_bytes()
    except OSError as error:
        raise KeyFileError(f"the key file cannot be read: {error.strerror}") from None
    ring = KeyRing.from_json(text)
    with _cache_lock:
        _cache[path] = (stamp, ring)
    return ring


def rotate_keyring(
    path: Path | None = None, *, now: datetime | None = None, demo: bool = False
) -> KeyRing:
    """Replaces the current key by a new one in the key file, keeping the old
    public key, and returns the new ring."""
    ring = load_keyring(path).rotated(now=now, demo=demo)
    save_keyring(ring, path)
    return ring


def signing_key_problems(path: Path | None = None) -> list[str]:
    """What keeps the key file from serving production, in plain words (empty
    when nothing does): missing or unreadable, a demo key, open to other users."""
    path = Path(path or keyring_path())
    try:
        ring = load_keyring(path)
    except KeyFileError as error:
        return [
            f"{error}. Make one with `manage.py credentials_keygen` "
            "(CREDENTIAL_SIGNING_KEY_FILE says where it is kept)."
        ]
    problems = []
    if ring.demo:
        problems.append(
            f"The credential signing key in {path} was made for the demo. "
            "Rotate it with `manage.py credentials_keygen --rotate`."
        )
    if path.stat().st_mode & 0o077:
        problems.append(
            f"The credential signing key file {path} can be read by other users "
            "than its owner (chmod 600 it)."
        )
    return problems


def did_web(host: str, path: str = "") -> str:
    """The did:web of a host (and optional path): `did:web:academy.example`, with
    a port's colon percent-encoded (`did:web:localhost%3A8000`) as the method
    specification says; its document is served at
    `https://<host>/.well-known/did.json`."""
    host = host.lower().replace(":", "%3A")
    segments = [segment for segment in path.strip("/").split("/") if segment]
    return ":".join(["did:web", host, *segments])


def did_document(ring: KeyRing, did: str) -> dict:
    """The DID document (`/.well-known/did.json`) listing every public key of the
    ring as a Multikey verification method, all of them usable for assertions
    (older credentials keep verifying after a rotation)."""
    methods = [
        {
            "id": f"{did}#{key.key_id}",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": key.key_id,
        }
        for key in ring.public_keys()
    ]
    return {
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/multikey/v1",
        ],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }
