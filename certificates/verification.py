"""Checking a credential someone shows us (the upload on /verify/ and
`manage.py credential_verify`): the pure verifier (`credentials.verify`) given
what only the site knows: our key ring and DID, the revocation list the
credential points to, and our record of the certificate it claims to be.

And the words for the outcome, so that the page and the command say the same
thing: a headline per verdict, a sentence per check and per reason
(`Check.code`), for a visitor who is not technical.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from .credentials.dataintegrity import xsd_datetime
from .credentials.keys import KeyRing, load_keyring
from .credentials.verify import (
    Check,
    Outcome,
    Verdict,
    VerificationResult,
    verify,
)
from .models import Certificate, Credential
from .open_badges import achievement_url, our_did, status_list_bitstring

# What the verify page accepts: a badge is about 150 KB, a credential's JSON or
# JWT a few KB. Checked against the request's Content-Length before its body is
# read, and again per field (the core refuses 20 MB whatever it is given).
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# Room in a request for the multipart boundaries, headers and the CSRF token
# around a file of MAX_UPLOAD_BYTES.
MULTIPART_OVERHEAD_BYTES = 64 * 1024


def max_upload_label() -> str:
    """The limit as the page says it ("2 MB")."""
    return f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB"


class KeyState(StrEnum):
    CURRENT = "current"  # the key that signs today
    RETIRED = "retired"  # a key we signed with before a rotation


@dataclass(frozen=True)
class _WatchedKeyRing(KeyRing):
    """Our ring, noting which key a proof names, so that the page can say
    whether it was the current key or one from before a rotation."""

    asked: list[str] = field(default_factory=list, compare=False)

    def public_key(self, key_id: str):
        self.asked.append(key_id)
        return super().public_key(key_id)


# --- the words -----------------------------------------------------------------

VERDICT_HEADLINES = {
    Verdict.VALID: gettext_lazy("Genuine and valid"),
    Verdict.REVOKED: gettext_lazy("Genuine but revoked"),
    Verdict.NOT_CURRENT: gettext_lazy("Genuine but not in force"),
    Verdict.STATUS_UNKNOWN: gettext_lazy("Genuine, but its status is unknown"),
    Verdict.RECORD_MISMATCH: gettext_lazy("Genuine, but it does not match our records"),
    Verdict.ALTERED: gettext_lazy("Altered: the signature does not match"),
    Verdict.NOT_OURS: gettext_lazy("Not issued by us"),
    Verdict.UNREADABLE: gettext_lazy("Could not be checked"),
}

VERDICT_EXPLANATIONS = {
    Verdict.VALID: gettext_lazy(
        "We issued this credential, nothing in it has been changed since, and it "
        "is valid."
    ),
    Verdict.REVOKED: gettext_lazy(
        "We issued this credential, but we have revoked it since: it is no longer "
        "valid."
    ),
    Verdict.NOT_CURRENT: gettext_lazy(
        "We issued this credential and it is unchanged, but its dates say it is not "
        "in force: it starts later or it has ended."
    ),
    Verdict.STATUS_UNKNOWN: gettext_lazy(
        "We issued this credential and it is unchanged, but we could not find out "
        "whether it has been revoked. Try again later, or look the certificate up "
        "by its code."
    ),
    Verdict.RECORD_MISMATCH: gettext_lazy(
        "It carries our signature, but what it says differs from our records of "
        "the certificate. Please contact us before you rely on it."
    ),
    Verdict.ALTERED: gettext_lazy(
        "It names us and one of our keys, but its content is not what we signed: "
        "something in it (a name, a date, the course …) was changed afterwards. "
        "Do not rely on it."
    ),
    Verdict.NOT_OURS: gettext_lazy(
        "It was not signed with any of our keys, so the Creative Cities Academy "
        "did not issue it. Do not rely on it as one of our certificates."
    ),
    Verdict.UNREADABLE: gettext_lazy("It is not a credential we can check."),
}

CHECK_LABELS = {
    "readable": gettext_lazy("A credential we can read"),
    "issuer": gettext_lazy("Signed with our key"),
    "proof": gettext_lazy("Unchanged since it was signed"),
    "dates": gettext_lazy("In force on today's date"),
    "status": gettext_lazy("Not revoked"),
    "record": gettext_lazy("Matches our records"),
}

OUTCOME_LABELS = {
    Outcome.PASSED: pgettext_lazy("credential check", "Passed"),
    Outcome.FAILED: pgettext_lazy("credential check", "Failed"),
    Outcome.NOT_CHECKED: pgettext_lazy("credential check", "Not checked"),
}

FORM_SENTENCES = {
    "json": gettext_lazy("It is a digital credential in JSON."),
    "jwt": gettext_lazy("It is a digital credential in JWT form."),
    "png+json": gettext_lazy("It is a badge image that carries a credential."),
    "png+jwt": gettext_lazy("It is a badge image that carries a credential."),
}

PASSED_SENTENCES = {
    "readable": gettext_lazy("It is a digital credential."),
    "issuer": gettext_lazy("It was signed with one of our keys."),
    "proof": gettext_lazy(
        "The signature matches the content: nothing has been changed since we "
        "signed it."
    ),
    "dates": gettext_lazy("Its start date has passed and it has not expired."),
    "status": gettext_lazy("We have not revoked it."),
    "record": gettext_lazy("What it says matches our record of the certificate."),
}

KEY_STATE_SENTENCES = {
    KeyState.CURRENT: gettext_lazy("It was signed with our current key."),
    KeyState.RETIRED: gettext_lazy(
        "It was signed with an earlier key of ours. We have changed keys since; "
        "what we signed before stays valid."
    ),
}

NOT_CHECKED_SENTENCE = gettext_lazy("Not checked, because an earlier check failed.")

# Every reason the verifier gives (`Check.code`), in words. A test holds this
# list to the codes the verifier can give.
REASONS = {
    # readable
    "not_json": gettext_lazy(
        "This is neither a credential's JSON nor a JWT. Choose the credential file "
        "(.json or .jwt) or the badge image (.png) you were given."
    ),
    "not_credential": gettext_lazy("This is JSON, but not a digital credential."),
    "not_text": gettext_lazy(
        "This is neither UTF-8 text nor a PNG image. A credential is a text file "
        "(JSON or JWT) in the UTF-8 encoding, or a badge image in PNG."
    ),
    "too_large": gettext_lazy(
        "This is far larger than any credential: check that you chose the right file."
    ),
    "png_invalid": gettext_lazy("This PNG image is damaged or incomplete."),
    "png_without_credential": gettext_lazy(
        "This PNG image carries no credential. It is not a baked badge, or the "
        "credential was removed from it (some programs do that when they edit or "
        "compress an image): download the badge again from the certificate's "
        "verification page."
    ),
    "no_proof": gettext_lazy(
        "This credential carries no signature (proof), so nothing in it can be checked."
    ),
    "proof_malformed": gettext_lazy("Its signature (proof) is incomplete or damaged."),
    "proof_unsupported": gettext_lazy(
        "Its signature is of a kind we do not use: our credentials are signed with "
        "the eddsa-rdfc-2022 cryptosuite."
    ),
    "jwt_malformed": gettext_lazy("This JWT is damaged or incomplete."),
    "jwt_alg_none": gettext_lazy(
        "This JWT is not signed (its algorithm is “none”), so it proves nothing."
    ),
    "jwt_alg_refused": gettext_lazy(
        "This JWT is signed with an algorithm we do not use: ours are signed with "
        "EdDSA."
    ),
    "internal_error": gettext_lazy(
        "It could not be checked because of an error on our side. Please try again "
        "later."
    ),
    # issuer
    "foreign_issuer": gettext_lazy(
        "It names another issuer, not the Creative Cities Academy."
    ),
    "unknown_key": gettext_lazy(
        "It claims to come from us, but it was signed with a key that is not ours."
    ),
    "jwt_unknown_key": gettext_lazy(
        "It does not name a key of ours that could have signed it."
    ),
    # proof
    "signature_mismatch": gettext_lazy(
        "The signature does not match the content: something was changed after we "
        "signed it."
    ),
    "jwt_signature_mismatch": gettext_lazy(
        "The signature does not match the content: something was changed after we "
        "signed it."
    ),
    "issuer_mismatch": gettext_lazy(
        "The issuer it names is not the owner of the key that signed it."
    ),
    "jwt_claims_mismatch": gettext_lazy(
        "The JWT's own details (issuer, id, dates) contradict the credential it "
        "carries."
    ),
    "undefined_term": gettext_lazy(
        "It contains a field that is not part of the credential vocabulary: it was "
        "added after we signed it."
    ),
    "unknown_context": gettext_lazy(
        "It refers to a vocabulary (JSON-LD context) that our credentials do not "
        "use, so it is not the credential we signed."
    ),
    "unsignable_text": gettext_lazy(
        "It contains control characters, which our credentials never do."
    ),
    "proof_invalid": gettext_lazy("Its signature cannot be checked."),
    # dates
    "bad_dates": gettext_lazy("Its dates cannot be read."),
    "not_yet_valid": gettext_lazy("It is not in force yet: its start date is ahead."),
    "expired": gettext_lazy("It has expired."),
    # status
    "revoked": gettext_lazy("We have revoked it."),
    "no_status": gettext_lazy("It names no revocation list, so we cannot tell."),
    "bad_status": gettext_lazy("Its revocation entry cannot be read."),
    "status_list_unknown": gettext_lazy(
        "It points to a revocation list we do not publish, or the list could not "
        "be read just now."
    ),
    "status_index_out_of_range": gettext_lazy(
        "Its place in our revocation list does not exist."
    ),
    # record
    "record_unavailable": gettext_lazy("Our records could not be read just now."),
}

FAILED_SENTENCE = gettext_lazy("This check failed.")


# --- the record check ----------------------------------------------------------


def _credential_row(credential_id: object) -> Credential | None:
    """Our stored credential with this id ("urn:uuid:…"), if any."""
    if not isinstance(credential_id, str) or not credential_id.startswith("urn:uuid:"):
        return None
    try:
        credential_uuid = uuid.UUID(credential_id.removeprefix("urn:uuid:"))
    except ValueError:
        return None
    return (
        Credential.objects.filter(uuid=credential_uuid)
        .select_related("certificate__enrolment")
        .first()
    )


def _dig(document: dict, *path: str) -> object:
    for key in path:
        if not isinstance(document, dict):
            return None
        document = document.get(key)
    return document


def _without_proof(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "proof"}


def _differences(credential: dict, row: Credential) -> list[str]:
    """What the presented credential says that our records do not, in words
    (not our values: the page is public)."""
    certificate = row.certificate
    differences = []
    if _dig(credential, "credentialSubject", "name") != certificate.holder_name:
        differences.append(gettext("the holder's name"))
    achievement = _dig(credential, "credentialSubject", "achievement")
    if _dig(achievement, "name") != certificate.course_title or _dig(
        achievement, "id"
    ) != achievement_url(certificate.enrolment.course_id):
        differences.append(gettext("the course"))
    if credential.get("validFrom") != xsd_datetime(certificate.completed_at):
        differences.append(gettext("the completion date"))
    if _dig(credential, "credentialStatus", "statusListIndex") != str(
        row.status_list_index
    ):
        differences.append(gettext("its place in the revocation list"))
    return differences


def _record_check(matched: list[Credential]) -> Callable[[dict], str | None]:
    """`verify`'s record check (its contract: None when the verified credential
    matches our record, else what differs, in words); the stored credential it
    found goes into `matched`, for the page's link to the certificate."""

    def check(credential: dict) -> str | None:
        row = _credential_row(credential.get("id"))
        if row is None:
            return gettext(
                "We have no record of this credential, although it carries our "
                "signature."
            )
        matched.append(row)
        if row.certificate.holder_erased or not row.document:
            return gettext(
                "Its holder has deleted their account, and we no longer keep what "
                "the credential said."
            )
        differences = _differences(credential, row)
        if differences:
            return gettext(
                "It differs from our record of the certificate in: %(differences)s."
            ) % {"differences": ", ".join(differences)}
        if _without_proof(credential) != _without_proof(row.document):
            return gettext("It differs from the credential we issued.")
        return None

    return check


# --- the check -----------------------------------------------------------------


@dataclass(frozen=True)
class CheckReport:
    """One check as the page shows it."""

    name: str
    label: str
    outcome: Outcome
    outcome_label: str
    sentence: str
    code: str = ""
    detail: str = ""


@dataclass(frozen=True)
class CredentialVerification:
    """What the check found, with the words for it."""

    result: VerificationResult
    # Our record of the certificate the credential is (found only for a genuine
    # one: nothing else is looked up).
    credential_record: Credential | None = None
    # Whether the key that signed it is the current one or an earlier one
    # (None when it is not one of ours).
    key_state: KeyState | None = None

    @property
    def verdict(self) -> Verdict:
        return self.result.verdict

    @property
    def genuine(self) -> bool:
        return self.result.genuine

    @property
    def certificate(self) -> Certificate | None:
        record = self.credential_record
        return record.certificate if record is not None else None

    @property
    def headline(self) -> str:
        return str(VERDICT_HEADLINES[self.verdict])

    @property
    def explanation(self) -> str:
        return str(VERDICT_EXPLANATIONS[self.verdict])

    @property
    def tone(self) -> str:
        """valid, invalid (revoked, altered, not ours) or doubtful."""
        if self.verdict is Verdict.VALID:
            return "valid"
        if self.verdict in (Verdict.REVOKED, Verdict.ALTERED, Verdict.NOT_OURS):
            return "invalid"
        return "doubtful"

    def sentence(self, check: Check) -> str:
        if check.outcome is Outcome.NOT_CHECKED:
            return str(NOT_CHECKED_SENTENCE)
        if check.outcome is Outcome.PASSED:
            if check.name == "readable" and self.result.form in FORM_SENTENCES:
                return str(FORM_SENTENCES[self.result.form])
            if check.name == "issuer" and self.key_state is not None:
                return str(KEY_STATE_SENTENCES[self.key_state])
            return str(PASSED_SENTENCES[check.name])
        if check.code == "record_mismatch":
            return check.detail  # the record check's own words, translated
        return str(REASONS.get(check.code, FAILED_SENTENCE))

    @property
    def checks(self) -> list[CheckReport]:
        return [
            CheckReport(
                name=check.name,
                label=str(CHECK_LABELS[check.name]),
                outcome=check.outcome,
                outcome_label=str(OUTCOME_LABELS[check.outcome]),
                sentence=self.sentence(check),
                code=check.code,
                detail=check.detail,
            )
            for check in self.result.checks
        ]

    @property
    def reason_sentence(self) -> str:
        """Why it failed, in words (empty when valid)."""
        reason = self.result.reason
        return self.sentence(reason) if reason is not None else ""

    @property
    def facts(self) -> dict[str, object] | None:
        """What a genuine credential says (holder, course, completion, issuer),
        for the page; None when it is not genuine or its holder was erased."""
        credential = self.result.credential
        certificate = self.certificate
        if not self.genuine or credential is None:
            return None
        if certificate is not None and certificate.holder_erased:
            return None
        try:
            valid_from = datetime.fromisoformat(credential.get("validFrom"))
        except (TypeError, ValueError):
            valid_from = None

        def text(*path: str) -> str:
            value = _dig(credential, *path)
            return value if isinstance(value, str) else ""

        return {
            "holder": text("credentialSubject", "name"),
            "course": text("credentialSubject", "achievement", "name"),
            "completed": valid_from,
            "issuer": text("issuer", "name"),
        }


def credential_verify(
    presented: bytes | str, *, now: datetime | None = None
) -> CredentialVerification:
    """Checks a credential someone shows us (JSON, JWT or a baked PNG, as bytes
    or text) against our keys (the current and the retired ones), our
    revocation list and our records. Never raises for what it is given; a
    missing key file raises `KeyFileError` (the site cannot check anything)."""
    ring = load_keyring()
    watched = _WatchedKeyRing(current=ring.current, retired=ring.retired)
    matched: list[Credential] = []
    result = verify(
        presented,
        keyring=watched,
        our_dids=our_did(),
        status_bitstring=status_list_bitstring,
        record_check=_record_check(matched),
        now=now,
    )
    key_state = None
    if result.check("issuer").outcome is Outcome.PASSED and watched.asked:
        key_state = (
            KeyState.CURRENT
            if watched.asked[-1] == ring.current.key_id
            else KeyState.RETIRED
        )
    return CredentialVerification(
        result=result,
        credential_record=matched[0] if matched else None,
        key_state=key_state,
    )
