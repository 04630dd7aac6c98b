"""Key and byte encodings the credential formats share: base58-btc multibase
(Data Integrity's `proofValue`, Multikey's `publicKeyMultibase` and
`secretKeyMultibase`) and unpadded base64url (JOSE, the status list).

Base58 is a dozen lines, so we keep it here rather than take a dependency for it.
"""

import base64
import binascii

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_INDEX = {character: value for value, character in enumerate(BASE58_ALPHABET)}

# Multicodec prefixes (varint-encoded) of a raw Ed25519 public key and private key
# seed: "ed25519-pub" 0xed and "ed25519-priv" 0x1300 (DI-EdDSA §2.1.1).
ED25519_PUBLIC_PREFIX = b"\xed\x01"
ED25519_SECRET_PREFIX = b"\x80\x26"


class EncodingError(ValueError):
    """A value is not in the encoding it claims (bad characters, wrong prefix or
    length)."""


def base58btc_encode(data: bytes) -> str:
    """Bitcoin's base58 of `data`; each leading zero byte becomes a "1"."""
    number = int.from_bytes(data, "big")
    characters = []
    while number:
        number, remainder = divmod(number, 58)
        characters.append(BASE58_ALPHABET[remainder])
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * leading_zeros + "".join(reversed(characters))


def base58btc_decode(text: str) -> bytes:
    """The bytes of a base58-btc string; `EncodingError` for a character outside
    the alphabet."""
    number = 0
    for character in text:
        try:
            number = number * 58 + _BASE58_INDEX[character]
        except KeyError:
            raise EncodingError("not base58-btc") from None
    leading_zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * leading_zeros + body


def multibase_base58btc_encode(data: bytes) -> str:
    """Multibase with the base58-btc prefix "z"."""
    return "z" + base58btc_encode(data)


def multibase_base58btc_decode(text: str) -> bytes:
    """The bytes of a "z"-prefixed multibase string; any other base is refused,
    as DI-EdDSA requires."""
    if not isinstance(text, str) or not text.startswith("z"):
        raise EncodingError("not a base58-btc multibase value")
    return base58btc_decode(text[1:])


def base64url_encode(data: bytes) -> str:
    """Base64url without padding (RFC 7515 §2)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def base64url_decode(text: str) -> bytes:
    """The bytes of unpadded base64url; `EncodingError` for padding or characters
    outside the alphabet (a lenient decoder would let two texts mean one token)."""
    if not isinstance(text, str) or not text.isascii() or "=" in text:
        raise EncodingError("not unpadded base64url")
    if len(text) % 4 == 1:
        raise EncodingError("not unpadded base64url")
    try:
        data = base64.b64decode(
            text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4),
            validate=True,
        )
    except (binascii.Error, ValueError):
        raise EncodingError("not unpadded base64url") from None
    if base64url_encode(data) != text:  # stray bits in the last character
        raise EncodingError("not canonical base64url")
    return data


def public_key_multibase(public_key: Ed25519PublicKey) -> str:
    """The Multikey `publicKeyMultibase` of an Ed25519 key (it starts "z6Mk")."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return multibase_base58btc_encode(ED25519_PUBLIC_PREFIX + raw)


def public_key_from_multibase(text: str) -> Ed25519PublicKey:
    """The Ed25519 key of a `publicKeyMultibase`; `EncodingError` unless it is
    base58-btc with the 0xed01 prefix and 32 key bytes."""
    data = multibase_base58btc_decode(text)
    if len(data) != 34 or not data.startswith(ED25519_PUBLIC_PREFIX):
        raise EncodingError("not an Ed25519 Multikey public key")
    return Ed25519PublicKey.from_public_bytes(data[2:])


def secret_key_multibase(private_key: Ed25519PrivateKey) -> str:
    """The Multikey `secretKeyMultibase` of an Ed25519 key (it starts "z3u2").
    Secret: for the key file only."""
    seed = private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return multibase_base58btc_encode(ED25519_SECRET_PREFIX + seed)


def private_key_from_multibase(text: str) -> Ed25519PrivateKey:
    """The Ed25519 key of a `secretKeyMultibase` (0x8026 prefix, 32-byte seed)."""
    data = multibase_base58btc_decode(text)
    if len(data) != 34 or not data.startswith(ED25519_SECRET_PREFIX):
        raise EncodingError("not an Ed25519 Multikey secret key")
    return Ed25519PrivateKey.from_private_bytes(data[2:])
