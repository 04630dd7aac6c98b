"""Reminders before sessions through the real broker and real `celery worker`
processes: each sent once, however often the beat runs and whatever happens to
a worker in the middle of sending."""

import re
from collections import Counter
from datetime import timedelta
from email.header import decode_header, make_header

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from events.factories import (
    EventIndexPageFactory,
    RegistrationFactory,
    SessionFactory,
    build_event,
)
from events.models import Registration, RegistrationNotice, SessionKind
from events.tasks import reminders_send
from tests.helpers import all_waiting

from .gated_mail import MailGate

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

TASK_LINE = re.compile(r"Task (events\.\w+)\[([0-9a-f-]+)\] (received|succeeded)")


def finished(worker) -> bool:
    """Nothing waits on the broker and every task the worker took has ended."""
    received, succeeded = set(), set()
    for _name, task_id, what in TASK_LINE.findall("".join(worker.log)):
        (received if what == "received" else succeeded).add(task_id)
    return all_waiting() == 0 and received == succeeded


@pytest.fixture
def participants():
    """Registrations with a reminder due now (24 hours: three; 1 hour: two),
    and some that must get none. Returns {address: expected subject start}."""
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="en")
    index = EventIndexPageFactory(parent=home, slug="events-reminders")
    now = timezone.now()
    _event, (tomorrow,) = build_event(parent=index, title="Pricing creative work")
    tomorrow.starts_at = now + timedelta(hours=23, minutes=50)
    tomorrow.ends_at = tomorrow.starts_at + timedelta(hours=2)
    tomorrow.save()
    soon = SessionFactory(
        event=tomorrow.event,
        starts_at=now + timedelta(minutes=40),
        kind=SessionKind.ONLINE,
        meeting_url="https://meet.example.com/pricing",
        venue_name="",
        address="",
    )
    long_before = now - timedelta(days=3)
    placed = {"created_at": long_before, "confirmed_at": long_before}
    expected = {}
    for session, languages, subject in (
        (tomorrow, ("en", "sl", "sl"), ("Reminder:", "Opomnik:")),
        (soon, ("en", "sl"), ("Reminder:", "Opomnik:")),
    ):
        for language in languages:
            registration = RegistrationFactory(
                session=session, user=UserFactory(), language=language, **placed
            )
            expected[registration.email] = subject[language == "sl"]
    guest = RegistrationFactory(
        session=tomorrow,
        guest_name="Maja Kos",
        guest_email="maja@studio.si",
        confirmation_token="m" * 43,
        language="sl",
        **placed,
    )
    expected[guest.email] = "Opomnik:"
    # No reminder: the waitlist, an unconfirmed guest.
    RegistrationFactory(
        session=soon,
        user=UserFactory(),
        status=Registration.Status.WAITLISTED,
        **placed,
    )
    RegistrationFactory(
        session=soon,
        guest_name="Not Confirmed",
        guest_email="pending@example.com",
        status=Registration.Status.PENDING,
        created_at=long_before,
        confirmed_at=None,
    )
    return expected


def test_the_beat_twice_and_a_worker_killed_while_sending_send_each_once(
    participants, start_worker, wait_for, tmp_path
):
    gate = MailGate(tmp_path / "mail-gate")
    first = start_worker(**gate.env)
    # The beat fires twice (two beats by mistake, or one restarted).
    reminders_send.delay()
    reminders_send.delay()
    wait_for(gate.holder, timeout=60, message="no reminder was ever being sent")
    # Killed in the middle of a message, inside the transaction claiming it.
    first.kill()
    assert "events.reminders_send" in "".join(first.log)
    sent_by_first = [
        message for message in first.sent_emails() if message["To"] in participants
    ]
    wait_for(
        lambda: RegistrationNotice.objects.count() == len(sent_by_first),
        timeout=30,
        message="the killed worker's claim outlived it",
    )

    second = start_worker(concurrency=2)
    # The beat's next runs (every 5 minutes), at once in two processes.
    reminders_send.delay()
    reminders_send.delay()

    def all_sent() -> list:
        messages = [
            message for message in second.sent_emails() if message["To"] in participants
        ]
        return messages if len(messages) >= len(participants) else []

    wait_for(all_sent, timeout=90, message="not every reminder was sent")
    wait_for(lambda: finished(second), timeout=60, message="the worker kept busy")

    messages = [
        message for message in second.sent_emails() if message["To"] in participants
    ]
    assert Counter(message["To"] for message in messages) == {
        address: 1 for address in participants
    }
    for message in messages:
        subject = str(make_header(decode_header(message["Subject"])))
        assert subject.startswith(participants[message["To"]]), subject
    assert Counter(RegistrationNotice.objects.values_list("kind", flat=True)) == {
        "reminder-24h": 4,
        "reminder-1h": 2,
    }
