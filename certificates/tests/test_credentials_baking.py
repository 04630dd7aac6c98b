"""Baking a credential into a PNG, read back with a chunk reader of our own."""

import struct
import zlib

import pytest
from PIL import Image

from certificates.credentials import baking


def small_png() -> bytes:
    import io

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (11, 85, 99)).save(buffer, format="PNG")
    return buffer.getvalue()


def plain_chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """A PNG's chunks, read the plain way (independent of baking.py)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = [], 8
    while offset < len(png):
        length = int.from_bytes(png[offset : offset + 4], "big")
        kind = png[offset + 4 : offset + 8]
        data = png[offset + 8 : offset + 8 + length]
        crc = int.from_bytes(png[offset + 8 + length : offset + 12 + length], "big")
        assert zlib.crc32(kind + data) == crc
        chunks.append((kind, data))
        offset += 12 + length
    return chunks


def itxt(keyword: bytes, text: bytes, compressed: int = 0) -> bytes:
    data = keyword + b"\0" + bytes([compressed, 0]) + b"\0\0" + text
    return (
        struct.pack(">I", len(data))
        + b"iTXt"
        + data
        + struct.pack(">I", zlib.crc32(b"iTXt" + data))
    )


def test_the_credential_is_an_uncompressed_itxt_chunk_before_iend():
    text = '{"name": "Poslovni modeli — ustvarjalna praksa"}'
    baked = baking.bake(small_png(), text)
    chunks = plain_chunks(baked)
    assert chunks[-1][0] == b"IEND"
    kind, data = chunks[-2]
    assert kind == b"iTXt"
    keyword, rest = data.split(b"\0", 1)
    assert keyword == b"openbadgecredential"
    assert rest[:2] == b"\0\0"  # not compressed
    language, translated, body = rest[2:].split(b"\0", 2)
    assert (language, translated) == (b"", b"")
    assert body.decode("utf-8") == text
    assert baking.unbake(baked) == text
    Image.open(__import__("io").BytesIO(baked)).load()  # still an image


def test_baking_again_replaces_the_chunk():
    baked = baking.bake(baking.bake(small_png(), "first"), "second")
    credentials = [c for c in plain_chunks(baked) if c[0] == b"iTXt"]
    assert len(credentials) == 1
    assert baking.unbake(baked) == "second"


def test_a_png_without_the_chunk_reads_none():
    assert baking.unbake(small_png()) is None


def test_other_itxt_chunks_are_kept():
    png = small_png()
    with_comment = png[:-12] + itxt(b"Comment", b"made by us") + png[-12:]
    baked = baking.bake(with_comment, "credential")
    kinds = [
        data.split(b"\0")[0] for kind, data in plain_chunks(baked) if kind == b"iTXt"
    ]
    assert kinds == [b"Comment", b"openbadgecredential"]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"GIF89a" + bytes(40),
        b'{"@context": []}',
        small_png()[:-20],  # cut short
        small_png()[:30] + b"\xff" + small_png()[31:],  # a damaged chunk
    ],
)
def test_what_is_not_an_intact_png_is_refused(data):
    with pytest.raises(baking.BakingError):
        baking.unbake(data)
    with pytest.raises(baking.BakingError):
        baking.bake(data, "x")


def test_an_oversized_image_is_refused_before_parsing():
    huge = b"\x89PNG\r\n\x1a\n" + bytes(baking.MAX_PNG_BYTES)
    with pytest.raises(baking.BakingError, match="larger"):
        baking.unbake(huge)


def test_a_compressed_credential_chunk_is_refused():
    png = small_png()
    compressed = (
        png[:-12] + itxt(b"openbadgecredential", zlib.compress(b"x"), 1) + png[-12:]
    )
    with pytest.raises(baking.BakingError, match="compressed"):
        baking.unbake(compressed)
