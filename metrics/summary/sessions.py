"""Events and sessions in *Participation*: places held, attendance and no-shows,
the waitlist, hours attended in person and online, and the satisfaction survey,
by the session's city, the participant's creative sector, the type of event and
the month; and the runs of a course for its report.

Unlike the rest of the report these are counted from the events records when the
page asks, in six grouped queries (about 60 ms at 200 sessions and 5,000
registrations on a busy machine, `docs/performance.md`): they are small next to
enrolments and lesson completions, so a summary would buy little and cost a
refresh to keep right. Every count of people goes through `suppress`; a rate,
mean or number of hours resting on fewer than five people is not shown
(`docs/metrics.md`)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, fields

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Sum,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import City, CreativeSector
from courses.models import CoursePage
from events.models import (
    Attendance,
    CourseRun,
    EventType,
    FeedbackAnswer,
    Registration,
    RunParticipant,
    Session,
    SessionKind,
)
from lms.spreadsheets import Month

from .disclosure import NO_DATA, SMALLEST_GROUP, SUPPRESSED, decimal, rate, suppress
from .filters import Filters

Status = Registration.Status
SECONDS_PER_HOUR = 3600
ONLINE = "online"  # the city key of an online session without a city
RUN = "run"  # the type key of a course run's session
UNKNOWN = ""

# {dimension: (its column's heading, its table's title)}
DIMENSIONS = {
    "city": (_("City of the session"), _("Events by the session's city")),
    "sector": (_("Creative sector"), _("Events by the participant's sector")),
    "type": (_("Type of event"), _("Events by type")),
    "month": (_("Month"), _("Events by month")),
}


@dataclass
class Tally:
    """What happened at some sessions (sums; shown through `suppress`)."""

    sessions: int = 0  # not cancelled
    places: int = 0  # registrations holding a place (status "registered")
    places_ended: int = 0  # of those, at sessions that have ended
    no_shows: int = 0  # of those, not attended
    attended: int = 0  # attendances: registered participants and walk-ins
    walk_ins: int = 0
    waitlisted: int = 0  # joined the waitlist: still in it, or given a place from it
    cancelled: int = 0  # registrations cancelled
    attended_in_person: int = 0
    seconds_in_person: int = 0  # the session's length, once per attendance
    attended_online: int = 0
    seconds_online: int = 0
    answers: int = 0
    overall: int = 0  # the sum of the ratings
    usefulness: int = 0
    recommend: int = 0  # answers that would recommend it

    def add(self, other: "Tally") -> None:
        for name in TALLY_FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in TALLY_FIELDS)


TALLY_FIELDS = tuple(f.name for f in fields(Tally))


@dataclass(frozen=True)
class _Session:
    month: datetime.date
    city: str
    type: str
    kind: str
    seconds: int
    ended: bool


def _hours(seconds: int, attendances: int):
    """Hours attended, unless they rest on fewer than five attendances."""
    if not attendances:
        return 0
    if attendances < SMALLEST_GROUP:
        return SUPPRESSED
    return decimal(seconds / SECONDS_PER_HOUR, 1)


def _mean(total: int, answers: int):
    if not answers:
        return NO_DATA
    if answers < SMALLEST_GROUP:
        return SUPPRESSED
    return decimal(total / answers, 1)


def _who(filters: Filters, prefix: str) -> Q:
    """The participants the filters' sector and city leave (through the person
    at the end of `prefix`); guests, walk-ins and erased accounts have no
    profile, so such a filter leaves them out."""
    return filters.people(prefix)


@dataclass(frozen=True, eq=False)
class EventParticipation:
    """The events figures for one choice of filters (`events_load`)."""

    filters: Filters
    total: Tally
    groups: dict[str, dict]  # {dimension: {key: Tally}}
    people: int  # different people holding a place (accounts and guests)
    waiting_now: int  # in line now for sessions to come, whatever the period
    sessions_cancelled: int

    def headline(self) -> list[dict]:
        t = self.total
        figures = [
            ("sessions", _("Sessions (not cancelled)"), t.sessions),
            ("sessions_cancelled", _("Sessions cancelled"), self.sessions_cancelled),
            ("places", _("Places held (registrations)"), suppress(t.places)),
            ("people", _("Different people holding a place"), suppress(self.people)),
            ("cancelled", _("Registrations cancelled"), suppress(t.cancelled)),
            ("attended", _("Attended"), suppress(t.attended)),
            ("walk_ins", _("of which walk-ins (not registered)"), suppress(t.walk_ins)),
            (
                "no_show_rate",
                _("No-show rate (places at sessions that have ended)"),
                rate(t.no_shows, t.places_ended),
            ),
            ("waitlisted", _("Joined the waitlist"), suppress(t.waitlisted)),
            (
                "waiting_now",
                _("On a waitlist now (sessions to come, any date)"),
                suppress(self.waiting_now),
            ),
            (
                "hours_in_person",
                _("Hours attended in person"),
                _hours(t.seconds_in_person, t.attended_in_person),
            ),
            (
                "hours_online",
                _("Hours attended online"),
                _hours(t.seconds_online, t.attended_online),
            ),
            ("answers", _("Survey answers"), suppress(t.answers)),
            ("overall", _("Mean overall rating (1–5)"), _mean(t.overall, t.answers)),
            (
                "usefulness",
                _("Mean usefulness (1–5)"),
                _mean(t.usefulness, t.answers),
            ),
            ("recommend", _("Would recommend it"), rate(t.recommend, t.answers)),
        ]
        return [
            {"key": key, "label": label, "value": value}
            for key, label, value in figures
        ]

    def columns(self, dimension: str) -> list[tuple[str, str]]:
        """(key, heading) of a breakdown's figures; a sector has no sessions."""
        columns = [
            ("sessions", _("Sessions")),
            ("places", _("Places held")),
            ("attended", _("Attended")),
            ("no_show_rate", _("No-show rate")),
            ("waitlisted", _("Joined the waitlist")),
            ("hours_in_person", _("Hours in person")),
            ("hours_online", _("Hours online")),
            ("answers", _("Survey answers")),
            ("overall", _("Overall (1–5)")),
            ("usefulness", _("Usefulness (1–5)")),
            ("recommend", _("Would recommend")),
        ]
        return columns[1:] if dimension == "sector" else columns

    def breakdown(self, dimension: str) -> dict:
        """One row per group of the dimension that has something to show (every
        month of the period), suppressed cell by cell."""
        groups = self.groups[dimension]
        if dimension == "month":
            keys = self.filters.months
            labelled = [(Month(month), groups.get(month, Tally())) for month in keys]
        else:
            labelled = sorted(
                ((_label(dimension, key), tally) for key, tally in groups.items()),
                key=lambda pair: str(pair[0]),
            )
        rows = []
        for label, t in labelled:
            if dimension != "month" and not t:
                continue
            values = {
                "sessions": t.sessions,
                "places": suppress(t.places),
                "attended": suppress(t.attended),
                "no_show_rate": rate(t.no_shows, t.places_ended),
                "waitlisted": suppress(t.waitlisted),
                "hours_in_person": _hours(t.seconds_in_person, t.attended_in_person),
                "hours_online": _hours(t.seconds_online, t.attended_online),
                "answers": suppress(t.answers),
                "overall": _mean(t.overall, t.answers),
                "usefulness": _mean(t.usefulness, t.answers),
                "recommend": rate(t.recommend, t.answers),
            }
            rows.append(
                [label, *(values[key] for key, _heading in self.columns(dimension))]
            )
        heading, title = DIMENSIONS[dimension]
        return {"key": dimension, "heading": heading, "title": title, "rows": rows}


CITY_LABELS = dict(City.choices)
SECTOR_LABELS = dict(CreativeSector.choices)
TYPE_LABELS = dict(EventType.choices)


def _label(dimension: str, key: str) -> str:
    if dimension == "city":
        if key == ONLINE:
            return str(_("Online"))
        return str(CITY_LABELS.get(key, key) if key else _("unknown"))
    if dimension == "sector":
        return str(SECTOR_LABELS.get(key, key) if key else _("unknown"))
    if key == RUN:
        return str(_("Course run"))
    return str(TYPE_LABELS.get(key, key) if key else _("unknown"))


def _sessions(filters: Filters):
    """The sessions the filters are about: those starting in the period (and
    of the course's runs, with a course chosen)."""
    sessions = Session.objects.filter(filters.within("starts_at"))
    if filters.course is not None:
        sessions = sessions.filter(run__course_id=filters.course.pk)
    return sessions


def events_load(
    filters: Filters, *, now: datetime.datetime | None = None
) -> EventParticipation:
    """Count the events figures for `filters` from the records (six queries).

    Sessions: those that start in the period, of the chosen course's runs when
    there is one. Cancelled sessions count only as such. Sector and city are
    the participant's profile (the report's filters on people); the breakdown
    by city is the session's own city."""
    now = now or timezone.now()
    sessions: dict[int, _Session] = {}
    cancelled_sessions = 0
    for pk, starts, ends, kind, city, event_type, run_id, cancelled in _sessions(
        filters
    ).values_list(
        "pk",
        "starts_at",
        "ends_at",
        "kind",
        "city",
        "event__event_type",
        "run_id",
        "cancelled_at",
    ):
        if cancelled is not None:
            cancelled_sessions += 1
            continue
        sessions[pk] = _Session(
            month=timezone.localtime(starts).date().replace(day=1),
            city=city or (ONLINE if kind == SessionKind.ONLINE else UNKNOWN),
            type=RUN if run_id else (event_type or UNKNOWN),
            kind=kind,
            seconds=int((ends - starts).total_seconds()),
            ended=ends <= now,
        )
    # The records are counted per session and sector first (one Tally each),
    # then those few cells are added into the groups: adding every grouped row
    # into five groups took most of the time.
    cells: dict[tuple[int, str], Tally] = defaultdict(Tally)
    ids = list(sessions)
    attended = Exists(Attendance.objects.filter(registration=OuterRef("pk")))
    registrations = (
        Registration.objects.filter(session_id__in=ids)
        .filter(_who(filters, "user__"))
        .exclude(status=Status.PENDING)
        .annotate(was_attended=attended)
        .values_list("session_id", "user__sector", "status", "was_attended")
        .annotate(
            n=Count("pk"),
            promoted=Count("pk", filter=Q(promoted_at__isnull=False)),
        )
    )
    for session_id, sector, status, was_attended, n, promoted in registrations:
        cell = cells[(session_id, sector or UNKNOWN)]
        if status == Status.REGISTERED:
            cell.places += n
            if sessions[session_id].ended:
                cell.places_ended += n
                cell.no_shows += 0 if was_attended else n
        if status == Status.WAITLISTED:
            cell.waitlisted += n
        else:  # given a place from the waitlist (and perhaps cancelled since)
            cell.waitlisted += promoted
        if status == Status.CANCELLED:
            cell.cancelled += n

    walk_in = ExpressionWrapper(
        Q(registration__isnull=True), output_field=BooleanField()
    )
    attendances = (
        Attendance.objects.filter(session_id__in=ids)
        .filter(_who(filters, "registration__user__"))
        .annotate(is_walk_in=walk_in)
        .values_list("session_id", "registration__user__sector", "is_walk_in")
        .annotate(n=Count("pk"))
    )
    for session_id, sector, is_walk_in, n in attendances:
        session = sessions[session_id]
        cell = cells[(session_id, sector or UNKNOWN)]
        cell.attended += n
        cell.walk_ins += n if is_walk_in else 0
        if session.kind == SessionKind.ONLINE:
            cell.attended_online += n
            cell.seconds_online += n * session.seconds
        else:
            cell.attended_in_person += n
            cell.seconds_in_person += n * session.seconds

    answers = (
        FeedbackAnswer.objects.filter(session_id__in=ids)
        .filter(_who(filters, "registration__user__"))
        .values_list("session_id", "registration__user__sector")
        .annotate(
            n=Count("pk"),
            overall=Sum("overall"),
            usefulness=Sum("usefulness"),
            recommend=Count("pk", filter=Q(would_recommend=True)),
        )
    )
    for session_id, sector, n, overall, usefulness, recommend in answers:
        cell = cells[(session_id, sector or UNKNOWN)]
        cell.answers += n
        cell.overall += overall
        cell.usefulness += usefulness
        cell.recommend += recommend

    groups: dict[str, dict] = {name: defaultdict(Tally) for name in DIMENSIONS}
    by_session: dict[int, Tally] = defaultdict(Tally)
    for (session_id, sector), cell in cells.items():
        by_session[session_id].add(cell)
        groups["sector"][sector].add(cell)
    total = Tally()
    for session_id, session in sessions.items():
        tally = by_session[session_id]
        tally.sessions = 1
        total.add(tally)
        for dimension in ("city", "type", "month"):
            groups[dimension][getattr(session, dimension)].add(tally)

    people = (
        Registration.objects.filter(session_id__in=ids, status=Status.REGISTERED)
        .filter(_who(filters, "user__"))
        .aggregate(
            accounts=Count("user", distinct=True),
            guests=Count(
                "guest_email",
                distinct=True,
                filter=Q(user__isnull=True) & ~Q(guest_email=""),
            ),
        )
    )
    waiting = Registration.objects.filter(
        status=Status.WAITLISTED,
        session__cancelled_at__isnull=True,
        session__starts_at__gt=now,
    ).filter(_who(filters, "user__"))
    if filters.course is not None:
        waiting = waiting.filter(session__run__course_id=filters.course.pk)
    return EventParticipation(
        filters=filters,
        total=total,
        groups={name: dict(tallies) for name, tallies in groups.items()},
        people=people["accounts"] + people["guests"],
        waiting_now=waiting.count(),
        sessions_cancelled=cancelled_sessions,
    )


def course_runs(
    course: CoursePage, filters: Filters, *, now: datetime.datetime | None = None
) -> list[dict]:
    """The course's runs that overlap the period, each with its dates, its
    participants (the enrolments in it), its sessions (not cancelled; how many
    have ended), the attendance rate (of the places held at its sessions that
    have ended, the share attended), how many participants completed the course
    and the survey answers about the run. Sector and city filter the
    participants by their profile."""
    now = now or timezone.now()
    runs = list(
        CourseRun.objects.filter(
            course=course, starts_on__lte=filters.end, ends_on__gte=filters.start
        )
        .order_by("starts_on", "pk")
        .values_list("pk", "title", "starts_on", "ends_on")
    )
    ids = [pk for pk, *_rest in runs]
    participants = {
        run_id: (n, completed)
        # Taking part: enrolled (completed or not), not withdrawn or refused.
        for run_id, n, completed in RunParticipant.objects.filter(
            run_id__in=ids, enrolment__status="active"
        )
        .filter(_who(filters, "enrolment__user__"))
        .values_list("run_id")
        .annotate(
            n=Count("pk"),
            completed=Count("pk", filter=Q(enrolment__completed_at__isnull=False)),
        )
    }
    sessions = {
        run_id: (n, ended)
        for run_id, n, ended in Session.objects.filter(
            run_id__in=ids, cancelled_at__isnull=True
        )
        .values_list("run_id")
        .annotate(n=Count("pk"), ended=Count("pk", filter=Q(ends_at__lte=now)))
    }
    attended = Exists(Attendance.objects.filter(registration=OuterRef("pk")))
    places = {
        run_id: (held, came)
        for run_id, held, came in Registration.objects.filter(
            session__run_id__in=ids,
            session__cancelled_at__isnull=True,
            session__ends_at__lte=now,
            status=Status.REGISTERED,
        )
        .filter(_who(filters, "user__"))
        .annotate(was_attended=attended)
        .values_list("session__run_id")
        .annotate(held=Count("pk"), came=Count("pk", filter=Q(was_attended=True)))
    }
    answers = {
        run_id: (n, overall)
        for run_id, n, overall in FeedbackAnswer.objects.filter(run_id__in=ids)
        .filter(_who(filters, "run_participant__enrolment__user__"))
        .values_list("run_id")
        .annotate(n=Count("pk"), overall=Sum("overall"))
    }
    rows = []
    for pk, title, starts_on, ends_on in runs:
        people, completed = participants.get(pk, (0, 0))
        planned, ended = sessions.get(pk, (0, 0))
        held, came = places.get(pk, (0, 0))
        answered, overall = answers.get(pk, (0, 0))
        rows.append(
            {
                "run": title,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "participants": suppress(people),
                "sessions": planned,
                "sessions_ended": ended,
                "attendance_rate": rate(came, held),
                "completed": suppress(completed),
                "completion_rate": rate(completed, people),
                "answers": suppress(answered),
                "overall": _mean(overall or 0, answered),
            }
        )
    return rows
