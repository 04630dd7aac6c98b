"""The course report: how far the learners who enrolled in a period got, from the
summary's cohort sets of the course's months of enrolment."""

from collections import Counter

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from pyroaring import BitMap

from courses.models import CoursePage, CourseVisit, LessonPage

from ..models import LearnerSet
from . import codec
from .codec import NO_KEY
from .disclosure import rate, suppress
from .filters import Filters
from .kinds import AT_LEAST_ONCE, COHORT_KINDS, PLACE_DIMENSIONS, SetKind
from .refresh import ensure


def people_scope(filters: Filters) -> BitMap | None:
    """The learners the filters' sector and city leave (None: no such filter)."""
    chosen = {
        dimension: getattr(filters, dimension)
        for dimension in PLACE_DIMENSIONS
        if getattr(filters, dimension)
    }
    if not chosen:
        return None
    found = {
        kind: codec.members_decode(members)
        for kind, key, members in LearnerSet.objects.filter(
            month__isnull=True, kind__in=list(chosen)
        ).values_list("kind", "key", "members")
        if key == chosen[kind]
    }
    scope = None
    for dimension in chosen:
        members = found.get(dimension, BitMap())
        scope = members if scope is None else scope & members
    return scope


def course_funnel(course: CoursePage, filters: Filters) -> dict:
    """How far the learners who enrolled in the period got, lesson by lesson,
    from the summary's sets for the course's months of enrolment."""
    from courses.selectors import course_outline

    period = filters.months
    ensure(period)
    scope = people_scope(filters)
    counts: Counter = Counter()
    sets = LearnerSet.objects.filter(
        month__in=period,
        course_id=course.pk,
        level=AT_LEAST_ONCE,
        kind__in=[SetKind.ENROLLED, SetKind.FINISHED, *COHORT_KINDS],
    )
    if scope is None:  # sizes, and the enrolments of erased accounts
        for kind, key, size, unlinked in sets.values_list(
            "kind", "key", "size", "unlinked"
        ):
            counts[(kind, key)] += size + unlinked
    else:
        for kind, key, members in sets.values_list("kind", "key", "members"):
            counts[(kind, key)] += codec.members_decode(
                members
            ).intersection_cardinality(scope)
    total = counts[(SetKind.ENROLLED, NO_KEY)]
    visits = CourseVisit.objects.filter(
        course=course, day__gte=filters.start, day__lte=filters.end
    )
    viewed = (
        visits.filter(user__isnull=False)
        .filter(filters.people("user__"))
        .values("user")
        .distinct()
        .count()
    )
    anonymous_visits = visits.filter(user__isnull=True).aggregate(
        total=Sum("anonymous_visits")
    )["total"]
    lessons = []
    previous = total
    for entry in course_outline(course=course).lessons:
        done = counts[(SetKind.LESSON, codec.lesson_key(entry.lesson.pk))]
        lessons.append(
            {
                "number": entry.number,
                "title": entry.lesson.title,
                "completed": suppress(done),
                "stopped_here": suppress(max(previous - done, 0)),
            }
        )
        previous = done
    quiz_keys = [key for kind, key in counts if kind == SetKind.QUIZ_TAKEN]
    lesson_pages = {
        codec.lesson_key(pk): (path, title)
        for pk, path, title in LessonPage.objects.filter(
            pk__in={codec.quiz_key_lesson(key) for key in quiz_keys}
        ).values_list("pk", "path", "title")
    }
    quizzes = []
    for key in sorted(
        quiz_keys,
        key=lambda k: (lesson_pages.get(codec.quiz_key_lesson(k), ("", ""))[0], k),
    ):
        takers = counts[(SetKind.QUIZ_TAKEN, key)]
        passed = counts[(SetKind.QUIZ_PASSED, key)]
        if not takers:
            continue
        lesson = lesson_pages.get(codec.quiz_key_lesson(key), ("", _("unknown")))
        quizzes.append(
            {
                "lesson": lesson[1],
                "takers": suppress(takers),
                "passed": suppress(passed),
                "pass_rate": rate(passed, takers),
            }
        )
    return {
        "funnel": [
            {
                "step": _("Viewed the course page (signed in)"),
                "people": suppress(viewed),
            },
            {"step": _("Enrolled"), "people": suppress(total)},
            {
                "step": _("Started (completed a lesson)"),
                "people": suppress(counts[(SetKind.STARTED, NO_KEY)]),
            },
            {
                "step": _("Half-way"),
                "people": suppress(counts[(SetKind.HALFWAY, NO_KEY)]),
            },
            {
                "step": _("Completed"),
                "people": suppress(counts[(SetKind.FINISHED, NO_KEY)]),
            },
            {
                "step": _("Certificate issued"),
                "people": suppress(counts[(SetKind.COHORT_CERTIFIED, NO_KEY)]),
            },
        ],
        "anonymous_visits": anonymous_visits or 0,
        "lessons": lessons,
        "quizzes": quizzes,
    }
