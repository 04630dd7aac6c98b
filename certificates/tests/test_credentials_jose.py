"""The JWS form, checked with PyJWT (a JOSE library the code does not use)."""

import json
from datetime import UTC, datetime

import jwt as pyjwt
import pytest

from certificates.credentials import jose
from certificates.credentials.build import sign
from certificates.credentials.multikey import base64url_encode


def _segment(value: dict) -> str:
    return base64url_encode(json.dumps(value).encode())


@pytest.fixture
def token(credential, keyring):
    return sign(credential, keyring.current).jwt


def test_pyjwt_verifies_our_token(token, credential, keyring):
    header = pyjwt.get_unverified_header(token)
    assert header == {
        "alg": "EdDSA",
        "typ": "vc+jwt",
        "kid": f"did:web:academy.example#{keyring.current.key_id}",
    }
    payload = pyjwt.decode(
        token,
        keyring.current.private_key.public_key(),
        algorithms=["EdDSA"],
        issuer="did:web:academy.example",
        options={"require": ["iss", "nbf", "jti"]},
    )
    assert payload["jti"] == credential["id"]
    assert payload["nbf"] == int(datetime(2026, 11, 30, 9, 15, tzinfo=UTC).timestamp())
    assert "sub" not in payload  # the holder has no id of their own
    assert "proof" not in payload
    assert {k: v for k, v in payload.items() if k not in jose.CLAIMS} == credential


def test_our_decoder_reads_our_token(token, credential, keyring):
    key = keyring.current.private_key.public_key()
    header, payload = jose.decode_jwt(token, public_key_for=lambda kid: key)
    assert jose.credential_of(payload) == credential


def test_a_subject_id_becomes_sub(credential, keyring):
    credential["credentialSubject"] = {
        "id": "did:example:ana",
        **credential["credentialSubject"],
    }
    token = jose.encode_jwt(
        credential, private_key=keyring.current.private_key, kid="k"
    )
    payload = pyjwt.decode(
        token, keyring.current.private_key.public_key(), algorithms=["EdDSA"]
    )
    assert payload["sub"] == "did:example:ana"


def test_refusals_have_distinct_reasons(token, keyring):
    key = keyring.current.private_key.public_key()
    header, payload, signature = token.split(".")
    cases = {
        "jwt_alg_none": _segment({"alg": "none"}) + "." + payload + ".",
        "jwt_alg_refused": _segment({"alg": "HS256", "kid": "k"})
        + f".{payload}.{signature}",
        "jwt_malformed": "not.a-token",
    }
    none_token = _segment({"alg": "none", "typ": "vc+jwt"}) + "." + payload + ".c2ln"
    for code, bad in {**cases, "jwt_alg_none ": none_token}.items():
        with pytest.raises(jose.JwtError) as raised:
            jose.decode_jwt(bad, public_key_for=lambda kid: key)
        assert raised.value.code == code.strip()
    with pytest.raises(jose.JwtUnknownKey):
        jose.decode_jwt(token, public_key_for=lambda kid: None)
    forged = json.loads(pyjwt.api_jws.base64url_decode(payload))
    forged["name"] = "Something else"
    with pytest.raises(jose.JwtSignatureMismatch):
        jose.decode_jwt(
            f"{header}.{_segment(forged)}.{signature}", public_key_for=lambda kid: key
        )


def test_claims_that_contradict_the_credential_are_refused(credential, keyring):
    private_key = keyring.current.private_key
    token = jose.encode_jwt(credential, private_key=private_key, kid="k")
    header, payload, _ = token.split(".")
    claims = json.loads(pyjwt.api_jws.base64url_decode(payload))
    claims["nbf"] += 86400  # signed by us, but not what the credential says
    signing_input = f"{header}.{_segment(claims)}"
    bad = (
        signing_input + "." + base64url_encode(private_key.sign(signing_input.encode()))
    )
    with pytest.raises(jose.JwtClaimsMismatch):
        jose.decode_jwt(bad, public_key_for=lambda kid: private_key.public_key())


@pytest.mark.parametrize(
    "token",
    [
        "",
        "a.b",
        "a.b.c.d",
        "***.***.***",
        _segment({"alg": "EdDSA"}) + ".e30.AA==",  # padding
        "e30.e30.e30",  # a header without alg
        _segment(["EdDSA"]) + ".e30.e30",  # not an object
        _segment({"alg": "EdDSA", "kid": "k", "crit": ["b64"]}) + ".e30.e30",
    ],
)
def test_malformed_tokens(token, keyring):
    with pytest.raises(jose.JwtError):
        jose.decode_jwt(
            token, public_key_for=lambda kid: keyring.current.private_key.public_key()
        )
