"""Computing learner sets from the other apps' records (metrics writes nothing of
theirs): a month's events, its cohorts and the profile sets. Nothing here writes;
`refresh` stores what these return."""

import datetime
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.functions import Lower, Trim

from assessments.models import Response
from assessments.selectors import response_result
from certificates.models import Certificate
from courses.models import Enrolment, LessonCompletion, QuizAttempt

from ..models import LearnerSet
from . import codec
from .codec import COMPETENCE_CODES, GAIN_SCALE, MISSING, NO_KEY, NO_PERSON
from .kinds import ALL_COURSES, AT_LEAST_ONCE, SetKind
from .periods import month_bounds


def learners():
    """The people the figures are about: not staff."""
    return get_user_model().objects.filter(is_staff=False, is_superuser=False)


def _levels(counts: Counter) -> dict[int, list[int]]:
    """{k: learners who did the thing at least k times}."""
    levels: dict[int, list[int]] = defaultdict(list)
    for user_id, count in counts.items():
        for level in range(AT_LEAST_ONCE, count + 1):
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
            lambda: (array(codec.USER_IDS), array(codec.NUMBERS))
        )
        self.gains: dict[int, array] = defaultdict(lambda: array(codec.USER_IDS))
        self.extra: list[LearnerSet] = []

    def event(self, kind: SetKind, user_id: int | None, course_id: int) -> None:
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
            users.append(user_id or NO_PERSON)
            values.append(seconds)

    def gain(self, user_id: int | None, course_id: int, changes: list[int]) -> None:
        for course in (course_id, ALL_COURSES):
            self.gains[course].append(user_id or NO_PERSON)
            self.gains[course].extend(changes)

    def rows(self) -> list[LearnerSet]:
        rows = []
        for course_id, records in self.gains.items():
            # Totals and counts per competence, read when no filter on people
            # needs the records themselves.
            totals = [0] * len(COMPETENCE_CODES)
            counts = [0] * len(COMPETENCE_CODES)
            for _user_id, changes in codec.gain_records(records):
                for index, change in enumerate(changes):
                    if change != MISSING:
                        totals[index] += change
                        counts[index] += 1
            rows.append(
                codec.learner_set(
                    (),
                    month=self.month,
                    kind=SetKind.GAIN_TOTAL,
                    course_id=course_id,
                    pairs=codec.gain_totals_encode(totals, counts),
                )
            )
            rows.append(
                codec.learner_set(
                    (u for u, _changes in codec.gain_records(records) if u),
                    month=self.month,
                    kind=SetKind.GAIN,
                    course_id=course_id,
                    pairs=codec.gain_records_encode(records),
                )
            )
        keys = set(self.people) | set(self.unlinked)
        for kind, course_id in sorted(keys):
            if course_id == ALL_COURSES and kind in self.events:
                continue  # written with levels below
            rows.append(
                self._row(
                    kind,
                    course_id,
                    AT_LEAST_ONCE,
                    self.people.get((kind, course_id), ()),
                )
            )
        for kind, counts in self.events.items():
            levels = _levels(counts) or {AT_LEAST_ONCE: []}
            for level, members in levels.items():
                rows.append(self._row(kind, ALL_COURSES, level, members))
        return rows + self.extra

    def _row(
        self, kind: SetKind, course_id: int, level: int, members: Iterable[int]
    ) -> LearnerSet:
        pairs = b""
        if (
            kind == SetKind.COMPLETED
            and level == AT_LEAST_ONCE
            and course_id in self.durations
        ):
            # Sorted by duration, so medians over months need no sorting.
            users, values = self.durations[course_id]
            order = sorted(range(len(values)), key=values.__getitem__)
            users = array(codec.USER_IDS, (users[i] for i in order))
            values = array(codec.NUMBERS, (values[i] for i in order))
            pairs = codec.pairs_encode(users, values)
            # The durations alone, for figures without a filter on people.
            self.extra.append(
                codec.learner_set(
                    (),
                    month=self.month,
                    kind=SetKind.DURATIONS,
                    course_id=course_id,
                    pairs=codec.durations_encode(values),
                )
            )
        return codec.learner_set(
            members,
            month=self.month,
            kind=kind,
            course_id=course_id,
            level=level,
            unlinked=(
                self.unlinked.get((kind, course_id), 0) if level == AT_LEAST_ONCE else 0
            ),
            pairs=pairs,
        )


def month_compute(month: datetime.date) -> list[LearnerSet]:
    """Every learner set of one month, read from the records of the other apps.

    A month's rows are fetched whole, not through server-side cursors: PostgreSQL
    plans cursors for the first rows and chose nested loops that took seconds."""
    since, until = month_bounds(month)
    sets = _MonthSets(month)

    def within(field: str) -> Q:
        return Q(**{f"{field}__gte": since, f"{field}__lt": until})

    sets.people[(SetKind.JOINED, ALL_COURSES)] = set(
        learners().filter(within("date_joined")).values_list("pk", flat=True)
    )
    begun = Enrolment.objects.filter(within("enrolled_at")).values_list(
        "user_id", "course_id", "status", "completed_at"
    )
    for user_id, course_id, status, completed_at in begun:
        sets.event(SetKind.ENROLLED, user_id, course_id)
        if status == Enrolment.Status.WITHDRAWN:
            sets.event(SetKind.WITHDRAWN, user_id, course_id)
        if completed_at is not None:
            sets.event(SetKind.FINISHED, user_id, course_id)
    completed = Enrolment.objects.filter(within("completed_at")).values_list(
        "user_id", "course_id", "enrolled_at", "completed_at"
    )
    for user_id, course_id, enrolled_at, completed_at in completed:
        sets.event(SetKind.COMPLETED, user_id, course_id)
        if enrolled_at is not None:
            seconds = (completed_at - enrolled_at).total_seconds()
            sets.duration(user_id, course_id, seconds)
    certified = (
        Certificate.objects.filter(within("issued_at"))
        .exclude(status=Certificate.Status.REVOKED)
        .values_list("enrolment__user_id", "enrolment__course_id")
    )
    for user_id, course_id in certified:
        sets.event(SetKind.CERTIFIED, user_id, course_id)

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
    active_anywhere = sets.people[(SetKind.ACTIVE, ALL_COURSES)]
    for pairs in activity:
        for user_id, course_id in pairs:
            sets.people[(SetKind.ACTIVE, course_id)].add(user_id)
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
        sets.event(SetKind.ASSESSED, user_id, ALL_COURSES)
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
    # {(kind, course, key): enrolment ids}
    found: dict[tuple[SetKind, int, str], set[int]] = defaultdict(set)
    for pk, user_id, course_id, completed_at, total, done in begun.values_list(
        "pk", "user_id", "course_id", "completed_at", "required_total", "required_done"
    ):
        owner[pk] = (user_id, course_id)
        if completed_at is not None or (total > 0 and 2 * done >= total):
            found[(SetKind.HALFWAY, course_id, NO_KEY)].add(pk)
    # Records of an enrolment approved between these queries wait for the next
    # run (its month is recomputed then: it is the current one).
    for enrolment_id, lesson_id in LessonCompletion.objects.filter(cohort).values_list(
        "enrolment_id", "lesson_id"
    ):
        if enrolment_id in owner:
            course_id = owner[enrolment_id][1]
            found[(SetKind.LESSON, course_id, codec.lesson_key(lesson_id))].add(
                enrolment_id
            )
            found[(SetKind.STARTED, course_id, NO_KEY)].add(enrolment_id)
    attempts = (
        QuizAttempt.objects.filter(cohort)
        .values_list("enrolment_id", "lesson_id", "quiz_id", "passed")
        .distinct()
    )
    for enrolment_id, lesson_id, quiz_id, passed in attempts:
        if enrolment_id not in owner:
            continue
        course_id = owner[enrolment_id][1]
        key = codec.quiz_key(lesson_id, quiz_id)
        found[(SetKind.QUIZ_TAKEN, course_id, key)].add(enrolment_id)
        if passed:
            found[(SetKind.QUIZ_PASSED, course_id, key)].add(enrolment_id)
    for enrolment_id in Certificate.objects.filter(
        cohort, status=Certificate.Status.ISSUED
    ).values_list("enrolment_id", flat=True):
        if enrolment_id in owner:
            course_id = owner[enrolment_id][1]
            found[(SetKind.COHORT_CERTIFIED, course_id, NO_KEY)].add(enrolment_id)
    rows = []
    for (kind, course_id, key), enrolment_ids in found.items():
        users = [owner[e][0] for e in enrolment_ids]
        rows.append(
            codec.learner_set(
                (u for u in users if u is not None),
                month=month,
                kind=kind,
                course_id=course_id,
                key=key,
                unlinked=users.count(None),
            )
        )
    return rows


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
    groups: dict[tuple[SetKind, str], list[int]] = defaultdict(list)
    organisations: dict[str, list[int]] = defaultdict(list)
    rows = learners().values_list(
        "pk",
        "sector",
        "city",
        "business_stage",
        "gender",
        "year_of_birth",
        Lower(Trim("organisation")),
    )
    not_given = codec.NOT_GIVEN
    for user_id, sector, city, stage, gender, born, organisation in rows:
        groups[(SetKind.SECTOR, sector or not_given)].append(user_id)
        groups[(SetKind.CITY, city or not_given)].append(user_id)
        groups[(SetKind.STAGE, stage or not_given)].append(user_id)
        groups[(SetKind.GENDER, gender or not_given)].append(user_id)
        groups[(SetKind.BORN, str(born or not_given))].append(user_id)
        if organisation:
            organisations[organisation].append(user_id)
    rows = [
        codec.learner_set(members, month=None, kind=kind, key=key[: codec.KEY_LENGTH])
        for (kind, key), members in groups.items()
    ]
    # Organisations are numbered, not named: only how many were reached is shown.
    users, numbers = array(codec.USER_IDS), array(codec.NUMBERS)
    for number, members in enumerate(organisations.values(), start=1):
        users.extend(members)
        numbers.extend([number] * len(members))
    rows.append(
        codec.learner_set(
            users.tolist(),
            month=None,
            kind=SetKind.ORGANISATION,
            pairs=codec.pairs_encode(users, numbers),
        )
    )
    return rows
