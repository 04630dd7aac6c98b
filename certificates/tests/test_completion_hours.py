"""A course whose completion rules count sessions (courses.completion): its
certificate is created once, when the check completes the enrolment, and states
the online and in-person hours apart; a course taken online only states its hours
alone, as it always has."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accounts.factories import UserFactory
from certificates.credentials.schema import validate
from certificates.factories import certificate_for
from certificates.models import Certificate
from certificates.services import (
    certificate_html_render,
    certificate_issue,
    certificate_pdf_render,
)
from courses import services as course_services
from courses.factories import StandInCompletionRule, build_course

pytestmark = pytest.mark.django_db


def stand_in_renderer(html: str) -> bytes:
    """A renderer `CERTIFICATE_RENDERER` can name: these tests are about hours."""
    return b"%PDF-stand-in"


@pytest.fixture
def quick_renderer(settings):
    settings.CERTIFICATE_RENDERER = (
        "certificates.tests.test_completion_hours.stand_in_renderer"
    )


@pytest.fixture
def blended(catalogue):
    """A one-lesson course (0.5 hours of learning) whose rule asks for two
    sessions: one live online session of 1.5 hours and one workshop of 3 hours
    in a room attended, the lesson done, the course completed by the check."""
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), title="Pricing creative work"
    )
    learner = UserFactory(full_name="Nina Kralj")
    rule = StandInCompletionRule(course, required=2)
    with rule.registered():
        enrolment = course_services.enrolment_create(user=learner, course=course)
        course_services.lesson_complete(user=learner, lesson=lessons[0])
        assert not Certificate.objects.filter(enrolment=enrolment).exists()
        rule.attend(enrolment, hours="1.5", in_person=False)
        rule.attend(enrolment, hours="3")
        course_services.enrolment_completion_check(enrolment=enrolment)
        yield course_services.enrolment_completion_check(enrolment=enrolment)


def test_the_check_creates_one_certificate_with_hours_by_mode(blended):
    assert Certificate.objects.filter(enrolment=blended).count() == 1
    certificate = certificate_for(blended)
    assert certificate.completed_at == blended.completed_at
    assert certificate.hours == Decimal("5.0")  # 0.5 + 1.5 online, 3 in person
    assert certificate.in_person_hours == Decimal("3.0")
    assert certificate.online_hours == Decimal("2.0")


def test_the_pdf_states_both_kinds_of_hours(blended):
    data = certificate_pdf_render(certificate_for(blended))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "5 hours of learning: 2 online, 3 in person" in text


def test_the_verify_page_states_both_kinds_of_hours(client, blended, quick_renderer):
    certificate = certificate_issue(certificate_id=certificate_for(blended).pk)
    page = client.get(
        reverse("certificates:verify", args=[certificate.verification_code])
    ).content.decode()
    assert "<dt>Of which online</dt><dd>2</dd>" in page
    assert "<dt>Of which in person</dt><dd>3</dd>" in page
    # The credential is the one every certificate has: the hours in its
    # criteria, and valid against 1EdTech's schema.
    document = certificate.credentials.get().document
    assert validate(document) == []
    assert (
        "5 h" in document["credentialSubject"]["achievement"]["criteria"]["narrative"]
    )


def test_a_course_taken_online_only_states_its_hours_alone(
    client, catalogue, quick_renderer
):
    from certificates.factories import completed_enrolment

    certificate = certificate_for(completed_enrolment(parent=catalogue))
    assert certificate.in_person_hours == 0
    html = certificate_html_render(certificate)
    assert "0.5 hours of learning ·" in html and "in person" not in html
    certificate = certificate_issue(certificate_id=certificate.pk)
    page = client.get(
        reverse("certificates:verify", args=[certificate.verification_code])
    ).content.decode()
    assert "<dt>Hours</dt><dd>0.5</dd>" in page and "Of which" not in page
