import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from events import services
from events.factories import build_event, in_days
from events.models import Registration, RegistrationNotice, Session
from events.selectors import waitlist_position
from events.signals import session_changed

pytestmark = pytest.mark.django_db

Status = Registration.Status


def register_all(session, users, **kwargs):
    return [
        services.registration_create(session=session, user=user, **kwargs)
        for user in users
    ]


def test_places_then_the_waitlist_in_arrival_order(events_index, people):
    _event, (session,) = build_event(parent=events_index, capacity=2)
    registrations = register_all(session, people(5))

    assert [r.status for r in registrations] == [
        Status.REGISTERED,
        Status.REGISTERED,
        Status.WAITLISTED,
        Status.WAITLISTED,
        Status.WAITLISTED,
    ]
    assert [waitlist_position(r) for r in registrations] == [None, None, 1, 2, 3]


def test_a_second_registration_is_refused(events_index, learner):
    _event, (session,) = build_event(parent=events_index, capacity=1)
    services.registration_create(session=session, user=learner)
    with pytest.raises(ValidationError, match="already registered") as refusal:
        services.registration_create(session=session, user=learner)
    assert refusal.value.code == "registered"
    assert Registration.objects.filter(session=session).count() == 1


def test_no_capacity_means_no_limit(events_index, people):
    _event, (session,) = build_event(parent=events_index, capacity=None)
    statuses = {r.status for r in register_all(session, people(4))}
    assert statuses == {Status.REGISTERED}


def test_a_session_without_a_capacity_takes_its_runs(catalogue, people):
    from courses import services as course_services
    from courses.factories import build_course
    from events.factories import CourseRunFactory, SessionFactory

    course, _lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    run = CourseRunFactory(course=course, capacity=2)
    session = SessionFactory(run=run)
    assert session.effective_capacity == 2
    participants = people(2)
    for person in participants:
        course_services.enrolment_create(user=person, course=course, option=str(run.pk))
    first, second = register_all(session, participants)
    assert (first.status, second.status) == (Status.REGISTERED, Status.REGISTERED)


def test_leaving_the_course_gives_the_runs_session_places_to_the_waitlist(
    catalogue, people, django_capture_on_commit_callbacks
):
    from courses import services as course_services
    from courses.factories import build_course
    from events.factories import CourseRunFactory, SessionFactory

    course, _lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    run = CourseRunFactory(course=course)
    session, later = SessionFactory(run=run, capacity=1), SessionFactory(run=run)
    leaver, waiting = people(2)
    enrolments = [
        course_services.enrolment_create(user=person, course=course, option=str(run.pk))
        for person in (leaver, waiting)
    ]
    held, line = register_all(session, [leaver, waiting])
    (other,) = register_all(later, [leaver])
    assert line.status == Status.WAITLISTED
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrolment_withdraw(enrolment=enrolments[0])

    for registration in (held, line, other):
        registration.refresh_from_db()
    assert held.status == other.status == Status.CANCELLED
    assert line.status == Status.REGISTERED and line.promoted_at is not None
    assert [message.to for message in mail.outbox] == [[waiting.email]]


def test_cancelling_promotes_the_first_in_line_and_emails_them_once(
    events_index, people, django_capture_on_commit_callbacks
):
    _event, (session,) = build_event(parent=events_index, capacity=1)
    holder, first, second = register_all(session, people(3))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=holder)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.REGISTERED and first.promoted_at is not None
    assert second.status == Status.WAITLISTED
    assert waitlist_position(second) == 1
    (message,) = mail.outbox
    assert message.to == [first.user.email]
    assert "place" in message.subject.lower()
    # The task again (a redelivery): nothing more.
    from events.tasks import registration_promoted_notify

    assert registration_promoted_notify(first.pk) is False
    assert len(mail.outbox) == 1
    assert RegistrationNotice.objects.filter(registration=first).count() == 1


def test_leaving_the_waitlist_moves_nobody(events_index, people):
    _event, (session,) = build_event(parent=events_index, capacity=1)
    holder, first, second = register_all(session, people(3))
    services.registration_cancel(registration=first)
    holder.refresh_from_db()
    second.refresh_from_db()
    assert holder.status == Status.REGISTERED
    assert second.status == Status.WAITLISTED and waitlist_position(second) == 1


def test_a_raised_capacity_promotes_in_order(
    events_index, people, django_capture_on_commit_callbacks
):
    _event, (session,) = build_event(parent=events_index, capacity=1)
    _holder, *waiting = register_all(session, people(4))
    mail.outbox.clear()

    session.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        services.session_save(session=session)

    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [Status.REGISTERED, Status.REGISTERED, Status.WAITLISTED]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        r.user.email for r in waiting[:2]
    )


def test_waitlist_promote_fills_free_places(events_index, people):
    _event, (session,) = build_event(parent=events_index, capacity=1)
    _holder, waiting = register_all(session, people(2))
    Session.objects.filter(pk=session.pk).update(capacity=2)  # outside the services

    (promoted,) = services.waitlist_promote(session=session)

    assert promoted.pk == waiting.pk
    assert services.waitlist_promote(session=session) == []


def test_cancelling_closes_at_the_deadline(events_index, learner, settings):
    settings.EVENTS_CANCELLATION_DEADLINE_HOURS = 24
    _event, (session,) = build_event(parent=events_index, capacity=5)
    registration = services.registration_create(session=session, user=learner)
    late = session.starts_at - datetime.timedelta(hours=23)

    with pytest.raises(ValidationError, match="24 hours before") as refusal:
        services.registration_cancel(registration=registration, now=late)

    assert refusal.value.code == "deadline"
    registration.refresh_from_db()
    assert registration.status == Status.REGISTERED
    early = session.starts_at - datetime.timedelta(hours=25)
    assert services.registration_cancel(
        registration=registration, now=early
    ).status == (Status.CANCELLED)


def test_the_waitlist_can_be_left_after_the_deadline(events_index, people):
    _event, (session,) = build_event(parent=events_index, capacity=1)
    _holder, waiting = register_all(session, people(2))
    late = session.starts_at - datetime.timedelta(hours=1)
    assert services.registration_cancel(registration=waiting, now=late).status == (
        Status.CANCELLED
    )


def test_a_session_in_the_past_refuses_registration(events_index, learner):
    _event, (session,) = build_event(parent=events_index, starts_in_days=-3)
    with pytest.raises(ValidationError, match="already taken place") as refusal:
        services.registration_create(session=session, user=learner)
    assert refusal.value.code == "past"
    assert not Registration.objects.filter(session=session).exists()


def test_an_unpublished_event_refuses_registration(events_index, learner):
    event, (session,) = build_event(parent=events_index)
    event.unpublish()
    with pytest.raises(ValidationError) as refusal:
        services.registration_create(session=session, user=learner)
    assert refusal.value.code == "not_live"


def test_registering_again_after_cancelling_goes_to_the_end_of_the_line(
    events_index, people
):
    _event, (session,) = build_event(parent=events_index, capacity=1)
    holder, first, second = register_all(session, people(3))
    services.registration_cancel(registration=second)
    again = services.registration_create(session=session, user=second.user)
    services.registration_create(session=session, user=people(1)[0])
    assert waitlist_position(again) == 2
    assert Registration.objects.filter(user=second.user, session=session).count() == 2


def test_guest_registration_holds_nothing_until_confirmed(
    events_index, people, django_capture_on_commit_callbacks
):
    _event, (session,) = build_event(
        parent=events_index, capacity=1, open_to_guests=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        guest = services.guest_registration_create(
            session=session, name=" Mira Kos ", email="Mira@Example.org", language="sl"
        )
    assert (guest.status, guest.guest_name, guest.guest_email) == (
        Status.PENDING,
        "Mira Kos",
        "mira@example.org",
    )
    (message,) = mail.outbox
    assert message.to == ["mira@example.org"]
    assert f"/sl/events/registrations/{guest.confirmation_token}/" in message.body
    # A participant who registers meanwhile takes the one place.
    (member,) = register_all(session, people(1))
    assert member.status == Status.REGISTERED

    confirmed = services.guest_registration_confirm(token=guest.confirmation_token)

    assert confirmed.status == Status.WAITLISTED and confirmed.confirmed_at
    assert waitlist_position(confirmed) == 1
    # Confirming again changes nothing.
    again = services.guest_registration_confirm(token=guest.confirmation_token)
    assert again.status == Status.WAITLISTED


def test_asking_again_sends_the_link_again_and_makes_no_second_registration(
    events_index, django_capture_on_commit_callbacks
):
    _event, (session,) = build_event(parent=events_index, open_to_guests=True)
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            services.guest_registration_create(
                session=session, name="Mira", email="mira@example.org"
            )
    assert Registration.objects.filter(session=session).count() == 1
    assert len(mail.outbox) == 2


def test_guests_only_where_the_event_is_open_to_them(events_index):
    _event, (session,) = build_event(parent=events_index, open_to_guests=False)
    with pytest.raises(ValidationError) as refusal:
        services.guest_registration_create(
            session=session, name="Mira", email="mira@example.org"
        )
    assert refusal.value.code == "no_guests"


@pytest.mark.parametrize(
    ("name", "email", "field"),
    [
        ("", "mira@example.org", "name"),
        ("Mira\x07", "mira@example.org", "name"),
        ("M" * 151, "mira@example.org", "name"),
        ("Mira", "not an address", "email"),
        ("Mira", "a@" + "b" * 260 + ".org", "email"),
    ],
)
def test_guest_fields_are_checked(events_index, name, email, field):
    _event, (session,) = build_event(parent=events_index, open_to_guests=True)
    with pytest.raises(ValidationError) as refusal:
        services.guest_registration_create(session=session, name=name, email=email)
    assert field in refusal.value.message_dict
    assert not Registration.objects.filter(session=session).exists()


def test_an_unknown_token_is_refused():
    with pytest.raises(ValidationError):
        services.guest_registration_confirm(token="nope")
    with pytest.raises(ValidationError):
        services.guest_registration_confirm(token="")


def test_cancelling_a_session_emails_everyone_registered_once(
    events_index, people, django_capture_on_commit_callbacks
):
    _event, (session,) = build_event(parent=events_index, capacity=1)
    holder, waiting = register_all(session, people(2))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.session_cancel(
            session=session, reason="The venue flooded."
        )

    assert cancelled.cancelled_at and cancelled.sequence == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [holder.user.email, waiting.user.email]
    )
    assert all("The venue flooded." in m.body for m in mail.outbox)
    from events.tasks import session_cancelled_notify

    assert session_cancelled_notify(session.pk) == 0
    assert len(mail.outbox) == 2
    with pytest.raises(ValidationError) as refusal:
        services.registration_create(session=session, user=people(1)[0])
    assert refusal.value.code == "session_cancelled"


@pytest.mark.parametrize("reason", ["", "   ", "x" * 1001, "Closed\x00"])
def test_cancelling_a_session_needs_a_reason(events_index, reason):
    _event, (session,) = build_event(parent=events_index)
    with pytest.raises(ValidationError) as refusal:
        services.session_cancel(session=session, reason=reason)
    assert "reason" in refusal.value.message_dict
    session.refresh_from_db()
    assert session.cancelled_at is None


def test_a_change_of_time_or_place_grows_the_sequence(events_index):
    _event, (session,) = build_event(parent=events_index)
    received = []

    def listener(sender, session, changed, **kwargs):
        received.append(changed)

    session_changed.connect(listener)
    try:
        session.title = "New title"
        services.session_save(session=session)
        assert session.sequence == 0  # not a change of time or place
        session.room = "Hall B"
        session.starts_at += datetime.timedelta(hours=1)
        session.ends_at += datetime.timedelta(hours=1)
        services.session_save(session=session)
    finally:
        session_changed.disconnect(listener)

    session.refresh_from_db()
    assert session.sequence == 1
    assert received == [["starts_at", "ends_at", "room"]]


def assert_refused(session, field):
    with pytest.raises(ValidationError) as refusal:
        services.session_save(session=session)
    assert field in refusal.value.message_dict, refusal.value.message_dict
    return refusal.value.message_dict[field][0]


def test_a_session_must_end_after_it_starts(events_index):
    event, _sessions = build_event(parent=events_index, sessions=0)
    session = Session(event=event, starts_at=in_days(3), ends_at=in_days(3))
    assert "end after it starts" in assert_refused(session, "ends_at")
    assert not Session.objects.filter(event=event).exists()


def test_a_meeting_link_must_be_https(events_index):
    _event, (session,) = build_event(parent=events_index)
    session.kind = "online"
    session.meeting_url = "http://meet.example.org/room"
    assert "https://" in assert_refused(session, "meeting_url")


def test_the_time_zone_must_exist(events_index):
    _event, (session,) = build_event(parent=events_index)
    session.time_zone = "Europe/Atlantis"
    assert "not a time zone" in assert_refused(session, "time_zone")


def test_capacity_cannot_go_below_the_registered(events_index, people):
    _event, (session,) = build_event(parent=events_index, capacity=3)
    register_all(session, people(2))
    session.capacity = 1
    assert "2 people are registered" in assert_refused(session, "capacity")


def test_sessions_of_a_run_may_not_overlap(catalogue):
    from courses.factories import build_course
    from events.factories import CourseRunFactory, SessionFactory

    course, _lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    run = CourseRunFactory(course=course)
    first = SessionFactory(run=run)
    second = Session(
        run=run,
        starts_at=first.starts_at + datetime.timedelta(hours=1),
        ends_at=first.ends_at + datetime.timedelta(hours=1),
    )
    assert "overlaps" in assert_refused(second, "starts_at")
    # Back to back is fine; so is an overlap with a cancelled session.
    second.starts_at, second.ends_at = (
        first.ends_at,
        first.ends_at + (datetime.timedelta(hours=1)),
    )
    services.session_save(session=second)
    services.session_cancel(session=first, reason="Moved")
    third = Session(run=run, starts_at=first.starts_at, ends_at=first.ends_at)
    services.session_save(session=third)


def test_a_session_belongs_to_something(events_index):
    session = Session(starts_at=in_days(3), ends_at=in_days(3) + datetime.timedelta(1))
    assert "course run or the event" in assert_refused(session, "run")


def test_times_are_kept_as_aware_moments(events_index):
    _event, (session,) = build_event(parent=events_index)
    session.time_zone = "America/New_York"
    services.session_save(session=session)
    session.refresh_from_db()
    assert timezone.is_aware(session.starts_at)
    assert session.local_starts_at.utcoffset() != datetime.timedelta(hours=1)


def test_e_mails_print_names_and_titles_as_typed(
    events_index, django_capture_on_commit_callbacks
):
    """Plain-text e-mails: no HTML escaping of an apostrophe, an ampersand or
    quotes (every template of events/email is rendered with autoescape off)."""
    from accounts.factories import UserFactory

    _event, (session,) = build_event(
        parent=events_index, capacity=1, title='Design & "industry"'
    )
    holder = UserFactory()
    waiting = UserFactory(full_name="Siobhán O'Brien")
    held, line = register_all(session, [holder, waiting])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=held)
    (message,) = mail.outbox
    for text in (message.subject, message.body):
        assert "&amp;" not in text and "&quot;" not in text and "&#x27;" not in text
    assert 'Design & "industry"' in message.subject
    assert "Siobhán O'Brien" in message.body
