"""Certificates' credentials as the site issues and serves them: signed in the
render task, checked independently of our verification code (pyld +
cryptography, PyJWT, a plain PNG chunk reader, 1EdTech's schema), revoked with
their certificate, replaced by a re-issue, blanked by an erasure; the DID
document, the status list and the achievements."""

import json

import jwt as pyjwt
import pytest
from django.core.cache import cache
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.services import account_erase
from certificates.credentials import keys, status_list
from certificates.credentials.schema import validate
from certificates.factories import certificate_for, completed_enrolment
from certificates.models import Certificate, CertificateSettings, Credential
from certificates.open_badges import our_did, status_list_url
from certificates.services import (
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
)
from courses.models import LessonPage
from tests.helpers import (
    data_integrity_proof_verifies,
    ed25519_public_key,
    png_text_chunks,
    status_of,
)

pytestmark = pytest.mark.django_db

DID = "did:web:testserver"


@pytest.fixture
def issued(catalogue):
    enrolment = completed_enrolment(
        parent=catalogue,
        user=UserFactory(full_name="Nina Kralj", email="Nina.Kralj@studio.si"),
        title="Pricing creative work",
    )
    return certificate_issue(certificate_id=certificate_for(enrolment).pk)


def credential_of(certificate) -> Credential:
    return certificate.credentials.get()


def credential_url(name: str, certificate) -> str:
    return reverse(f"credentials:{name}", args=[certificate.verification_code])


def bitstring_served(client) -> bytes:
    document = client.get(reverse("credentials:status_list", args=[1])).json()
    return status_list.decode_bitstring(document["credentialSubject"]["encodedList"])


def bit_of(client, certificate_or_credential) -> bool:
    credential = (
        certificate_or_credential
        if isinstance(certificate_or_credential, Credential)
        else credential_of(certificate_or_credential)
    )
    cache.clear()  # the signed list is cached per content: fetched anew
    return status_list.get_bit(bitstring_served(client), credential.status_list_index)


# --- issued with the certificate ------------------------------------------------


def test_the_render_task_signs_a_credential_that_verifies_independently(issued):
    credential = credential_of(issued)
    ring = keys.load_keyring()
    assert credential.key_id == ring.current.key_id
    document = credential.document
    assert document["issuer"]["id"] == DID == our_did()
    assert document["credentialSubject"]["name"] == "Nina Kralj"
    assert document["validFrom"].startswith(issued.completed_at.strftime("%Y-%m-%d"))
    (proof,) = document["proof"]
    assert proof["verificationMethod"] == f"{DID}#{credential.key_id}"
    assert data_integrity_proof_verifies(
        document, ed25519_public_key(credential.key_id)
    )
    payload = pyjwt.decode(
        credential.jwt,
        ed25519_public_key(credential.key_id),
        algorithms=["EdDSA"],
        issuer=DID,
        options={"require": ["iss", "nbf", "jti"]},
    )
    assert payload["jti"] == document["id"] == f"urn:uuid:{credential.uuid}"
    assert validate(document) == []


def test_the_credential_says_what_the_certificate_and_course_say(issued):
    document = credential_of(issued).document
    subject = document["credentialSubject"]
    achievement = subject["achievement"]
    course = issued.enrolment.course
    assert (
        achievement["id"] == f"http://testserver/credentials/achievements/{course.pk}/"
    )
    assert achievement["name"] == "Pricing creative work"
    assert achievement["inLanguage"] == issued.language
    assert achievement["image"]["id"].endswith(f"/{course.pk}/badge.png")
    narrative = achievement["criteria"]["narrative"]
    lessons = LessonPage.objects.descendant_of(course)
    assert lessons.exists()
    for lesson in lessons:
        assert f"- {lesson.title}" in narrative
    (identifier,) = subject["identifier"]
    credential = credential_of(issued)
    assert identifier["salt"] == credential.email_salt
    assert "Nina.Kralj" not in json.dumps(document).lower()
    assert document["issuer"]["name"] == issued.issuer_name
    assert document["issuer"]["email"] == "academy@rcke.si"
    assert document["credentialStatus"]["statusListCredential"] == status_list_url()
    assert document["credentialStatus"]["statusListIndex"] == str(
        credential.status_list_index
    )


def test_the_course_competences_are_entrecomp_alignments(catalogue):
    from assessments.models import Competence

    enrolment = completed_enrolment(parent=catalogue, user=UserFactory())
    course = enrolment.course
    course.competences.set(Competence.objects.filter(code__in=["creativity", "vision"]))
    course.save()  # a ParentalManyToManyField is written with its page
    certificate = certificate_issue(certificate_id=certificate_for(enrolment).pk)
    document = credential_of(certificate).document
    alignments = document["credentialSubject"]["achievement"]["alignment"]
    assert [item["targetCode"] for item in alignments] == ["creativity", "vision"]
    assert all(item["targetType"] == "ceasn:Competency" for item in alignments)
    assert data_integrity_proof_verifies(
        document, ed25519_public_key(credential_of(certificate).key_id)
    )
    assert validate(document) == []


def test_the_issuer_email_comes_from_the_settings(catalogue, demo_site):
    site_settings = CertificateSettings.for_site(demo_site)
    site_settings.issuer_email = "credentials@rcke.si"
    site_settings.save()
    enrolment = completed_enrolment(parent=catalogue, user=UserFactory())
    certificate = certificate_issue(certificate_id=certificate_for(enrolment).pk)
    assert credential_of(certificate).document["issuer"]["email"] == (
        "credentials@rcke.si"
    )


def test_running_the_task_again_makes_no_second_credential(issued):
    before = credential_of(issued)
    Certificate.objects.filter(pk=issued.pk).update(status=Certificate.Status.FAILED)
    certificate_issue(certificate_id=issued.pk)
    assert issued.credentials.get() == before


def test_each_credential_has_its_own_status_index_and_salt(catalogue):
    certificates = [
        certificate_issue(
            certificate_id=certificate_for(
                completed_enrolment(parent=catalogue, user=UserFactory())
            ).pk
        )
        for _ in range(3)
    ]
    credentials = [credential_of(certificate) for certificate in certificates]
    assert len({c.status_list_index for c in credentials}) == 3
    assert len({c.email_salt for c in credentials}) == 3


def test_without_a_key_file_the_certificate_is_not_issued(
    catalogue, settings, tmp_path
):
    settings.CREDENTIAL_SIGNING_KEY_FILE = tmp_path / "none.json"
    certificate = certificate_for(
        completed_enrolment(parent=catalogue, user=UserFactory())
    )
    with pytest.raises(keys.KeyFileError):
        certificate_issue(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.PENDING
    assert not certificate.credentials.exists()


# --- downloads ----------------------------------------------------------------


def test_the_json_download_is_the_signed_credential(client, issued):
    response = client.get(credential_url("credential_json", issued))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vc+ld+json")
    assert json.loads(response.content) == credential_of(issued).document


def test_the_jwt_download_is_the_compact_jws(client, issued):
    response = client.get(credential_url("credential_jwt", issued))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert response.content.decode() == credential_of(issued).jwt


def test_the_badge_carries_the_credential_in_its_chunk(client, issued):
    response = client.get(credential_url("badge", issued))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    (text,) = png_text_chunks(response.content, b"openbadgecredential")
    document = json.loads(text)
    assert document == credential_of(issued).document
    assert data_integrity_proof_verifies(
        document, ed25519_public_key(credential_of(issued).key_id)
    )


def test_a_code_typed_loosely_finds_the_credential(client, issued):
    typed = issued.verification_code.lower().replace("-", "")
    url = reverse("credentials:credential_json", args=[typed])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", ["credential_json", "credential_jwt", "badge"])
def test_a_pending_or_unknown_certificate_has_no_credential(client, catalogue, name):
    pending = certificate_for(completed_enrolment(parent=catalogue, user=UserFactory()))
    for code in (pending.verification_code, "NO-SUCH-CODE", "ab/c", "١٢٣"):
        url = reverse(f"credentials:{name}", args=["X"]).replace("/X/", f"/{code}/")
        assert status_of(client.get(url), url) == 404, url


def test_a_revoked_certificate_answers_with_its_credential_as_issued(client, issued):
    before = credential_of(issued)
    certificate_revoke(certificate=issued, revoked_by=None, reason="Copied work")
    response = client.get(credential_url("credential_json", issued))
    assert response.status_code == 200
    assert json.loads(response.content) == before.document
    assert client.get(credential_url("credential_jwt", issued)).content.decode() == (
        before.jwt
    )


def test_the_downloads_are_rate_limited_like_the_verify_page(client, issued, settings):
    settings.CERTIFICATES_RATE_LIMITS = {"verify": "2/m/ip"}
    url = credential_url("credential_jwt", issued)
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]


# --- revocation, re-issue, erasure: the status list ---------------------------------


def test_the_status_list_is_signed_and_clear_for_valid_credentials(client, issued):
    response = client.get(reverse("credentials:status_list", args=[1]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vc+ld+json")
    assert "max-age=300" in response["Cache-Control"]
    document = response.json()
    assert document["id"] == status_list_url()
    assert document["issuer"] == DID
    key_id = document["proof"][0]["verificationMethod"].split("#")[1]
    assert data_integrity_proof_verifies(document, ed25519_public_key(key_id))
    assert not any(bitstring_served(client))


def test_revoking_sets_the_bit_of_that_credential_only(client, catalogue, issued):
    other = certificate_issue(
        certificate_id=certificate_for(
            completed_enrolment(parent=catalogue, user=UserFactory())
        ).pk
    )
    assert not bit_of(client, issued)
    certificate_revoke(certificate=issued, revoked_by=None, reason="Copied work")
    assert bit_of(client, issued)
    assert not bit_of(client, other)
    served = bitstring_served(client)
    assert sum(bin(byte).count("1") for byte in served) == 1


def test_a_reissue_signs_a_new_credential_and_leaves_the_old_revoked(
    client, issued, django_capture_on_commit_callbacks
):
    old = credential_of(issued)
    certificate_revoke(certificate=issued, revoked_by=None, reason="Wrong name")
    with django_capture_on_commit_callbacks(execute=True):  # rendered (eager)
        certificate_reissue(certificate=issued)
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.ISSUED
    new = issued.credentials.exclude(pk=old.pk).get()
    assert new.status_list_index != old.status_list_index
    assert bit_of(client, old)
    assert not bit_of(client, new)
    response = client.get(credential_url("credential_json", issued))
    assert json.loads(response.content) == new.document


def test_erasing_the_holder_blanks_the_credential_and_keeps_its_bit_set(client, issued):
    credential = credential_of(issued)
    account_erase(user=issued.user, requested_by=issued.user, reason="Leaving")
    credential.refresh_from_db()
    assert credential.document == {} and credential.jwt == ""
    assert bit_of(client, credential)
    for name in ("credential_json", "credential_jwt", "badge"):
        response = client.get(credential_url(name, issued))
        assert response.status_code == 410
        assert b"Nina" not in response.content


def test_the_export_carries_the_credentials(issued):
    from certificates.privacy import CertificatesProvider

    (exported,) = CertificatesProvider().export(issued.user)["certificates"]
    (credential,) = exported["credentials"]
    assert credential["credential"] == credential_of(issued).document
    json.dumps(credential)  # JSON-serialisable, as the export writes it


def test_only_list_one_exists(client):
    for number in (0, 2, 2**40):
        url = reverse("credentials:status_list", args=[number])
        assert status_of(client.get(url), url) == 404


# --- keys, DID document -------------------------------------------------------


def test_the_did_document_lists_the_current_and_retired_keys(
    client, catalogue, issued, settings, tmp_path
):
    settings.CREDENTIAL_SIGNING_KEY_FILE = tmp_path / "ring.json"
    ring = keys.new_keyring()
    keys.save_keyring(ring)
    before = certificate_issue(
        certificate_id=certificate_for(
            completed_enrolment(parent=catalogue, user=UserFactory())
        ).pk
    )
    rotated = keys.rotate_keyring()
    after = certificate_issue(
        certificate_id=certificate_for(
            completed_enrolment(parent=catalogue, user=UserFactory())
        ).pk
    )
    response = client.get("/.well-known/did.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/did+json"
    document = response.json()
    assert document["id"] == DID
    listed = [method["publicKeyMultibase"] for method in document["verificationMethod"]]
    assert listed == [rotated.current.key_id, ring.current.key_id]
    assert document["assertionMethod"] == [f"{DID}#{key}" for key in listed]
    assert "secretKeyMultibase" not in response.content.decode()
    # Both credentials verify with the key the DID document gives for them.
    for certificate, key_id in ((before, ring.current.key_id), (after, listed[0])):
        credential = credential_of(certificate)
        assert credential.key_id == key_id
        assert data_integrity_proof_verifies(
            credential.document, ed25519_public_key(key_id)
        )


def test_the_did_document_is_outside_the_language_prefix(client):
    assert reverse("credentials:did_document") == "/.well-known/did.json"


# --- achievements ------------------------------------------------------------


def test_the_achievement_id_describes_the_course(client, issued):
    achievement = credential_of(issued).document["credentialSubject"]["achievement"]
    response = client.get(achievement["id"].removeprefix("http://testserver"))
    assert response.status_code == 200
    served = response.json()
    assert served["id"] == achievement["id"]
    assert served["name"] == achievement["name"]
    assert served["criteria"] == achievement["criteria"]
    badge = client.get(achievement["image"]["id"].removeprefix("http://testserver"))
    assert badge["Content-Type"] == "image/png"
    assert png_text_chunks(badge.content, b"openbadgecredential") == []


def test_a_draft_course_has_no_public_achievement(client, catalogue):
    from courses.factories import build_course

    course, _lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    course.unpublish()
    for name in ("achievement", "achievement_badge"):
        url = reverse(f"credentials:{name}", args=[course.pk])
        assert status_of(client.get(url), url) == 404


# --- the verify page ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ["Digital credential", "Badge (PNG with the credential)"]),
        ("sl", ["Digitalna poverilnica", "Značka (PNG s poverilnico)"]),
    ],
)
def test_the_verify_page_links_the_credential(client, issued, language, texts):
    from django.utils import translation

    with translation.override(language):
        url = reverse("certificates:verify", args=[issued.verification_code])
    page = client.get(url).content.decode()
    json_url = credential_url("credential_json", issued)
    assert (
        f'<link rel="alternate" type="application/vc+ld+json" href="{json_url}">'
        in page
    )
    for name in ("credential_json", "credential_jwt", "badge"):
        assert f'href="{credential_url(name, issued)}"' in page
    for text in texts:
        assert text in page


def test_an_erased_certificate_s_page_links_no_credential(client, issued):
    account_erase(user=issued.user, requested_by=issued.user, reason="Leaving")
    url = reverse("certificates:verify", args=[issued.verification_code])
    page = client.get(url).content.decode()
    assert "application/vc+ld+json" not in page


# --- the demo course ---------------------------------------------------------------


def test_the_demo_course_s_credentials_pass_1edtech_s_schema(demo_course):
    """Both languages of the demo course, with its competences, quizzes and
    hours: each credential verifies and validates."""
    from django.utils import timezone

    from certificates.services import certificate_create
    from courses.models import CoursePage, Enrolment

    for course in CoursePage.objects.filter(
        translation_key=demo_course.translation_key
    ):
        enrolment = Enrolment.objects.create(
            user=UserFactory(),
            course=course,
            status=Enrolment.Status.ACTIVE,
            completed_at=timezone.now(),
        )
        certificate = certificate_issue(
            certificate_id=certificate_create(enrolment=enrolment).pk
        )
        credential = credential_of(certificate)
        achievement = credential.document["credentialSubject"]["achievement"]
        assert achievement["inLanguage"] == course.locale.language_code
        assert achievement["alignment"]
        assert validate(credential.document) == []
        assert data_integrity_proof_verifies(
            credential.document, ed25519_public_key(credential.key_id)
        )


def test_a_courses_criteria_are_read_once_and_follow_its_changes(issued):
    """Every certificate of a course carries the same criteria and alignments:
    the lessons' bodies (for the quiz titles) are read for the first one only,
    until a page of the site changes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from certificates.open_badges import credential_description

    course = issued.enrolment.course

    def described():
        with CaptureQueriesContext(connection) as queries:
            description = credential_description(
                issued, credential_uuid="x", status_list_index=1, salt="s"
            )
        read_lessons = [q for q in queries if "courses_lessonpage" in q["sql"]]
        return description.achievement.criteria_narrative, read_lessons

    narrative, read_lessons = described()
    assert read_lessons == []  # cached when the certificate was issued
    lesson = LessonPage.objects.descendant_of(course).get()
    assert f"- {lesson.title}" in narrative

    lesson.title = "Pricing a commission"
    lesson.save_revision().publish()
    narrative, read_lessons = described()
    assert "- Pricing a commission" in narrative
    assert read_lessons


def test_issuing_reads_the_certificate_settings_once(catalogue):
    """The print and the credential both name the issuer and its logo: one read
    of the settings serves both."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    certificate = certificate_for(completed_enrolment(parent=catalogue))
    with CaptureQueriesContext(connection) as queries:
        certificate_issue(certificate_id=certificate.pk)
    reads = [
        q for q in queries if 'FROM "certificates_certificatesettings"' in q["sql"]
    ]
    assert len(reads) == 1
    assert credential_of(certificate).document["issuer"]["email"] == "academy@rcke.si"
