"""The short satisfaction survey after a session or a run (issue 16, item 8):
who is asked, what awaits a person's answer (selectors), and taking an answer
(`feedback_submit`).

Who is asked:
- about a session: everyone who attended it with a registration (a walk-in
  added by name has no way to be reached), once the session has ended, unless
  it was cancelled. Signed-in participants answer at the session's survey
  address, guests through the link in their e-mail (their registration's
  confirmation token: a secret of theirs already, blanked when they are
  erased);
- about a run: its participants (`RunParticipant`, an active enrolment of a
  person who still has an account), once the run is over: its last day past,
  or its last session ended if that came first.

Each answers once (the database's unique keys), from the end until
`EVENTS_FEEDBACK_WINDOW_DAYS` days after it; later the survey is closed."""

import datetime
import unicodedata
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrolment

from .models import (
    Attendance,
    CourseRun,
    FeedbackAnswer,
    Registration,
    RunParticipant,
    Session,
)

COMMENT_MAX_LENGTH = 2000


class State:
    """Where a person's survey stands."""

    NOT_YET = "not_yet"  # the session or run is not over yet
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"  # the window is past, unanswered


def window() -> datetime.timedelta:
    """How long after the end answers are taken."""
    return datetime.timedelta(days=settings.EVENTS_FEEDBACK_WINDOW_DAYS)


def _site_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def run_ended_at(
    run: CourseRun, last_session_end: datetime.datetime | None
) -> datetime.datetime:
    """The moment a run is over: the end of its last day (midnight after
    `ends_on`, in the academy's time zone) or, when it came first, the end of
    its last session that was not cancelled."""
    day_after = datetime.datetime.combine(
        run.ends_on + datetime.timedelta(days=1), datetime.time.min, _site_zone()
    )
    if last_session_end is not None and last_session_end < day_after:
        return last_session_end
    return day_after


def _last_session_end() -> Subquery:
    """The end of the run's (OuterRef "run") last session not cancelled."""
    return Subquery(
        Session.objects.filter(run=OuterRef("run"), cancelled_at__isnull=True)
        .order_by()
        .values("run")
        .annotate(last=Max("ends_at"))
        .values("last")
    )


@dataclass
class Survey:
    """One person's survey about one session (`registration`: theirs, which
    attended it) or one run (`run_participant`: their place in it), with their
    answer if they gave one."""

    ended_at: datetime.datetime
    registration: Registration | None = None
    run_participant: RunParticipant | None = None
    answer: FeedbackAnswer | None = None

    @property
    def session(self) -> Session | None:
        return self.registration.session if self.registration else None

    @property
    def run(self) -> CourseRun | None:
        return self.run_participant.run if self.run_participant else None

    @property
    def is_about_a_run(self) -> bool:
        return self.run_participant is not None

    @property
    def title(self) -> str:
        if self.run_participant is not None:
            return str(self.run)
        return self.session.display_title

    @property
    def language_code(self) -> str:
        """The language of what the survey is about (its title's)."""
        if self.run_participant is not None:
            return self.run.language_code
        return self.session.language_code

    @property
    def closes_at(self) -> datetime.datetime:
        return self.ended_at + window()

    def state(self, now: datetime.datetime | None = None) -> str:
        now = now or timezone.now()
        if self.answer is not None:
            return State.ANSWERED
        if now < self.ended_at:
            return State.NOT_YET
        if now >= self.closes_at:
            return State.CLOSED
        return State.OPEN

    @property
    def url(self) -> str:
        """The survey's address for a signed-in person (in the active language)."""
        if self.run_participant is not None:
            return reverse("events:feedback_run", args=[self.run_participant.run_id])
        if self.registration.user_id is None:
            return reverse(
                "events:feedback_guest", args=[self.registration.confirmation_token]
            )
        return reverse("events:feedback_session", args=[self.registration.session_id])


# --- selectors ------------------------------------------------------------------


def _attended() -> Exists:
    return Exists(
        Attendance.objects.filter(
            registration=OuterRef("pk"), session=OuterRef("session")
        )
    )


def _session_survey(registration: Registration | None) -> Survey | None:
    if registration is None:
        return None
    answer = registration.feedback_answers.first()
    return Survey(
        ended_at=registration.session.ends_at,
        registration=registration,
        answer=answer,
    )


_SESSION_RELATED = ("session__event__locale", "session__run__course__locale")


def survey_for_session(*, session_id: int, user) -> Survey | None:
    """`user`'s survey about the session: None unless they attended it (with a
    registration of theirs) and it was not cancelled. Two queries."""
    registration = (
        Registration.objects.filter(
            session_id=session_id, user=user, session__cancelled_at__isnull=True
        )
        .filter(_attended())
        .select_related("user", *_SESSION_RELATED)
        .order_by("-pk")
        .first()
    )
    return _session_survey(registration)


def survey_for_guest(*, token: str) -> Survey | None:
    """The survey of the guest whose registration's token this is: None for
    any other token, a registration that did not attend, or a cancelled
    session."""
    if not token or len(token) > 64:
        return None
    registration = (
        Registration.objects.filter(
            confirmation_token=token,
            user__isnull=True,
            session__cancelled_at__isnull=True,
        )
        .filter(_attended())
        .select_related(*_SESSION_RELATED)
        .first()
    )
    return _session_survey(registration)


def _over_since(participants: QuerySet, *, now, since) -> QuerySet:
    """Narrow `participants` (annotated with `last_session_end`) to runs that
    may have ended between `since` and `now` (`run_ended_at` decides exactly):
    the last day not before `since`'s day, and the last day past or the last
    session ended."""
    today = now.astimezone(_site_zone()).date()
    return participants.filter(
        Q(run__ends_on__lt=today) | Q(last_session_end__lte=now),
        run__ends_on__gte=since.astimezone(_site_zone()).date(),
    )


def _asked_participants() -> QuerySet:
    """Run participants who are asked: an active enrolment of a person who
    still has an account."""
    return RunParticipant.objects.filter(
        enrolment__user__isnull=False, enrolment__status=Enrolment.Status.ACTIVE
    )


def _runs_over_unanswered(
    participants: QuerySet, *, now: datetime.datetime, since: datetime.datetime
) -> list[tuple[RunParticipant, datetime.datetime]]:
    """Those of `participants` with no answer about their run yet whose run
    ended after `since` and by `now`, each with the moment it ended."""
    answered = FeedbackAnswer.objects.filter(
        run_participant=OuterRef("pk"), run=OuterRef("run")
    )
    rows = (
        _over_since(
            participants.filter(~Exists(answered)).annotate(
                last_session_end=_last_session_end()
            ),
            now=now,
            since=since,
        )
        .select_related("run__course__locale")
        .order_by("pk")
    )
    over = []
    for participant in rows:
        ended_at = run_ended_at(participant.run, participant.last_session_end)
        if since < ended_at <= now:
            over.append((participant, ended_at))
    return over


def survey_for_run(*, run_id: int, user) -> Survey | None:
    """`user`'s survey about the run: None unless they take part in it. Two
    queries."""
    participant = (
        _asked_participants()
        .filter(run_id=run_id, enrolment__user=user)
        .annotate(last_session_end=_last_session_end())
        .select_related("run__course__locale", "enrolment__user")
        .first()
    )
    if participant is None:
        return None
    return Survey(
        ended_at=run_ended_at(participant.run, participant.last_session_end),
        run_participant=participant,
        # Their answer about this run (one who moved run answered another).
        answer=participant.feedback_answers.filter(run_id=participant.run_id).first(),
    )


def surveys_awaiting(*, user, now: datetime.datetime | None = None) -> list[Survey]:
    """The surveys waiting for `user`'s answer now (over, not answered, still
    open): their sessions and runs, latest first. Two queries, whatever the
    number."""
    now = now or timezone.now()
    since = now - window()
    unanswered = ~Exists(FeedbackAnswer.objects.filter(registration=OuterRef("pk")))
    registrations = (
        Registration.objects.filter(
            user=user,
            session__cancelled_at__isnull=True,
            session__ends_at__lte=now,
            session__ends_at__gt=since,
        )
        .filter(_attended(), unanswered)
        .select_related(*_SESSION_RELATED)
    )
    surveys = [
        Survey(ended_at=registration.session.ends_at, registration=registration)
        for registration in registrations
    ]
    mine = _asked_participants().filter(enrolment__user=user)
    for participant, ended_at in _runs_over_unanswered(mine, now=now, since=since):
        surveys.append(Survey(ended_at=ended_at, run_participant=participant))
    surveys.sort(key=lambda survey: survey.ended_at, reverse=True)
    return surveys


def feedback_panel(request) -> dict | None:
    """The learner's dashboard panel (`learner_dashboard_panels`): "Tell us how
    it went", the surveys awaiting their answer; nothing when there are none.
    Two queries whatever the number of surveys."""
    surveys = surveys_awaiting(user=request.user)
    if not surveys:
        return None
    return {"template": "events/feedback_panel.html", "surveys": surveys}


# --- the service -----------------------------------------------------------------


def _rating(value, field: str, errors: dict) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        errors[field] = [
            ValidationError(_("Choose a number from 1 to 5."), code="rating")
        ]
        return None
    return value


def _clean_comment(comment, errors: dict) -> str:
    if not isinstance(comment, str):
        errors["comment"] = [ValidationError(_("Write text."), code="comment")]
        return ""
    comment = comment.strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        errors["comment"] = [
            ValidationError(
                _("Keep it to %(limit)s characters (this is %(length)s).")
                % {"limit": COMMENT_MAX_LENGTH, "length": len(comment)},
                code="comment_too_long",
            )
        ]
    elif any(
        unicodedata.category(character) == "Cc" and character not in "\t\n\r"
        for character in comment
    ):
        errors["comment"] = [
            ValidationError(
                _("Remove the control characters from your text."),
                code="comment_control_characters",
            )
        ]
    return comment


def feedback_submit(
    *,
    survey: Survey,
    overall: int,
    usefulness: int,
    would_recommend: bool,
    comment: str = "",
    language: str = "",
    now: datetime.datetime | None = None,
) -> FeedbackAnswer:
    """Save the person's answer to `survey`, once. Guarantees: nothing is saved
    unless every value is right (ratings whole numbers 1 to 5, a yes or no, a
    comment of at most 2,000 characters without control characters: refused by
    field), the session or run is over and the window open (refused with the
    code `not_yet` or `closed`); a second answer, however concurrent, changes
    nothing and is refused with the code `already_answered`."""
    now = now or timezone.now()
    errors: dict[str, list] = {}
    overall = _rating(overall, "overall", errors)
    usefulness = _rating(usefulness, "usefulness", errors)
    if not isinstance(would_recommend, bool):
        errors["would_recommend"] = [
            ValidationError(_("Choose yes or no."), code="recommend")
        ]
    comment = _clean_comment(comment, errors)
    if errors:
        raise ValidationError(errors)
    state = survey.state(now)
    if state == State.ANSWERED:
        raise _already_answered()
    if state == State.NOT_YET:
        raise ValidationError(
            _("The survey opens when it is over. Come back then."), code="not_yet"
        )
    if state == State.CLOSED:
        raise ValidationError(closed_message(survey), code="closed")
    if survey.is_about_a_run:
        about = {
            "run_id": survey.run_participant.run_id,
            "run_participant": survey.run_participant,
        }
    else:
        about = {
            "session_id": survey.registration.session_id,
            "registration": survey.registration,
        }
    try:
        with transaction.atomic():
            answer = FeedbackAnswer.objects.create(
                overall=overall,
                usefulness=usefulness,
                would_recommend=would_recommend,
                comment=comment,
                language=language[:8],
                submitted_at=now,
                **about,
            )
    except IntegrityError:
        raise _already_answered() from None
    survey.answer = answer
    return answer


def already_answered_message() -> str:
    return _("You have already answered, thank you.")


def _already_answered() -> ValidationError:
    return ValidationError(already_answered_message(), code="already_answered")


def closed_message(survey: Survey) -> str:
    """What a closed survey says (the page, and the service's refusal)."""
    from django.utils import formats

    return _(
        "This survey is closed: answers were taken until %(date)s. Thank you all "
        "the same."
    ) % {
        "date": formats.date_format(timezone.localtime(survey.closes_at), "DATE_FORMAT")
    }


# --- who is invited (for the invitation e-mails) ---------------------------------


def invite_after() -> datetime.timedelta:
    """Invitations go out for sessions and runs over at most this long ago (a
    beat that was down sends them late; one that comes weeks late does not)."""
    return datetime.timedelta(days=settings.EVENTS_FEEDBACK_INVITE_DAYS)


FEEDBACK_KIND = "feedback"
# Addresses that can never be delivered (RFC 2606): the demo learners'.
UNDELIVERABLE = ".invalid"


def session_invitations_due(*, now: datetime.datetime | None = None) -> list[int]:
    """Ids of the registrations whose person is to be invited now: they
    attended a session over (not cancelled) at most `invite_after()` ago, can
    be reached (an account, or a guest's address and link; not an address
    that can never be delivered), have not answered and have not been invited
    (no `feedback` notice)."""
    from .models import RegistrationNotice

    now = now or timezone.now()
    return list(
        Registration.objects.filter(
            session__cancelled_at__isnull=True,
            session__ends_at__lte=now,
            session__ends_at__gt=now - invite_after(),
        )
        .filter(
            Q(user__isnull=False)
            | (Q(user__isnull=True) & ~Q(guest_email="") & ~Q(confirmation_token=""))
        )
        .exclude(user__email__iendswith=UNDELIVERABLE)
        .exclude(guest_email__iendswith=UNDELIVERABLE)
        .filter(_attended())
        .filter(~Exists(FeedbackAnswer.objects.filter(registration=OuterRef("pk"))))
        .filter(
            ~Exists(
                RegistrationNotice.objects.filter(
                    registration=OuterRef("pk"), kind=FEEDBACK_KIND
                )
            )
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def run_invitations_due(*, now: datetime.datetime | None = None) -> list[int]:
    """Ids of the run participants to invite now: asked, their run over at most
    `invite_after()` ago, not answered, not invited yet
    (`RunParticipant.feedback_invited_at`)."""
    now = now or timezone.now()
    not_invited = (
        _asked_participants()
        .exclude(enrolment__user__email__iendswith=UNDELIVERABLE)
        .filter(feedback_invited_at__isnull=True)
    )
    return [
        participant.pk
        for participant, _ended_at in _runs_over_unanswered(
            not_invited, now=now, since=now - invite_after()
        )
    ]
