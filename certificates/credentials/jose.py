"""The JOSE form of a credential (OB 3.0 §8.2, VC-JOSE-COSE): a compact JWS whose
payload is the credential itself (no `vc` wrapper, as in VC 2.0) plus the JWT
claims OB 3.0 asks for, signed with EdDSA (Ed25519).

    header  {"alg": "EdDSA", "typ": "vc+jwt", "kid": "did:web:<host>#z6Mk…"}
    payload the credential without its embedded proof, and
            iss = issuer id, jti = credential id, nbf = validFrom,
            sub = credentialSubject id (when it has one), exp = validUntil (if any)

Signed and checked with `cryptography` directly: a JOSE library would bring
algorithms we do not want to accept. Verification takes EdDSA only and says why
it refuses a token (`JwtError.code`): malformed, `alg: none`, another algorithm,
a key that is not ours, a signature that does not match.
"""

import json
import re
from collections.abc import Callable
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from .multikey import EncodingError, base64url_decode, base64url_encode

ALGORITHM = "EdDSA"
HEADER_TYPE = "vc+jwt"
# Types a verifier may meet on an OB 3.0 token: OB's own text says "JWT".
ACCEPTED_HEADER_TYPES = {HEADER_TYPE, "JWT"}
CLAIMS = ("iss", "sub", "nbf", "exp", "jti", "iat")
# The signature may be empty, so that an unsigned token (alg none) is told as such.
COMPACT_JWS = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")


class JwtError(ValueError):
    """A token we do not accept; `code` names the reason."""

    code = "jwt_malformed"


class JwtMalformed(JwtError):
    code = "jwt_malformed"


class JwtAlgorithmNone(JwtError):
    code = "jwt_alg_none"


class JwtAlgorithmRefused(JwtError):
    code = "jwt_alg_refused"


class JwtUnknownKey(JwtError):
    code = "jwt_unknown_key"


class JwtSignatureMismatch(JwtError):
    code = "jwt_signature_mismatch"


class JwtClaimsMismatch(JwtError):
    """Signed, but the JWT claims contradict the credential they carry."""

    code = "jwt_claims_mismatch"


def _numeric_date(value: str) -> int:
    """A credential's date-time as a JWT NumericDate (whole seconds)."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("a credential's dates carry their time zone")
    return int(moment.timestamp())


def _json_bytes(value: dict) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def jwt_claims(credential: dict) -> dict:
    """The JWT claims for a credential (OB 3.0 §8.2.2)."""
    claims = {"iss": _issuer_id(credential), "jti": credential["id"]}
    claims["nbf"] = _numeric_date(credential["validFrom"])
    subject = credential.get("credentialSubject")
    if isinstance(subject, dict) and isinstance(subject.get("id"), str):
        claims["sub"] = subject["id"]
    if "validUntil" in credential:
        claims["exp"] = _numeric_date(credential["validUntil"])
    return claims


def _issuer_id(credential: dict) -> str | None:
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def encode_jwt(credential: dict, *, private_key: Ed25519PrivateKey, kid: str) -> str:
    """The compact JWS of a credential (its embedded proof, if any, left out)."""
    header = {"alg": ALGORITHM, "typ": HEADER_TYPE, "kid": kid}
    payload = {key: value for key, value in credential.items() if key != "proof"}
    payload.update(jwt_claims(credential))
    signing_input = (
        base64url_encode(_json_bytes(header))
        + "."
        + base64url_encode(_json_bytes(payload))
    )
    signature = private_key.sign(signing_input.encode("ascii"))
    return signing_input + "." + base64url_encode(signature)


def _json_object(segment: str, what: str) -> dict:
    try:
        value = json.loads(base64url_decode(segment))
    except (EncodingError, ValueError):
        raise JwtMalformed(f"the token's {what} is not base64url JSON") from None
    if not isinstance(value, dict):
        raise JwtMalformed(f"the token's {what} is not a JSON object")
    return value


def jwt_header(token: str) -> dict:
    """The token's header, unverified (to find its key); `JwtMalformed` for
    anything that is not a compact JWS, `JwtAlgorithmNone` or
    `JwtAlgorithmRefused` for an algorithm other than EdDSA."""
    if not isinstance(token, str) or not COMPACT_JWS.match(token):
        raise JwtMalformed("not a compact JWS (three base64url parts)")
    header = _json_object(token.split(".", 1)[0], "header")
    algorithm = header.get("alg")
    if isinstance(algorithm, str) and algorithm.lower() == "none":
        raise JwtAlgorithmNone("an unsigned token (alg none) proves nothing")
    if algorithm != ALGORITHM:
        raise JwtAlgorithmRefused(f"algorithm {algorithm!r}; only EdDSA is accepted")
    if "crit" in header:
        raise JwtMalformed("critical header extensions are not understood")
    if "typ" in header and header["typ"] not in ACCEPTED_HEADER_TYPES:
        raise JwtMalformed(f"token type {header['typ']!r} is not a credential")
    if not isinstance(header.get("kid"), str):
        raise JwtUnknownKey("the token names no key (kid)")
    return header


def decode_jwt(
    token: str, *, public_key_for: Callable[[str], Ed25519PublicKey | None]
) -> tuple[dict, dict]:
    """Verifies a compact JWS and returns `(header, payload)`.

    `public_key_for(kid)` gives the public key for the header's `kid`, or None
    for a key that is not ours (`JwtUnknownKey`). Raises `JwtSignatureMismatch`
    when the signature is not that key's over these bytes, `JwtClaimsMismatch`
    when `iss`, `jti`, `nbf`, `sub` or `exp` contradict the credential."""
    header = jwt_header(token)
    public_key = public_key_for(header["kid"])
    if public_key is None:
        raise JwtUnknownKey(f"key {header['kid']!r} is not one of ours")
    signing_input, _, signature_segment = token.rpartition(".")
    try:
        signature = base64url_decode(signature_segment)
    except EncodingError:
        raise JwtMalformed("the token's signature is not base64url") from None
    if not signature:
        raise JwtMalformed("the token has no signature")
    try:
        public_key.verify(signature, signing_input.encode("ascii"))
    except InvalidSignature:
        raise JwtSignatureMismatch("the signature does not match the content") from None
    payload = _json_object(signing_input.split(".", 1)[1], "payload")
    try:
        expected = jwt_claims(payload)
    except (KeyError, TypeError, ValueError):
        raise JwtClaimsMismatch("the token does not carry a credential") from None
    for claim, value in expected.items():
        if payload.get(claim) != value:
            raise JwtClaimsMismatch(f"claim {claim!r} does not match the credential")
    return header, payload


def credential_of(payload: dict) -> dict:
    """The credential a verified payload carries: the payload without the JWT
    claims (VC 2.0 style, the one OB 3.0.3 uses and we issue)."""
    return {key: value for key, value in payload.items() if key not in CLAIMS}
