"""Bitstring Status List: the encoding, bit order and the list credential."""

import base64
import gzip
from datetime import UTC, datetime

import pytest

from certificates.credentials import status_list
from certificates.credentials.build import sign
from certificates.credentials.dataintegrity import canonicalize, verify_proof

# The REC's example list (§2.2): 16 KiB of zeros.
SPEC_EXAMPLE = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"


def test_the_specs_example_decodes_to_the_minimum_list_of_zeros():
    bitstring = status_list.decode_bitstring(SPEC_EXAMPLE)
    assert len(bitstring) * 8 == status_list.MIN_BITS
    assert not any(bitstring)


def test_round_trip_and_bit_order():
    bitstring = status_list.new_bitstring()
    for index in (0, 7, 8, 94567, status_list.MIN_BITS - 1):
        status_list.set_bit(bitstring, index)
    decoded = status_list.decode_bitstring(status_list.encode_bitstring(bitstring))
    assert decoded == bitstring
    # Index 0 is the most significant bit of the first byte (the left-most bit).
    assert decoded[0] == 0b1000_0001
    assert decoded[1] == 0b1000_0000
    assert decoded[94567 // 8] == 0x80 >> (94567 % 8)
    assert decoded[-1] == 0b0000_0001
    assert status_list.get_bit(decoded, 94567)
    assert not status_list.get_bit(decoded, 94566)
    status_list.clear_bit(bitstring, 94567)
    assert not status_list.get_bit(bitstring, 94567)


def test_the_encoding_is_gzip_in_unpadded_multibase_base64url():
    encoded = status_list.encode_bitstring(status_list.new_bitstring())
    assert encoded.startswith("u")
    assert "=" not in encoded and "+" not in encoded and "/" not in encoded
    raw = base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4))
    assert gzip.decompress(raw) == bytes(16384)
    assert encoded == status_list.encode_bitstring(status_list.new_bitstring())


def test_indexes_outside_the_list_are_refused():
    bitstring = status_list.new_bitstring()
    for index in (-1, status_list.MIN_BITS, True):
        with pytest.raises(IndexError):
            status_list.get_bit(bitstring, index)
    with pytest.raises(ValueError):
        status_list.new_bitstring(1024)


@pytest.mark.parametrize(
    "encoded",
    [
        "zH4sIAAAAAAAAA",  # another multibase
        "u!!!",
        "u" + base64.urlsafe_b64encode(b"not gzip").decode().rstrip("="),
        "u"
        + base64.urlsafe_b64encode(gzip.compress(bytes(100), mtime=0))
        .decode()
        .rstrip("="),
        "u"
        + base64.urlsafe_b64encode(gzip.compress(bytes(16384), mtime=0)[:20])
        .decode()
        .rstrip("="),
    ],
)
def test_bad_encodings_are_refused(encoded):
    with pytest.raises(status_list.StatusListError):
        status_list.decode_bitstring(encoded)


def test_a_decompression_bomb_is_refused():
    bomb = gzip.compress(bytes(status_list.MAX_BYTES + 1024))
    encoded = "u" + base64.urlsafe_b64encode(bomb).decode().rstrip("=")
    with pytest.raises(status_list.StatusListError, match="more than"):
        status_list.decode_bitstring(encoded)


def test_the_entry_and_the_list_credential(keyring):
    entry = status_list.status_list_entry(
        list_url="https://academy.example/credentials/status/1", index=94567
    )
    assert entry == {
        "id": "https://academy.example/credentials/status/1#94567",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "94567",
        "statusListCredential": "https://academy.example/credentials/status/1",
    }
    bitstring = status_list.new_bitstring()
    status_list.set_bit(bitstring, 94567)
    document = status_list.status_list_credential(
        list_url="https://academy.example/credentials/status/1",
        issuer="did:web:academy.example",
        bitstring=bitstring,
        valid_from=datetime(2026, 12, 1, 10, 0, 0, 123, tzinfo=UTC),
        ttl_ms=300_000,
    )
    assert document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert document["validFrom"] == "2026-12-01T10:00:00Z"
    subject = document["credentialSubject"]
    assert subject["type"] == "BitstringStatusList"
    assert status_list.get_bit(
        status_list.decode_bitstring(subject["encodedList"]), 94567
    )
    assert canonicalize(document)  # every term is defined: it can be signed
    signed = sign(document, keyring.current)
    verify_proof(signed.document, public_key=keyring.current.private_key.public_key())
