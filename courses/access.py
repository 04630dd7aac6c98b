"""Who may open a lesson, in one place: the lesson page applies these rules, the
services check the same ones again when a learner acts (`services._active_enrolment`,
`_assert_unlocked`).

- Course pages and the catalogue are public (Wagtail's page privacy aside).
- A lesson is for signed-in learners with an active enrolment in its course, or
  in a translation of the course (they may read it in this language; their
  progress stays with the enrolment they have), and for the people who may edit
  it (who see it without enrolling, as do editors previewing it).
- With "lessons in order", a lesson opens once the required lessons before it
  are done (editors are not held back).
"""

import enum
from dataclasses import dataclass, field

from .models import CoursePage, Enrolment, LessonPage
from .selectors import (
    Outline,
    course_outline,
    enrolment_for,
    enrolment_in_translation,
)


class Refusal(enum.Enum):
    LOGIN_REQUIRED = "login_required"
    NOT_ENROLLED = "not_enrolled"
    LOCKED = "locked"


@dataclass(frozen=True)
class LessonAccess:
    """What a visitor may do with a lesson, and the state the page shows them."""

    course: CoursePage | None
    outline: Outline = field(default_factory=Outline)
    enrolment: Enrolment | None = None  # active, in this lesson's course
    enrolment_elsewhere: Enrolment | None = None  # active, in a translation
    preview: bool = False
    refusal: Refusal | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def _may_edit(user, lesson: LessonPage) -> bool:
    return bool(lesson.permissions_for_user(user).can_edit())


def lesson_access(*, user, lesson: LessonPage) -> LessonAccess:
    """The rules above for `user` and a live lesson. The editor check (two
    queries) is made only when enrolment does not already open the lesson."""
    course = CoursePage.objects.ancestor_of(lesson).first()
    if not getattr(user, "is_authenticated", False):
        return LessonAccess(course=course, refusal=Refusal.LOGIN_REQUIRED)
    enrolment = enrolment_for(user=user, course=course)
    active = enrolment if enrolment and enrolment.is_active else None
    elsewhere = None
    if active is None:
        elsewhere = enrolment_in_translation(user=user, course=course)
        if elsewhere is not None and not elsewhere.is_active:
            elsewhere = None
    may_edit = None
    if active is None and elsewhere is None:
        may_edit = _may_edit(user, lesson)
        if not may_edit:
            return LessonAccess(course=course, refusal=Refusal.NOT_ENROLLED)
    outline = course_outline(
        course=course, enrolment=active or elsewhere, current_lesson_id=lesson.pk
    )
    entry = outline.entry(lesson.pk)
    if entry and entry.locked:
        if may_edit is None:
            may_edit = _may_edit(user, lesson)
        if not may_edit:
            return LessonAccess(course=course, outline=outline, refusal=Refusal.LOCKED)
    return LessonAccess(
        course=course,
        outline=outline,
        enrolment=active,
        enrolment_elsewhere=elsewhere,
    )


def lesson_preview_access(*, lesson: LessonPage) -> LessonAccess:
    """An editor previewing a lesson sees it as a learner would, without
    enrolment checks (the page may not even be saved yet)."""
    course = CoursePage.objects.ancestor_of(lesson).first() if lesson.path else None
    return LessonAccess(
        course=course,
        outline=course_outline(course=course, current_lesson_id=lesson.pk),
        preview=True,
    )
