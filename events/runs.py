"""Course runs on the course side: the choice of a run when enrolling (courses'
`course_enrolment_choice` hook), joining one (`run_join`), and the run's
sessions on the course page (`course_page_sections`).

Which runs can be joined: those of the course (the page in its language) that
have not ended (their last day is today or later, in the academy's time zone),
while they have room; asked for an earlier moment (`now=`), the runs made by
then. A run that has begun can still be joined: its past
sessions are shown as past. A run's place is held by an enrolment that is
active or awaiting approval (a withdrawn learner gives it back); its capacity
counts those. A course whose runs have all ended stays open to self-paced
learners, unless its runs ask for sessions to be attended: then there is
nothing a new learner could complete, and enrolment waits for a new run.

The course ids with runs are cached (asked on every course page); the cache is
dropped when a run is saved or deleted (`events.completion.runs_changed`)."""

import datetime

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.enrolment_choices import (
    CoursePageSection,
    EnrolmentChoice,
    EnrolmentOption,
)
from courses.models import Enrolment

from .completion import CACHE_SECONDS, COURSES_WITH_RUNS_KEY
from .models import CourseRun, RunParticipant, Session

HOLDS_A_PLACE = (Enrolment.Status.ACTIVE, Enrolment.Status.PENDING)


def courses_with_runs() -> frozenset:
    """Ids of the course pages that have a run, from the cache (one query when
    it is not there)."""
    ids = cache.get(COURSES_WITH_RUNS_KEY)
    if ids is None:
        ids = frozenset(CourseRun.objects.values_list("course_id", flat=True))
        cache.set(COURSES_WITH_RUNS_KEY, ids, CACHE_SECONDS)
    return ids


def _today(now: datetime.datetime | None) -> datetime.date:
    return timezone.localdate(now or timezone.now())


def runs_with_places(*, course, now: datetime.datetime | None = None) -> list:
    """The course's runs that have not ended, first to start first, each with
    `taken` (places held) and `places_left` (None: no limit). Kept on the
    course object for the rest of the request (the enrolment box and the runs'
    section both ask)."""
    memo = getattr(course, "_events_open_runs", None)
    if memo is not None and now is None:
        return memo
    # Runs as they were at `now` (the demo's history enrols learners before
    # its runs were made).
    existing = CourseRun.objects.filter(
        course=course, created_at__lte=now or timezone.now()
    )
    runs = list(
        existing.filter(ends_on__gte=_today(now))
        .annotate(
            taken=Count(
                "participants",
                filter=Q(participants__enrolment__status__in=HOLDS_A_PLACE),
            )
        )
        .prefetch_related("trainers")
        .order_by("starts_on", "pk")
    )
    for run in runs:
        run.places_left = (
            None if run.capacity is None else max(run.capacity - run.taken, 0)
        )
    if now is None:
        course._events_open_runs = runs
    return runs


def run_dates(run: CourseRun) -> str:
    start = formats.date_format(run.starts_on, "DATE_FORMAT")
    if run.ends_on == run.starts_on:
        return start
    return f"{start} – {formats.date_format(run.ends_on, 'DATE_FORMAT')}"


def _option(run: CourseRun) -> EnrolmentOption:
    facts = [run_dates(run), run.get_mode_display()]
    trainers = [trainer.name for trainer in run.trainers.all()]
    if trainers:
        facts.append(", ".join(trainers))
    if run.sessions_required:
        facts.append(
            ngettext(
                "attend %(count)s session to complete",
                "attend %(count)s sessions to complete",
                run.sessions_required,
            )
            % {"count": run.sessions_required}
        )
    if run.places_left == 0:
        facts.append(_("full"))
    elif run.places_left is not None:
        facts.append(
            ngettext("%(count)s place left", "%(count)s places left", run.places_left)
            % {"count": run.places_left}
        )
    return EnrolmentOption(
        value=str(run.pk),
        label=run.title,
        description=" · ".join(facts),
        disabled=run.places_left == 0,
    )


def run_enrolment_choice(*, course, user, now=None) -> EnrolmentChoice | None:
    """The hook: the runs a learner chooses from to enrol in `course` (None
    for a course without runs, without a query)."""
    if course.pk not in courses_with_runs():
        return None
    runs = runs_with_places(course=course, now=now)
    if not runs:
        asking = CourseRun.objects.filter(
            course=course,
            sessions_required__gt=0,
            created_at__lte=now or timezone.now(),
        )
        if asking.exists():
            return EnrolmentChoice(
                legend=_("Choose your run"),
                options=(),
                join=_join,
                unavailable=_(
                    "No run of this course is open for enrolment now. New runs "
                    "are announced here and among the events."
                ),
            )
        return None
    options = tuple(_option(run) for run in runs)
    return EnrolmentChoice(
        legend=_("Choose your run"),
        options=options,
        join=_join,
        unavailable=_("Every run of this course is full."),
        help_text=_("Choose the run you will take the course with."),
    )


def _join(*, enrolment: Enrolment, value: str, now=None) -> None:
    try:
        run_id = int(value)
    except (TypeError, ValueError):
        raise ValidationError(
            _("Choose the run you will take the course with."), code="choice"
        ) from None
    run_join(enrolment=enrolment, run_id=run_id, now=now)


def run_join(
    *, enrolment: Enrolment, run_id: int, now: datetime.datetime | None = None
) -> RunParticipant:
    """Put `enrolment` in the run `run_id` of its course (moving it from
    another run, if it was in one): refused, with code "choice", for a run of
    another course, one that has ended, or one that is full. Race-safe: the
    run is locked while its places are counted."""
    now = now or timezone.now()
    with transaction.atomic():
        run = (
            CourseRun.objects.select_for_update()
            .filter(pk=run_id, course_id=enrolment.course_id)
            .first()
        )
        if run is None:
            raise ValidationError(
                _("Choose one of the runs of this course."), code="choice"
            )
        if run.ends_on < _today(now):
            raise ValidationError(
                _("This run has ended: choose another."), code="choice"
            )
        current = RunParticipant.objects.filter(enrolment=enrolment).first()
        # Counted even for the run the enrolment was in: a learner who left
        # (their place given back) and comes back finds it taken, or not.
        if run.capacity is not None:
            taken = (
                RunParticipant.objects.filter(
                    run=run, enrolment__status__in=HOLDS_A_PLACE
                )
                .exclude(enrolment=enrolment)
                .count()
            )
            if taken >= run.capacity:
                raise ValidationError(
                    _("This run is full: choose another."), code="choice"
                )
        if current is None:
            return RunParticipant.objects.create(
                run=run, enrolment=enrolment, joined_at=now
            )
        if current.run_id == run.pk:
            return current
        # Another run: its survey is another one to be invited to.
        current.run = run
        current.joined_at = now
        current.feedback_invited_at = None
        current.save(update_fields=["run", "joined_at", "feedback_invited_at"])
        return current


def run_of(*, enrolment: Enrolment | None) -> CourseRun | None:
    """The run the enrolment belongs to, or None."""
    if enrolment is None or enrolment.pk is None:
        return None
    participant = (
        RunParticipant.objects.filter(enrolment=enrolment).select_related("run").first()
    )
    return participant.run if participant else None


def run_place_ensure(*, user, run, now=None) -> None:
    """Before `user` registers for a session of `run`: they are in the run, or
    they are enrolled in its course without a run (they enrolled before the
    course had runs) and registering puts them in it (`run_join`: refused if
    it is full). Anyone else is refused, with code "not_in_run"."""
    if takes_part_in_run(user=user, run_id=run.pk):
        return
    enrolment = (
        Enrolment.objects.filter(
            user=user,
            course_id=run.course_id,
            status=Enrolment.Status.ACTIVE,
            run_participant__isnull=True,
        ).first()
        if getattr(user, "is_authenticated", False)
        else None
    )
    if enrolment is None:
        raise ValidationError(
            _(
                "This session is for the participants of its course run: "
                "enrol in the course and choose this run to register."
            ),
            code="not_in_run",
        )
    run_join(enrolment=enrolment, run_id=run.pk, now=now)


def takes_part_in_run(*, user, run_id: int) -> bool:
    """Whether `user` is in the run with an active enrolment (who may register
    for the run's sessions)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return RunParticipant.objects.filter(
        run_id=run_id,
        enrolment__user=user,
        enrolment__status=Enrolment.Status.ACTIVE,
    ).exists()


def run_sessions_section(*, course, user, enrolment) -> list[CoursePageSection]:
    """The hook: the learner's run and its sessions (register, cancel, the
    calendar), or, for anyone else, the runs they can join with their
    sessions. Nothing, without a query, for a course without runs."""
    from .selectors import session_states

    if not course.pk or course.pk not in courses_with_runs():
        return []
    holds = enrolment is not None and enrolment.status in HOLDS_A_PLACE
    pending = holds and enrolment.status == Enrolment.Status.PENDING
    mine = run_of(enrolment=enrolment) if holds else None
    runs = [mine] if mine else runs_with_places(course=course)
    if not runs:
        return []
    # Enrolled before the course had runs: registering for a session of a run
    # puts them in it (run_place_ensure).
    joins_by_registering = holds and not pending and mine is None
    sessions = list(
        Session.objects.filter(run__in=runs)
        .select_related("trainer", "run__course")
        .order_by("starts_at", "pk")
    )
    states = session_states(sessions=sessions, user=user)
    if pending:
        note = _(
            "You can register for the run’s sessions once your request to join "
            "the course is accepted."
        )
    else:
        note = _(
            "Enrol in the course and choose this run to register for its sessions."
        )
    full = {run.pk for run in runs if getattr(run, "places_left", None) == 0}
    by_run: dict[int, list] = {run.pk: [] for run in runs}
    for state in states:
        if pending or (mine is None and not joins_by_registering):
            state.restricted_note = note
        elif joins_by_registering and state.session.run_id in full:
            state.restricted_note = _("This run is full.")
        by_run[state.session.run_id].append(state)
    return [
        CoursePageSection(
            template="events/includes/course_runs.html",
            context={
                "mine": mine,
                "pending": pending,
                "joins_by_registering": joins_by_registering,
                "runs": [
                    {"run": run, "dates": run_dates(run), "states": by_run[run.pk]}
                    for run in runs
                ],
            },
        )
    ]


def run_places_release(*, enrolment: Enrolment, now=None) -> int:
    """Cancel the learner's registrations (places and waitlist) for the
    sessions of their run that have not started, promoting the next in line;
    those attended or past stay. Returns how many were cancelled."""
    from .models import Registration
    from .services import registration_cancel

    now = now or timezone.now()
    participant = RunParticipant.objects.filter(enrolment=enrolment).first()
    if participant is None or enrolment.user_id is None:
        return 0
    registrations = Registration.objects.filter(
        user_id=enrolment.user_id,
        session__run_id=participant.run_id,
        session__starts_at__gt=now,
        status__in=Registration.ACTIVE_STATUSES,
    )
    cancelled = 0
    for registration in registrations:
        registration_cancel(registration=registration, now=now, enforce_deadline=False)
        cancelled += 1
    return cancelled
