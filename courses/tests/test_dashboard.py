"""The learner dashboard's Wagtail hooks: other apps' panels and what they add
to each completed course's card, in the hooks' order."""

import pytest
from django.test import RequestFactory
from wagtail import hooks

from courses import services
from courses.dashboard import (
    LEARNER_DASHBOARD_COMPLETED_COURSE,
    LEARNER_DASHBOARD_PANELS,
    completed_course_extras,
    panels,
)
from courses.factories import build_course

pytestmark = pytest.mark.django_db


def request_of(user):
    request = RequestFactory().get("/en/dashboard/")
    request.user = user
    return request


def test_panels_come_in_the_hooks_order_and_none_shows_nothing(learner):
    def late(request):
        return {"template": "late.html", "user": request.user}

    def early(request):
        return {"template": "early.html"}

    def nothing(request):
        return None

    with (
        hooks.register_temporarily(
            [(LEARNER_DASHBOARD_PANELS, late), (LEARNER_DASHBOARD_PANELS, nothing)],
            order=50,
        ),
        hooks.register_temporarily(LEARNER_DASHBOARD_PANELS, early, order=1),
    ):
        shown = panels(request_of(learner))
    # Other apps' panels (certificates) have nothing for a new learner.
    assert shown == [
        {"template": "early.html"},
        {"template": "late.html", "user": learner},
    ]


def test_completed_course_extras_are_grouped_by_enrolment(catalogue, learner):
    enrolments = []
    for title in ("First", "Second"):
        course, lessons = build_course(
            parent=catalogue, title=title, lessons_per_module=(1,)
        )
        services.enrolment_create(user=learner, course=course)
        enrolments.append(services.lesson_complete(user=learner, lesson=lessons[0]))
    first, second = enrolments

    def badge(request, enrolments):
        return {first.pk: {"template": "badge.html"}}

    def note(request, enrolments):
        return {enrolment.pk: {"template": "note.html"} for enrolment in enrolments}

    with (
        hooks.register_temporarily(LEARNER_DASHBOARD_COMPLETED_COURSE, note, order=90),
        hooks.register_temporarily(LEARNER_DASHBOARD_COMPLETED_COURSE, badge, order=1),
    ):
        extras = completed_course_extras(request_of(learner), enrolments)
    ours = {"badge.html", "note.html"}  # other apps' hooks add theirs too
    templates = {
        pk: [extra["template"] for extra in items if extra["template"] in ours]
        for pk, items in extras.items()
    }
    assert templates == {
        first.pk: ["badge.html", "note.html"],
        second.pk: ["note.html"],
    }
    assert completed_course_extras(request_of(learner), []) == {}
