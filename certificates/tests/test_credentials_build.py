"""The OpenBadgeCredential we build from plain values."""

import dataclasses

from django.utils import translation

from certificates.credentials import build


def test_identity_hash_is_obs():
    # The two examples of OB 3.0 (IdentityHash).
    assert build.identity_hash("a@example.com", "Kosher") == (
        "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"
    )
    assert build.identity_hash("jjefferson18@example.com", "FleurDeSel") == (
        "sha256$658625b25ab3d75d613ca97d9a5a77f70e2192feca5557f4ad09a4d4f121f5fc"
    )
    assert build.identity_hash(" A@Example.com ", "Kosher") == build.identity_hash(
        "a@example.com", "Kosher"
    )
    assert build.new_salt() != build.new_salt()


def test_the_credential(credential, credential_description):
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"] == {
        "id": "did:web:academy.example",
        "type": ["Profile"],
        "name": "Regional Centre of Creative Economy",
        "url": "https://academy.example/",
        "image": {"id": "https://academy.example/static/logo.png", "type": "Image"},
        "email": "academy@rcke.si",
    }
    assert credential["validFrom"] == "2026-11-30T09:15:00Z"
    subject = credential["credentialSubject"]
    assert "id" not in subject
    assert subject["name"] == "Ana Novak"
    assert subject["identifier"] == [
        {
            "type": "IdentityObject",
            "identityHash": build.identity_hash("ana.novak@example.si", "3f1c0a9e"),
            "identityType": "emailAddress",
            "hashed": True,
            "salt": "3f1c0a9e",
        }
    ]
    assert "Ana.Novak@example.si" not in str(credential)
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["inLanguage"] == "en"
    assert achievement["criteria"]["narrative"] == (
        "Complete the 9 lessons and pass the 3 quizzes.\n\nEstimated study time: 6 h."
    )
    assert achievement["alignment"][0]["targetType"] == "ceasn:Competency"
    assert credential["credentialStatus"]["statusListIndex"] == "94567"
    assert credential["credentialSchema"][0]["type"] == "JsonSchema"


def test_hours_are_written_in_the_courses_language(credential_description):
    achievement = dataclasses.replace(
        credential_description.achievement, language="sl", hours=1.5
    )
    described = dataclasses.replace(credential_description, achievement=achievement)
    with translation.override("en"):  # whoever builds it, the course says it
        narrative = build.build_credential(described)["credentialSubject"][
            "achievement"
        ]["criteria"]["narrative"]
    assert narrative.endswith("Predvideni čas učenja: 1,5 h.")


def test_a_holder_id_and_an_end_date(credential_description):
    from datetime import UTC, datetime

    described = dataclasses.replace(
        credential_description,
        holder_id="did:example:ana",
        valid_until=datetime(2031, 1, 1, tzinfo=UTC),
    )
    credential = build.build_credential(described)
    assert credential["credentialSubject"]["id"] == "did:example:ana"
    assert credential["validUntil"] == "2031-01-01T00:00:00Z"
