"""Baked badges (OB 3.0 §5.3 "Baked Badge"): the credential carried inside the
badge's PNG, in an `iTXt` chunk with the keyword `openbadgecredential`, not
compressed, so that the image alone proves itself.

Pure Python (a PNG is a signature and a list of length-type-data-CRC chunks).
At most one such chunk: baking replaces an existing one, reading takes the first.
"""

import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KEYWORD = b"openbadgecredential"
# What a badge with its credential comes to is a few hundred KiB; the verifier
# refuses anything over 20 MB before it gets here.
MAX_PNG_BYTES = 20 * 1000 * 1000


class BakingError(ValueError):
    """Not a PNG we can bake or read (the message says why)."""


def _chunks(png: bytes):
    """(type, data, offset) of each chunk; `BakingError` for anything that is not
    a whole, intact PNG datastream ending at IEND."""
    if not isinstance(png, bytes | bytearray | memoryview):
        raise BakingError("a PNG is bytes")
    png = bytes(png)
    if len(png) > MAX_PNG_BYTES:
        raise BakingError(f"the image is larger than {MAX_PNG_BYTES} bytes")
    if not png.startswith(PNG_SIGNATURE):
        raise BakingError("not a PNG image")
    offset = len(PNG_SIGNATURE)
    while True:
        if offset + 12 > len(png):
            raise BakingError("the PNG is cut short")
        (length,) = struct.unpack_from(">I", png, offset)
        kind = png[offset + 4 : offset + 8]
        end = offset + 12 + length
        if length > 0x7FFFFFFF or end > len(png):
            raise BakingError("the PNG is cut short")
        data = png[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack_from(">I", png, offset + 8 + length)
        if zlib.crc32(kind + data) != crc:
            raise BakingError(f"the PNG's {kind.decode('latin-1')!r} chunk is damaged")
        yield kind, data, offset
        if kind == b"IEND":
            return
        offset = end


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data))
    )


def _is_credential_chunk(kind: bytes, data: bytes) -> bool:
    return kind == b"iTXt" and data.split(b"\0", 1)[0] == KEYWORD


def bake(png: bytes, text: str) -> bytes:
    """The PNG with `text` (the credential's JSON, or its compact JWS) in an
    uncompressed `openbadgecredential` iTXt chunk just before IEND; an earlier
    such chunk is taken out."""
    if not isinstance(text, str):
        raise BakingError("the credential is text")
    kept = [
        (kind, data)
        for kind, data, _ in _chunks(png)
        if not _is_credential_chunk(kind, data)
    ]
    # keyword NUL, compression flag 0, method 0, empty language tag NUL, empty
    # translated keyword NUL, then the UTF-8 text (PNG spec §11.3.3.4).
    credential = KEYWORD + b"\0\0\0\0\0" + text.encode("utf-8")
    baked = bytearray(PNG_SIGNATURE)
    for kind, data in kept:
        if kind == b"IEND":
            baked += _chunk(b"iTXt", credential)
        baked += _chunk(kind, data)
    if len(baked) > MAX_PNG_BYTES:
        raise BakingError(f"the baked image would be larger than {MAX_PNG_BYTES} bytes")
    return bytes(baked)


def unbake(png: bytes) -> str | None:
    """The text of the first `openbadgecredential` iTXt chunk, or None when the
    PNG has none. `BakingError` for input that is not an intact PNG, or a chunk
    that is compressed or not UTF-8 (the spec forbids compression)."""
    for kind, data, _ in _chunks(png):
        if not _is_credential_chunk(kind, data):
            continue
        rest = data[len(KEYWORD) + 1 :]
        if len(rest) < 2:
            raise BakingError("the credential chunk is cut short")
        compressed, method = rest[0], rest[1]
        if compressed != 0 or method != 0:
            raise BakingError(
                "the credential chunk is compressed, which OB 3.0 forbids"
            )
        parts = rest[2:].split(b"\0", 2)
        if len(parts) != 3:
            raise BakingError("the credential chunk is cut short")
        try:
            return parts[2].decode("utf-8")
        except UnicodeDecodeError:
            raise BakingError("the credential chunk is not UTF-8 text") from None
    return None
