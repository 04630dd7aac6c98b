"""Read-side queries shared by the pages, the dashboard, the admin and (later)
calendars, reminders and metrics."""

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import (
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from courses.selectors import is_course_manager

from .models import CourseRun, EventPage, Registration, Session, SessionKind

Status = Registration.Status
ONLINE = "online"  # the listing's city filter: sessions held online


# --- places and the waitlist ---------------------------------------------


def _ahead_in_line() -> Subquery:
    """How many of the waitlisted of the same session came before this one."""
    ahead = (
        Registration.objects.filter(
            session=OuterRef("session"), status=Status.WAITLISTED
        )
        .filter(
            Q(confirmed_at__lt=OuterRef("confirmed_at"))
            | Q(confirmed_at=OuterRef("confirmed_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("session")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0))


def with_waitlist_position(registrations: QuerySet) -> QuerySet:
    """Each registration with `ahead` (people before it on the waitlist; its
    position is ahead + 1 while it is waitlisted), in one query."""
    return registrations.annotate(ahead=_ahead_in_line())


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first in line; None when not on the waitlist."""
    if registration.status != Status.WAITLISTED:
        return None
    ahead = getattr(registration, "ahead", None)
    if ahead is None:
        ahead = (
            with_waitlist_position(Registration.objects.filter(pk=registration.pk))
            .values_list("ahead", flat=True)
            .get()
        )
    return ahead + 1


def place_counts(session_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """{session id: {"registered": n, "waitlisted": n}}, in one query."""
    counts: dict[int, dict[str, int]] = {
        pk: {Status.REGISTERED: 0, Status.WAITLISTED: 0} for pk in session_ids
    }
    if not counts:
        return counts
    for session_id, status, number in (
        Registration.objects.filter(
            session_id__in=list(counts),
            status__in=[Status.REGISTERED, Status.WAITLISTED],
        )
        .values_list("session_id", "status")
        .annotate(number=Count("pk"))
        .order_by()
    ):
        counts[session_id][status] = number
    return counts


@dataclass
class SessionState:
    """A session as one person sees it: places, their registration and what
    they may do. Built by `session_states` for many sessions at once."""

    session: Session
    registered: int
    waitlisted: int
    registration: Registration | None = None
    now: datetime.datetime = field(default_factory=timezone.now)
    guest_form: object = None  # the event page's guest form for this session
    error: str = ""  # what a refused action on this session said
    # Why this visitor cannot register though registration is open (a run's
    # session, for those not in the run): said instead of the button.
    restricted_note: str = ""

    @property
    def capacity(self) -> int | None:
        return self.session.effective_capacity

    @property
    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.registered, 0)

    @property
    def is_full(self) -> bool:
        return self.places_left == 0

    @property
    def is_over(self) -> bool:
        return self.session.has_ended(self.now)

    @property
    def is_open(self) -> bool:
        """Registration is possible (for someone not registered yet)."""
        return not self.session.is_cancelled and not self.session.has_started(self.now)

    @property
    def status(self) -> str | None:
        return self.registration.status if self.registration else None

    @property
    def position(self) -> int | None:
        return waitlist_position(self.registration) if self.registration else None

    @property
    def may_cancel(self) -> bool:
        """The registration can be cancelled now (the waitlist left)."""
        registration = self.registration
        if registration is None or self.session.has_started(self.now):
            return False
        if registration.status == Status.WAITLISTED:
            return True
        return registration.status == Status.REGISTERED and (
            self.session.is_cancelled or self.now <= self.session.cancellation_deadline
        )

    @property
    def shows_meeting_link(self) -> bool:
        """The meeting link is for the registered only, while it is of use."""
        return (
            self.status == Status.REGISTERED
            and self.session.is_online
            and bool(self.session.meeting_url)
            and not self.session.is_cancelled
            and not self.is_over
        )


def session_states(
    *, sessions: Iterable[Session], user=None, now: datetime.datetime | None = None
) -> list[SessionState]:
    """The state of each session for `user` (anyone: no registration), in the
    order given: two queries whatever the number of sessions."""
    sessions = list(sessions)
    now = now or timezone.now()
    counts = place_counts(session.pk for session in sessions)
    mine: dict[int, Registration] = {}
    if sessions and getattr(user, "is_authenticated", False):
        mine = {
            registration.session_id: registration
            for registration in with_waitlist_position(
                Registration.objects.filter(
                    user=user,
                    session__in=sessions,
                    status__in=Registration.ACTIVE_STATUSES,
                )
            )
        }
    return [
        SessionState(
            session=session,
            registered=counts[session.pk][Status.REGISTERED],
            waitlisted=counts[session.pk][Status.WAITLISTED],
            registration=mine.get(session.pk),
            now=now,
        )
        for session in sessions
    ]


# --- the listing -------------------------------------------------------------


def _site_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def month_range(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of `month` and of the next one, in the site's time zone
    (the listing's months are the academy's)."""
    zone = _site_zone()
    start = datetime.datetime(month.year, month.month, 1, tzinfo=zone)
    following = (start + datetime.timedelta(days=32)).replace(day=1)
    return start, following


def event_listing(
    *,
    index_page,
    past: bool,
    city: str = "",
    event_type: str = "",
    month: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> QuerySet:
    """The live, public events of a listing: upcoming ones (some session not
    over yet, or no dates yet) by their next session, or past ones (every
    session over) latest first. Filters: `city` (a City value, or "online"),
    `event_type`, `month` (a session starting in that month). Each event comes
    with its sessions (prefetched, in order), `next_start` and `last_end`."""
    now = now or timezone.now()
    upcoming_sessions = Session.objects.filter(
        event=OuterRef("pk"), cancelled_at__isnull=True, ends_at__gt=now
    ).order_by("starts_at")
    events = (
        EventPage.objects.child_of(index_page)
        .live()
        .public()
        .annotate(
            last_end=Max("sessions__ends_at"),
            next_start=Subquery(upcoming_sessions.values("starts_at")[:1]),
        )
        .select_related("image")
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=Session.objects.order_by("starts_at", "pk"),
            )
        )
    )
    if past:
        events = events.filter(last_end__lte=now).order_by("-last_end", "pk")
    else:
        events = events.filter(Q(last_end__gt=now) | Q(last_end__isnull=True))
        events = events.order_by(F("next_start").asc(nulls_last=True), "title", "pk")
    matching = Session.objects.all()
    narrowed = False
    if city == ONLINE:
        matching, narrowed = matching.filter(kind=SessionKind.ONLINE), True
    elif city:
        matching, narrowed = matching.filter(city=city), True
    if month is not None:
        start, end = month_range(month)
        matching = matching.filter(starts_at__gte=start, starts_at__lt=end)
        narrowed = True
    if narrowed:
        events = events.filter(pk__in=matching.values("event_id"))
    if event_type:
        events = events.filter(event_type=event_type)
    return events


def event_listing_months(
    *, index_page, past: bool, now: datetime.datetime | None = None
) -> list[datetime.date]:
    """The months (first days) in which the listing's events have sessions: of
    sessions not over yet for the upcoming listing, of those over for the past
    one. For the month filter's choices."""
    now = now or timezone.now()
    sessions = Session.objects.filter(
        event__in=EventPage.objects.child_of(index_page).live().public()
    )
    sessions = (
        sessions.filter(ends_at__lte=now) if past else sessions.filter(ends_at__gt=now)
    )
    months = (
        sessions.annotate(month=TruncMonth("starts_at", tzinfo=_site_zone()))
        .order_by()
        .values_list("month", flat=True)
        .distinct()
    )
    dates = sorted({value.date() for value in months if value}, reverse=past)
    return dates


def shown_session(event: EventPage, *, past: bool, now=None) -> Session | None:
    """The session an event's card shows: the next one not over (upcoming
    listing), the last one (past listing). Reads the prefetched sessions."""
    now = now or timezone.now()
    sessions = list(event.sessions.all())
    if not sessions:
        return None
    if past:
        return sessions[-1]
    for session in sessions:
        if not session.is_cancelled and not session.has_ended(now):
            return session
    return sessions[0]


# --- the participant's own ----------------------------------------------------


def upcoming_registrations(*, user, now: datetime.datetime | None = None) -> list:
    """The person's active registrations for sessions not over yet (cancelled
    sessions included, until they would have ended), soonest first, each with
    its waitlist position (`ahead`). One query."""
    now = now or timezone.now()
    return list(
        with_waitlist_position(
            Registration.objects.filter(
                user=user,
                status__in=[Status.REGISTERED, Status.WAITLISTED],
                session__ends_at__gt=now,
            )
        )
        .select_related("session__event__locale", "session__run__course__locale")
        .order_by("session__starts_at", "pk")
    )


def guest_registrations_of(user) -> QuerySet:
    """Registrations made as a guest with one of the person's confirmed e-mail
    addresses (theirs too: the export shows them, erasure erases them)."""
    from allauth.account.models import EmailAddress

    addresses = [
        address.lower()
        for address in EmailAddress.objects.filter(
            user=user, verified=True
        ).values_list("email", flat=True)
    ]
    if not addresses:
        return Registration.objects.none()
    return Registration.objects.filter(user__isnull=True, guest_email__in=addresses)


# --- staff ---------------------------------------------------------------------


def manages_every_session(user) -> bool:
    """Course managers and superusers: every run and session."""
    return bool(
        user.is_active
        and (
            user.is_superuser
            or user.has_perm("events.manage_every_session")
            or is_course_manager(user)
        )
    )


def runs_visible_to(user) -> QuerySet:
    """The runs a member of staff may see and change: every one for course
    managers; for trainers, the runs of the courses they teach and the runs
    they teach (through their trainer card's account, which only course
    managers link, as for *Learners*); none for anyone else."""
    runs = CourseRun.objects.all()
    if manages_every_session(user):
        return runs
    if not user.has_perm("events.view_courserun"):
        return runs.none()
    return runs.filter(
        Q(course__trainers__user=user) | Q(trainers__user=user)
    ).distinct()


def sessions_visible_to(user) -> QuerySet:
    """Sessions as runs_visible_to: all for course managers; for trainers the
    sessions of their runs and the sessions they give."""
    sessions = Session.objects.all()
    if manages_every_session(user):
        return sessions
    if not user.has_perm("events.view_session"):
        return sessions.none()
    runs = runs_visible_to(user).values("pk")
    return sessions.filter(Q(run__in=runs) | Q(trainer__user=user)).distinct()


def my_sessions_panel(request) -> dict | None:
    """The learner's dashboard panel (`learner_dashboard_panels`): their
    upcoming sessions, with waitlist positions, and the last sessions they
    attended; nothing when there are none."""
    from .completion import attended_session_ids, recently_attended

    registrations = upcoming_registrations(user=request.user)
    attended = recently_attended(user=request.user)
    if not registrations and not attended:
        return None
    return {
        "template": "events/dashboard_panel.html",
        "registrations": registrations,
        # Sessions under way the person has checked in to, and past ones attended.
        "attended_ids": attended_session_ids(
            user=request.user, session_ids=[r.session_id for r in registrations]
        ),
        "attended": attended,
    }
