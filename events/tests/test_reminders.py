import datetime

import pytest
from django.core import mail
from django.utils import timezone

from accounts.factories import UserFactory
from events import services
from events.factories import RegistrationFactory, SessionFactory, build_event
from events.models import Registration, RegistrationNotice, SessionKind
from events.reminders import (
    registration_reminder_send,
    reminder_kind,
    reminder_offsets,
    reminders_due,
    starts_in_label,
)
from events.tasks import reminders_send

pytestmark = pytest.mark.django_db

Status = Registration.Status
HOUR = datetime.timedelta(hours=1)
MINUTE = datetime.timedelta(minutes=1)
LONG_BEFORE = datetime.timedelta(days=5)


@pytest.fixture
def session(events_index):
    """An in-person session starting in 10 days (tests choose `now` around it)."""
    _event, (made,) = build_event(parent=events_index, starts_in_days=10)
    return made


def register(session, *, placed_before=LONG_BEFORE, **fields):
    """A registration whose place became the person's `placed_before` the start."""
    moment = session.starts_at - placed_before
    fields.setdefault("user", UserFactory())
    fields.setdefault("confirmed_at", moment)
    return RegistrationFactory(session=session, created_at=moment, **fields)


def due(now) -> dict[int, str]:
    return dict(reminders_due(now=now).values_list("pk", "reminder_kind"))


# --- configuration --------------------------------------------------------


def test_offsets_come_from_the_setting_farthest_first(settings):
    settings.EVENTS_REMINDERS_BEFORE = [1, datetime.timedelta(days=2), 0.5, 1, 0]
    assert reminder_offsets() == [48 * HOUR, HOUR, 30 * MINUTE]
    assert [reminder_kind(offset) for offset in reminder_offsets()] == [
        "reminder-48h",
        "reminder-1h",
        "reminder-30m",
    ]


def test_the_default_is_24_hours_and_1_hour_before():
    assert [reminder_kind(offset) for offset in reminder_offsets()] == [
        "reminder-24h",
        "reminder-1h",
    ]


def test_no_reminders_configured_selects_nothing(settings, session):
    settings.EVENTS_REMINDERS_BEFORE = []
    register(session)
    assert due(session.starts_at - 30 * MINUTE) == {}


@pytest.mark.parametrize(
    ("remaining", "label"),
    [
        (24 * HOUR, "in 24 hours"),
        (24 * HOUR - 4 * MINUTE, "in 24 hours"),
        (HOUR, "in 1 hour"),
        (56 * MINUTE, "in 1 hour"),
        (2 * HOUR + 40 * MINUTE, "in 3 hours"),
        (41 * MINUTE, "in 45 minutes"),
        (10 * datetime.timedelta(seconds=1), "in 5 minutes"),
    ],
)
@pytest.mark.usefixtures("english")
def test_how_soon_is_said_in_round_figures(remaining, label):
    assert starts_in_label(remaining) == label


# --- which are due --------------------------------------------------------


def test_each_reminder_is_due_from_its_moment_until_the_next_ones(session):
    registration = register(session)
    start = session.starts_at

    assert due(start - 24 * HOUR - MINUTE) == {}
    assert due(start - 24 * HOUR) == {registration.pk: "reminder-24h"}
    assert due(start - 2 * HOUR) == {registration.pk: "reminder-24h"}
    assert due(start - HOUR) == {registration.pk: "reminder-1h"}
    assert due(start - MINUTE) == {registration.pk: "reminder-1h"}
    assert due(start) == {}
    assert due(session.ends_at - MINUTE) == {}


def test_a_sent_reminder_is_not_due_again(session):
    registration = register(session)
    now = session.starts_at - 23 * HOUR
    assert registration_reminder_send(
        registration_id=registration.pk, kind="reminder-24h", now=now
    )
    assert due(now) == {}
    assert due(now + 10 * MINUTE) == {}
    assert due(session.starts_at - 50 * MINUTE) == {registration.pk: "reminder-1h"}


def test_when_both_are_due_only_the_nearer_goes_and_the_farther_never(session):
    registration = register(session)
    start = session.starts_at
    # The beat was down from two days before until 30 minutes before.
    now = start - 30 * MINUTE
    assert due(now) == {registration.pk: "reminder-1h"}
    # A 24-hour one enqueued before the outage is refused when it arrives.
    assert not registration_reminder_send(
        registration_id=registration.pk, kind="reminder-24h", now=now
    )
    assert registration_reminder_send(
        registration_id=registration.pk, kind="reminder-1h", now=now
    )
    assert due(now + 5 * MINUTE) == {}
    kinds = RegistrationNotice.objects.values_list("kind", flat=True)
    assert list(kinds) == ["reminder-1h"]
    assert len(mail.outbox) == 1
    assert "in 30 minutes" in mail.outbox[0].subject


def test_who_registered_after_a_reminders_moment_gets_only_the_nearer(session):
    late = register(session, placed_before=3 * HOUR)
    # A guest who asked two days before but confirmed 3 hours before.
    guest = RegistrationFactory(
        session=session,
        guest_name="Maja Kos",
        guest_email="maja@studio.si",
        confirmation_token="t" * 43,
        created_at=session.starts_at - 48 * HOUR,
        confirmed_at=session.starts_at - 3 * HOUR,
    )
    # Given a place from the waitlist 3 hours before, in line since long before.
    promoted = register(session, promoted_at=session.starts_at - 3 * HOUR)
    on_time = register(session, placed_before=25 * HOUR)

    start = session.starts_at
    assert due(start - 2 * HOUR) == {on_time.pk: "reminder-24h"}
    assert due(start - 59 * MINUTE) == {
        late.pk: "reminder-1h",
        guest.pk: "reminder-1h",
        promoted.pk: "reminder-1h",
        on_time.pk: "reminder-1h",
    }
    # Registered after both moments: no reminder at all.
    register(session, placed_before=30 * MINUTE)
    assert len(due(start - 20 * MINUTE)) == 4


def test_only_places_held_at_live_sessions_get_reminders(events_index):
    _event, (live, cancelled) = build_event(parent=events_index, sessions=2)
    now = live.starts_at - 12 * HOUR
    registered = register(live)
    register(live, status=Status.WAITLISTED)
    register(live, status=Status.CANCELLED, cancelled_at=now - HOUR)
    register(
        live,
        user=None,
        status=Status.PENDING,
        guest_name="Pending Guest",
        guest_email="pending@example.com",
        confirmed_at=None,
    )
    # An erased person's registration stays for the counts, with no address.
    register(live, user=None)
    cancelled.starts_at = live.starts_at
    cancelled.ends_at = live.ends_at
    cancelled.save()
    register(cancelled)
    services.session_cancel(session=cancelled, reason="The venue is closed.")

    assert due(now) == {registered.pk: "reminder-24h"}

    _hidden, (unpublished,) = build_event(
        parent=events_index, starts_in_days=10, live=False
    )
    register(unpublished)
    assert due(now) == {registered.pk: "reminder-24h"}


def test_a_run_sessions_participants_get_them_too(catalogue):
    from courses.factories import build_course
    from events.factories import CourseRunFactory

    course, _lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    run = CourseRunFactory(course=course)
    session = SessionFactory(run=run)
    registration = register(session)
    assert due(session.starts_at - HOUR) == {registration.pk: "reminder-1h"}


def test_selecting_takes_one_query_whatever_the_number(
    events_index, django_assert_num_queries
):
    _event, sessions = build_event(parent=events_index, sessions=10)
    moment = timezone.now() - LONG_BEFORE
    Registration.objects.bulk_create(
        Registration(
            session=sessions[number % 10],
            guest_name=f"Guest {number}",
            guest_email=f"guest{number}@example.com",
            status=Status.REGISTERED,
            language="en",
            created_at=moment,
            confirmed_at=moment,
        )
        for number in range(1000)
    )
    # Every session starts within the day, after the 24-hour moment.
    now = sessions[-1].starts_at - 23 * HOUR
    for session in sessions:
        session.starts_at = now + 20 * HOUR
        session.ends_at = now + 22 * HOUR
    type(sessions[0]).objects.bulk_update(sessions, ["starts_at", "ends_at"])

    with django_assert_num_queries(1):
        selected = list(reminders_due(now=now))
    assert len(selected) == 1000
    assert {registration.reminder_kind for registration in selected} == {"reminder-24h"}


# --- sending --------------------------------------------------------------


@pytest.fixture
def tomorrow(events_index):
    """A session starting in 23 hours and 50 minutes: its 24-hour reminder due."""
    _event, (made,) = build_event(parent=events_index)
    made.starts_at = timezone.now() + 24 * HOUR - 10 * MINUTE
    made.ends_at = made.starts_at + 2 * HOUR
    made.save()
    return made


def test_the_beat_task_twice_sends_each_reminder_once(tomorrow):
    registrations = [register(tomorrow) for _ in range(3)]

    assert reminders_send() == 3
    assert reminders_send() == 0
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        registration.email for registration in registrations
    )
    assert RegistrationNotice.objects.filter(kind="reminder-24h").count() == 3


def test_a_reminder_enqueued_twice_is_sent_once(tomorrow):
    registration = register(tomorrow)
    now = timezone.now()
    for _ in range(2):
        registration_reminder_send(
            registration_id=registration.pk, kind="reminder-24h", now=now
        )
    assert len(mail.outbox) == 1


def test_a_registration_cancelled_before_the_mail_worker_gets_nothing(tomorrow):
    registration = register(tomorrow)
    queued = list(reminders_due())
    Registration.objects.filter(pk=registration.pk).update(status=Status.CANCELLED)
    assert queued
    assert not registration_reminder_send(
        registration_id=registration.pk, kind="reminder-24h"
    )
    assert mail.outbox == []


def test_a_failed_send_leaves_it_for_the_next_run(tomorrow, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    registration = register(tomorrow)

    def refuse(self, messages):
        raise OSError("the mail server is down")

    with monkeypatch.context() as patch:
        patch.setattr(EmailBackend, "send_messages", refuse)
        with pytest.raises(OSError):
            registration_reminder_send(
                registration_id=registration.pk, kind="reminder-24h"
            )
    assert not RegistrationNotice.objects.exists()
    assert reminders_send() == 1
    assert len(mail.outbox) == 1


def test_the_reminder_says_when_where_and_how_to_cancel_in_english(tomorrow):
    tomorrow.room = "Hall 2"
    tomorrow.latitude, tomorrow.longitude = 46.051401, 14.505899
    tomorrow.save()
    registration = register(tomorrow, language="en")
    reminders_send()

    (message,) = mail.outbox
    local = tomorrow.starts_at.astimezone(tomorrow.zone)
    assert message.subject == (
        f"Reminder: “{tomorrow.display_title}” starts in 24 hours"
    )
    body = message.body
    assert f"Hello {registration.person_name}," in body
    assert local.strftime("%H:%M") in body
    assert "Europe/Ljubljana time" in body
    assert "Where: Cukrarna, Hall 2, Poljanski nasip 40, Ljubljana" in body
    assert "https://www.openstreetmap.org/?mlat=46.051401&mlon=14.505899" in body
    assert f"#session-{tomorrow.pk}" in body
    # The day before, there is still time to free the place (deadline 12 h).
    assert "please cancel your registration there by" in body
    assert "{" not in body and "%" not in body


def test_a_reminder_after_the_deadline_says_it_is_too_late_to_cancel_online(
    tomorrow, settings
):
    settings.EVENTS_CANCELLATION_DEADLINE_HOURS = 30
    register(tomorrow, language="en")
    reminders_send()
    (message,) = mail.outbox
    assert "can no longer be cancelled online" in message.body


@pytest.mark.usefixtures("english")
def test_an_online_reminder_in_slovenian_gives_the_meeting_link(tomorrow, settings):
    settings.EVENTS_CANCELLATION_DEADLINE_HOURS = 2
    tomorrow.kind = SessionKind.ONLINE
    tomorrow.meeting_url = "https://meet.example.com/oblikovanje"
    tomorrow.save()
    register(tomorrow, language="sl")
    reminders_send()

    (message,) = mail.outbox
    assert message.subject.startswith("Opomnik: »")
    assert "čez 24 ur" in message.subject
    assert "Pozdravljeni" in message.body
    assert "https://meet.example.com/oblikovanje" in message.body
    assert "openstreetmap" not in message.body
    # Cancelling is still possible: until two hours before.
    assert "tam prekličite prijavo do" in message.body


def test_a_guest_is_given_the_link_to_their_registration(tomorrow, settings):
    settings.EVENTS_CANCELLATION_DEADLINE_HOURS = 2
    register(
        tomorrow,
        user=None,
        guest_name="Maja Kos",
        guest_email="maja@studio.si",
        confirmation_token="g" * 43,
    )
    reminders_send()

    (message,) = mail.outbox
    assert message.to == ["maja@studio.si"]
    assert "Hello Maja Kos," in message.body
    assert "/registration/" + "g" * 43 in message.body or "g" * 43 in message.body


def test_the_beat_schedule_runs_it_every_few_minutes(settings):
    (entry,) = [
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == "events.reminders_send"
    ]
    assert entry["schedule"] <= 5 * 60
