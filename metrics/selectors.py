"""Participation figures, computed from the other apps' records (metrics writes
nothing of theirs). Every count of people is passed through `suppress` before it
is shown or exported: 1 to 4 people become "<5", so nobody can be singled out."""

import bisect
import datetime
import math
import struct
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from fractions import Fraction
from itertools import compress

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from pyroaring import BitMap

from accounts.models import BusinessStage, City, CreativeSector, Gender
from assessments.entrecomp import COMPETENCE_NAMES
from courses.models import CoursePage, CourseVisit, LessonPage
from lms.spreadsheets import Number, Percentage

from . import summary
from .models import CellCount, LearnerSet, SummaryRefresh

SMALLEST_GROUP = 5
SUPPRESSED = "<5"


def suppress(count: int) -> int | str:
    """A count of people as it may be shown: 0, or 5 and more, or "<5"."""
    return SUPPRESSED if 0 < count < SMALLEST_GROUP else count


def rate(part: int, whole: int) -> Percentage | str:
    """A share (shown "45 %", exported as a number), unless either side
    describes fewer than five people."""
    if not whole or 0 < part < SMALLEST_GROUP or whole < SMALLEST_GROUP:
        return "–" if not whole else SUPPRESSED
    return Percentage(part / whole)


def decimal(value: float, places: int, *, sign: bool = False) -> Number:
    """A decimal shown as the language writes it (24.8 / 24,8; "+" before a
    positive change when `sign`), exported as a number."""
    return Number(value, places, signed=sign)


@dataclass(frozen=True)
class Filters:
    """A period in whole months (the summary's grain: figures over any run of
    months are exact) and who it is about. Dates inside a month stand for it."""

    start: datetime.date  # the first day of the first month
    end: datetime.date  # the last day of the last month (inclusive)
    course: CoursePage | None = None
    sector: str = ""
    city: str = ""

    def __post_init__(self):
        object.__setattr__(self, "start", self.start.replace(day=1))
        last_day = summary.next_month(self.end) - datetime.timedelta(days=1)
        object.__setattr__(self, "end", last_day)

    @property
    def since(self) -> datetime.datetime:
        return timezone.make_aware(
            datetime.datetime.combine(self.start, datetime.time())
        )

    @property
    def until(self) -> datetime.datetime:
        """The first moment after the period."""
        day_after = self.end + datetime.timedelta(days=1)
        return timezone.make_aware(
            datetime.datetime.combine(day_after, datetime.time())
        )

    def within(self, field: str) -> Q:
        return Q(**{f"{field}__gte": self.since, f"{field}__lt": self.until})

    def people(self, prefix: str = "") -> Q:
        """Conditions on the learner's profile (sector, city)."""
        condition = Q()
        if self.sector:
            condition &= Q(**{f"{prefix}sector": self.sector})
        if self.city:
            condition &= Q(**{f"{prefix}city": self.city})
        return condition


def learning_gain(filters: Filters) -> list[dict]:
    return Participation(filters).learning_gain()


def months(filters: Filters) -> list[datetime.date]:
    return summary.months_between(filters.start, filters.end)


class Participation:
    """The figures for one choice of filters, as unions, intersections and sizes
    of the summary's learner sets (`metrics.summary`). Loaded once per page."""

    def __init__(self, filters: Filters):
        self.filters = filters
        self.months = months(filters)
        # "Registered" counts everyone who joined up to the period's end.
        first = min(summary.first_month() or filters.start, filters.start)
        summary.ensure(summary.months_between(first, filters.end))
        self.course_id = filters.course.pk if filters.course else summary.ALL_COURSES
        self._profiles: dict[str, dict[str, bytes]] = defaultdict(dict)
        self._organisations = b""
        for kind, key, members, pairs in LearnerSet.objects.filter(
            month__isnull=True
        ).values_list("kind", "key", "members", "pairs"):
            if kind == "organisation":
                self._organisations = bytes(pairs)
            else:
                self._profiles[kind][key] = members
        # The learners the sector and city filters leave; None: everyone,
        # including the events of erased accounts.
        self.scope: BitMap | None = None
        for dimension in ("sector", "city"):
            value = getattr(filters, dimension)
            if value:
                chosen = self.profile(dimension).get(value, BitMap())
                self.scope = chosen if self.scope is None else self.scope & chosen
        # Every set of the period for all courses and the chosen one. Without a
        # filter on people, the counts read sizes: only the sets whose members
        # make people figures and breakdowns are fetched whole.
        self._rows: dict[tuple, list[tuple[int, bytes | None, int, int]]] = defaultdict(
            list
        )
        own = LearnerSet.objects.filter(
            month__in=self.months,
            course_id__in=[summary.ALL_COURSES, self.course_id],
            key="",
        )
        with_members = Q(kind__in=["active", *summary.CELL_KINDS])
        if self.scope is not None:
            with_members = Q()
        fields = ["month", "kind", "course_id", "level", "unlinked", "size"]
        for queryset, members in (
            (own.filter(with_members), True),
            (own.exclude(with_members), False),
        ):
            if not members and self.scope is not None:
                continue
            for row in queryset.values_list(*fields, *(["members"] if members else [])):
                month, kind, course_id, level, unlinked, size = row[:6]
                self._rows[(kind, month, course_id)].append(
                    (level, row[6] if members else None, unlinked, size)
                )
        # Durations and learning gain: for all courses by place (the filters'
        # sector and city) or everywhere; for one course, with a filter on
        # people, its completions' and assessment pairs' user ids.
        self.place = summary.cell_key(
            (filters.sector or summary.ANY, filters.city or summary.ANY)
        )
        by_place = self.scope is not None and self.course_id == summary.ALL_COURSES
        self._pairs_scoped = self.scope is not None and not by_place
        if by_place:
            durations, gains, key = "durations_place", "gain_place", self.place
        elif self._pairs_scoped:
            durations, gains, key = "completed", "gain", ""
        else:
            durations, gains, key = "durations", "gain_total", ""
        self._durations = [
            bytes(pairs)
            for pairs in LearnerSet.objects.filter(
                month__in=self.months,
                kind=durations,
                course_id=self.course_id,
                level=1,
                key=key,
            ).values_list("pairs", flat=True)
        ]
        self._gains = [
            bytes(pairs)
            for pairs in LearnerSet.objects.filter(
                month__in=self.months,
                kind=gains,
                course_id=self.course_id,
                key=key,
            ).values_list("pairs", flat=True)
        ]
        # Registered: everyone who joined up to the period's end (each learner
        # is in one month's set, so without a filter on people the sizes add up).
        joined = LearnerSet.objects.filter(
            kind="joined", course_id=summary.ALL_COURSES, month__lte=filters.end
        )
        if self.scope is None:
            self._registered = sum(joined.values_list("size", flat=True))
        else:
            self._registered = BitMap.union(
                BitMap(),
                *(
                    BitMap.deserialize(bytes(members))
                    for members in joined.values_list("members", flat=True)
                ),
            ).intersection_cardinality(self.scope)
        self._parsed: dict[tuple, list[tuple[int, BitMap, int]]] = {}
        self.refreshed_at = summary.summarised_months()

    def profile(self, dimension: str) -> dict[str, BitMap]:
        """{value: the learners whose profile has it} for one dimension."""
        return {
            key: BitMap.deserialize(bytes(members))
            for key, members in self._profiles.get(dimension, {}).items()
        }

    def sets(self, kind: str, month, course_id: int) -> list[tuple[int, BitMap, int]]:
        key = (kind, month, course_id)
        if key not in self._parsed:
            self._parsed[key] = [
                (level, BitMap.deserialize(bytes(members)), unlinked)
                for level, members, unlinked, _size in self._rows.get(key, [])
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
                for _level, _members, unlinked, size in self._rows.get(
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
            for _level, _members, unlinked, _size in self._rows.get(
                (kind, month, self.course_id), []
            )
        )

    def course_totals(self) -> dict[int, Counter]:
        """{course: {kind: events}} of the period for the filters' place, summed
        in the database from the counts by place (a learner has one enrolment per
        course, so a course's enrolments are also its distinct learners)."""
        sector, city = (
            self.filters.sector or summary.ANY,
            self.filters.city or summary.ANY,
        )
        rows = CellCount.objects.filter(month__in=self.months, sector=sector, city=city)
        if self.filters.course is not None:
            rows = rows.filter(course_id=self.filters.course.pk)
        totals: dict[int, Counter] = defaultdict(Counter)
        for course_id, kind, count in (
            rows.values_list("course_id", "kind")
            .annotate(count=Sum("count"))
            .values_list("course_id", "kind", "count")
        ):
            totals[course_id][kind] = count
        return totals

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
                if level == 1
            ),
        )
        return found if within is None else found & within

    def median_days(self) -> tuple[float | None, int]:
        """The median time to complete, in days, and how many completions it
        rests on. Each month's durations are stored sorted; without a sector or
        city filter the median is picked from them without merging."""
        runs: list[array] = []
        # A set and compress() keep the loop over the pairs in C.
        scope = set(self.scope) if self._pairs_scoped else None
        for pairs in self._durations:
            if scope is None:
                runs.append(array("d", pairs))
            else:
                users, seconds = summary.pairs_read(pairs)
                runs.append(
                    array("d", compress(seconds, map(scope.__contains__, users)))
                )
        count = sum(len(run) for run in runs)
        if not count:
            return None, 0
        middle = count // 2
        if count % 2:
            median = kth_smallest(runs, middle)
        else:
            median = (kth_smallest(runs, middle - 1) + kth_smallest(runs, middle)) / 2
        return median / 86400, count

    def organisations_reached(self, learners: BitMap) -> int:
        users, numbers = summary.pairs_read(self._organisations)
        return len(set(compress(numbers, map(learners.__contains__, users))))

    def learning_gain(self) -> list[dict]:
        """Mean change per competence between the self-assessments before and
        after a course, for enrolments with both, the "after" taken in the
        period, with the number of pairs each mean rests on."""
        width = len(summary.COMPETENCE_CODES) + 1
        totals = [0] * (width - 1)
        counts = [0] * (width - 1)
        for blob in self._gains:
            values = array("q")
            values.frombytes(blob)
            if not self._pairs_scoped:  # totals, then counts, per competence
                for index in range(width - 1):
                    totals[index] += values[index]
                    counts[index] += values[width - 1 + index]
                continue
            for start in range(0, len(values), width):
                user_id = values[start]
                if not (user_id and user_id in self.scope):
                    continue
                for index, change in enumerate(values[start + 1 : start + width]):
                    if change != summary.MISSING:
                        totals[index] += change
                        counts[index] += 1
        rows = []
        for index, code in enumerate(summary.COMPETENCE_CODES):
            pairs = counts[index]
            mean = Fraction(totals[index], pairs * summary.GAIN_SCALE) if pairs else 0
            rows.append(
                {
                    "code": code,
                    "competence": COMPETENCE_NAMES[code],
                    "pairs": suppress(pairs),
                    "mean_change": decimal(float(mean), 2, sign=True)
                    if pairs >= SMALLEST_GROUP
                    else "–",
                }
            )
        return rows

    def headline(self) -> list[dict]:
        """The headline figures for the period, suppressed."""
        registered = self._registered
        signups = self.total("joined", summary.ALL_COURSES)
        enrolments = self.total("enrolled")
        median, completions = self.median_days()
        median_days = (
            decimal(median, 1)
            if completions >= SMALLEST_GROUP
            else (SUPPRESSED if completions else "–")
        )
        organisations = self.organisations_reached(self.people("enrolled"))
        figures = [
            ("registered", _("Registered learners"), suppress(registered)),
            ("signups", _("New sign-ups"), suppress(signups)),
            ("active", _("Active learners"), suppress(len(self.people("active")))),
            ("enrolments", _("Enrolments"), suppress(enrolments)),
            ("withdrawn", _("of which withdrawn"), suppress(self.total("withdrawn"))),
            ("completions", _("Completions"), suppress(self.total("completed"))),
            (
                "completion_rate",
                _("Completion rate of enrolments in the period"),
                rate(self.total("finished"), enrolments),
            ),
            (
                "certificates",
                _("Certificates issued"),
                suppress(self.total("certified")),
            ),
            ("median_days", _("Median days to complete"), median_days),
            ("organisations", _("Organisations reached"), suppress(organisations)),
            (
                "assessments",
                _("Self-assessments taken"),
                suppress(self.total("assessed", summary.ALL_COURSES)),
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
            active = self.people("active", months=[month])
            rows.append(
                {
                    "month": month,
                    "signups": suppress(
                        self.count("joined", month, summary.ALL_COURSES)
                    ),
                    "enrolments": suppress(self.count("enrolled", month)),
                    "completions": suppress(self.count("completed", month)),
                    "active": suppress(len(active)),
                }
            )
        return {"rows": rows}

    def freshness(self) -> dict:
        return freshness(self.months, self.refreshed_at)


def freshness(period: list[datetime.date], refreshed_at=None) -> dict:
    """When the figures of a period were computed: the oldest of its months (as
    last summarised) and the last nightly rebuild."""
    refreshed_at = summary.summarised_months() if refreshed_at is None else refreshed_at
    used = [refreshed_at[m] for m in period if m in refreshed_at]
    rebuilt = (
        SummaryRefresh.objects.filter(scope=summary.REBUILD)
        .values_list("refreshed_at", flat=True)
        .first()
    )
    return {"refreshed_at": min(used, default=None), "rebuilt_at": rebuilt}


def headline(filters: Filters) -> list[dict]:
    return Participation(filters).headline()


def kth_smallest(runs: list[array], k: int) -> float:
    """The k-th smallest (from 0) of the values in several sorted runs, found by
    bisecting the values' bit patterns (ordered like the values themselves for
    numbers >= 0): about 64 rounds of one bisection per run, instead of sorting
    hundreds of thousands of values."""
    if any(run and run[0] < 0 for run in runs):  # not expected; stay correct
        return sorted(value for run in runs for value in run)[k]
    low, high = 0, _bits(math.inf)
    while low < high:
        middle = (low + high) // 2
        value = _float(middle)
        if sum(bisect.bisect_right(run, value) for run in runs) > k:
            high = middle
        else:
            low = middle + 1
    return _float(low)


def _bits(value: float) -> int:
    return struct.unpack("<q", struct.pack("<d", value))[0]


def _float(bits: int) -> float:
    return struct.unpack("<d", struct.pack("<q", bits))[0]


def monthly_series(filters: Filters) -> dict:
    return Participation(filters).monthly_series()


AGE_GROUPS = [(0, 24, "–24"), (25, 34, "25–34"), (35, 44, "35–44"), (45, 54, "45–54")]


def age_group(year_of_birth: int | None, on: datetime.date) -> str:
    if not year_of_birth:
        return str(_("not given"))
    age = on.year - year_of_birth
    for low, high, label in AGE_GROUPS:
        if low <= age <= high:
            return label
    return "55+"


DIMENSIONS = {
    "course": (_("Course"), "course__title"),
    "sector": (_("Creative sector"), "user__sector"),
    "city": (_("City"), "user__city"),
    "stage": (_("Business stage"), "user__business_stage"),
    "gender": (_("Gender"), "user__gender"),
    "age": (_("Age group"), "user__year_of_birth"),
}
LABELS = {
    "sector": dict(CreativeSector.choices),
    "city": dict(City.choices),
    "stage": dict(BusinessStage.choices),
    "gender": dict(Gender.choices),
}


def breakdown(filters: Filters, dimension: str, data: Participation | None = None):
    """Learners, enrolments, completions and certificates of the period by one
    dimension of the learner (or the course), suppressed cell by cell. Learners
    are distinct people in each group (a union of sets, so exact)."""
    data = data or Participation(filters)
    title, _field = DIMENSIONS[dimension]
    kinds = {
        "enrolments": "enrolled",
        "completions": "completed",
        "certificates": "certified",
    }
    groups: dict[str, dict] = defaultdict(
        lambda: {
            "learners": 0,
            "enrolments": 0,
            "completions": 0,
            "certificates": 0,
        }
    )

    if dimension == "course":
        totals = data.course_totals()
        courses = CoursePage.objects.filter(pk__in=totals).values_list(
            "pk", "title", "locale__language_code"
        )
        titles = Counter(title for _pk, title, _language in courses)
        names = {
            pk: f"{title} ({language})" if titles[title] > 1 else title
            for pk, title, language in courses
        }
        for course_id, counts in totals.items():
            group = groups[names.get(course_id) or f"{_('unknown')} ({course_id})"]
            group["learners"] = counts["enrolled"]
            for column, kind in kinds.items():
                group[column] = counts[kind]
    else:
        profile = "born" if dimension == "age" else dimension
        members_by_label: dict[str, BitMap] = defaultdict(BitMap)
        for value, members in data.profile(profile).items():
            members_by_label[_label(dimension, value, filters.end)] |= members
        enrolled = data.people("enrolled")
        for label, members in members_by_label.items():
            within = members if data.scope is None else members & data.scope
            group = groups[label]
            group["learners"] = enrolled.intersection_cardinality(within)
            for column, kind in kinds.items():
                group[column] = data.total(kind, within=within)
        if data.scope is None:  # events of erased accounts: nothing is known of them
            unknown = groups[_label(dimension, "", filters.end)]
            for column, kind in kinds.items():
                unknown[column] += data.unlinked(kind)
    rows = [
        {"group": name, **{column: suppress(count) for column, count in counts.items()}}
        for name, counts in sorted(groups.items())
        if any(counts.values())
    ]
    return {"key": dimension, "title": title, "rows": rows}


def _label(dimension: str, value: str, end: datetime.date) -> str:
    if dimension == "age":
        return age_group(int(value) if value else None, end)
    if not value:
        return str(_("not given") if dimension in ("gender", "stage") else _("unknown"))
    return str(LABELS[dimension].get(value, value))


def people_scope(filters: Filters) -> BitMap | None:
    """The learners the filters' sector and city leave (None: no such filter)."""
    chosen = {
        dimension: getattr(filters, dimension)
        for dimension in summary.PLACE_DIMENSIONS
        if getattr(filters, dimension)
    }
    if not chosen:
        return None
    found = {
        kind: BitMap.deserialize(bytes(members))
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

    period = months(filters)
    summary.ensure(period)
    scope = people_scope(filters)
    counts: Counter = Counter()
    sets = LearnerSet.objects.filter(
        month__in=period,
        course_id=course.pk,
        level=1,
        kind__in=["enrolled", "finished", *summary.COHORT_KINDS],
    )
    if scope is None:  # sizes, and the enrolments of erased accounts
        for kind, key, size, unlinked in sets.values_list(
            "kind", "key", "size", "unlinked"
        ):
            counts[(kind, key)] += size + unlinked
    else:
        for kind, key, members in sets.values_list("kind", "key", "members"):
            counts[(kind, key)] += BitMap.deserialize(
                bytes(members)
            ).intersection_cardinality(scope)
    total = counts[("enrolled", "")]
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
        done = counts[("lesson", str(entry.lesson.pk))]
        lessons.append(
            {
                "number": entry.number,
                "title": entry.lesson.title,
                "completed": suppress(done),
                "stopped_here": suppress(max(previous - done, 0)),
            }
        )
        previous = done
    quiz_keys = [key for kind, key in counts if kind == "quiz_taken"]
    lesson_pages = {
        str(pk): (path, title)
        for pk, path, title in LessonPage.objects.filter(
            pk__in={key.split("/")[0] for key in quiz_keys}
        ).values_list("pk", "path", "title")
    }
    quizzes = []
    for key in sorted(
        quiz_keys, key=lambda k: (lesson_pages.get(k.split("/")[0], ("", ""))[0], k)
    ):
        takers, passed = counts[("quiz_taken", key)], counts[("quiz_passed", key)]
        if not takers:
            continue
        quizzes.append(
            {
                "lesson": lesson_pages.get(key.split("/")[0], ("", _("unknown")))[1],
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
                "people": suppress(counts[("started", "")]),
            },
            {"step": _("Half-way"), "people": suppress(counts[("halfway", "")])},
            {"step": _("Completed"), "people": suppress(counts[("finished", "")])},
            {
                "step": _("Certificate issued"),
                "people": suppress(counts[("cohort_certified", "")]),
            },
        ],
        "anonymous_visits": anonymous_visits or 0,
        "lessons": lessons,
        "quizzes": quizzes,
    }
