"""Calendars with the database: the `.ics` download, the personal feed and its
reset, the e-mails about a change or a cancellation with their entries, and
the feed in the personal-data export and erasure."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory
from events import feeds, services
from events.factories import (
    CourseRunFactory,
    RegistrationFactory,
    SessionFactory,
    build_event,
    in_days,
)
from events.models import CalendarFeed, Registration
from events.privacy import EventsProvider

pytestmark = pytest.mark.django_db

Status = Registration.Status
MEETING = "https://meet.example.org/room-42"


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def online(events_index):
    event, (session,) = build_event(parent=events_index, title="Pricing online")
    session.kind, session.meeting_url, session.venue_name = "online", MEETING, ""
    session.save()
    return session


def test_an_event_sessions_ics_is_public_without_the_meeting_link(client, online):
    response = client.get(reverse("events:session_ics", args=[online.pk]))

    calendar = parse(response)
    (event,) = calendar.events
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert event["UID"] == f"{online.uid}@testserver"
    assert event.start.tzinfo.key == "Europe/Ljubljana"
    assert MEETING.encode() not in response.content
    assert response["Content-Disposition"] == (
        f'attachment; filename="pricing-online-{online.local_starts_at:%Y-%m-%d}.ics"'
    )


def test_the_registered_get_the_meeting_link_in_their_ics(client, online, learner):
    services.registration_create(session=online, user=learner)
    client.force_login(learner)
    response = client.get(reverse("events:session_ics", args=[online.pk]))
    assert parse(response).events[0]["LOCATION"] == MEETING
    assert "private" in response["Cache-Control"]


def test_a_run_sessions_ics_is_only_for_its_participants(client, learner):
    from courses.models import CoursePage

    course = CoursePage.objects.live().filter(locale__language_code="en").first()
    run = CourseRunFactory(course=course)
    session = SessionFactory(run=run)
    url = reverse("events:session_ics", args=[session.pk])

    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    RegistrationFactory(session=session, user=learner)
    client.force_login(learner)
    assert parse(client.get(url)).events[0]["UID"] == f"{session.uid}@testserver"


def test_the_event_page_links_the_ics(client, events_index):
    event, (session,) = build_event(parent=events_index)
    response = client.get(event.url)
    assert reverse("events:session_ics", args=[session.pk]) in response.text
    assert "Add to calendar (.ics)" in response.text


# --- the personal feed ----------------------------------------------------------


def test_the_feed_lists_my_sessions_and_nobody_elses(client, events_index, learner):
    _e, (mine, waiting, theirs, old, ancient) = build_event(
        parent=events_index, sessions=5
    )
    old.starts_at, old.ends_at = in_days(-30), in_days(-30) + datetime.timedelta(1)
    ancient.starts_at = in_days(-200)
    ancient.ends_at = ancient.starts_at + datetime.timedelta(hours=2)
    for session in (old, ancient):
        session.save()
    RegistrationFactory(session=mine, user=learner)
    RegistrationFactory(session=waiting, user=learner, status=Status.WAITLISTED)
    RegistrationFactory(session=old, user=learner)
    RegistrationFactory(session=ancient, user=learner)
    RegistrationFactory(session=theirs, user=UserFactory())
    feed = feeds.calendar_feed_get(user=learner)

    response = client.get(f"/calendar/{feed.token}.ics")

    calendar = parse(response)
    uids = [event["UID"] for event in calendar.events]
    assert uids == [f"{s.uid}@testserver" for s in (old, mine, waiting)]
    assert calendar.events[2]["STATUS"] == "TENTATIVE"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    "token", ["wrong", "x" * 43, "x" * 65, "%00", "..%2F..%2Fetc", "' OR 1=1 --"]
)
def test_a_wrong_token_is_a_plain_404(client, learner, token):
    feeds.calendar_feed_get(user=learner)
    response = client.get(f"/calendar/{token}.ics")
    # A NUL is refused before any view (400); everything else is not found.
    assert response.status_code == (400 if token == "%00" else 404)
    assert b"BEGIN:VCALENDAR" not in response.content


def test_reset_gives_a_new_address_and_the_old_one_stops(client, learner):
    old = feeds.calendar_feed_get(user=learner).token
    client.force_login(learner)
    page = client.get(reverse("events:my_calendar"))
    assert f"/calendar/{old}.ics" in page.text
    assert page["Cache-Control"] == "private, no-store"

    assert client.get(reverse("events:my_calendar_reset")).status_code == 405
    response = client.post(reverse("events:my_calendar_reset"), follow=True)

    new = CalendarFeed.objects.get(user=learner).token
    assert new != old and f"/calendar/{new}.ics" in response.text
    client.logout()
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200


def test_the_feed_page_needs_a_login_and_shows_only_mine(client, learner):
    url = reverse("events:my_calendar")
    assert client.get(url).status_code == 302
    other = feeds.calendar_feed_get(user=UserFactory()).token
    client.force_login(learner)
    assert other not in client.get(url).text


def test_an_inactive_account_has_no_feed(client, learner):
    token = feeds.calendar_feed_get(user=learner).token
    learner.is_active = False
    learner.save()
    assert client.get(f"/calendar/{token}.ics").status_code == 404


def test_the_feed_is_rate_limited_per_feed(client, learner, settings):
    settings.EVENTS_CALENDAR_RATE_LIMITS = {"feed": "2/m/key", "feed_miss": "2/m/ip"}
    token = feeds.calendar_feed_get(user=learner).token
    statuses = [client.get(f"/calendar/{token}.ics").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    misses = [client.get("/calendar/nope.ics").status_code for _ in range(3)]
    assert misses == [404, 404, 429]


# --- e-mails with the updated entry ----------------------------------------------


def attachment(message) -> icalendar.Calendar:
    ((filename, content, mimetype),) = message.attachments
    assert filename.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    return icalendar.Calendar.from_ical(content)


def test_a_change_emails_the_registered_a_request_once_per_sequence(
    events_index, django_capture_on_commit_callbacks
):
    _e, (session,) = build_event(parent=events_index, capacity=1)
    ana, bojan = UserFactory(full_name="Ana"), UserFactory(full_name="Bojan")
    services.registration_create(session=session, user=ana, language="en")
    services.registration_create(session=session, user=bojan, language="sl")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        session.room = "Hall B"
        session.starts_at += datetime.timedelta(hours=1)
        session.ends_at += datetime.timedelta(hours=1)
        services.session_save(session=session)

    (message,) = mail.outbox  # the waitlisted hold no place: no entry for them
    assert message.to == [ana.email]
    assert message.subject == f"Changed: “{session.display_title}”"
    assert "Hall B" in message.body
    calendar = attachment(message)
    assert str(calendar["METHOD"]) == "REQUEST"
    (event,) = calendar.events
    assert (event["UID"], event["SEQUENCE"]) == (f"{session.uid}@testserver", 1)
    assert event["ATTENDEE"] == f"mailto:{ana.email}"
    assert event.start == session.starts_at

    from events.tasks import session_changed_notify

    assert session_changed_notify(session.pk, 1) == 0  # once per sequence
    assert session_changed_notify(session.pk, 0) == 0  # an older one: nothing
    assert len(mail.outbox) == 1


def test_the_change_email_in_slovenian(
    events_index, django_capture_on_commit_callbacks
):
    _e, (session,) = build_event(parent=events_index)
    services.registration_create(session=session, user=UserFactory(), language="sl")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        session.venue_name = "Kino Šiška"
        services.session_save(session=session)

    (message,) = mail.outbox
    assert message.subject.startswith("Sprememba")
    assert "Kino Šiška" in message.body
    event = attachment(message).events[0]
    assert "Podrobnosti" in event["DESCRIPTION"]


def test_a_cancellation_email_carries_the_cancel_entry(
    events_index, people, django_capture_on_commit_callbacks
):
    _e, (session,) = build_event(parent=events_index)
    (person,) = people(1)
    services.registration_create(session=session, user=person)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=session, reason="The venue flooded.")

    (message,) = mail.outbox
    calendar = attachment(message)
    assert str(calendar["METHOD"]) == "CANCEL"
    (event,) = calendar.events
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 1
    assert event["ORGANIZER"].startswith("mailto:")


# --- privacy -------------------------------------------------------------------


def test_the_export_says_a_feed_exists_but_not_its_token(learner):
    with translation.override("en"):
        assert EventsProvider().export(learner)["calendar_feed"] is None
        feed = feeds.calendar_feed_get(user=learner)
        exported = EventsProvider().export(learner)["calendar_feed"]
    assert exported["created_at"] == feed.created_at.isoformat()
    assert feed.token not in str(exported)


def test_erasure_deletes_the_feed(client, learner):
    token = feeds.calendar_feed_get(user=learner).token
    EventsProvider().erase(learner)
    assert not CalendarFeed.objects.filter(user=learner).exists()
    assert client.get(f"/calendar/{token}.ics").status_code == 404
