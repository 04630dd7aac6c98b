"""An Open Badges 3.0 `OpenBadgeCredential` from plain values, and its two signed
forms.

What goes where (OB 3.0 data model, and the 1EdTech schema in `schema/`):

* `issuer`: a Profile identified by the site's did:web, with name, url, image
  and e-mail from the certificate settings;
* `credentialSubject`: an AchievementSubject with the holder's `name` (a VC 2.0
  term) and their e-mail address as a salted SHA-256 IdentityObject
  (`sha256$<hex of address + salt>`), so that the holder can prove the
  credential is theirs without the address being readable in it;
* `achievement`: the course (one stable id per course), with criteria, image,
  language and alignments. OB 3.0 has no property for clock hours:
  `creditsAvailable` is "credit hours" in the academic sense (3.0 for a
  semester course), which a course's six hours of study are not, so the hours go
  into the criteria narrative, in the course's language;
* `credentialStatus`: the credential's bit in our revocation list;
* `credentialSchema`: 1EdTech's AchievementCredential schema (type
  `JsonSchema`, see CREDENTIAL_SCHEMA).

Arrays wherever the 1EdTech schema asks for them (types, `identifier`,
`alignment`, `credentialSchema`, and the embedded `proof`).
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from django.utils import formats, translation
from django.utils.translation import gettext

from .dataintegrity import create_proof, xsd_datetime
from .jose import encode_jwt
from .keys import SigningKey
from .loader import CREDENTIALS_V2, OPEN_BADGES_V3
from .status_list import status_list_entry

CONTEXT = [CREDENTIALS_V2, OPEN_BADGES_V3]
CREDENTIAL_TYPE = ["VerifiableCredential", "OpenBadgeCredential"]
SCHEMA_URL = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json"
)
# OB 3.0's examples give this entry the type "1EdTechJsonSchemaValidator2019",
# which neither context defines (only 1EdTech's extensions context, which OB
# 3.0.3 credentials do not name): JSON-LD would drop it, and our signing refuses
# undefined terms. "JsonSchema" is VC 2.0's own type for the same check.
CREDENTIAL_SCHEMA = {"id": SCHEMA_URL, "type": "JsonSchema"}


@dataclass(frozen=True)
class IssuerProfile:
    """The issuing organisation (from the certificate settings)."""

    did: str  # did:web:<host>, see keys.did_web
    name: str
    url: str
    image_url: str = ""
    email: str = ""


@dataclass(frozen=True)
class Alignment:
    """A competence the course aligns to (an EntreComp competence, say)."""

    target_name: str
    target_url: str
    target_code: str = ""
    target_framework: str = ""
    # OB 3.0's vocabulary: "ceasn:Competency", "CFItem" ..., or "ext:<name>".
    target_type: str = ""
    target_description: str = ""


@dataclass(frozen=True)
class AchievementDescription:
    """The course as an Achievement: one per course, in the course's language."""

    id: str  # a public URL of ours that describes the achievement
    name: str
    description: str
    criteria_narrative: str  # Markdown: the required lessons and quizzes
    language: str  # "sl", "en"
    image_url: str = ""
    alignments: tuple[Alignment, ...] = ()
    hours: Decimal | float | int | None = None
    achievement_type: str = "CertificateOfCompletion"


@dataclass(frozen=True)
class CredentialDescription:
    """Everything an OpenBadgeCredential says, as plain values."""

    credential_id: str  # a URL of ours (the verification page, say)
    issuer: IssuerProfile
    achievement: AchievementDescription
    holder_name: str
    holder_email: str
    email_salt: str  # random, one per credential: see new_salt()
    valid_from: datetime  # completion
    status_list_url: str
    status_list_index: int
    # A holder's own identifier (a DID), when they have one; the JWT's `sub`.
    holder_id: str | None = None
    valid_until: datetime | None = None


@dataclass(frozen=True)
class SignedCredential:
    """Both proof forms of one credential."""

    document: dict  # the credential with its embedded DataIntegrityProof
    jwt: str  # the compact JWS over the same credential


def new_salt() -> str:
    """A fresh salt for a holder's hashed e-mail address."""
    return secrets.token_hex(16)


def identity_hash(email: str, salt: str) -> str:
    """OB 3.0's IdentityHash of an e-mail address: `sha256$` + hex of SHA-256 of
    the address and the salt, UTF-8. The address is compared whatever its case
    here as everywhere else, so it is hashed in lower case."""
    address = email.strip().lower()
    return "sha256$" + hashlib.sha256((address + salt).encode("utf-8")).hexdigest()


def _image(url: str) -> dict:
    return {"id": url, "type": "Image"}


def _alignment(alignment: Alignment) -> dict:
    entry = {
        "type": ["Alignment"],
        "targetName": alignment.target_name,
        "targetUrl": alignment.target_url,
    }
    optional = {
        "targetCode": alignment.target_code,
        "targetFramework": alignment.target_framework,
        "targetType": alignment.target_type,
        "targetDescription": alignment.target_description,
    }
    entry.update({key: value for key, value in optional.items() if value})
    return entry


def _criteria_narrative(achievement: AchievementDescription) -> str:
    narrative = achievement.criteria_narrative.strip()
    if achievement.hours is None:
        return narrative
    with translation.override(achievement.language):
        hours = formats.number_format(
            Decimal(str(achievement.hours)).normalize(), use_l10n=True
        )
        # Translators: in the criteria of a course's Open Badges credential; "h" is
        # the unit symbol for hours.
        line = gettext("Estimated study time: %(hours)s h.") % {"hours": hours}
    return f"{narrative}\n\n{line}" if narrative else line


def _issuer(issuer: IssuerProfile) -> dict:
    profile = {"id": issuer.did, "type": ["Profile"], "name": issuer.name}
    if issuer.url:
        profile["url"] = issuer.url
    if issuer.image_url:
        profile["image"] = _image(issuer.image_url)
    if issuer.email:
        profile["email"] = issuer.email
    return profile


def _achievement(achievement: AchievementDescription) -> dict:
    entry = {
        "id": achievement.id,
        "type": ["Achievement"],
        "achievementType": achievement.achievement_type,
        "name": achievement.name,
        "description": achievement.description,
        "criteria": {"narrative": _criteria_narrative(achievement)},
        "inLanguage": achievement.language,
    }
    if achievement.image_url:
        entry["image"] = _image(achievement.image_url)
    if achievement.alignments:
        entry["alignment"] = [_alignment(item) for item in achievement.alignments]
    return entry


def achievement_entry(achievement: AchievementDescription) -> dict:
    """The Achievement alone, as a credential embeds it (for the page that
    describes it at its id)."""
    return _achievement(achievement)


def build_credential(description: CredentialDescription) -> dict:
    """The unsigned OpenBadgeCredential."""
    subject = {
        "type": ["AchievementSubject"],
        "name": description.holder_name,
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": identity_hash(
                    description.holder_email, description.email_salt
                ),
                "identityType": "emailAddress",
                "hashed": True,
                "salt": description.email_salt,
            }
        ],
        "achievement": _achievement(description.achievement),
    }
    if description.holder_id:
        subject = {"id": description.holder_id, **subject}
    credential = {
        "@context": list(CONTEXT),
        "id": description.credential_id,
        "type": list(CREDENTIAL_TYPE),
        "name": description.achievement.name,
        "issuer": _issuer(description.issuer),
        "validFrom": xsd_datetime(description.valid_from),
    }
    if description.valid_until is not None:
        credential["validUntil"] = xsd_datetime(description.valid_until)
    credential["credentialSubject"] = subject
    credential["credentialStatus"] = status_list_entry(
        list_url=description.status_list_url, index=description.status_list_index
    )
    credential["credentialSchema"] = [dict(CREDENTIAL_SCHEMA)]
    return credential


def issuer_did(credential: dict) -> str:
    """The issuer's id (our did:web) of a credential."""
    issuer = credential["issuer"]
    return issuer["id"] if isinstance(issuer, dict) else issuer


def sign(
    credential: dict, key: SigningKey, *, created: datetime | None = None
) -> SignedCredential:
    """Signs an unsigned credential in both forms with the ring's current key:
    the embedded eddsa-rdfc-2022 proof (as a list of one, the schema's form) and
    the compact JWS (made after the embedded proof, as OB 3.0 §8.2 orders, over
    the credential without it). `created` (default now) dates the proof."""
    verification_method = key.verification_method(issuer_did(credential))
    proof = create_proof(
        credential,
        private_key=key.private_key,
        verification_method=verification_method,
        created=created or datetime.now(UTC),
    )
    jwt = encode_jwt(credential, private_key=key.private_key, kid=verification_method)
    return SignedCredential(document={**credential, "proof": [proof]}, jwt=jwt)
