"""A course's hours of learning are its published required lessons' minutes,
rounded once (learning_hours), and follow every change to the lessons."""

from decimal import Decimal

import pytest

from courses.factories import (
    CourseIndexPageFactory,
    LessonPageFactory,
    ModulePageFactory,
    build_course,
)
from courses.models import CoursePage
from courses.models.pages import learning_hours


@pytest.mark.parametrize(
    "minutes, hours",
    [
        (0, "0.0"),
        (5, "0.5"),  # anything to learn is at least half an hour
        (44, "0.5"),
        (45, "1.0"),  # halves round up
        (215, "3.5"),  # the demo course's required lessons
        (250, "4.0"),
        (255, "4.5"),
        (600, "10.0"),
    ],
)
def test_learning_hours_rounds_minutes_to_the_nearest_half_hour(minutes, hours):
    assert learning_hours(minutes) == Decimal(hours)


@pytest.fixture
def course(demo_site):
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="en")
    catalogue = CourseIndexPageFactory(parent=home, slug="catalogue")
    course, lessons = build_course(parent=catalogue, lessons_per_module=(2, 1))
    minutes = [95, 60, 40]
    for lesson, value in zip(lessons, minutes, strict=True):
        lesson.estimated_minutes = value
        lesson.save_revision().publish()
    return course, lessons


def _hours(course) -> Decimal:
    return CoursePage.objects.get(pk=course.pk).estimated_hours


def test_hours_follow_the_required_lessons_as_they_are_published(course):
    course, lessons = course
    assert _hours(course) == Decimal("3.5")  # 195 minutes

    optional = lessons[2]
    optional.required = False
    optional.save_revision().publish()
    assert _hours(course) == Decimal("2.5")  # 155 minutes: optional ones don't count

    draft = lessons[0]
    draft.estimated_minutes = 400
    draft.save_revision()  # a draft changes nothing until it is published
    assert _hours(course) == Decimal("2.5")


def test_hours_leave_out_unpublished_deleted_and_moved_lessons(course):
    course, lessons = course
    module = lessons[2].get_parent().specific
    module.unpublish()
    assert _hours(course) == Decimal("2.5")  # 155 minutes: its module left the course
    module.save_revision().publish()
    assert _hours(course) == Decimal("3.5")

    lessons[2].delete()
    assert _hours(course) == Decimal("2.5")  # 155 minutes

    other, _ = build_course(
        parent=course.get_parent(), lessons_per_module=(1,), title="Other"
    )
    lessons[1].move(other.get_children().first(), pos="last-child")
    assert _hours(course) == Decimal("1.5")  # 95 minutes
    assert _hours(other) == Decimal("1.0")  # 10 + 60 minutes


def test_a_course_saved_from_an_old_revision_keeps_its_lessons_hours(course):
    course, lessons = course
    revision = CoursePage.objects.get(pk=course.pk).save_revision()
    lessons[0].estimated_minutes = 35
    lessons[0].save_revision().publish()
    assert _hours(course) == Decimal("2.5")  # 135 minutes
    # The course's revision holds the figure of its day; publishing it does
    # not bring it back.
    revision.publish()
    assert _hours(course) == Decimal("2.5")


def test_new_module_and_lessons_count_once_published(course):
    course, _ = course
    module = ModulePageFactory(parent=course)
    LessonPageFactory(parent=module, estimated_minutes=30)
    assert _hours(course) == Decimal("4.0")  # 225 minutes
    LessonPageFactory(parent=module, estimated_minutes=30, live=False)
    assert _hours(course) == Decimal("4.0")
