"""What events holds about a person, for accounts' privacy registry."""

from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from accounts.privacy import ExportFile


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _registration(registration) -> dict[str, Any]:
    session = registration.session
    return {
        "session": session.display_title,
        "starts_at": _when(session.starts_at),
        "ends_at": _when(session.ends_at),
        "time_zone": session.time_zone,
        "as_guest": registration.user_id is None,
        "name_given": registration.guest_name or None,
        "email_given": registration.guest_email or None,
        "status": registration.status,
        "language": registration.language,
        "registered_at": _when(registration.created_at),
        "confirmed_at": _when(registration.confirmed_at),
        "given_a_place_from_the_waitlist_at": _when(registration.promoted_at),
        "cancelled_at": _when(registration.cancelled_at),
        "attended": [
            {"checked_in_at": _when(attendance.checked_in_at), "how": attendance.how}
            for attendance in registration.attendances.all()
        ],
        "emails_sent": [
            {"kind": notice.kind, "sent_at": _when(notice.sent_at)}
            for notice in registration.notices.all()
        ],
    }


def _feedback_answer(answer) -> dict[str, Any]:
    """One survey answer: what about (a session or a run), the ratings, the
    words, when and in which language."""
    if answer.session_id:
        about = {
            "session": answer.session.display_title,
            "starts_at": _when(answer.session.starts_at),
        }
    else:
        about = {"course_run": str(answer.run)}
    return {
        **about,
        "overall": answer.overall,
        "usefulness": answer.usefulness,
        "would_recommend": answer.would_recommend,
        "comment": answer.comment,
        "language": answer.language,
        "submitted_at": _when(answer.submitted_at),
    }


def _recorded_count(user) -> int:
    from .models import Attendance

    return Attendance.objects.filter(recorded_by=user).count()


class EventsProvider:
    """Registrations for sessions and events: the person's own, and those made
    as a guest with one of their confirmed e-mail addresses.

    Erasing cancels the person's active registrations for sessions still to
    come (their places go to the waitlist), blanks a guest's name, address and
    link, and keeps every registration for the counts of the sessions,
    unlinked from the person once the user row is deleted
    (Registration.user is SET_NULL), as enrolments are. The personal calendar
    feed is deleted (its address answers 404 from then on). Attendance stays
    with its (unlinked) registration, for the sessions' counts; a trainer's
    name leaves the attendance they recorded (Attendance.recorded_by is
    SET_NULL). Survey answers (about their sessions, as a participant or a
    guest, and their runs) are exported whole; erasing blanks their words and
    keeps the ratings for the means, unlinked with the registration or the
    enrolment they point to. The runs they chose are exported; the rows stay
    for the runs' counts, with the enrolment, unlinked as it is."""

    name = "events"
    models = (
        "events.Registration",
        "events.CalendarFeed",
        "events.Attendance",
        "events.FeedbackAnswer",
        "events.RunParticipant",
    )

    def _registrations(self, user):
        from .models import Registration
        from .selectors import guest_registrations_of

        # One query, no join: the person's rows or their addresses' guest rows.
        return Registration.objects.filter(user=user) | guest_registrations_of(user)

    def export(self, user) -> dict[str, Any]:
        registrations = (
            self._registrations(user)
            .select_related("session__event", "session__run__course")
            .prefetch_related("notices", "attendances")
            .order_by("created_at", "pk")
        )
        from .models import CalendarFeed

        feed = CalendarFeed.objects.filter(user=user).first()
        return {
            "registrations": [_registration(r) for r in registrations],
            # As a trainer: how many attendances they recorded (other people's
            # presence is theirs, not in this export).
            "attendances_recorded_for_others": _recorded_count(user),
            # That a feed exists, not its token: the token is a key to it, and
            # an export file may be kept where a key should not be.
            "calendar_feed": {
                "created_at": _when(feed.created_at),
                "address_last_reset_at": _when(feed.reset_at),
            }
            if feed
            else None,
            "feedback_answers": [
                _feedback_answer(answer) for answer in self._feedback_answers(user)
            ],
            # The runs they chose when enrolling (the enrolments are courses').
            "course_runs": [
                {
                    "course_run": str(participant.run),
                    "starts_on": participant.run.starts_on.isoformat(),
                    "ends_on": participant.run.ends_on.isoformat(),
                    "joined_at": _when(participant.joined_at),
                    "invited_to_the_survey_at": _when(participant.feedback_invited_at),
                }
                for participant in self._run_places(user)
            ],
        }

    def _run_places(self, user):
        from .models import RunParticipant

        return (
            RunParticipant.objects.filter(enrolment__user=user)
            .select_related("run__course")
            .order_by("joined_at", "pk")
        )

    def export_files(self, user) -> Iterable[ExportFile]:
        return []

    def erase(self, user) -> None:
        from .models import CalendarFeed, Registration
        from .services import registration_cancel

        now = timezone.now()
        registrations = self._registrations(user)
        for registration in registrations.filter(
            status__in=Registration.ACTIVE_STATUSES, session__starts_at__gt=now
        ):
            registration_cancel(
                registration=registration, now=now, enforce_deadline=False
            )
        # Survey answers: the words may name the person, the ratings stay for
        # the means (unlinked with the registration or enrolment they point
        # to). Before the guest rows lose the address that finds them.
        self._feedback_answers(user).update(comment="")
        self._registrations(user).update(
            guest_name="", guest_email="", confirmation_token=""
        )
        # The feed's address stops working at once, before the account goes.
        CalendarFeed.objects.filter(user=user).delete()

    def _feedback_answers(self, user):
        from .models import FeedbackAnswer

        registrations = self._registrations(user).values("pk")
        return (
            FeedbackAnswer.objects.filter(registration__in=registrations)
            | FeedbackAnswer.objects.filter(run_participant__enrolment__user=user)
        ).select_related("session__event", "session__run__course", "run__course")
