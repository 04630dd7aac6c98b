"""E-mails about a registration, each sent once: a `RegistrationNotice` row
(registration, kind) is claimed in the transaction that sends the message, so
that it is given back if sending fails or the process dies while sending (a
retried task, or the next run of a beat task, sends it then), and a second
sender waits for the first to finish and then sends nothing. A message can go
twice only if the process dies between the mail server's acceptance and the
commit, a few milliseconds. Reminders, calendar updates and feedback
invitations use the same with kinds of their own ("reminder-24h",
"changed-<sequence>", "feedback")."""

from collections.abc import Callable

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.mail import public_url

from .models import Registration, RegistrationNotice


def notice_claim(*, registration_id: int, kind: str) -> bool:
    """Take the right to send this registration's `kind` of e-mail: True for the
    first caller only, whatever the concurrency (the row's unique key)."""
    try:
        with transaction.atomic():
            RegistrationNotice.objects.create(
                registration_id=registration_id, kind=kind, sent_at=timezone.now()
            )
    except IntegrityError:
        return False
    return True


def notice_release(*, registration_id: int, kind: str) -> None:
    """Give a claim back (sending failed), so that the retry sends it."""
    RegistrationNotice.objects.filter(
        registration_id=registration_id, kind=kind
    ).delete()


def registration_email_send(
    *,
    registration: Registration,
    kind: str,
    template: str,
    context: dict | Callable[[], dict],
    attachments: list[tuple[str, str | bytes, str]] = (),
) -> bool:
    """Send `templates/events/email/<template>_subject.txt` and `_message.txt`
    to the registration's person, in the language they registered in, at most
    once per `kind`. `context` may be a function, called inside the language
    (for URLs and texts that depend on it). `attachments`: (filename, content,
    mimetype), e.g. a calendar entry. Returns whether it was sent now.

    The claim's row stays uncommitted while the message is sent (the unique
    key makes a concurrent sender of the same kind wait): an exception, or a
    worker killed in the middle, leaves no row, so the e-mail is not lost."""
    address = registration.email
    if not address:
        return False
    with transaction.atomic():
        if not notice_claim(registration_id=registration.pk, kind=kind):
            return False
        language = registration.language or registration.session.language_code
        with translation.override(language):
            values = context() if callable(context) else dict(context)
            values.setdefault("registration", registration)
            values.setdefault("session", registration.session)
            values.setdefault("name", registration.person_name)
            subject = render_to_string(f"events/email/{template}_subject.txt", values)
            body = render_to_string(f"events/email/{template}_message.txt", values)
        message = EmailMessage(" ".join(subject.split()), body, None, [address])
        for filename, content, mimetype in attachments:
            message.attach(filename, content, mimetype)
        message.send()
    return True


def page_link(page) -> str:
    """A page's address on the public site (for e-mails)."""
    if page is None:
        return public_url("/")
    return public_url(page.url or "/")
