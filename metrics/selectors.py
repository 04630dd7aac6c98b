"""Participation figures, computed from the other apps' records (metrics writes
nothing of theirs). Every count of people is passed through `suppress` before it
is shown or exported: 1 to 4 people become "<5", so nobody can be singled out."""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Lower, Trim, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import BusinessStage, City, CreativeSector, Gender
from assessments.entrecomp import COMPETENCE_NAMES
from assessments.models import Response
from assessments.selectors import response_result
from certificates.models import Certificate
from courses.models import CoursePage, Enrolment, LessonCompletion, QuizAttempt

SMALLEST_GROUP = 5
SUPPRESSED = "<5"


def suppress(count: int) -> int | str:
    """A count of people as it may be shown: 0, or 5 and more, or "<5"."""
    return SUPPRESSED if 0 < count < SMALLEST_GROUP else count


def rate(part: int, whole: int) -> str:
    """A percentage, unless either side describes fewer than five people."""
    if not whole or 0 < part < SMALLEST_GROUP or whole < SMALLEST_GROUP:
        return "–" if not whole else SUPPRESSED
    return f"{100 * part / whole:.0f} %"


@dataclass(frozen=True)
class Filters:
    start: datetime.date
    end: datetime.date  # inclusive
    course: CoursePage | None = None
    sector: str = ""
    city: str = ""

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

    def enrolments(self) -> QuerySet:
        enrolments = Enrolment.objects.filter(self.people("user__"))
        if self.course is not None:
            enrolments = enrolments.filter(course=self.course)
        return enrolments


def learners(filters: Filters) -> QuerySet:
    return (
        get_user_model()
        .objects.filter(is_staff=False, is_superuser=False)
        .filter(filters.people())
    )


def active_learner_ids(filters: Filters, since=None, until=None) -> set[int]:
    """Learners who did something in the period: asked to enrol, completed a lesson,
    submitted a quiz or (without a course filter) a self-assessment."""
    since, until = since or filters.since, until or filters.until
    window = {"__gte": since, "__lt": until}

    def between(field: str) -> Q:
        return Q(**{f"{field}{op}": value for op, value in window.items()})

    enrolments = filters.enrolments().filter(user__isnull=False)
    ids = set(
        enrolments.filter(between("requested_at")).values_list("user_id", flat=True)
    )
    lesson_done = LessonCompletion.objects.filter(between("completed_at")).filter(
        enrolment__in=enrolments
    )
    ids |= set(lesson_done.values_list("enrolment__user_id", flat=True))
    quizzes = QuizAttempt.objects.filter(between("submitted_at")).filter(
        enrolment__in=enrolments
    )
    ids |= set(quizzes.values_list("enrolment__user_id", flat=True))
    if filters.course is None:
        responses = Response.objects.filter(
            between("submitted_at"), user__isnull=False
        ).filter(filters.people("user__"))
        ids |= set(responses.values_list("user_id", flat=True))
    return ids


def learning_gain(filters: Filters) -> list[dict]:
    """Mean change per competence between the self-assessments before and after a
    course, for courses completed with both, the "after" taken in the period."""
    pairs = (
        filters.enrolments()
        .filter(pre_response__isnull=False, post_response__isnull=False)
        .filter(filters.within("post_response__submitted_at"))
        .select_related("pre_response__version", "post_response__version")
    )
    changes: dict[str, list[Fraction]] = defaultdict(list)
    for enrolment in pairs:
        before = _scores(enrolment.pre_response)
        for code, after in _scores(enrolment.post_response).items():
            if after is not None and before.get(code) is not None:
                changes[code].append(after - before[code])
    rows = []
    for code, name in COMPETENCE_NAMES.items():
        values = changes.get(code, [])
        shown = len(values) >= SMALLEST_GROUP
        rows.append(
            {
                "code": code,
                "competence": name,
                "pairs": suppress(len(values)),
                "mean_change": f"{float(sum(values) / len(values)):+.2f}"
                if shown
                else "–",
            }
        )
    return rows


def _scores(response) -> dict[str, Fraction | None]:
    return {
        competence.code: competence.mean
        for area in response_result(response).areas
        for competence in area.competences
    }


def headline(filters: Filters) -> list[dict]:
    """The dashboard's headline figures for the period, suppressed."""
    people = learners(filters)
    registered = people.filter(date_joined__lt=filters.until).count()
    signups = people.filter(filters.within("date_joined")).count()
    begun = filters.enrolments().filter(filters.within("enrolled_at"))
    enrolments = begun.count()
    begun_completed = begun.filter(completed_at__isnull=False).count()
    withdrawn = begun.filter(status=Enrolment.Status.WITHDRAWN).count()
    completed = filters.enrolments().filter(filters.within("completed_at"))
    completions = completed.count()
    certificates = (
        Certificate.objects.filter(enrolment__in=filters.enrolments())
        .filter(filters.within("issued_at"))
        .exclude(status=Certificate.Status.REVOKED)
        .count()
    )
    durations = [
        (done - started).total_seconds() / 86400
        for started, done in completed.exclude(enrolled_at__isnull=True).values_list(
            "enrolled_at", "completed_at"
        )
    ]
    median_days = (
        f"{statistics.median(durations):.1f}"
        if len(durations) >= SMALLEST_GROUP
        else (SUPPRESSED if durations else "–")
    )
    organisations = (
        begun.filter(user__isnull=False)
        .exclude(user__organisation="")
        .annotate(org=Lower(Trim("user__organisation")))
        .values("org")
        .distinct()
        .count()
    )
    assessments = Response.objects.filter(
        filters.within("submitted_at"), status=Response.Status.SUBMITTED
    ).filter(filters.people("user__"))
    return [
        {
            "key": "registered",
            "label": _("Registered learners"),
            "value": suppress(registered),
        },
        {"key": "signups", "label": _("New sign-ups"), "value": suppress(signups)},
        {
            "key": "active",
            "label": _("Active learners"),
            "value": suppress(len(active_learner_ids(filters))),
        },
        {"key": "enrolments", "label": _("Enrolments"), "value": suppress(enrolments)},
        {
            "key": "withdrawn",
            "label": _("of which withdrawn"),
            "value": suppress(withdrawn),
        },
        {
            "key": "completions",
            "label": _("Completions"),
            "value": suppress(completions),
        },
        {
            "key": "completion_rate",
            "label": _("Completion rate of enrolments in the period"),
            "value": rate(begun_completed, enrolments),
        },
        {
            "key": "certificates",
            "label": _("Certificates issued"),
            "value": suppress(certificates),
        },
        {
            "key": "median_days",
            "label": _("Median days to complete"),
            "value": median_days,
        },
        {
            "key": "organisations",
            "label": _("Organisations reached"),
            "value": suppress(organisations),
        },
        {
            "key": "assessments",
            "label": _("Self-assessments taken"),
            "value": suppress(assessments.count()),
        },
    ]


def months(filters: Filters) -> list[datetime.date]:
    first = filters.start.replace(day=1)
    result = []
    while first <= filters.end:
        result.append(first)
        first = (first + datetime.timedelta(days=32)).replace(day=1)
    return result


def _per_month(queryset: QuerySet, field: str) -> dict[datetime.date, int]:
    rows = (
        queryset.annotate(month=TruncMonth(field))
        .values("month")
        .annotate(count=Count("pk"))
        .values_list("month", "count")
    )
    return {_as_date(month): count for month, count in rows}


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date().replace(day=1)
    return value.replace(day=1)


def monthly_series(filters: Filters) -> dict:
    """Sign-ups, enrolments, completions and active learners per month."""
    signups = _per_month(
        learners(filters).filter(filters.within("date_joined")), "date_joined"
    )
    enrolments = _per_month(
        filters.enrolments().filter(filters.within("enrolled_at")), "enrolled_at"
    )
    completions = _per_month(
        filters.enrolments().filter(filters.within("completed_at")), "completed_at"
    )
    rows = []
    for month in months(filters):
        next_month = (month + datetime.timedelta(days=32)).replace(day=1)
        since = max(
            filters.since,
            timezone.make_aware(datetime.datetime.combine(month, datetime.time())),
        )
        until = min(
            filters.until,
            timezone.make_aware(datetime.datetime.combine(next_month, datetime.time())),
        )
        rows.append(
            {
                "month": month,
                "signups": suppress(signups.get(month, 0)),
                "enrolments": suppress(enrolments.get(month, 0)),
                "completions": suppress(completions.get(month, 0)),
                "active": suppress(len(active_learner_ids(filters, since, until))),
            }
        )
    return {"rows": rows}


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


def breakdown(filters: Filters, dimension: str) -> dict:
    """Learners, enrolments, completions and certificates of the period by one
    dimension of the learner (or the course), suppressed cell by cell."""
    title, field = DIMENSIONS[dimension]
    groups: dict[str, dict] = defaultdict(
        lambda: {"learners": 0, "enrolments": 0, "completions": 0, "certificates": 0}
    )

    def label(value) -> str:
        if dimension == "age":
            return age_group(value, filters.end)
        if dimension == "course":
            return value or str(_("unknown"))
        if value in (None, ""):
            return str(
                _("not given") if dimension in ("gender", "stage") else _("unknown")
            )
        return str(LABELS[dimension].get(value, value))

    # Counted in the database per raw value (few of them), then relabelled: a
    # person has one value of each dimension, so the groups' sums stay exact.
    begun = filters.enrolments().filter(filters.within("enrolled_at"))
    for value, enrolments, people in (
        begun.values(field)
        .annotate(enrolments=Count("pk"), people=Count("user", distinct=True))
        .values_list(field, "enrolments", "people")
    ):
        group = groups[label(value)]
        group["enrolments"] += enrolments
        group["learners"] += people
    completed = filters.enrolments().filter(filters.within("completed_at"))
    for value, count in (
        completed.values(field).annotate(count=Count("pk")).values_list(field, "count")
    ):
        groups[label(value)]["completions"] += count
    certificates = (
        Certificate.objects.filter(enrolment__in=filters.enrolments())
        .filter(filters.within("issued_at"))
        .exclude(status=Certificate.Status.REVOKED)
        .values(f"enrolment__{field}")
        .annotate(count=Count("pk"))
        .values_list(f"enrolment__{field}", "count")
    )
    for value, count in certificates:
        groups[label(value)]["certificates"] += count
    rows = [
        {
            "group": name,
            "learners": suppress(counts["learners"]),
            "enrolments": suppress(counts["enrolments"]),
            "completions": suppress(counts["completions"]),
            "certificates": suppress(counts["certificates"]),
        }
        for name, counts in sorted(groups.items())
    ]
    return {"key": dimension, "title": title, "rows": rows}


def course_funnel(course: CoursePage, filters: Filters) -> dict:
    """How far the learners who enrolled in the period got, lesson by lesson."""
    from courses.selectors import course_outline

    enrolments = Enrolment.objects.filter(course=course).filter(
        filters.within("enrolled_at")
    )
    total = enrolments.count()
    started = enrolments.filter(lesson_completions__isnull=False).distinct().count()
    halfway = (
        enrolments.annotate(twice_done=F("required_done") * 2)
        .filter(
            Q(completed_at__isnull=False)
            | Q(required_total__gt=0, twice_done__gte=F("required_total"))
        )
        .count()
    )
    completed = enrolments.filter(completed_at__isnull=False).count()
    certified = (
        Certificate.objects.filter(enrolment__in=enrolments)
        .exclude(status=Certificate.Status.REVOKED)
        .filter(status=Certificate.Status.ISSUED)
        .count()
    )
    outline = course_outline(course=course)
    done_per_lesson = dict(
        LessonCompletion.objects.filter(enrolment__in=enrolments)
        .values("lesson_id")
        .annotate(count=Count("pk"))
        .values_list("lesson_id", "count")
    )
    lessons = []
    previous = total
    for entry in outline.lessons:
        done = done_per_lesson.get(entry.lesson.pk, 0)
        lessons.append(
            {
                "number": entry.number,
                "title": entry.lesson.title,
                "completed": suppress(done),
                "stopped_here": suppress(max(previous - done, 0)),
            }
        )
        previous = done
    attempts = QuizAttempt.objects.filter(enrolment__in=enrolments)
    quizzes = []
    per_quiz = (
        attempts.values("lesson__title", "quiz_id")
        .annotate(
            takers=Count("enrolment", distinct=True),
            passed=Count("enrolment", filter=Q(passed=True), distinct=True),
        )
        .order_by("lesson__path")
    )
    for row in per_quiz:
        quizzes.append(
            {
                "lesson": row["lesson__title"],
                "takers": suppress(row["takers"]),
                "passed": suppress(row["passed"]),
                "pass_rate": rate(row["passed"], row["takers"]),
            }
        )
    return {
        "funnel": [
            {"step": _("Enrolled"), "people": suppress(total)},
            {"step": _("Started (completed a lesson)"), "people": suppress(started)},
            {"step": _("Half-way"), "people": suppress(halfway)},
            {"step": _("Completed"), "people": suppress(completed)},
            {"step": _("Certificate issued"), "people": suppress(certified)},
        ],
        "lessons": lessons,
        "quizzes": quizzes,
    }
