"""Signing and verifying: both forms and the baked badge, checked by our
verifier and independently of it (pyld + cryptography, PyJWT, a plain PNG chunk
reader); tampering, keys that are not ours, rotation, revocation, bad input."""

import copy
import json
from datetime import UTC, datetime, timedelta

import jwt as pyjwt
import pytest

from certificates.credentials import baking, status_list
from certificates.credentials.badge import render_badge
from certificates.credentials.build import sign
from certificates.credentials.keys import new_keyring
from certificates.credentials.verify import (
    MAX_PRESENTED_BYTES,
    Outcome,
    Verdict,
    verify,
)
from tests.helpers import (
    data_integrity_proof_verifies,
    ed25519_public_key,
    png_text_chunks,
)

DID = "did:web:academy.example"
LIST_URL = "https://academy.example/credentials/status/1"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


@pytest.fixture
def bitstring():
    return status_list.new_bitstring()


@pytest.fixture
def signed(credential, keyring):
    return sign(credential, keyring.current, created=NOW - timedelta(days=1))


@pytest.fixture
def check(keyring, bitstring):
    """verify() as the verify page calls it, with our ring and status list."""

    def run(presented, **overrides):
        arguments = {
            "keyring": keyring,
            "our_dids": DID,
            "status_bitstring": lambda url: bitstring if url == LIST_URL else None,
            "now": NOW,
            **overrides,
        }
        return verify(presented, **arguments)

    return run


def as_json(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


# --- genuine and valid, in every form ----------------------------------------


def test_the_json_form_is_genuine_and_valid(check, signed, credential):
    result = check(as_json(signed.document))
    assert result.verdict is Verdict.VALID
    assert result.form == "json"
    assert result.genuine
    assert [c.outcome for c in result.checks] == [Outcome.PASSED] * 5 + [
        Outcome.NOT_CHECKED  # no record check given
    ]
    assert result.credential["credentialSubject"] == credential["credentialSubject"]


def test_the_jwt_form_is_genuine_and_valid(check, signed, credential):
    result = check(signed.jwt)
    assert result.verdict is Verdict.VALID
    assert result.form == "jwt"
    assert result.credential == credential


@pytest.mark.parametrize("form", ["json", "jwt"])
def test_a_baked_badge_is_genuine_and_valid(check, signed, form):
    text = as_json(signed.document) if form == "json" else signed.jwt
    png = baking.bake(render_badge(title="Business models", issuer="RCKE"), text)
    result = check(png)
    assert result.verdict is Verdict.VALID
    assert result.form == f"png+{form}"


def test_bytes_with_a_byte_order_mark_and_whitespace_are_read(check, signed):
    presented = b"\xef\xbb\xbf\n  " + as_json(signed.document).encode() + b"\n"
    assert check(presented).verdict is Verdict.VALID


# --- independently of our verifier ------------------------------------------


def test_the_embedded_proof_verifies_with_plain_pyld_and_cryptography(signed, keyring):
    (proof,) = signed.document["proof"]
    method = proof["verificationMethod"]
    assert method == f"{DID}#{keyring.current.key_id}"
    assert proof["proofValue"].startswith("z")
    public_key = ed25519_public_key(method.split("#")[1])
    assert data_integrity_proof_verifies(signed.document, public_key)


def test_the_jwt_verifies_with_pyjwt(signed, keyring):
    payload = pyjwt.decode(
        signed.jwt,
        keyring.current.private_key.public_key(),
        algorithms=["EdDSA"],
        issuer=DID,
        options={"require": ["iss", "nbf", "jti"]},
    )
    assert payload["jti"] == signed.document["id"]


def test_the_badge_unbakes_with_a_plain_chunk_reader(signed):
    png = baking.bake(render_badge(title="Business models", issuer="RCKE"), signed.jwt)
    assert png_text_chunks(png, b"openbadgecredential") == [signed.jwt]


# --- altered ------------------------------------------------------------------


def _tampered(document, change):
    changed = copy.deepcopy(document)
    change(changed)
    return changed


TAMPERINGS = {
    "holder name": lambda d: d["credentialSubject"].update(name="Mojca Novak"),
    "course name": lambda d: d["credentialSubject"]["achievement"].update(
        name="Advanced business models"
    ),
    "valid from": lambda d: d.update(validFrom="2025-11-30T09:15:00Z"),
    "status index": lambda d: d["credentialStatus"].update(statusListIndex="12"),
    "hashed e-mail": lambda d: d["credentialSubject"]["identifier"][0].update(
        identityHash="sha256$" + "0" * 64
    ),
    "an undefined term added": lambda d: d.update(grade="A+"),
    "the proof's date": lambda d: d["proof"][0].update(created="2020-01-01T00:00:00Z"),
}


@pytest.mark.parametrize("change", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_a_changed_json_credential_is_altered(check, signed, change):
    result = check(as_json(_tampered(signed.document, change)))
    assert result.verdict is Verdict.ALTERED
    assert result.check("issuer").outcome is Outcome.PASSED
    assert result.check("proof").outcome is Outcome.FAILED
    assert not result.genuine
    assert result.credential is None


@pytest.mark.parametrize(
    "change",
    [
        TAMPERINGS[name]
        for name in ("holder name", "course name", "valid from", "status index")
    ],
)
def test_a_changed_jwt_is_altered(check, signed, change):
    header, payload, signature = signed.jwt.split(".")
    claims = json.loads(pyjwt.api_jws.base64url_decode(payload))
    change(claims)
    forged = pyjwt.api_jws.base64url_encode(json.dumps(claims).encode()).decode()
    result = check(f"{header}.{forged}.{signature}")
    assert result.verdict is Verdict.ALTERED
    assert result.reason.code == "jwt_signature_mismatch"


# --- not ours -------------------------------------------------------------------


def test_a_credential_signed_with_another_key_is_not_ours(check, credential):
    stranger = new_keyring()
    signed = sign(credential, stranger.current)  # claims our DID, but not our key
    for presented in (as_json(signed.document), signed.jwt):
        result = check(presented)
        assert result.verdict is Verdict.NOT_OURS
        assert result.reason.code in {"unknown_key", "jwt_unknown_key"}
        assert result.check("proof").outcome is Outcome.NOT_CHECKED


def test_a_credential_of_another_issuer_is_not_ours(check, credential):
    other = copy.deepcopy(credential)
    other["issuer"]["id"] = "did:web:badges.example"
    signed = sign(other, new_keyring().current)
    result = check(as_json(signed.document))
    assert result.verdict is Verdict.NOT_OURS
    assert result.reason.code == "foreign_issuer"


# --- rotation, revocation, dates, record ------------------------------------------


def test_an_older_credential_verifies_after_rotation(check, credential, keyring):
    before = sign(credential, keyring.current)
    rotated = keyring.rotated()
    after = sign(credential, rotated.current)
    for presented in (as_json(before.document), before.jwt, as_json(after.document)):
        assert check(presented, keyring=rotated).verdict is Verdict.VALID
    # The old ring does not know the new key.
    assert check(as_json(after.document)).verdict is Verdict.NOT_OURS


def test_a_revoked_credential_is_genuine_but_revoked(check, signed, bitstring):
    status_list.set_bit(bitstring, 94566)  # a neighbour's bit changes nothing
    assert check(signed.jwt).verdict is Verdict.VALID
    status_list.set_bit(bitstring, 94567)
    for presented in (as_json(signed.document), signed.jwt):
        result = check(presented)
        assert result.verdict is Verdict.REVOKED
        assert result.genuine
        assert result.reason.code == "revoked"
    status_list.clear_bit(bitstring, 94567)
    assert check(signed.jwt).verdict is Verdict.VALID


def test_an_unknown_status_list_is_said_so(check, signed):
    result = check(signed.jwt, status_bitstring=lambda url: None)
    assert result.verdict is Verdict.STATUS_UNKNOWN
    assert result.reason.code == "status_list_unknown"

    def broken(url):
        raise ConnectionError("database down")

    assert check(signed.jwt, status_bitstring=broken).verdict is Verdict.STATUS_UNKNOWN


def test_dates(check, credential, keyring, credential_description):
    early = check(
        sign(credential, keyring.current).jwt,
        now=credential_description.valid_from - timedelta(seconds=1),
    )
    assert early.verdict is Verdict.NOT_CURRENT
    assert early.reason.code == "not_yet_valid"
    ending = {**credential, "validUntil": "2026-12-01T00:00:00Z"}
    expired = check(as_json(sign(ending, keyring.current).document))
    assert expired.verdict is Verdict.NOT_CURRENT
    assert expired.reason.code == "expired"


def test_the_record_check_hook(check, signed):
    seen = []

    def matches(credential):
        seen.append(credential["id"])
        return None

    assert check(signed.jwt, record_check=matches).verdict is Verdict.VALID
    assert seen == [signed.document["id"]]
    result = check(signed.jwt, record_check=lambda c: "the holder's name differs")
    assert result.verdict is Verdict.RECORD_MISMATCH
    assert result.reason.detail == "the holder's name differs"


# --- bad input: a reason, never an exception -------------------------------------


def _unsigned_token(signed):
    payload = signed.jwt.split(".")[1]
    header = pyjwt.api_jws.base64url_encode(b'{"alg":"none","typ":"vc+jwt"}').decode()
    return f"{header}.{payload}."


BAD_INPUT = {
    "not json": (b"Hello, I am a certificate", "not_json"),
    "broken json": (b'{"@context": [', "not_json"),
    "json array": (b"[1, 2]", "not_json"),
    "duplicate keys": (b'{"id": "a", "id": "b"}', "not_json"),
    "not text": (b"\xff\xfe\x00garbage", "not_text"),
    "empty": (b"", "not_json"),
    "too large": (b" " * (MAX_PRESENTED_BYTES + 1), "too_large"),
    "png without the chunk": (
        render_badge(title="x", issuer="y", size=64),
        "png_without_credential",
    ),
    "broken png": (baking.PNG_SIGNATURE + b"\0\0\0\rIHDR", "png_invalid"),
    "json without proof": (None, "no_proof"),
    "another cryptosuite": (None, "proof_unsupported"),
    "jwt alg none": (None, "jwt_alg_none"),
    "jwt alg HS256": (None, "jwt_alg_refused"),
    "not a credential": (b'{"hello": "world"}', "not_credential"),
}


@pytest.mark.parametrize("name", BAD_INPUT)
def test_bad_input_is_unreadable_with_a_reason(check, signed, name):
    presented, code = BAD_INPUT[name]
    if name == "json without proof":
        presented = as_json({k: v for k, v in signed.document.items() if k != "proof"})
    elif name == "another cryptosuite":
        presented = as_json(
            _tampered(
                signed.document,
                lambda d: d["proof"][0].update(cryptosuite="ecdsa-rdfc-2019"),
            )
        )
    elif name == "jwt alg none":
        presented = _unsigned_token(signed)
    elif name == "jwt alg HS256":
        header = pyjwt.api_jws.base64url_encode(b'{"alg":"HS256","typ":"JWT"}').decode()
        presented = header + "." + signed.jwt.split(".", 1)[1]
    result = check(presented)
    assert result.verdict is Verdict.UNREADABLE, result
    assert result.reason.code == code
    assert result.reason.name == "readable"
    assert result.credential is None


def test_a_text_too_large_is_refused_before_parsing(check):
    result = check("{" + " " * MAX_PRESENTED_BYTES)
    assert result.reason.code == "too_large"


def test_nothing_escapes_even_for_strange_input(check, signed):
    deep = "[" * 100_000 + "]" * 100_000
    for presented in (
        deep,
        "{" + deep[:-1],
        as_json({"@context": 5, "credentialSubject": {}, "proof": {}}),
        42,
    ):
        result = check(presented)
        assert result.verdict is Verdict.UNREADABLE
    weird = _tampered(signed.document, lambda d: d.update({"@context": {"@vocab": 5}}))
    assert check(as_json(weird)).verdict in {Verdict.ALTERED, Verdict.UNREADABLE}
