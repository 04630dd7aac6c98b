"""Completion rules (courses.completion): a requirement another app adds to a
course holds its completion back, shows beside the lessons' progress, and
`enrolment_completion_check` completes the enrolment once it is met."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.completion import (
    CompletionRequirement,
    completion_requirements,
    requirements_met,
)
from courses.factories import StandInCompletionRule, build_course
from courses.models import Enrolment
from courses.signals import course_completed


def html(response) -> str:
    return response.content.decode()


# --- the requirement: plain values --------------------------------------------


def test_a_requirement_is_met_when_done_reaches_required():
    def requirement(done, required):
        return CompletionRequirement(
            key="k", label="Attended", done=done, required=required
        )

    assert not requirement(1, 3).met
    assert requirement(3, 3).met and requirement(4, 3).met
    assert requirement(0, 0).met  # a requirement that only counts hours
    assert requirements_met([]) and not requirements_met(
        [requirement(3, 3), requirement(0, 1)]
    )


def test_a_requirement_keeps_hours_as_decimals_and_refuses_nonsense():
    requirement = CompletionRequirement(
        key="k", label="Attended", done=1, required=2, in_person_hours=1.5
    )
    assert requirement.in_person_hours == Decimal("1.5")
    assert requirement.online_hours == Decimal(0)
    for wrong in (
        {"done": -1},
        {"required": -1},
        {"in_person_hours": -2},
        {"key": ""},
        {"label": ""},
    ):
        with pytest.raises(ValueError):
            CompletionRequirement(
                **{"key": "k", "label": "L", "done": 0, "required": 1, **wrong}
            )


def test_without_a_rule_there_is_no_requirement_and_no_query(
    catalogue, learner, monkeypatch
):
    course, _ = build_course(parent=catalogue, lessons_per_module=(1,))
    enrolment = services.enrolment_create(user=learner, course=course)
    # No rule registered (the installed events app registers one).
    monkeypatch.setattr("courses.completion.hooks.get_hooks", lambda name: [])
    with CaptureQueriesContext(connection) as queries:
        assert completion_requirements(enrolments=[enrolment]) == {enrolment.pk: ()}
    assert len(queries) == 0


# --- completion ----------------------------------------------------------------


@pytest.fixture
def completions():
    """The enrolments `course_completed` was sent for, in order."""
    sent = []

    def receiver(sender, enrolment, **kwargs):
        sent.append(enrolment.pk)

    course_completed.connect(receiver, weak=False)
    yield sent
    course_completed.disconnect(receiver)


@pytest.fixture
def blended(catalogue, learner):
    """A two-lesson course whose rule asks for two sessions, the learner
    enrolled, the rule registered for the test."""
    course, lessons = build_course(parent=catalogue, lessons_per_module=(2,))
    rule = StandInCompletionRule(course, required=2)
    with rule.registered():
        enrolment = services.enrolment_create(user=learner, course=course)
        yield course, lessons, enrolment, rule


def test_completion_waits_for_the_rule_then_the_check_completes_once(
    blended, learner, completions
):
    course, lessons, enrolment, rule = blended
    for lesson in lessons:
        enrolment = services.lesson_complete(user=learner, lesson=lesson)
    assert enrolment.required_done == enrolment.required_total == 2
    assert enrolment.completed_at is None and completions == []

    rule.attend(enrolment)
    assert services.enrolment_completion_check(enrolment=enrolment).completed_at is None
    rule.attend(enrolment)
    moment = timezone.now() - timezone.timedelta(days=1)
    completed = services.enrolment_completion_check(enrolment=enrolment, now=moment)
    assert completed.completed_at == moment
    again = services.enrolment_completion_check(enrolment=enrolment)
    assert again.completed_at == moment
    assert completions == [enrolment.pk]


def test_met_rule_then_the_last_lesson_completes_the_course(
    blended, learner, completions
):
    course, lessons, enrolment, rule = blended
    rule.attend(enrolment)
    rule.attend(enrolment)
    services.lesson_complete(user=learner, lesson=lessons[0])
    assert services.enrolment_completion_check(enrolment=enrolment).completed_at is None
    enrolment = services.lesson_complete(user=learner, lesson=lessons[1])
    assert enrolment.completed_at is not None
    assert completions == [enrolment.pk]


def test_the_check_leaves_a_withdrawn_enrolment_alone(blended, learner, completions):
    course, lessons, enrolment, rule = blended
    for lesson in lessons:
        services.lesson_complete(user=learner, lesson=lesson)
    services.enrolment_withdraw(enrolment=enrolment)
    rule.attend(enrolment)
    rule.attend(enrolment)
    checked = services.enrolment_completion_check(enrolment=enrolment)
    assert checked.status == Enrolment.Status.WITHDRAWN
    assert checked.completed_at is None and completions == []


def test_a_rule_for_other_courses_changes_nothing(catalogue, learner, completions):
    course, lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    other, _ = build_course(parent=catalogue, lessons_per_module=(1,))
    with StandInCompletionRule(other).registered():
        services.enrolment_create(user=learner, course=course)
        enrolment = services.lesson_complete(user=learner, lesson=lessons[0])
    assert enrolment.completed_at is not None and completions == [enrolment.pk]


# --- progress --------------------------------------------------------------------


def test_the_course_and_lesson_pages_show_the_requirement_beside_the_lessons(
    client, blended, learner
):
    course, lessons, enrolment, rule = blended
    rule.attend(enrolment)
    client.force_login(learner)
    for page in (html(client.get(course.url)), html(client.get(lessons[0].url))):
        assert "Lessons: 0% · 0 of 2 required lessons" in page
        assert 'data-requirement="test.attendance"' in page
        assert '<a href="/sessions/">Attended 1 of 2 sessions</a>' in page
        assert "· not done yet" in page  # in words, not by colour
        assert "every required lesson" not in page

    for lesson in lessons:
        services.lesson_complete(user=learner, lesson=lesson)
    page = html(client.get(course.url))
    assert "Lessons: 100% · 2 of 2 required lessons" in page
    assert "You have done every required lesson" in page
    assert "You completed this course" not in page

    rule.attend(enrolment)
    services.enrolment_completion_check(enrolment=enrolment)
    page = html(client.get(course.url))
    assert "You completed this course" in page
    assert "Attended 2 of 2 sessions" in page and "· done" in page
    assert "You have done every required lesson" not in page


def test_the_dashboard_shows_the_requirement_of_each_course_asking_once(
    client, catalogue, blended, learner
):
    course, lessons, enrolment, rule = blended
    plain, _ = build_course(parent=catalogue, lessons_per_module=(1,))
    services.enrolment_create(user=learner, course=plain)
    client.force_login(learner)
    rule.calls = 0
    page = html(client.get(reverse("courses:dashboard")))
    assert rule.calls == 1  # once for every course in progress
    assert page.count('data-requirement="test.attendance"') == 1
    assert "Attended 0 of 2 sessions" in page
    assert "Lessons: 0% · 0 of 2 required lessons" in page
    assert "0% complete · 0 of 1 required lessons" in page  # the plain course


def test_the_lesson_page_asks_the_rules_once_whatever_the_lessons(
    client, blended, learner
):
    course, lessons, enrolment, rule = blended
    client.force_login(learner)
    client.get(lessons[0].url)
    rule.calls = 0
    assert client.get(lessons[0].url).status_code == 200
    assert rule.calls == 1


def test_without_a_rule_the_pages_show_the_lessons_progress_as_before(
    client, catalogue, learner
):
    course, lessons = build_course(parent=catalogue, lessons_per_module=(2,))
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    for url in (course.url, lessons[0].url, reverse("courses:dashboard")):
        page = html(client.get(url))
        assert "0% complete · 0 of 2 required lessons" in page
        assert "progress__requirements" not in page and "Lessons:" not in page


def test_the_requirements_read_in_slovenian_too():
    from django.template.loader import render_to_string
    from django.utils import translation

    requirement = CompletionRequirement(
        key="k", label="Udeležili ste se 1 od 3 srečanj", done=1, required=3
    )
    with translation.override("sl"):
        page = render_to_string(
            "courses/includes/progress.html",
            {"percent": 100, "done": 2, "total": 2, "requirements": [requirement]},
        )
    assert "Lekcije: 100 % · 2 od 2 obveznih lekcij" in page
    assert "Udeležili ste se 1 od 3 srečanj" in page and "še ni opravljeno" in page
    assert "Vse obvezne lekcije ste opravili" in page
