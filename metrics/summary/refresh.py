"""Keeping the summary current: which months are recomputed, and when.

- every few minutes (`refresh`, the Celery beat task `metrics.summary_refresh`):
  the profile sets, the current and the previous month, the months whose
  enrolments were completed or withdrawn since the last run and the months whose
  certificates were revoked since then, any month never summarised, the cohorts of
  the courses whose learners completed a lesson, took a quiz or got or lost a
  certificate since then, and the counts by place of the months of learners who
  moved;
- every night (`rebuild`, `metrics.summary_rebuild`): every month, which also takes
  in what leaves no date behind (erased accounts, a learner made staff);
- on demand (`ensure`): a month the dashboard needs that was never summarised.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone
from pyroaring import BitMap

from assessments.models import Response
from certificates.models import Certificate
from courses.models import Enrolment, LessonCompletion, QuizAttempt

from ..models import CellCount, LearnerSet, SummaryRefresh
from . import codec
from .compute import cohort_compute, learners, month_compute, profiles_compute
from .kinds import (
    ALL_COURSES,
    AT_LEAST_ONCE,
    CELL_KINDS,
    COHORT_KINDS,
    PLACE_DIMENSIONS,
    PLACE_KINDS,
    PROFILES_SCOPE,
    REBUILD_SCOPE,
    REFRESH_SCOPE,
    SetKind,
)
from .periods import month_scope, month_start, months_between, scope_month
from .places import Places, cells_compute, places_read

# A month is recomputed when something in it changed since the last run; the
# window reaches back a little before that run so nothing falls between two.
OVERLAP = datetime.timedelta(minutes=10)


def _write(
    scope: str,
    rows: list[LearnerSet],
    delete: Q,
    counts: Iterable[CellCount] = (),
    month: datetime.date | None = None,
    stamp: bool = True,
) -> None:
    """Replace one scope's rows (and a month's cell counts) in one transaction,
    one writer at a time."""
    now = timezone.now()
    SummaryRefresh.objects.bulk_create(
        [SummaryRefresh(scope=scope, refreshed_at=now)], ignore_conflicts=True
    )
    with transaction.atomic():
        SummaryRefresh.objects.select_for_update().get(scope=scope)
        LearnerSet.objects.filter(delete).delete()
        LearnerSet.objects.bulk_create(rows, batch_size=1000)
        if month is not None:
            CellCount.objects.filter(month=month).delete()
            CellCount.objects.bulk_create(counts, batch_size=5000)
        if stamp:
            SummaryRefresh.objects.filter(scope=scope).update(refreshed_at=now)


def month_refresh(month: datetime.date, places: Places | None = None) -> None:
    """Recompute one month from the records, with its counts by place."""
    places = places_read() if places is None else places
    rows = month_compute(month)
    counts, by_place = cells_compute(month, rows, places)
    _write(month_scope(month), rows + by_place, Q(month=month), counts, month)


def cells_refresh(month: datetime.date, places: Places) -> None:
    """Derive a month's counts by place again from its stored sets (after
    learners moved to another sector or city)."""
    rows = LearnerSet.objects.filter(month=month, level=AT_LEAST_ONCE).filter(
        Q(kind__in=CELL_KINDS, course_id__gt=ALL_COURSES)
        | Q(kind__in=(SetKind.COMPLETED, SetKind.GAIN), course_id=ALL_COURSES)
    )
    counts, by_place = cells_compute(month, rows, places)
    _write(
        month_scope(month),
        by_place,
        Q(month=month, kind__in=PLACE_KINDS),
        counts,
        month,
        stamp=False,
    )


def cohort_refresh(month: datetime.date, course_ids: set[int]) -> None:
    """Recompute the cohorts of `course_ids` that enrolled in `month`."""
    _write(
        month_scope(month),
        cohort_compute(month, course_ids),
        Q(month=month, kind__in=COHORT_KINDS, course_id__in=course_ids),
        stamp=False,
    )


def profiles_refresh() -> tuple[BitMap, Places]:
    """Write the profile sets. Returns the learners whose sector or city is not
    what the stored sets said (months they have events in need their counts by
    place derived again) and every learner's place."""
    before = {
        (kind, key): codec.members_decode(members)
        for kind, key, members in LearnerSet.objects.filter(
            month__isnull=True, kind__in=PLACE_DIMENSIONS
        ).values_list("kind", "key", "members")
    }
    rows = profiles_compute()
    after = {
        (row.kind, row.key): codec.members_decode(row.members)
        for row in rows
        if row.kind in PLACE_DIMENSIONS
    }
    moved = BitMap()
    for key, members in before.items():
        moved |= members - after.get(key, BitMap())
    _write(PROFILES_SCOPE, rows, Q(month__isnull=True))
    return moved, places_read(rows)


def months_of(people: BitMap) -> set[datetime.date]:
    """The months in which any of `people` has events counted by place."""
    if not people:
        return set()
    found = set()
    rows = LearnerSet.objects.filter(
        month__isnull=False,
        course_id=ALL_COURSES,
        level=AT_LEAST_ONCE,
        kind__in=[*CELL_KINDS, SetKind.GAIN],
    ).values_list("month", "members")
    for month, members in rows:
        if month not in found and codec.members_decode(members).intersect(people):
            found.add(month)
    return found


def first_month() -> datetime.date | None:
    """The month of the earliest record the figures count."""
    candidates = [
        learners().aggregate(first=Min("date_joined"))["first"],
        Enrolment.objects.aggregate(first=Min("requested_at"))["first"],
        Response.objects.aggregate(first=Min("submitted_at"))["first"],
    ]
    moments = [moment for moment in candidates if moment is not None]
    if not moments:
        return None
    return month_start(timezone.localtime(min(moments)).date())


def summarised_months() -> dict[datetime.date, datetime.datetime]:
    """{month: when its sets were computed} of every month summarised."""
    result = {}
    for scope, refreshed_at in SummaryRefresh.objects.values_list(
        "scope", "refreshed_at"
    ):
        month = scope_month(scope)
        if month is not None:
            result[month] = refreshed_at
    return result


def rebuilt_at() -> datetime.datetime | None:
    """When the last nightly rebuild started."""
    return (
        SummaryRefresh.objects.filter(scope=REBUILD_SCOPE)
        .values_list("refreshed_at", flat=True)
        .first()
    )


def _changed_months(since: datetime.datetime) -> set[datetime.date]:
    """Months whose figures changed through a later event: an enrolment begun
    then completed or withdrawn now, a certificate issued then revoked now."""
    moments = list(
        Enrolment.objects.filter(
            Q(completed_at__gte=since) | Q(withdrawn_at__gte=since),
            enrolled_at__isnull=False,
        )
        .values_list("enrolled_at", flat=True)
        .distinct()
    )
    moments += list(
        Certificate.objects.filter(revoked_at__gte=since, issued_at__isnull=False)
        .values_list("issued_at", flat=True)
        .distinct()
    )
    return {month_start(timezone.localtime(moment).date()) for moment in moments}


def _changed_cohorts(since: datetime.datetime) -> dict[datetime.date, set[int]]:
    """{month of enrolment: courses} whose cohorts changed since `since`: a lesson
    completed, a quiz taken, a certificate issued or revoked."""
    pairs = set()
    for records, field in (
        (LessonCompletion.objects, "completed_at"),
        (QuizAttempt.objects, "submitted_at"),
    ):
        pairs |= set(
            records.filter(**{f"{field}__gte": since})
            .exclude(enrolment__enrolled_at__isnull=True)
            .values_list("enrolment__course_id", "enrolment__enrolled_at")
            .distinct()
        )
    pairs |= set(
        Certificate.objects.filter(Q(issued_at__gte=since) | Q(revoked_at__gte=since))
        .exclude(enrolment__enrolled_at__isnull=True)
        .values_list("enrolment__course_id", "enrolment__enrolled_at")
        .distinct()
    )
    changed: dict[datetime.date, set[int]] = defaultdict(set)
    for course_id, enrolled_at in pairs:
        changed[month_start(timezone.localtime(enrolled_at).date())].add(course_id)
    return changed


def refresh() -> list[datetime.date]:
    """The periodic refresh (see the module's docstring). Returns the months done."""
    started = timezone.now()
    current = month_start(timezone.localdate())
    previous = month_start(current - datetime.timedelta(days=1))
    done = summarised_months()
    last_run = (
        SummaryRefresh.objects.filter(scope=REFRESH_SCOPE)
        .values_list("refreshed_at", flat=True)
        .first()
    ) or min(done.values(), default=None)
    moved, places = profiles_refresh()
    months = {current, previous}
    first = first_month()
    if first is not None:
        months |= {m for m in months_between(first, current) if m not in done}
    cohorts: dict[datetime.date, set[int]] = {}
    if last_run is not None:
        months |= _changed_months(last_run - OVERLAP)
        cohorts = _changed_cohorts(last_run - OVERLAP)
    months = sorted(m for m in months if m <= current)
    for month in months:
        month_refresh(month, places)
    for month, course_ids in sorted(cohorts.items()):
        # Months not summarised yet (or to come) are computed whole when needed.
        if month not in months and month in done and month <= current:
            cohort_refresh(month, course_ids)
    for month in sorted(months_of(moved) - set(months)):
        cells_refresh(month, places)
    SummaryRefresh.objects.update_or_create(
        scope=REFRESH_SCOPE, defaults={"refreshed_at": started}
    )
    return months


def rebuild() -> list[datetime.date]:
    """The profile sets and every month from the first record to now."""
    started = timezone.now()
    _moved, places = profiles_refresh()
    current = month_start(timezone.localdate())
    first = first_month() or current
    months = months_between(first, current)
    for month in months:
        month_refresh(month, places)
    # Months summarised before but now without any record (all erased).
    stale = [m for m in summarised_months() if m < first]
    for month in stale:
        month_refresh(month, places)
    SummaryRefresh.objects.update_or_create(
        scope=REBUILD_SCOPE, defaults={"refreshed_at": started}
    )
    return months


def ensure(months: Iterable[datetime.date]) -> None:
    """Summarise, now, the months the dashboard needs that never were (a fresh
    installation, or a month the periodic task has not reached yet)."""
    current = month_start(timezone.localdate())
    done = summarised_months()
    missing = [m for m in months if m <= current and m not in done]
    if not missing and SummaryRefresh.objects.filter(scope=PROFILES_SCOPE).exists():
        return
    moved, places = profiles_refresh()
    for month in missing:
        month_refresh(month, places)
    for month in sorted(months_of(moved) - set(missing)):
        cells_refresh(month, places)
