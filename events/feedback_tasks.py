"""The survey's invitation e-mails: a beat task finds who is to be invited and
enqueues one mail task each (`*_notify`: the mail queue). Each person is
invited at most once per session or run, however often the beat runs and
whatever a worker does: the e-mail is claimed first (events.notices, a
`RegistrationNotice` row, `feedback`, on the registration that attended a
session; `RunParticipant.feedback_invited_at` for a run's survey). Imported
by events.tasks, so that Celery's autodiscovery finds these."""

from celery import shared_task
from django.urls import reverse
from django.utils import formats, timezone

from accounts.mail import public_url

from . import feedback
from .notices import registration_email_send

RETRY = {"autoretry_for": (OSError,), "retry_backoff": 30, "max_retries": 5}


def _deliverable(address: str) -> bool:
    return bool(address) and not address.lower().endswith(feedback.UNDELIVERABLE)


def _closes_label(survey: feedback.Survey) -> str:
    return formats.date_format(timezone.localtime(survey.closes_at), "DATE_FORMAT")


@shared_task(name="events.feedback_invitations_send")
def feedback_invitations_send() -> int:
    """Beat task: enqueue an invitation for everyone to be invited now (events.
    feedback: `session_invitations_due`, `run_invitations_due`), one mail task
    each. Running it twice enqueues some twice at most; each is sent once.
    Returns how many were enqueued."""
    sessions = feedback.session_invitations_due()
    runs = feedback.run_invitations_due()
    for registration_id in sessions:
        feedback_session_notify.delay_on_commit(registration_id)
    for participant_id in runs:
        feedback_run_notify.delay_on_commit(participant_id)
    return len(sessions) + len(runs)


@shared_task(name="events.feedback_session_notify", **RETRY)
def feedback_session_notify(registration_id: int) -> bool:
    """Invite the person of a registration that attended a session to its
    survey, once (notice `feedback`), if the survey is still open and
    unanswered when the mail worker gets to it. Returns whether it was sent."""
    from .models import Registration

    registration = (
        Registration.objects.select_related(
            "user", "session__event__locale", "session__run__course__locale"
        )
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or not _deliverable(registration.email):
        return False
    if registration.user_id is not None:
        survey = feedback.survey_for_session(
            session_id=registration.session_id, user=registration.user
        )
    else:
        survey = feedback.survey_for_guest(token=registration.confirmation_token)
    if survey is None or survey.registration.pk != registration.pk:
        return False
    if survey.state() != feedback.State.OPEN:
        return False

    def context() -> dict:
        return {
            "title": survey.title,
            "link": public_url(survey.url),
            "closes": _closes_label(survey),
        }

    return registration_email_send(
        registration=registration,
        kind=feedback.FEEDBACK_KIND,
        template="feedback_session",
        context=context,
    )


@shared_task(name="events.feedback_run_notify", **RETRY)
def feedback_run_notify(run_participant_id: int) -> bool:
    """Invite a run's participant to the run's survey, once, if it is still
    open and unanswered, in the run's language. The invitation is claimed on
    the participant (`RunParticipant.feedback_invited_at`, set only where it
    is empty) in the transaction that sends it: a worker that dies before the
    mail is handed over leaves it unclaimed, and the next run sends it; two at
    once send one. Returns whether it was sent."""
    from django.core.mail import EmailMessage
    from django.db import transaction
    from django.template.loader import render_to_string
    from django.utils import translation

    from .models import RunParticipant

    participant = (
        RunParticipant.objects.select_related("enrolment__user", "run__course__locale")
        .filter(pk=run_participant_id, feedback_invited_at__isnull=True)
        .first()
    )
    if participant is None or participant.enrolment.user is None:
        return False
    user = participant.enrolment.user
    if not _deliverable(user.email):
        return False
    survey = feedback.survey_for_run(run_id=participant.run_id, user=user)
    if survey is None or survey.state() != feedback.State.OPEN:
        return False
    with transaction.atomic():
        claimed = RunParticipant.objects.filter(
            pk=participant.pk, feedback_invited_at__isnull=True
        ).update(feedback_invited_at=timezone.now())
        if not claimed:
            return False
        with translation.override(participant.run.language_code):
            values = {
                "name": user.full_name or user.email,
                "title": survey.title,
                "run": survey.run,
                "link": public_url(
                    reverse("events:feedback_run", args=[participant.run_id])
                ),
                "closes": _closes_label(survey),
            }
            subject = render_to_string("events/email/feedback_run_subject.txt", values)
            body = render_to_string("events/email/feedback_run_message.txt", values)
        EmailMessage(" ".join(subject.split()), body, None, [user.email]).send()
    return True
