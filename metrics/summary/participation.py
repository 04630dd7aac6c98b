"""Reading the summary: the figures for one choice of filters, as unions,
intersections and sizes of the stored learner sets. `participation_load` fetches
what a page needs in a few queries; the `Participation` it returns computes every
figure from that without asking the database again."""

import datetime
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import compress

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from pyroaring import BitMap

from assessments.entrecomp import COMPETENCE_NAMES

from ..models import LearnerSet
from . import codec
from .codec import COMPETENCE_CODES, GAIN_SCALE, MISSING, NO_KEY
from .disclosure import NO_DATA, SMALLEST_GROUP, SUPPRESSED, decimal, rate, suppress
from .filters import Filters
from .kinds import (
    ALL_COURSES,
    AT_LEAST_ONCE,
    CELL_KINDS,
    PLACE_DIMENSIONS,
    SetKind,
)
from .median import runs_median
from .periods import months_between
from .places import ANY
from .refresh import ensure, first_month, rebuilt_at, summarised_months

SECONDS_PER_DAY = 86400

# (level, members or None when only sizes were fetched, unlinked, size)
StoredSet = tuple[int, bytes | None, int, int]


@dataclass(frozen=True, eq=False)
class Participation:
    """The summary's rows for one choice of filters (`participation_load`)."""

    filters: Filters
    months: list[datetime.date]
    course_id: int  # the filters' course, or ALL_COURSES
    # The learners the sector and city filters leave; None: everyone, including
    # the events of erased accounts.
    scope: BitMap | None
    # {(kind, month, course): its sets by level} of the period.
    stored: dict[tuple[str, datetime.date, int], list[StoredSet]]
    profiles: dict[str, dict[str, bytes]]  # {dimension: {value: members}}
    organisations: bytes  # the organisation set's pairs
    durations: list[bytes]  # per month: durations, or completions' pairs
    gains: list[bytes]  # per month: gain totals, or gain records
    pairs_scoped: bool  # durations and gains are pairs to filter by `scope`
    registered: int
    refreshed_at: dict[datetime.date, datetime.datetime]
    _parsed: dict[tuple, list[tuple[int, BitMap, int]]] = field(
        default_factory=dict, repr=False
    )

    def profile(self, dimension: str) -> dict[str, BitMap]:
        """{value: the learners whose profile has it} for one dimension."""
        return {
            key: codec.members_decode(members)
            for key, members in self.profiles.get(dimension, {}).items()
        }

    def sets(self, kind: str, month, course_id: int) -> list[tuple[int, BitMap, int]]:
        """(level, members, unlinked) of one kind's sets in a month."""
        key = (kind, month, course_id)
        if key not in self._parsed:
            self._parsed[key] = [
                (level, codec.members_decode(members), unlinked)
                for level, members, unlinked, _size in self.stored.get(key, [])
            ]
        return self._parsed[key]

    def count(self, kind: str, month, course_id=None, within=None) -> int:
        """Events of one kind in a month by the learners `within` (default: the
        filters' scope); events of erased accounts count when nobody is left out."""
        course_id = self.course_id if course_id is None else course_id
        within = self.scope if within is None else within
        if within is None:
            return sum(
                size + unlinked
                for _level, _members, unlinked, size in self.stored.get(
                    (kind, month, course_id), []
                )
            )
        return sum(
            members.intersection_cardinality(within)
            for _level, members, _unlinked in self.sets(kind, month, course_id)
        )

    def unlinked(self, kind: str) -> int:
        """Events of the period by learners who erased their account."""
        return sum(
            unlinked
            for month in self.months
            for _level, _members, unlinked, _size in self.stored.get(
                (kind, month, self.course_id), []
            )
        )

    def total(self, kind: str, course_id=None, within=None) -> int:
        return sum(self.count(kind, m, course_id, within) for m in self.months)

    def people(self, kind: str, course_id=None, within=None, months=None) -> BitMap:
        """The distinct learners who did it in any month of the period (or of
        `months`)."""
        course_id = self.course_id if course_id is None else course_id
        within = self.scope if within is None else within
        found = BitMap.union(
            BitMap(),
            *(
                members
                for month in (self.months if months is None else months)
                for level, members, _unlinked in self.sets(kind, month, course_id)
                if level == AT_LEAST_ONCE
            ),
        )
        return found if within is None else found & within

    def median_days(self) -> tuple[float | None, int]:
        """The median time to complete, in days, and how many completions it
        rests on. Each month's durations are stored sorted; without a sector or
        city filter the median is picked from them without merging."""
        runs: list[array] = []
        # A set and compress() keep the loop over the pairs in C.
        scope = set(self.scope) if self.pairs_scoped else None
        for pairs in self.durations:
            if scope is None:
                runs.append(codec.durations_decode(pairs))
            else:
                users, seconds = codec.pairs_decode(pairs)
                runs.append(
                    array(
                        codec.NUMBERS,
                        compress(seconds, map(scope.__contains__, users)),
                    )
                )
        count = sum(len(run) for run in runs)
        if not count:
            return None, 0
        return runs_median(runs) / SECONDS_PER_DAY, count

    def organisations_reached(self, learners: BitMap) -> int:
        users, numbers = codec.pairs_decode(self.organisations)
        return len(set(compress(numbers, map(learners.__contains__, users))))

    def learning_gain(self) -> list[dict]:
        """Mean change per competence between the self-assessments before and
        after a course, for enrolments with both, the "after" taken in the
        period, with the number of pairs each mean rests on."""
        totals = [0] * len(COMPETENCE_CODES)
        counts = [0] * len(COMPETENCE_CODES)
        for blob in self.gains:
            if not self.pairs_scoped:  # totals, then counts, per competence
                month_totals, month_counts = codec.gain_totals_decode(blob)
                for index in range(len(COMPETENCE_CODES)):
                    totals[index] += month_totals[index]
                    counts[index] += month_counts[index]
                continue
            for user_id, changes in codec.gain_records(codec.gain_records_decode(blob)):
                if not (user_id and user_id in self.scope):
                    continue
                for index, change in enumerate(changes):
                    if change != MISSING:
                        totals[index] += change
                        counts[index] += 1
        rows = []
        for index, code in enumerate(COMPETENCE_CODES):
            pairs = counts[index]
            mean = Fraction(totals[index], pairs * GAIN_SCALE) if pairs else 0
            rows.append(
                {
                    "code": code,
                    "competence": COMPETENCE_NAMES[code],
                    "pairs": suppress(pairs),
                    "mean_change": decimal(float(mean), 2, sign=True)
                    if pairs >= SMALLEST_GROUP
                    else NO_DATA,
                }
            )
        return rows

    def headline(self) -> list[dict]:
        """The headline figures for the period, suppressed."""
        registered = self.registered
        signups = self.total(SetKind.JOINED, ALL_COURSES)
        enrolments = self.total(SetKind.ENROLLED)
        median, completions = self.median_days()
        median_days = (
            decimal(median, 1)
            if completions >= SMALLEST_GROUP
            else (SUPPRESSED if completions else NO_DATA)
        )
        organisations = self.organisations_reached(self.people(SetKind.ENROLLED))
        active = len(self.people(SetKind.ACTIVE))
        figures = [
            ("registered", _("Registered learners"), suppress(registered)),
            ("signups", _("New sign-ups"), suppress(signups)),
            ("active", _("Active learners"), suppress(active)),
            ("enrolments", _("Enrolments"), suppress(enrolments)),
            (
                "withdrawn",
                _("of which withdrawn"),
                suppress(self.total(SetKind.WITHDRAWN)),
            ),
            (
                "completions",
                _("Completions"),
                suppress(self.total(SetKind.COMPLETED)),
            ),
            (
                "completion_rate",
                _("Completion rate of enrolments in the period"),
                rate(self.total(SetKind.FINISHED), enrolments),
            ),
            (
                "certificates",
                _("Certificates issued"),
                suppress(self.total(SetKind.CERTIFIED)),
            ),
            ("median_days", _("Median days to complete"), median_days),
            ("organisations", _("Organisations reached"), suppress(organisations)),
            (
                "assessments",
                _("Self-assessments taken"),
                suppress(self.total(SetKind.ASSESSED, ALL_COURSES)),
            ),
        ]
        return [
            {"key": key, "label": label, "value": value}
            for key, label, value in figures
        ]

    def monthly_series(self) -> dict:
        """Sign-ups, enrolments, completions and active learners per month."""
        rows = []
        for month in self.months:
            active = self.people(SetKind.ACTIVE, months=[month])
            rows.append(
                {
                    "month": month,
                    "signups": suppress(self.count(SetKind.JOINED, month, ALL_COURSES)),
                    "enrolments": suppress(self.count(SetKind.ENROLLED, month)),
                    "completions": suppress(self.count(SetKind.COMPLETED, month)),
                    "active": suppress(len(active)),
                }
            )
        return {"rows": rows}


def participation_load(filters: Filters) -> Participation:
    """The summary's rows the figures for `filters` need, read once per page
    (months never summarised are summarised first)."""
    months = filters.months
    # "Registered" counts everyone who joined up to the period's end.
    first = min(first_month() or filters.start, filters.start)
    ensure(months_between(first, filters.end))
    course_id = filters.course.pk if filters.course else ALL_COURSES
    profiles: dict[str, dict[str, bytes]] = defaultdict(dict)
    organisations = b""
    for kind, key, members, pairs in LearnerSet.objects.filter(
        month__isnull=True
    ).values_list("kind", "key", "members", "pairs"):
        if kind == SetKind.ORGANISATION:
            organisations = bytes(pairs)
        else:
            profiles[kind][key] = members
    scope: BitMap | None = None
    for dimension in PLACE_DIMENSIONS:
        value = getattr(filters, dimension)
        if value:
            members = profiles.get(dimension, {}).get(value)
            chosen = BitMap() if members is None else codec.members_decode(members)
            scope = chosen if scope is None else scope & chosen
    # Every set of the period for all courses and the chosen one. Without a
    # filter on people, the counts read sizes: only the sets whose members make
    # people figures and breakdowns are fetched whole.
    stored: dict[tuple, list[StoredSet]] = defaultdict(list)
    own = LearnerSet.objects.filter(
        month__in=months, course_id__in=[ALL_COURSES, course_id], key=NO_KEY
    )
    with_members = Q(kind__in=[SetKind.ACTIVE, *CELL_KINDS])
    if scope is not None:
        with_members = Q()
    fields = ["month", "kind", "course_id", "level", "unlinked", "size"]
    for queryset, members in (
        (own.filter(with_members), True),
        (own.exclude(with_members), False),
    ):
        if not members and scope is not None:
            continue
        for row in queryset.values_list(*fields, *(["members"] if members else [])):
            month, kind, row_course, level, unlinked, size = row[:6]
            stored[(kind, month, row_course)].append(
                (level, row[6] if members else None, unlinked, size)
            )
    # Durations and learning gain: for all courses by place (the filters' sector
    # and city) or everywhere; for one course, with a filter on people, its
    # completions' and assessment pairs' user ids.
    place = codec.cell_key((filters.sector or ANY, filters.city or ANY))
    by_place = scope is not None and course_id == ALL_COURSES
    pairs_scoped = scope is not None and not by_place
    if by_place:
        durations, gains, key = SetKind.DURATIONS_PLACE, SetKind.GAIN_PLACE, place
    elif pairs_scoped:
        durations, gains, key = SetKind.COMPLETED, SetKind.GAIN, NO_KEY
    else:
        durations, gains, key = SetKind.DURATIONS, SetKind.GAIN_TOTAL, NO_KEY
    duration_rows = [
        bytes(pairs)
        for pairs in LearnerSet.objects.filter(
            month__in=months,
            kind=durations,
            course_id=course_id,
            level=AT_LEAST_ONCE,
            key=key,
        ).values_list("pairs", flat=True)
    ]
    gain_rows = [
        bytes(pairs)
        for pairs in LearnerSet.objects.filter(
            month__in=months, kind=gains, course_id=course_id, key=key
        ).values_list("pairs", flat=True)
    ]
    # Registered: everyone who joined up to the period's end (each learner is in
    # one month's set, so without a filter on people the sizes add up).
    joined = LearnerSet.objects.filter(
        kind=SetKind.JOINED, course_id=ALL_COURSES, month__lte=filters.end
    )
    if scope is None:
        registered = sum(joined.values_list("size", flat=True))
    else:
        registered = BitMap.union(
            BitMap(),
            *(
                codec.members_decode(members)
                for members in joined.values_list("members", flat=True)
            ),
        ).intersection_cardinality(scope)
    return Participation(
        filters=filters,
        months=months,
        course_id=course_id,
        scope=scope,
        stored=stored,
        profiles=profiles,
        organisations=organisations,
        durations=duration_rows,
        gains=gain_rows,
        pairs_scoped=pairs_scoped,
        registered=registered,
        refreshed_at=summarised_months(),
    )


def headline(filters: Filters) -> list[dict]:
    return participation_load(filters).headline()


def monthly_series(filters: Filters) -> dict:
    return participation_load(filters).monthly_series()


def learning_gain(filters: Filters) -> list[dict]:
    return participation_load(filters).learning_gain()


def freshness(
    period: list[datetime.date],
    refreshed_at: dict[datetime.date, datetime.datetime] | None = None,
) -> dict:
    """When the figures of a period were computed: the oldest of its months (as
    last summarised) and the last nightly rebuild."""
    refreshed_at = summarised_months() if refreshed_at is None else refreshed_at
    used = [refreshed_at[m] for m in period if m in refreshed_at]
    return {"refreshed_at": min(used, default=None), "rebuilt_at": rebuilt_at()}
