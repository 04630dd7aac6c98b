"""Verifying what someone shows us: a credential's JSON (embedded proof), its
compact JWS, or a baked badge PNG carrying either.

`verify()` finds which of these it was given and checks, in order:

1. readable: it parses, and is a credential with a proof we can check;
2. issuer: the proof's key is one of ours (current or retired) under our DID;
3. proof: the signature matches the content (eddsa-rdfc-2022 or EdDSA JWS);
4. dates: `validFrom` has come and `validUntil` (if any) has not passed;
5. status: the credential's bit in our revocation list is clear;
6. record: the content matches our record (a check the caller passes in).

The verdict says what a person needs to know; each check's outcome says what
passed. Nothing raises: bad input of any kind is a verdict of "unreadable" with
the reason (`Check.code`), for the page to put in words.
"""

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from . import baking, jose
from .dataintegrity import (
    MalformedProof,
    ProofError,
    embedded_proof,
    verify_proof,
)
from .keys import KeyRing
from .status_list import ENTRY_TYPE, REVOCATION, get_bit

logger = logging.getLogger(__name__)

# Refused before anything is parsed (the upload limit of the page is the caller's).
MAX_PRESENTED_BYTES = 20 * 1000 * 1000


class Verdict(StrEnum):
    VALID = "valid"  # genuine and valid
    REVOKED = "revoked"  # genuine, but revoked
    NOT_CURRENT = "not_current"  # genuine, but before validFrom or after validUntil
    STATUS_UNKNOWN = "status_unknown"  # genuine, but its revocation bit was not found
    RECORD_MISMATCH = "record_mismatch"  # genuine, but not what our record says
    ALTERED = "altered"  # our key, but the signature does not match the content
    NOT_OURS = "not_ours"  # not signed with one of our keys
    UNREADABLE = "unreadable"  # not a credential we can check (see the reason)

    @property
    def genuine(self) -> bool:
        """Signed by us, unchanged since."""
        return self in GENUINE


GENUINE = frozenset(
    {
        Verdict.VALID,
        Verdict.REVOKED,
        Verdict.NOT_CURRENT,
        Verdict.STATUS_UNKNOWN,
        Verdict.RECORD_MISMATCH,
    }
)


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    NOT_CHECKED = "not_checked"


CHECK_NAMES = ("readable", "issuer", "proof", "dates", "status", "record")


@dataclass(frozen=True)
class Check:
    """One check's outcome; `code` is a stable reason for a failure, `detail`
    the same in English words (for logs and the command line)."""

    name: str
    outcome: Outcome
    code: str = ""
    detail: str = ""


@dataclass(frozen=True)
class VerificationResult:
    verdict: Verdict
    checks: tuple[Check, ...]
    # "json", "jwt", "png+json" or "png+jwt"; None when it could not be told.
    form: str | None = None
    # The credential as presented (for a JWT, its payload less the JWT claims);
    # None when unreadable.
    credential: dict | None = field(default=None, repr=False)

    @property
    def genuine(self) -> bool:
        return self.verdict.genuine

    @property
    def reason(self) -> Check | None:
        """The check that decided the verdict (the first failure), if any."""
        return next(
            (check for check in self.checks if check.outcome is Outcome.FAILED), None
        )

    def check(self, name: str) -> Check:
        return next(check for check in self.checks if check.name == name)


class _Refusal(Exception):
    """Stops the checks: `verdict` with the failed check."""

    def __init__(self, verdict: Verdict, name: str, code: str, detail: str) -> None:
        super().__init__(detail)
        self.verdict = verdict
        self.check = Check(name, Outcome.FAILED, code, detail)


def _unreadable(code: str, detail: str) -> _Refusal:
    return _Refusal(Verdict.UNREADABLE, "readable", code, detail)


def _refuse_duplicates(pairs: list[tuple[str, object]]) -> dict:
    # Two parsers may keep different ones of two equal keys, so two readers of
    # one file could see two credentials.
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice")
        result[key] = value
    return result


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _parse_json(text: str) -> dict:
    try:
        value = json.loads(
            text, object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_constant
        )
    except RecursionError:
        raise _unreadable("not_json", "nested too deeply") from None
    except ValueError as error:
        raise _unreadable("not_json", f"not valid JSON: {error}") from None
    if not isinstance(value, dict):
        raise _unreadable("not_credential", "not a JSON object")
    return value


def _text_of(presented: bytes | str) -> tuple[str, str]:
    """(the presented text, its container "" or "png+")."""
    if isinstance(presented, str):
        if len(presented) > MAX_PRESENTED_BYTES:
            raise _unreadable("too_large", "larger than 20 MB")
        presented = presented.encode("utf-8", "surrogatepass")
    if not isinstance(presented, bytes | bytearray | memoryview):
        raise _unreadable("not_text", "neither text nor a file")
    presented = bytes(presented)
    if len(presented) > MAX_PRESENTED_BYTES:
        raise _unreadable("too_large", "larger than 20 MB")
    if presented.startswith(baking.PNG_SIGNATURE):
        try:
            text = baking.unbake(presented)
        except baking.BakingError as error:
            raise _unreadable("png_invalid", str(error)) from None
        if text is None:
            raise _unreadable(
                "png_without_credential", "the PNG carries no openbadgecredential"
            )
        return text, "png+"
    try:
        return presented.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        raise _unreadable("not_text", "neither UTF-8 text nor a PNG image") from None


def _split_method(method: object) -> tuple[str, str]:
    if not isinstance(method, str) or method.count("#") != 1:
        return "", ""
    did, _, key_id = method.partition("#")
    return did, key_id


def _key_for(method: object, keyring: KeyRing, our_dids: frozenset[str]):
    """The public key a verification method names, or a NOT_OURS refusal."""
    did, key_id = _split_method(method)
    if did not in our_dids:
        raise _Refusal(
            Verdict.NOT_OURS,
            "issuer",
            "foreign_issuer",
            f"signed by {did or method!r}, not by us",
        )
    public_key = keyring.public_key(key_id)
    if public_key is None:
        raise _Refusal(
            Verdict.NOT_OURS,
            "issuer",
            "unknown_key",
            f"key {key_id!r} is not one of ours",
        )
    return public_key


def _issuer_id(credential: dict) -> object:
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def _check_issuer_matches(credential: dict, method: str) -> None:
    did, _ = _split_method(method)
    if _issuer_id(credential) != did:
        raise _Refusal(
            Verdict.ALTERED,
            "proof",
            "issuer_mismatch",
            "the credential's issuer is not the key's owner",
        )


def _verify_json(
    text: str, keyring: KeyRing, our_dids: frozenset[str], checks: list[Check]
) -> dict:
    credential = _parse_json(text)
    if "@context" not in credential or "credentialSubject" not in credential:
        raise _unreadable("not_credential", "not a verifiable credential")
    try:
        proof = embedded_proof(credential)
    except MalformedProof as error:
        code = error.code if "proof" in credential else "no_proof"
        raise _unreadable(code, str(error)) from None
    checks.append(Check("readable", Outcome.PASSED))
    public_key = _key_for(proof.get("verificationMethod"), keyring, our_dids)
    checks.append(Check("issuer", Outcome.PASSED))
    try:
        verify_proof(credential, public_key=public_key)
    except ProofError as error:
        # Our key, so we signed this; whatever fails now was changed since.
        raise _Refusal(Verdict.ALTERED, "proof", error.code, str(error)) from None
    _check_issuer_matches(credential, proof["verificationMethod"])
    checks.append(Check("proof", Outcome.PASSED))
    return credential


def _verify_jwt(
    token: str, keyring: KeyRing, our_dids: frozenset[str], checks: list[Check]
) -> dict:
    try:
        header = jose.jwt_header(token)
    except jose.JwtUnknownKey as error:
        checks.append(Check("readable", Outcome.PASSED))
        raise _Refusal(Verdict.NOT_OURS, "issuer", error.code, str(error)) from None
    except jose.JwtError as error:
        raise _unreadable(error.code, str(error)) from None
    checks.append(Check("readable", Outcome.PASSED))
    public_key = _key_for(header["kid"], keyring, our_dids)
    checks.append(Check("issuer", Outcome.PASSED))
    try:
        _, payload = jose.decode_jwt(token, public_key_for=lambda _kid: public_key)
    except jose.JwtError as error:
        raise _Refusal(Verdict.ALTERED, "proof", error.code, str(error)) from None
    credential = jose.credential_of(payload)
    _check_issuer_matches(credential, header["kid"])
    checks.append(Check("proof", Outcome.PASSED))
    return credential


def _parse_time(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError("not a date-time")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("no time zone")
    return moment


def _check_dates(credential: dict, now: datetime) -> Check:
    try:
        valid_from = _parse_time(credential.get("validFrom"))
        valid_until = (
            _parse_time(credential["validUntil"])
            if "validUntil" in credential
            else None
        )
    except ValueError:
        return Check("dates", Outcome.FAILED, "bad_dates", "its dates cannot be read")
    if valid_from > now:
        return Check("dates", Outcome.FAILED, "not_yet_valid", "not valid yet")
    if valid_until is not None and valid_until <= now:
        return Check("dates", Outcome.FAILED, "expired", "no longer valid")
    return Check("dates", Outcome.PASSED)


def _revocation_entry(credential: dict) -> dict | None:
    status = credential.get("credentialStatus")
    entries = status if isinstance(status, list) else [status]
    for entry in entries:
        if (
            isinstance(entry, dict)
            and entry.get("type") == ENTRY_TYPE
            and entry.get("statusPurpose") == REVOCATION
        ):
            return entry
    return None


def _check_status(
    credential: dict, status_bitstring: Callable[[str], bytes | None]
) -> Check:
    entry = _revocation_entry(credential)
    if entry is None:
        return Check(
            "status", Outcome.FAILED, "no_status", "it names no revocation list"
        )
    list_url = entry.get("statusListCredential")
    index_text = entry.get("statusListIndex")
    if not isinstance(list_url, str) or not (
        isinstance(index_text, str) and index_text.isdecimal() and index_text.isascii()
    ):
        return Check(
            "status", Outcome.FAILED, "bad_status", "its status entry is unreadable"
        )
    try:
        bitstring = status_bitstring(list_url)
    except Exception:
        logger.exception("Status list %s could not be read", list_url)
        bitstring = None
    if bitstring is None:
        return Check(
            "status",
            Outcome.FAILED,
            "status_list_unknown",
            "its status list was not found",
        )
    try:
        revoked = get_bit(bitstring, int(index_text))
    except IndexError:
        return Check(
            "status",
            Outcome.FAILED,
            "status_index_out_of_range",
            "its status index is not in the list",
        )
    if revoked:
        return Check("status", Outcome.FAILED, "revoked", "revoked")
    return Check("status", Outcome.PASSED)


def _check_record(
    credential: dict, record_check: Callable[[dict], str | None] | None
) -> Check:
    if record_check is None:
        return Check("record", Outcome.NOT_CHECKED)
    try:
        difference = record_check(credential)
    except Exception:
        logger.exception("The record check of a credential failed")
        return Check(
            "record",
            Outcome.FAILED,
            "record_unavailable",
            "the record could not be read",
        )
    if difference:
        return Check("record", Outcome.FAILED, "record_mismatch", difference)
    return Check("record", Outcome.PASSED)


def _genuine_verdict(dates: Check, status: Check, record: Check) -> Verdict:
    if status.code == "revoked":
        return Verdict.REVOKED
    if dates.outcome is Outcome.FAILED:
        return Verdict.NOT_CURRENT
    if status.outcome is Outcome.FAILED:
        return Verdict.STATUS_UNKNOWN
    if record.outcome is Outcome.FAILED:
        return Verdict.RECORD_MISMATCH
    return Verdict.VALID


def _complete(checks: list[Check]) -> tuple[Check, ...]:
    done = {check.name for check in checks}
    return tuple(checks) + tuple(
        Check(name, Outcome.NOT_CHECKED) for name in CHECK_NAMES if name not in done
    )


def verify(
    presented: bytes | str,
    *,
    keyring: KeyRing,
    our_dids: str | Iterable[str],
    status_bitstring: Callable[[str], bytes | None],
    record_check: Callable[[dict], str | None] | None = None,
    now: datetime | None = None,
) -> VerificationResult:
    """Checks a presented credential (JSON, compact JWS, or baked PNG of either;
    bytes or text) and says what it is. Never raises.

    keyring: our keys; a proof by any other key is "not ours".
    our_dids: the issuer DID(s) we sign as (`did:web:<host>`; several if the
        host has changed).
    status_bitstring: gives the bitstring of the status list at a URL (from the
        database), or None for a list we do not know.
    record_check: compares the (verified) credential with our record: None when
        it matches, else what differs, in words. Without it, "record" is not
        checked.
    now: the moment to check the dates against (default: now).
    """
    our_dids = frozenset([our_dids] if isinstance(our_dids, str) else our_dids)
    now = now or datetime.now(UTC)
    checks: list[Check] = []
    form = None
    credential = None
    try:
        text, container = _text_of(presented)
        text = text.strip()
        if text.startswith("{"):
            form = container + "json"
            credential = _verify_json(text, keyring, our_dids, checks)
        elif jose.COMPACT_JWS.match(text):
            form = container + "jwt"
            credential = _verify_jwt(text, keyring, our_dids, checks)
        else:
            raise _unreadable("not_json", "neither a credential's JSON nor a JWT")
        dates = _check_dates(credential, now)
        status = _check_status(credential, status_bitstring)
        record = _check_record(credential, record_check)
        checks += [dates, status, record]
        verdict = _genuine_verdict(dates, status, record)
    except _Refusal as refusal:
        checks.append(refusal.check)
        verdict = refusal.verdict
        credential = None
    except Exception:  # a bug of ours must not become a 500 for the visitor
        logger.exception("Verifying a presented credential failed")
        checks.append(
            Check(
                "readable", Outcome.FAILED, "internal_error", "it could not be checked"
            )
        )
        verdict = Verdict.UNREADABLE
        credential = None
    return VerificationResult(
        verdict=verdict, checks=_complete(checks), form=form, credential=credential
    )
