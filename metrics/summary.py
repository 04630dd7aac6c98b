"""The participation summary: learner sets per month, kept current by a periodic
task, so the dashboard answers in milliseconds at any volume and its figures stay
exact.

For every month there are sets of the learners who
- joined (signed up; learners only, not staff),
- were active (asked to enrol, completed a lesson, submitted a quiz; in "any
  course" also submitted a self-assessment),
- were enrolled (enrolment began), and of those enrolments the ones now withdrawn
  and the ones now completed ("finished", for the completion rate),
- completed a course (with the time it took), were certified (issued, not
  revoked), and submitted a self-assessment,
each for every course and for all courses together (course 0; there with levels
for people who did the thing more than once that month). Profile sets group the
learners by sector, city, business stage, gender, year of birth and organisation.

For the course report, per course and month of enrolment ("cohort"), what became
of those enrolments: who has started, is half-way, holds a certificate, completed
each lesson, took and passed each quiz (`cohort_compute`).

From those sets and the learners' sector and city ("places") come, per month, the
counts of every course's enrolments, completions and certificates by sector and
city (`CellCount`), and for all courses the durations and learning-gain totals by
sector and city, so the dashboard's sector and city filters read a few small rows
instead of intersecting every set with the learners they leave. When a learner's
sector or city changes, the months they have events in are derived again at the
next refresh.

Which months are recomputed, and when:
- every few minutes (`refresh`): the profile sets, the current and the previous
  month, the months whose enrolments were completed or withdrawn since the last
  run and the months whose certificates were revoked since then, any month never
  summarised, the cohorts of the courses whose learners completed a lesson, took
  a quiz or got or lost a certificate since then, and the counts by place of the
  months of learners who moved;
- every night (`rebuild`): every month, which also takes in what leaves no date
  behind (erased accounts, a learner made staff);
- on demand: a month the dashboard needs that was never summarised.
"""

import datetime
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Min, Q
from django.db.models.functions import Lower, Trim
from django.utils import timezone
from pyroaring import BitMap

from assessments.entrecomp import COMPETENCE_NAMES
from assessments.models import Response
from assessments.selectors import response_result
from certificates.models import Certificate
from courses.models import Enrolment, LessonCompletion, QuizAttempt

from .models import CellCount, LearnerSet, SummaryRefresh

ALL_COURSES = 0
# Learning gain: each competence's change between the before and after
# self-assessments, in units of 1/27720 (the least common multiple of 1..12): the
# difference of two means of up to twelve answers is a whole number of them, so
# sums stay exact. MISSING marks a competence without enough answers.
GAIN_SCALE = 27720
MISSING = -(2**63)
COMPETENCE_CODES = list(COMPETENCE_NAMES)
PROFILES = "profiles"
REBUILD = "rebuild"
LAST_REFRESH = "refresh"
# Counts by place: a learner's (sector, city) counts in four cells, the exact one,
# "their sector, any city", "any sector, their city" and "any sector, any city";
# events of erased accounts and of staff only in the last.
ANY = "*"
EVERYWHERE = (ANY, ANY)
CELL_KINDS = ("enrolled", "completed", "certified")
# Per course and month of enrolment, for the course report ("lesson" and the
# quiz kinds with the lesson or "lesson/quiz" as key).
COHORT_KINDS = (
    "started",
    "halfway",
    "cohort_certified",
    "lesson",
    "quiz_taken",
    "quiz_passed",
)
PLACE_DIMENSIONS = ("sector", "city")
# A month is recomputed when something in it changed since the last run; the
# window reaches back a little before that run so nothing falls between two.
OVERLAP = datetime.timedelta(minutes=10)


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def next_month(day: datetime.date) -> datetime.date:
    """The first day of the month after the one `day` is in."""
    return (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of the month and of the next, in the platform's time zone."""
    return (
        timezone.make_aware(datetime.datetime.combine(month, datetime.time())),
        timezone.make_aware(
            datetime.datetime.combine(next_month(month), datetime.time())
        ),
    )


def scope(month: datetime.date) -> str:
    return f"{month:%Y-%m}"


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, month = [], month_start(first)
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months


def pairs_read(data: bytes) -> tuple[array, array]:
    """The (user ids, values) arrays of a learner set's `pairs`."""
    users, values = array("q"), array("d")
    half = len(data) // 2
    users.frombytes(data[:half])
    values.frombytes(data[half:])
    return users, values


def learner_set(members: Iterable[int], **fields) -> LearnerSet:
    bitmap = BitMap(members)
    bitmap.run_optimize()
    return LearnerSet(members=bitmap.serialize(), size=len(bitmap), **fields)


def _levels(counts: Counter) -> dict[int, list[int]]:
    """{k: learners who did the thing at least k times}."""
    levels: dict[int, list[int]] = defaultdict(list)
    for user_id, count in counts.items():
        for level in range(1, count + 1):
            levels[level].append(user_id)
    return levels


class _MonthSets:
    """The rows of one month, collected before they are written together."""

    def __init__(self, month: datetime.date):
        self.month = month
        self.people: dict[tuple[str, int], set[int]] = defaultdict(set)
        self.events: dict[str, Counter] = defaultdict(Counter)  # all courses
        self.unlinked: Counter = Counter()  # (kind, course)
        self.durations: dict[int, tuple[array, array]] = defaultdict(
            lambda: (array("q"), array("d"))
        )
        self.gains: dict[int, array] = defaultdict(lambda: array("q"))
        self.extra: list[LearnerSet] = []

    def event(self, kind: str, user_id: int | None, course_id: int) -> None:
        if user_id is None:
            self.unlinked[(kind, course_id)] += 1
            if course_id != ALL_COURSES:
                self.unlinked[(kind, ALL_COURSES)] += 1
            return
        self.people[(kind, course_id)].add(user_id)
        self.events[kind][user_id] += 1

    def duration(self, user_id: int | None, course_id: int, seconds: float) -> None:
        for course in (course_id, ALL_COURSES):
            users, values = self.durations[course]
            users.append(user_id or 0)
            values.append(seconds)

    def gain(self, user_id: int | None, course_id: int, changes: list[int]) -> None:
        for course in (course_id, ALL_COURSES):
            self.gains[course].append(user_id or 0)
            self.gains[course].extend(changes)

    def rows(self) -> list[LearnerSet]:
        rows = []
        width = len(COMPETENCE_CODES) + 1
        for course_id, values in self.gains.items():
            # Totals and counts per competence, read when no filter on people
            # needs the pairs themselves.
            totals, counts = [0] * (width - 1), [0] * (width - 1)
            for start in range(0, len(values), width):
                for index, change in enumerate(values[start + 1 : start + width]):
                    if change != MISSING:
                        totals[index] += change
                        counts[index] += 1
            rows.append(
                learner_set(
                    (),
                    month=self.month,
                    kind="gain_total",
                    course_id=course_id,
                    pairs=array("q", totals + counts).tobytes(),
                )
            )
            rows.append(
                learner_set(
                    (u for u in values[::width] if u),
                    month=self.month,
                    kind="gain",
                    course_id=course_id,
                    pairs=values.tobytes(),
                )
            )
        keys = set(self.people) | set(self.unlinked)
        for kind, course_id in sorted(keys):
            if course_id == ALL_COURSES and kind in self.events:
                continue  # written with levels below
            rows.append(
                self._row(kind, course_id, 1, self.people.get((kind, course_id), ()))
            )
        for kind, counts in self.events.items():
            levels = _levels(counts) or {1: []}
            for level, members in levels.items():
                rows.append(self._row(kind, ALL_COURSES, level, members))
        return rows + self.extra

    def _row(self, kind: str, course_id: int, level: int, members) -> LearnerSet:
        pairs = b""
        if kind == "completed" and level == 1 and course_id in self.durations:
            # Sorted by duration, so medians over months need no sorting.
            users, values = self.durations[course_id]
            order = sorted(range(len(values)), key=values.__getitem__)
            users = array("q", (users[i] for i in order))
            values = array("d", (values[i] for i in order))
            pairs = users.tobytes() + values.tobytes()
            # The durations alone, for figures without a filter on people.
            self.extra.append(
                learner_set(
                    (),
                    month=self.month,
                    kind="durations",
                    course_id=course_id,
                    pairs=values.tobytes(),
                )
            )
        return learner_set(
            members,
            month=self.month,
            kind=kind,
            course_id=course_id,
            level=level,
            unlinked=self.unlinked.get((kind, course_id), 0) if level == 1 else 0,
            pairs=pairs,
        )


def _learners():
    return get_user_model().objects.filter(is_staff=False, is_superuser=False)


def month_compute(month: datetime.date) -> list[LearnerSet]:
    """Every learner set of one month, read from the records of the other apps.

    A month's rows are fetched whole, not through server-side cursors: PostgreSQL
    plans cursors for the first rows and chose nested loops that took seconds."""
    since, until = month_bounds(month)
    sets = _MonthSets(month)

    def within(field: str) -> Q:
        return Q(**{f"{field}__gte": since, f"{field}__lt": until})

    sets.people[("joined", ALL_COURSES)] = set(
        _learners().filter(within("date_joined")).values_list("pk", flat=True)
    )
    begun = Enrolment.objects.filter(within("enrolled_at")).values_list(
        "user_id", "course_id", "status", "completed_at"
    )
    for user_id, course_id, status, completed_at in begun:
        sets.event("enrolled", user_id, course_id)
        if status == Enrolment.Status.WITHDRAWN:
            sets.event("withdrawn", user_id, course_id)
        if completed_at is not None:
            sets.event("finished", user_id, course_id)
    completed = Enrolment.objects.filter(within("completed_at")).values_list(
        "user_id", "course_id", "enrolled_at", "completed_at"
    )
    for user_id, course_id, enrolled_at, completed_at in completed:
        sets.event("completed", user_id, course_id)
        if enrolled_at is not None:
            seconds = (completed_at - enrolled_at).total_seconds()
            sets.duration(user_id, course_id, seconds)
    certified = (
        Certificate.objects.filter(within("issued_at"))
        .exclude(status=Certificate.Status.REVOKED)
        .values_list("enrolment__user_id", "enrolment__course_id")
    )
    for user_id, course_id in certified:
        sets.event("certified", user_id, course_id)

    # Active: distinct (learner, course) pairs, made distinct by the database.
    activity = [
        Enrolment.objects.filter(within("requested_at"), user__isnull=False)
        .values_list("user_id", "course_id")
        .distinct(),
        LessonCompletion.objects.filter(
            within("completed_at"), enrolment__user__isnull=False
        )
        .values_list("enrolment__user_id", "enrolment__course_id")
        .distinct(),
        QuizAttempt.objects.filter(
            within("submitted_at"), enrolment__user__isnull=False
        )
        .values_list("enrolment__user_id", "enrolment__course_id")
        .distinct(),
    ]
    active_anywhere = sets.people[("active", ALL_COURSES)]
    for pairs in activity:
        for user_id, course_id in pairs:
            sets.people[("active", course_id)].add(user_id)
            active_anywhere.add(user_id)
    pairs = (
        Enrolment.objects.filter(
            pre_response__isnull=False, post_response__isnull=False
        )
        .filter(within("post_response__submitted_at"))
        .select_related("pre_response__version", "post_response__version")
    )
    for enrolment in pairs:
        sets.gain(enrolment.user_id, enrolment.course_id, _changes(enrolment))
    assessed = Response.objects.filter(
        within("submitted_at"), status=Response.Status.SUBMITTED
    ).values_list("user_id", flat=True)
    for user_id in assessed:
        if user_id is not None:
            active_anywhere.add(user_id)
        sets.event("assessed", user_id, ALL_COURSES)
    return sets.rows() + cohort_compute(month)


def cohort_compute(
    month: datetime.date, course_ids: Iterable[int] | None = None
) -> list[LearnerSet]:
    """What became of the enrolments begun in `month` (in every course, or in
    `course_ids`): who has started (completed a lesson), is half-way or done, holds
    a certificate, completed each lesson, took and passed each quiz. Counted per
    enrolment, so an erased learner's enrolment still counts once (`unlinked`)."""
    since, until = month_bounds(month)
    begun = Enrolment.objects.filter(enrolled_at__gte=since, enrolled_at__lt=until)
    cohort = Q(enrolment__enrolled_at__gte=since, enrolment__enrolled_at__lt=until)
    if course_ids is not None:
        begun = begun.filter(course_id__in=list(course_ids))
        cohort &= Q(enrolment__course_id__in=list(course_ids))
    owner: dict[int, tuple[int | None, int]] = {}
    found: dict[tuple[str, int, str], set[int]] = defaultdict(set)  # enrolment ids
    for pk, user_id, course_id, completed_at, total, done in begun.values_list(
        "pk", "user_id", "course_id", "completed_at", "required_total", "required_done"
    ):
        owner[pk] = (user_id, course_id)
        if completed_at is not None or (total > 0 and 2 * done >= total):
            found[("halfway", course_id, "")].add(pk)
    # Records of an enrolment approved between these queries wait for the next
    # run (its month is recomputed then: it is the current one).
    for enrolment_id, lesson_id in LessonCompletion.objects.filter(cohort).values_list(
        "enrolment_id", "lesson_id"
    ):
        if enrolment_id in owner:
            course_id = owner[enrolment_id][1]
            found[("lesson", course_id, str(lesson_id))].add(enrolment_id)
            found[("started", course_id, "")].add(enrolment_id)
    attempts = (
        QuizAttempt.objects.filter(cohort)
        .values_list("enrolment_id", "lesson_id", "quiz_id", "passed")
        .distinct()
    )
    for enrolment_id, lesson_id, quiz_id, passed in attempts:
        if enrolment_id not in owner:
            continue
        course_id, key = owner[enrolment_id][1], f"{lesson_id}/{quiz_id}"
        found[("quiz_taken", course_id, key)].add(enrolment_id)
        if passed:
            found[("quiz_passed", course_id, key)].add(enrolment_id)
    for enrolment_id in Certificate.objects.filter(
        cohort, status=Certificate.Status.ISSUED
    ).values_list("enrolment_id", flat=True):
        if enrolment_id in owner:
            found[("cohort_certified", owner[enrolment_id][1], "")].add(enrolment_id)
    rows = []
    for (kind, course_id, key), enrolment_ids in found.items():
        users = [owner[e][0] for e in enrolment_ids]
        rows.append(
            learner_set(
                (u for u in users if u is not None),
                month=month,
                kind=kind,
                course_id=course_id,
                key=key,
                unlinked=users.count(None),
            )
        )
    return rows


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


def cohort_refresh(month: datetime.date, course_ids: set[int]) -> None:
    _write(
        scope(month),
        cohort_compute(month, course_ids),
        Q(month=month, kind__in=COHORT_KINDS, course_id__in=course_ids),
        stamp=False,
    )


def _scores(response) -> dict[str, Fraction | None]:
    return {
        competence.code: competence.mean
        for area in response_result(response).areas
        for competence in area.competences
    }


def _changes(enrolment) -> list[int]:
    """After minus before for each competence, in units of 1/GAIN_SCALE."""
    before = _scores(enrolment.pre_response)
    after = _scores(enrolment.post_response)
    changes = []
    for code in COMPETENCE_CODES:
        if before.get(code) is None or after.get(code) is None:
            changes.append(MISSING)
        else:
            changes.append(round((after[code] - before[code]) * GAIN_SCALE))
    return changes


def profiles_compute() -> list[LearnerSet]:
    """Learners grouped by what their profile says now."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    organisations: dict[str, list[int]] = defaultdict(list)
    rows = _learners().values_list(
        "pk",
        "sector",
        "city",
        "business_stage",
        "gender",
        "year_of_birth",
        Lower(Trim("organisation")),
    )
    for user_id, sector, city, stage, gender, born, organisation in rows:
        groups[("sector", sector or "")].append(user_id)
        groups[("city", city or "")].append(user_id)
        groups[("stage", stage or "")].append(user_id)
        groups[("gender", gender or "")].append(user_id)
        groups[("born", str(born or ""))].append(user_id)
        if organisation:
            organisations[organisation].append(user_id)
    rows = [
        learner_set(members, month=None, kind=dimension, key=key[:128])
        for (dimension, key), members in groups.items()
    ]
    # Organisations are numbered, not named: only how many were reached is shown.
    users, numbers = array("q"), array("d")
    for number, members in enumerate(organisations.values(), start=1):
        users.extend(members)
        numbers.extend([number] * len(members))
    rows.append(
        learner_set(
            users.tolist(),
            month=None,
            kind="organisation",
            pairs=users.tobytes() + numbers.tobytes(),
        )
    )
    return rows


Places = dict[int, tuple[str, str]]


def places_read(rows: Iterable[LearnerSet] | None = None) -> Places:
    """{learner: (sector, city)} from the profile sets (the stored ones unless
    `rows` are given)."""
    if rows is None:
        rows = LearnerSet.objects.filter(
            month__isnull=True, kind__in=PLACE_DIMENSIONS
        ).only("kind", "key", "members")
    sector: dict[int, str] = {}
    city: dict[int, str] = {}
    for row in rows:
        if row.kind in PLACE_DIMENSIONS:
            found = sector if row.kind == "sector" else city
            value = row.key
            found.update(dict.fromkeys(BitMap.deserialize(bytes(row.members)), value))
    return {
        user_id: (value, city.get(user_id, "")) for user_id, value in sector.items()
    }


def cells(place: tuple[str, str] | None) -> tuple[tuple[str, str], ...]:
    """The cells an event of a learner from `place` counts in (None: erased,
    or staff)."""
    if place is None:
        return (EVERYWHERE,)
    sector, city = place
    return (place, (sector, ANY), (ANY, city), EVERYWHERE)


def cell_key(cell: tuple[str, str]) -> str:
    return f"{cell[0]}|{cell[1]}"


def cells_compute(
    month: datetime.date, rows: Iterable[LearnerSet], places: Places
) -> tuple[list[CellCount], list[LearnerSet]]:
    """A month's counts by place, from its learner sets: every course's events,
    and for all courses the durations (kept sorted) and learning-gain totals by
    place (except "everywhere", which the sets without a place already hold)."""
    counts: list[CellCount] = []
    by_place: list[LearnerSet] = []
    width = len(COMPETENCE_CODES) + 1
    for row in rows:
        if row.level != 1:
            continue
        if row.course_id != ALL_COURSES and row.kind in CELL_KINDS:
            found: Counter = Counter(
                map(places.get, BitMap.deserialize(bytes(row.members)))
            )
            tally: Counter = Counter({EVERYWHERE: row.unlinked})
            for place, number in found.items():
                for cell in cells(place):
                    tally[cell] += number
            counts += [
                CellCount(
                    month=month,
                    kind=row.kind,
                    course_id=row.course_id,
                    sector=cell[0],
                    city=cell[1],
                    count=number,
                )
                for cell, number in tally.items()
                if number
            ]
        elif row.course_id == ALL_COURSES and row.kind == "completed":
            users, seconds = pairs_read(bytes(row.pairs))
            runs: dict[tuple[str, str], array] = defaultdict(lambda: array("d"))
            for user_id, value in zip(users, seconds, strict=True):
                for cell in cells(places.get(user_id))[:-1]:
                    runs[cell].append(value)
            by_place += [
                learner_set(
                    (),
                    month=month,
                    kind="durations_place",
                    key=cell_key(cell),
                    pairs=run.tobytes(),
                )
                for cell, run in runs.items()
            ]
        elif row.course_id == ALL_COURSES and row.kind == "gain":
            values = array("q")
            values.frombytes(bytes(row.pairs))
            sums: dict[tuple[str, str], list[int]] = defaultdict(
                lambda: [0] * (2 * (width - 1))
            )
            for start in range(0, len(values), width):
                for cell in cells(places.get(values[start]))[:-1]:
                    totals = sums[cell]
                    for index, change in enumerate(values[start + 1 : start + width]):
                        if change != MISSING:
                            totals[index] += change
                            totals[width - 1 + index] += 1
            by_place += [
                learner_set(
                    (),
                    month=month,
                    kind="gain_place",
                    key=cell_key(cell),
                    pairs=array("q", totals).tobytes(),
                )
                for cell, totals in sums.items()
            ]
    return counts, by_place


PLACE_KINDS = ("durations_place", "gain_place")


def _write(
    scope_name: str,
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
        [SummaryRefresh(scope=scope_name, refreshed_at=now)], ignore_conflicts=True
    )
    with transaction.atomic():
        SummaryRefresh.objects.select_for_update().get(scope=scope_name)
        LearnerSet.objects.filter(delete).delete()
        LearnerSet.objects.bulk_create(rows, batch_size=1000)
        if month is not None:
            CellCount.objects.filter(month=month).delete()
            CellCount.objects.bulk_create(counts, batch_size=5000)
        if stamp:
            SummaryRefresh.objects.filter(scope=scope_name).update(refreshed_at=now)


def month_refresh(month: datetime.date, places: Places | None = None) -> None:
    """Recompute one month from the records, with its counts by place."""
    places = places_read() if places is None else places
    rows = month_compute(month)
    counts, by_place = cells_compute(month, rows, places)
    _write(scope(month), rows + by_place, Q(month=month), counts, month)


def cells_refresh(month: datetime.date, places: Places) -> None:
    """Derive a month's counts by place again from its stored sets (after
    learners moved to another sector or city)."""
    rows = LearnerSet.objects.filter(month=month, level=1).filter(
        Q(kind__in=CELL_KINDS, course_id__gt=ALL_COURSES)
        | Q(kind__in=("completed", "gain"), course_id=ALL_COURSES)
    )
    counts, by_place = cells_compute(month, rows, places)
    _write(
        scope(month),
        by_place,
        Q(month=month, kind__in=PLACE_KINDS),
        counts,
        month,
        stamp=False,
    )


def profiles_refresh() -> tuple[BitMap, Places]:
    """Write the profile sets. Returns the learners whose sector or city is not
    what the stored sets said (months they have events in need their counts by
    place derived again) and every learner's place."""
    before = {
        (kind, key): BitMap.deserialize(bytes(members))
        for kind, key, members in LearnerSet.objects.filter(
            month__isnull=True, kind__in=PLACE_DIMENSIONS
        ).values_list("kind", "key", "members")
    }
    rows = profiles_compute()
    after = {
        (row.kind, row.key): BitMap.deserialize(bytes(row.members))
        for row in rows
        if row.kind in PLACE_DIMENSIONS
    }
    moved = BitMap()
    for key, members in before.items():
        moved |= members - after.get(key, BitMap())
    _write(PROFILES, rows, Q(month__isnull=True))
    return moved, places_read(rows)


def months_of(learners: BitMap) -> set[datetime.date]:
    """The months in which any of `learners` has events counted by place."""
    if not learners:
        return set()
    found = set()
    rows = LearnerSet.objects.filter(
        month__isnull=False,
        course_id=ALL_COURSES,
        level=1,
        kind__in=[*CELL_KINDS, "gain"],
    ).values_list("month", "members")
    for month, members in rows:
        if month not in found and BitMap.deserialize(bytes(members)).intersect(
            learners
        ):
            found.add(month)
    return found


def first_month() -> datetime.date | None:
    """The month of the earliest record the figures count."""
    candidates = [
        _learners().aggregate(first=Min("date_joined"))["first"],
        Enrolment.objects.aggregate(first=Min("requested_at"))["first"],
        Response.objects.aggregate(first=Min("submitted_at"))["first"],
    ]
    moments = [moment for moment in candidates if moment is not None]
    if not moments:
        return None
    return month_start(timezone.localtime(min(moments)).date())


def summarised_months() -> dict[datetime.date, datetime.datetime]:
    result = {}
    for name, refreshed_at in SummaryRefresh.objects.values_list(
        "scope", "refreshed_at"
    ):
        if name[:4].isdigit():
            year, month = name.split("-")
            result[datetime.date(int(year), int(month), 1)] = refreshed_at
    return result


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


def refresh() -> list[datetime.date]:
    """The periodic refresh (see the module's docstring). Returns the months done."""
    started = timezone.now()
    current = month_start(timezone.localdate())
    previous = month_start(current - datetime.timedelta(days=1))
    done = summarised_months()
    last_run = (
        SummaryRefresh.objects.filter(scope=LAST_REFRESH)
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
        scope=LAST_REFRESH, defaults={"refreshed_at": started}
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
        scope=REBUILD, defaults={"refreshed_at": started}
    )
    return months


def ensure(months: Iterable[datetime.date]) -> None:
    """Summarise, now, the months the dashboard needs that never were (a fresh
    installation, or a month the periodic task has not reached yet)."""
    current = month_start(timezone.localdate())
    done = summarised_months()
    missing = [m for m in months if m <= current and m not in done]
    if not missing and SummaryRefresh.objects.filter(scope=PROFILES).exists():
        return
    moved, places = profiles_refresh()
    for month in missing:
        month_refresh(month, places)
    for month in sorted(months_of(moved) - set(missing)):
        cells_refresh(month, places)
