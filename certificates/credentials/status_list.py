"""W3C Bitstring Status List v1.0: one bit per credential in a list we publish
(as a credential we sign), set when the credential is revoked.

The list is at least 131,072 bits (16 KiB) so that one credential's bit does not
stand out; index 0 is the most significant bit of the first byte; the published
form is `"u"` + base64url (no padding) of the GZIP-compressed bytes (§2.1, §3.1).
"""

import gzip
import zlib
from datetime import datetime

from .dataintegrity import xsd_datetime
from .loader import CREDENTIALS_V2
from .multikey import EncodingError, base64url_decode, base64url_encode

MIN_BITS = 131_072
# A published list of 16 KiB compresses to a few dozen bytes; anything that
# unpacks to more than this is not one of ours (and may be a decompression bomb).
MAX_BYTES = 16 * 1024 * 1024

ENTRY_TYPE = "BitstringStatusListEntry"
LIST_TYPE = "BitstringStatusList"
LIST_CREDENTIAL_TYPE = "BitstringStatusListCredential"
REVOCATION = "revocation"


class StatusListError(ValueError):
    """An encoded list that is not one: not multibase base64url, not GZIP, too
    short or too long."""


def new_bitstring(size_bits: int = MIN_BITS) -> bytearray:
    """An all-clear list of `size_bits` bits (a whole number of bytes, at least
    the minimum)."""
    if size_bits < MIN_BITS or size_bits % 8:
        raise ValueError(f"a status list has a multiple of 8 bits, at least {MIN_BITS}")
    return bytearray(size_bits // 8)


def _position(bitstring: bytes | bytearray, index: int) -> tuple[int, int]:
    if not isinstance(index, int) or isinstance(index, bool) or index < 0:
        raise IndexError("a status list index is a whole number, 0 or more")
    if index >= len(bitstring) * 8:
        raise IndexError(
            f"index {index} is beyond the list's {len(bitstring) * 8} bits"
        )
    return index // 8, 0x80 >> (index % 8)


def get_bit(bitstring: bytes | bytearray, index: int) -> bool:
    """Whether the bit at `index` is set (the credential there is revoked)."""
    byte, mask = _position(bitstring, index)
    return bool(bitstring[byte] & mask)


def set_bit(bitstring: bytearray, index: int, value: bool = True) -> None:
    """Sets (or, with `value=False`, clears) the bit at `index`, in place."""
    byte, mask = _position(bitstring, index)
    if value:
        bitstring[byte] |= mask
    else:
        bitstring[byte] &= ~mask & 0xFF


def clear_bit(bitstring: bytearray, index: int) -> None:
    """Clears the bit at `index`, in place."""
    set_bit(bitstring, index, False)


def encode_bitstring(bitstring: bytes | bytearray) -> str:
    """The `encodedList` of a bitstring. GZIP's header time is left at zero so
    that the same list always encodes to the same text."""
    if len(bitstring) * 8 < MIN_BITS:
        raise ValueError(f"a status list has at least {MIN_BITS} bits")
    return "u" + base64url_encode(gzip.compress(bytes(bitstring), mtime=0))


def decode_bitstring(encoded: str) -> bytes:
    """The bitstring of an `encodedList`; `StatusListError` unless it is
    multibase base64url of GZIP data that unpacks to 131,072 bits or more (and to
    no more than 16 MiB)."""
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise StatusListError("encodedList is not multibase base64url")
    try:
        compressed = base64url_decode(encoded[1:])
    except EncodingError:
        raise StatusListError("encodedList is not multibase base64url") from None
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # GZIP only
    try:
        bitstring = decompressor.decompress(compressed, MAX_BYTES)
    except zlib.error:
        raise StatusListError("encodedList is not GZIP data") from None
    if decompressor.unconsumed_tail:
        raise StatusListError("encodedList unpacks to more than a status list")
    if not decompressor.eof:
        raise StatusListError("encodedList is cut short")
    if len(bitstring) * 8 < MIN_BITS:
        raise StatusListError(f"the status list is shorter than {MIN_BITS} bits")
    return bitstring


def status_list_entry(*, list_url: str, index: int, purpose: str = REVOCATION) -> dict:
    """A credential's `credentialStatus`: its bit in the list at `list_url`. The
    entry's own id is the list URL with the index as fragment (the spec forbids
    the bare list URL; OB 3.0's schema asks for an id)."""
    if not isinstance(index, int) or index < 0:
        raise ValueError("a status list index is a whole number, 0 or more")
    return {
        "id": f"{list_url}#{index}",
        "type": ENTRY_TYPE,
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def status_list_credential(
    *,
    list_url: str,
    issuer: str,
    bitstring: bytes | bytearray,
    valid_from: datetime,
    purpose: str = REVOCATION,
    ttl_ms: int | None = None,
) -> dict:
    """The (unsigned) `BitstringStatusListCredential` published at `list_url`,
    to be signed like our other credentials (§3.6: "the same securing
    mechanism"). `ttl_ms` tells verifiers how long they may cache it."""
    subject = {
        "id": f"{list_url}#list",
        "type": LIST_TYPE,
        "statusPurpose": purpose,
        "encodedList": encode_bitstring(bitstring),
    }
    if ttl_ms is not None:
        subject["ttl"] = ttl_ms
    return {
        "@context": [CREDENTIALS_V2],
        "id": list_url,
        "type": ["VerifiableCredential", LIST_CREDENTIAL_TYPE],
        "issuer": issuer,
        "validFrom": xsd_datetime(valid_from),
        "credentialSubject": subject,
    }
