"""One figure for a course's hours, wherever it is shown: the course page, the
catalogue's card, the certificate and its verification page all print what the
published required lessons add up to."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accounts.factories import UserFactory
from certificates.factories import certificate_for
from certificates.services import certificate_issue
from courses import services as course_services
from courses.factories import CourseIndexPageFactory, build_course

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_course_page_catalogue_and_certificate_show_the_same_hours(
    client, demo_site, django_capture_on_commit_callbacks
):
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="en")
    catalogue = CourseIndexPageFactory(parent=home, slug="hours-catalogue")
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(2, 1), title="Pricing creative work"
    )
    # 120 + 95 required minutes, 35 optional: 3.5 hours of learning (the
    # optional lesson is extra, like the demo course's).
    for lesson, minutes, required in zip(
        lessons, (120, 95, 35), (True, True, False), strict=True
    ):
        lesson.estimated_minutes = minutes
        lesson.required = required
        lesson.save_revision().publish()

    assert "About 3.5 hours" in _text(client.get(course.url))
    assert "3.5 h" in _text(client.get(catalogue.url))

    learner = UserFactory(full_name="Nina Kralj")
    course_services.enrolment_create(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=False):
        for lesson in lessons[:2]:
            course_services.lesson_complete(user=learner, lesson=lesson)
    certificate = certificate_issue(
        certificate_id=certificate_for(learner.enrolments.get()).pk
    )
    with certificate.pdf.open("rb") as file:
        pdf = " ".join(
            PdfReader(io.BytesIO(file.read())).pages[0].extract_text().split()
        )
    assert "3.5 hours of learning" in pdf

    verify = _text(
        client.get(reverse("certificates:verify", args=[certificate.verification_code]))
    )
    assert "Hours 3.5" in verify
