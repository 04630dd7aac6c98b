import pytest


@pytest.fixture(autouse=True)
def _english(english):
    """Reversed URLs carry the /en/ prefix, so pages answer in English."""


# --- credentials (certificates/credentials/): plain values, no database -------


@pytest.fixture
def keyring():
    """A fresh key ring (not on disk)."""
    from certificates.credentials.keys import new_keyring

    return new_keyring()


@pytest.fixture
def credential_description():
    """What one demo-like certificate's credential says."""
    from datetime import UTC, datetime

    from certificates.credentials import build

    return build.CredentialDescription(
        credential_id="https://academy.example/verify/K7Q2-M9XD/",
        issuer=build.IssuerProfile(
            did="did:web:academy.example",
            name="Regional Centre of Creative Economy",
            url="https://academy.example/",
            image_url="https://academy.example/static/logo.png",
            email="academy@rcke.si",
        ),
        achievement=build.AchievementDescription(
            id="https://academy.example/en/courses/business-models/",
            name="Business models for creative practice",
            description="Find a business model that fits your creative practice.",
            criteria_narrative="Complete the 9 lessons and pass the 3 quizzes.",
            language="en",
            image_url="https://academy.example/verify/K7Q2-M9XD/badge.png",
            alignments=(
                build.Alignment(
                    target_name="Spotting opportunities",
                    target_url="https://academy.example/entrecomp/1-1/",
                    target_code="1.1",
                    target_framework="EntreComp",
                    target_type="ceasn:Competency",
                ),
            ),
            hours=6,
        ),
        holder_name="Ana Novak",
        holder_email="Ana.Novak@example.si",
        email_salt="3f1c0a9e",
        valid_from=datetime(2026, 11, 30, 9, 15, tzinfo=UTC),
        status_list_url="https://academy.example/credentials/status/1",
        status_list_index=94567,
    )


@pytest.fixture
def credential(credential_description):
    """The unsigned credential of `credential_description`."""
    from certificates.credentials.build import build_credential

    return build_credential(credential_description)
