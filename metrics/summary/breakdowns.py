"""The figures of a period by one dimension of the learner (or by course)."""

import datetime
from collections import Counter, defaultdict

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from pyroaring import BitMap

from accounts.models import BusinessStage, City, CreativeSector, Gender
from courses.models import CoursePage

from ..models import CellCount
from .codec import NOT_GIVEN
from .disclosure import suppress
from .filters import Filters
from .kinds import SetKind
from .participation import Participation, participation_load
from .places import ANY

AGE_GROUPS = [(0, 24, "–24"), (25, 34, "25–34"), (35, 44, "35–44"), (45, 54, "45–54")]
OLDEST_AGE_GROUP = "55+"


def age_group(year_of_birth: int | None, on: datetime.date) -> str:
    if not year_of_birth:
        return str(_("not given"))
    age = on.year - year_of_birth
    for low, high, label in AGE_GROUPS:
        if low <= age <= high:
            return label
    return OLDEST_AGE_GROUP


DIMENSIONS = {
    "course": (_("Course"), "course__title"),
    "sector": (_("Creative sector"), "user__sector"),
    "city": (_("City"), "user__city"),
    "stage": (_("Business stage"), "user__business_stage"),
    "gender": (_("Gender"), "user__gender"),
    "age": (_("Age group"), "user__year_of_birth"),
}
# The profile sets each dimension of the learner reads.
PROFILE_KINDS = {
    "sector": SetKind.SECTOR,
    "city": SetKind.CITY,
    "stage": SetKind.STAGE,
    "gender": SetKind.GENDER,
    "age": SetKind.BORN,
}
LABELS = {
    "sector": dict(CreativeSector.choices),
    "city": dict(City.choices),
    "stage": dict(BusinessStage.choices),
    "gender": dict(Gender.choices),
}
# The columns of a breakdown besides "learners", and the sets they count.
COLUMNS = {
    "enrolments": SetKind.ENROLLED,
    "completions": SetKind.COMPLETED,
    "certificates": SetKind.CERTIFIED,
}


def course_totals(data: Participation) -> dict[int, Counter]:
    """{course: {kind: events}} of the period for the filters' place, summed in
    the database from the counts by place (a learner has one enrolment per
    course, so a course's enrolments are also its distinct learners)."""
    filters = data.filters
    sector, city = filters.sector or ANY, filters.city or ANY
    rows = CellCount.objects.filter(month__in=data.months, sector=sector, city=city)
    if filters.course is not None:
        rows = rows.filter(course_id=filters.course.pk)
    totals: dict[int, Counter] = defaultdict(Counter)
    for course_id, kind, count in (
        rows.values_list("course_id", "kind")
        .annotate(count=Sum("count"))
        .values_list("course_id", "kind", "count")
    ):
        totals[course_id][kind] = count
    return totals


def breakdown(filters: Filters, dimension: str, data: Participation | None = None):
    """Learners, enrolments, completions and certificates of the period by one
    dimension of the learner (or the course), suppressed cell by cell. Learners
    are distinct people in each group (a union of sets, so exact)."""
    data = data or participation_load(filters)
    title, _field = DIMENSIONS[dimension]
    groups: dict[str, dict] = defaultdict(
        lambda: {"learners": 0, **dict.fromkeys(COLUMNS, 0)}
    )

    if dimension == "course":
        totals = course_totals(data)
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
            group["learners"] = counts[SetKind.ENROLLED]
            for column, kind in COLUMNS.items():
                group[column] = counts[kind]
    else:
        members_by_label: dict[str, BitMap] = defaultdict(BitMap)
        for value, members in data.profile(PROFILE_KINDS[dimension]).items():
            members_by_label[_label(dimension, value, filters.end)] |= members
        enrolled = data.people(SetKind.ENROLLED)
        for label, members in members_by_label.items():
            within = members if data.scope is None else members & data.scope
            group = groups[label]
            group["learners"] = enrolled.intersection_cardinality(within)
            for column, kind in COLUMNS.items():
                group[column] = data.total(kind, within=within)
        if data.scope is None:  # events of erased accounts: nothing is known of them
            unknown = groups[_label(dimension, NOT_GIVEN, filters.end)]
            for column, kind in COLUMNS.items():
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
