"""The attendance rule courses asks through its `course_completion_rules` hook
(registered in events.wagtail_hooks), and the reads of attendance shared by the
sheet, the check-in screen and the dashboard.

The rule: an enrolment in a course whose runs ask for sessions
(`CourseRun.sessions_required` > 0) must attend that many sessions of one run.
Which run? The one the learner chose when enrolling (`RunParticipant`; a run
asking for none asks nothing). A run is of one course page, in its language:
the Slovenian course's runs are for the Slovenian course's learners. An
enrolment without a chosen run (made before the course had runs): the runs of
its course in which the person has a registration (active, or one with
attendance): the one where they attended most (the later run on a tie); a
person registered in none is asked for the fewest sessions any of those runs
asks (registering for one of its sessions puts them in that run,
events.runs). Hours attended are the
sessions' lengths, online and in person apart, for the certificate."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import ngettext

from courses.completion import CompletionRequirement

from .models import (
    Attendance,
    CourseRun,
    Registration,
    RunParticipant,
    Session,
    SessionKind,
)
from .selectors import manages_every_session

REQUIREMENT_KEY = "events.attendance"
Status = Registration.Status
_HOUR = Decimal(3600)
_CENTS = Decimal("0.01")
# The courses (by translation key) with a run that asks for sessions: asked on
# every lesson page and dashboard, changed only when a run is saved or deleted.
RUNS_ASKING_KEY = "events:courses-whose-runs-ask-for-sessions"
COURSES_WITH_RUNS_KEY = "events:courses-with-runs"
CACHE_SECONDS = 5 * 60


def courses_whose_runs_ask_for_sessions() -> frozenset:
    """Ids of the course pages with a run asking for sessions, from the cache
    (one query when it is not there; dropped when a run changes)."""
    keys = cache.get(RUNS_ASKING_KEY)
    if keys is None:
        keys = frozenset(
            CourseRun.objects.filter(sessions_required__gt=0).values_list(
                "course_id", flat=True
            )
        )
        # Short-lived as well as dropped on change: a read racing a run's
        # commit could put the old set back.
        cache.set(RUNS_ASKING_KEY, keys, CACHE_SECONDS)
    return keys


def runs_changed() -> None:
    """A run was saved or deleted: forget the courses whose runs ask for
    sessions and the courses with runs (events.runs), now and once the change
    is committed (a read in between would keep the old answer)."""
    keys = [RUNS_ASKING_KEY, COURSES_WITH_RUNS_KEY]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def _hours(length: datetime.timedelta) -> Decimal:
    return (Decimal(length.total_seconds()) / _HOUR).quantize(_CENTS)


def attendance_requirements(enrolments) -> dict[int, list[CompletionRequirement]]:
    """The hook: {enrolment id: [requirement]} for the enrolments whose course
    has runs asking for sessions. Three queries whatever the number of
    enrolments, none when no course of theirs has such a run (the set of those
    courses is cached)."""
    enrolments = list(enrolments)
    keys = {
        enrolment.course_id for enrolment in enrolments
    } & courses_whose_runs_ask_for_sessions()
    if not keys:
        return {}
    runs = list(
        CourseRun.objects.filter(
            sessions_required__gt=0, course_id__in=keys
        ).values_list("pk", "course_id", "sessions_required")
    )
    if not runs:
        return {}
    runs_of_course: dict = defaultdict(list)
    required_of: dict[int, int] = {}
    for run_id, key, required in runs:
        runs_of_course[key].append(run_id)
        required_of[run_id] = required
    attended = Attendance.objects.filter(
        registration=OuterRef("pk"), session=OuterRef("session")
    )
    rows = (
        Registration.objects.filter(
            user_id__in={enrolment.user_id for enrolment in enrolments},
            session__run_id__in=required_of,
        )
        .annotate(attended=Exists(attended))
        .filter(~Q(status=Status.CANCELLED) | Q(attended=True))
        .values_list(
            "user_id",
            "session__run_id",
            "session_id",
            "session__kind",
            "session__starts_at",
            "session__ends_at",
            "attended",
        )
    )
    # (user, run) -> {session id: (kind, length)} of sessions attended.
    registered_runs: dict[int, set[int]] = defaultdict(set)
    attended_sessions: dict = defaultdict(dict)
    for user_id, run_id, session_id, kind, starts_at, ends_at, was_there in rows:
        registered_runs[user_id].add(run_id)
        if was_there:
            attended_sessions[user_id, run_id][session_id] = (kind, ends_at - starts_at)

    # The run each enrolment chose when enrolling (events.runs): its rule,
    # whatever the registrations say.
    chosen = dict(
        RunParticipant.objects.filter(
            enrolment_id__in=[enrolment.pk for enrolment in enrolments]
        ).values_list("enrolment_id", "run_id")
    )

    answer: dict[int, list[CompletionRequirement]] = {}
    for enrolment in enrolments:
        candidates = runs_of_course.get(enrolment.course_id)
        if not candidates:
            continue
        mine = [run for run in candidates if run in registered_runs[enrolment.user_id]]
        if enrolment.pk in chosen:
            if chosen[enrolment.pk] not in required_of:
                continue  # a run that asks for no sessions
            run_id = chosen[enrolment.pk]
        elif mine:
            run_id = max(
                mine,
                key=lambda run: (len(attended_sessions[enrolment.user_id, run]), run),
            )
        else:
            run_id = min(candidates, key=lambda run: (required_of[run], -run))
        sessions = attended_sessions.get((enrolment.user_id, run_id), {}).values()
        done, required = len(sessions), required_of[run_id]
        answer[enrolment.pk] = [
            CompletionRequirement(
                key=REQUIREMENT_KEY,
                label=ngettext(
                    "Attended %(done)s of %(required)s session",
                    "Attended %(done)s of %(required)s sessions",
                    required,
                )
                % {"done": done, "required": required},
                done=done,
                required=required,
                online_hours=sum(
                    (
                        _hours(length)
                        for kind, length in sessions
                        if kind == SessionKind.ONLINE
                    ),
                    Decimal(0),
                ),
                in_person_hours=sum(
                    (
                        _hours(length)
                        for kind, length in sessions
                        if kind == SessionKind.IN_PERSON
                    ),
                    Decimal(0),
                ),
            )
        ]
    return answer


# --- who takes attendance ----------------------------------------------------------


def attendance_sessions_of(user) -> QuerySet:
    """The sessions whose check-in screen and attendance sheet `user` may open:
    every one for course managers (and superusers); for a trainer, the sessions
    they give (the session's trainer card is theirs) and the sessions of the runs
    they teach. Not the sessions of courses they only wrote."""
    sessions = Session.objects.all()
    if not user.is_authenticated or not user.is_active:
        return sessions.none()
    if manages_every_session(user):
        return sessions
    return sessions.filter(
        Q(trainer__user=user) | Q(run__trainers__user=user)
    ).distinct()


# --- the sheet ------------------------------------------------------------------


def attendance_sheet(
    *, session: Session
) -> tuple[list[Registration], list[Attendance]]:
    """The registered participants of `session`, by name, each with
    `attendance` (theirs, or None), and the walk-ins. Two queries."""
    present = list(Attendance.objects.filter(session=session))
    attendances = {a.registration_id: a for a in present if a.registration_id}
    registrations = list(
        Registration.objects.filter(session=session, status=Status.REGISTERED)
        .select_related("user")
        .order_by("user__full_name", "guest_name", "pk")
    )
    for registration in registrations:
        registration.attendance = attendances.get(registration.pk)
    walk_ins = [attendance for attendance in present if attendance.is_walk_in]
    return registrations, walk_ins


def attendance_count(session_ids: Iterable[int]) -> dict[int, int]:
    """{session id: people present (walk-ins included)}, in one query."""
    from django.db.models import Count

    counts = dict.fromkeys(session_ids, 0)
    if not counts:
        return counts
    for session_id, number in (
        Attendance.objects.filter(session_id__in=list(counts))
        .values_list("session_id")
        .annotate(number=Count("pk"))
        .order_by()
    ):
        counts[session_id] = number
    return counts


def attended_session_ids(*, user, session_ids: Iterable[int]) -> set[int]:
    """Of `session_ids`, those `user` attended (one query)."""
    return set(
        Attendance.objects.filter(
            registration__user=user, session_id__in=list(session_ids)
        ).values_list("session_id", flat=True)
    )


def recently_attended(*, user, limit: int = 5) -> list[Attendance]:
    """The last sessions over that `user` attended, latest first (one query)."""
    from django.utils import timezone

    return list(
        Attendance.objects.filter(
            registration__user=user, session__ends_at__lte=timezone.now()
        )
        .select_related("session__event__locale", "session__run__course__locale")
        .order_by("-session__starts_at", "-pk")[:limit]
    )
