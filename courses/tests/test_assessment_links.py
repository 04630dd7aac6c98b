"""Courses and the self-assessment: recommendations beside a result, an
assessment before enrolment and after completion, learning gain."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.factories import UserFactory
from assessments import demo as assessment_demo
from assessments.factories import submitted_response
from assessments.models import Competence, Instrument
from courses import services
from courses.factories import build_course
from courses.models import CoursePage
from courses.selectors import course_learning_gain, recommended_courses

pytestmark = pytest.mark.django_db


@pytest.fixture
def instrument(catalogue):
    return Instrument.objects.get(
        translation_key=assessment_demo.TRANSLATION_KEY, locale__language_code="en"
    )


def take(user, instrument, *, default=3, scores=None):
    """Submit a whole assessment: every statement `default`, except the
    competences in `scores` ({code: value})."""
    return submitted_response(
        user=user, instrument=instrument, value=default, scores=scores
    )


def course_training(catalogue, code, level, title):
    course, lessons = build_course(parent=catalogue, title=title, level=level)
    course.competences.set([Competence.objects.get(code=code)])
    course.save_revision().publish()
    return course, lessons


def test_recommendations_follow_the_weakest_competences_and_band(catalogue, learner):
    # The demo course trains financial literacy at foundation level too: these
    # are the only published courses here.
    CoursePage.objects.live().update(live=False)
    course_training(catalogue, "financial_literacy", "foundation", "Money basics")
    course_training(catalogue, "financial_literacy", "intermediate", "Money next step")
    course_training(catalogue, "financial_literacy", "expert", "Money mastery")
    course_training(catalogue, "vision", "foundation", "Seeing further")

    suggestions = recommended_courses(
        weakest=[("financial_literacy", "foundation")], user=learner
    )
    titles = [s["course"].title for s in suggestions]
    assert titles == ["Money basics", "Money next step"]
    assert str(suggestions[0]["competence"]) == "Financial and economic literacy"


def test_result_page_suggests_courses_with_the_reason(
    client, catalogue, learner, instrument
):
    course_training(catalogue, "financial_literacy", "foundation", "Money basics")
    response = take(learner, instrument, default=4, scores={"financial_literacy": 1})
    client.force_login(learner)

    page = client.get(
        reverse("assessments:result", args=[response.uuid])
    ).content.decode()
    assert "Courses for your next step" in page
    assert "Money basics" in page
    assert "You rated Financial and economic literacy at Foundation" in page


def test_course_asks_for_the_assessment_before_enrolment(
    client, catalogue, learner, instrument
):
    course, _ = build_course(parent=catalogue, assessment_before=True)
    client.force_login(learner)
    assert "starts with the self-assessment" in client.get(course.url).content.decode()
    with pytest.raises(ValidationError, match="self-assessment"):
        services.enrolment_create(user=learner, course=course)

    response = take(learner, instrument)
    enrolment = services.enrolment_create(user=learner, course=course)
    assert enrolment.pre_response == response


def test_assessment_after_completion_is_linked_and_gain_measured(
    client, catalogue, learner, instrument
):
    course, lessons = build_course(
        parent=catalogue, assessment_before=True, assessment_after=True
    )
    take(learner, instrument, default=2)
    services.enrolment_create(user=learner, course=course)
    for lesson in lessons:
        services.lesson_complete(user=learner, lesson=lesson)
    client.force_login(learner)
    assert "take the self-assessment again" in client.get(course.url).content.decode()

    after = take(learner, instrument, default=2, scores={"vision": 4})
    enrolment = learner.enrolments.get()
    assert enrolment.post_response == after
    gain = course_learning_gain(course=course)
    assert gain["vision"] == {"mean_change": 2.0, "pairs": 1}
    assert gain["creativity"] == {"mean_change": 0.0, "pairs": 1}


def test_a_course_that_asks_only_afterwards_measures_from_an_earlier_assessment(
    catalogue, learner, instrument
):
    course, lessons = build_course(parent=catalogue, assessment_after=True)
    newcomer = UserFactory()
    before = take(learner, instrument, default=2)
    for person in (learner, newcomer):  # the newcomer never took it before
        services.enrolment_create(user=person, course=course)
        for lesson in lessons:
            services.lesson_complete(user=person, lesson=lesson)

    after = take(learner, instrument, default=2, scores={"vision": 3})
    take(newcomer, instrument, default=3)

    enrolment = learner.enrolments.get()
    assert (enrolment.pre_response, enrolment.post_response) == (before, after)
    assert newcomer.enrolments.get().pre_response is None
    gain = course_learning_gain(course=course)
    assert gain["vision"] == {"mean_change": 1.0, "pairs": 1}


def test_a_course_that_asks_neither_keeps_no_before(catalogue, learner, instrument):
    course, _ = build_course(parent=catalogue)
    take(learner, instrument)
    assert services.enrolment_create(user=learner, course=course).pre_response is None


def test_dashboard_shows_the_latest_assessment(client, catalogue, learner, instrument):
    client.force_login(learner)
    page = client.get(reverse("courses:dashboard")).content.decode()
    assert "Take the self-assessment" in page
    response = take(learner, instrument)
    page = client.get(reverse("courses:dashboard")).content.decode()
    assert reverse("assessments:result", args=[response.uuid]) in page
