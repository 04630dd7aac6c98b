"""E-mails about registrations, sent by the mail worker (tasks named `*_notify`
go to the `mail` queue). Each takes ids, loads, and sends at most once per
registration and kind (events.notices claims the e-mail first), so running one
twice, or a redelivered one, sends nothing more."""

from celery import shared_task
from django.urls import reverse

from .calendar import Method
from .models import Registration, Session
from .notices import page_link, registration_email_send

RETRY = {"autoretry_for": (OSError,), "retry_backoff": 30, "max_retries": 5}


def _registration(registration_id: int) -> Registration | None:
    return (
        Registration.objects.select_related(
            "user", "session__event__locale", "session__run__course__locale"
        )
        .filter(pk=registration_id)
        .first()
    )


@shared_task(name="events.registration_promoted_notify", **RETRY)
def registration_promoted_notify(registration_id: int) -> bool:
    """Tell a participant that a place freed up and is now theirs."""
    registration = _registration(registration_id)
    if registration is None or registration.status != Registration.Status.REGISTERED:
        return False
    return registration_email_send(
        registration=registration,
        kind="promoted",
        template="promoted",
        context=lambda: {"page_url": page_link(registration.session.page)},
    )


@shared_task(name="events.session_cancelled_notify", **RETRY)
def session_cancelled_notify(session_id: int) -> int:
    """Tell everyone registered or waitlisted that the session is cancelled,
    each once. Returns how many were e-mailed now."""
    session = (
        Session.objects.select_related("event__locale", "run__course__locale")
        .filter(pk=session_id, cancelled_at__isnull=False)
        .first()
    )
    if session is None:
        return 0
    sent = 0
    registrations = session.registrations.filter(
        status__in=[Registration.Status.REGISTERED, Registration.Status.WAITLISTED]
    ).select_related("user")
    # Where to find other events: the listing (a run's session: its course).
    elsewhere = session.event.get_parent() if session.event_id else session.page
    for registration in registrations:
        registration.session = session
        sent += registration_email_send(
            registration=registration,
            kind="session-cancelled",
            template="session_cancelled",
            context=lambda: {"page_url": page_link(elsewhere)},
            # METHOD:CANCEL: the calendar app takes the entry out.
            attachments=[_calendar_attachment(registration, Method.CANCEL)],
        )
    return sent


def _calendar_attachment(registration: Registration, method) -> tuple:
    """The registration's calendar entry, in the language of its e-mail."""
    from django.utils import translation

    from .feeds import registration_attachment

    language = registration.language or registration.session.language_code
    with translation.override(language):
        return registration_attachment(registration, method=method)


@shared_task(name="events.session_changed_notify", **RETRY)
def session_changed_notify(session_id: int, sequence: int) -> int:
    """E-mail everyone registered for a session whose time or place changed,
    with the updated calendar entry (METHOD:REQUEST), once per `sequence`.
    A task for an older sequence sends nothing (the newer one tells the
    latest), nor one for a cancelled or past session. Returns how many were
    e-mailed now."""
    from django.utils import timezone

    session = (
        Session.objects.select_related("event__locale", "run__course__locale")
        .filter(pk=session_id, sequence=sequence, cancelled_at__isnull=True)
        .first()
    )
    if session is None or session.has_ended(timezone.now()):
        return 0
    sent = 0
    registrations = session.registrations.filter(
        status=Registration.Status.REGISTERED
    ).select_related("user")
    for registration in registrations:
        registration.session = session
        sent += registration_email_send(
            registration=registration,
            kind=f"changed-{sequence}",
            template="session_changed",
            context=lambda: {"page_url": _session_link(session)},
            attachments=[_calendar_attachment(registration, Method.REQUEST)],
        )
    return sent


def _session_link(session: Session) -> str:
    return f"{page_link(session.page)}#session-{session.pk}"


@shared_task(name="events.guest_confirmation_notify", **RETRY)
def guest_confirmation_notify(registration_id: int, request_number: int) -> bool:
    """E-mail a guest the link that confirms their registration (or, when it is
    confirmed already, the link to see or cancel it): once per request."""
    registration = _registration(registration_id)
    if (
        registration is None
        or not registration.is_active
        or not registration.confirmation_token
    ):
        return False

    def context() -> dict:
        return {
            "link": page_link_for_token(registration.confirmation_token),
            "page_url": page_link(registration.session.page),
            "pending": registration.status == Registration.Status.PENDING,
        }

    return registration_email_send(
        registration=registration,
        kind=f"confirmation-{request_number}",
        template="guest_confirmation",
        context=context,
    )


def page_link_for_token(token: str) -> str:
    from accounts.mail import public_url

    return public_url(reverse("events:guest_registration", args=[token]))


@shared_task(name="events.reminders_send")
def reminders_send() -> int:
    """Beat task (every 5 minutes): enqueue every reminder due now and not sent
    yet (events.reminders), one mail task each. Selecting takes one query
    whatever the number; running it twice, or beside a mail worker still
    sending the last run's, sends nothing twice (each reminder is claimed
    once). Returns how many were enqueued."""
    from .reminders import reminders_due

    due = list(reminders_due().values_list("pk", "reminder_kind"))
    for registration_id, kind in due:
        registration_reminder_notify.delay(registration_id, kind)
    return len(due)


@shared_task(name="events.registration_reminder_notify", **RETRY)
def registration_reminder_notify(registration_id: int, kind: str) -> bool:
    """E-mail one reminder, if it is still due when the mail worker gets to it
    (not for a registration cancelled since, nor a farther reminder whose
    window is over), once (events.notices)."""
    from .reminders import registration_reminder_send

    return registration_reminder_send(registration_id=registration_id, kind=kind)


# The survey invitations live apart; imported here for Celery's autodiscovery.
from . import feedback_tasks  # noqa: E402, F401
