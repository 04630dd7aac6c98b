"""Simultaneous enrolments never exceed a course's capacity (each thread has its
own database connection, as concurrent web requests do)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from accounts.factories import UserFactory
from courses import services
from courses.factories import CourseIndexPageFactory, build_course
from courses.models import Enrolment
from home.models import HomePage

pytestmark = pytest.mark.django_db(transaction=True)

CAPACITY = 3
CONTENDERS = 12


def test_simultaneous_enrolments_never_exceed_capacity(demo_site):
    home = HomePage.objects.get(locale__language_code="en")
    course, _ = build_course(
        parent=CourseIndexPageFactory(parent=home), capacity=CAPACITY
    )
    learners = [UserFactory() for _ in range(CONTENDERS)]
    start = threading.Barrier(CONTENDERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def enrol(user) -> None:
        try:
            start.wait()
            services.enrolment_create(user=user, course=course)
            result = "enrolled"
        except ValidationError as error:
            result = error.code
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=enrol, args=(user,)) for user in learners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert outcomes.count("enrolled") == CAPACITY
    assert outcomes.count("full") == CONTENDERS - CAPACITY
    assert Enrolment.objects.filter(course=course, status="active").count() == CAPACITY


def test_simultaneous_enrolments_in_both_languages_make_one(demo_course):
    """A learner who presses "Enrol" in both languages at once (two tabs) gets
    one enrolment: the course and its translations are locked together."""
    from wagtail.models import Locale

    versions = [
        demo_course,
        demo_course.get_translation(Locale.objects.get(language_code="sl")),
    ]
    learners = [UserFactory() for _ in range(4)]
    outcomes: list[str] = []
    lock = threading.Lock()

    def enrol(user, course, start) -> None:
        try:
            start.wait()
            services.enrolment_create(user=user, course=course)
            result = "enrolled"
        except ValidationError as error:
            result = error.code
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    for learner in learners:
        start = threading.Barrier(len(versions))
        threads = [
            threading.Thread(target=enrol, args=(learner, course, start))
            for course in versions
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert outcomes.count("enrolled") == len(learners)
    assert outcomes.count("in_translation") == len(learners)
    for learner in learners:
        assert Enrolment.objects.filter(user=learner).count() == 1
