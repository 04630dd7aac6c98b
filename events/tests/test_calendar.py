"""The calendar builder (events.calendar): pure tests, no database. Every
entry is parsed back with icalendar, as a calendar app would read it."""

import datetime
import zoneinfo

import icalendar
import pytest

from events.calendar import (
    Method,
    Person,
    calendar_build,
    ics_filename,
    session_entry,
)
from events.models import Session

NOW = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)
ORGANIZER = Person("Creative Cities Academy", "academy@rcke.si")
ANA = Person("Ana Novak", "ana@example.com")


def make_session(**fields) -> Session:
    """An unsaved session (nothing here touches the database)."""
    values = {
        "title": "Design meets industry",
        "starts_at": datetime.datetime(2027, 4, 2, 7, 0, tzinfo=datetime.UTC),
        "ends_at": datetime.datetime(2027, 4, 2, 9, 30, tzinfo=datetime.UTC),
        "time_zone": "Europe/Ljubljana",
        "kind": "in_person",
        "venue_name": "Gospodarsko razstavišče",
        "room": "Hall B",
        "address": "Dunajska 18",
        "city": "ljubljana",
    }
    values.update(fields)
    return Session(**values)


def parse(content: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(content)


def build(session, *, method=Method.PUBLISH, **entry_options) -> icalendar.Calendar:
    entry = session_entry(
        session,
        page_url="https://academy.test/en/e/#session-1",
        host="academy.test",
        **entry_options,
    )
    extra = (
        {} if method == Method.PUBLISH else {"organizer": ORGANIZER, "attendee": ANA}
    )
    return parse(calendar_build([entry], method=method, now=NOW, **extra))


def test_a_session_in_its_own_time_zone_with_its_vtimezone():
    session = make_session(time_zone="America/New_York")
    calendar = build(session)

    (event,) = calendar.events
    assert event.start == datetime.datetime(
        2027, 4, 2, 3, 0, tzinfo=zoneinfo.ZoneInfo("America/New_York")
    )
    assert event.start.tzinfo.key == "America/New_York"
    assert event.end - event.start == datetime.timedelta(hours=2, minutes=30)
    assert [zone.tz_name for zone in calendar.timezones] == ["America/New_York"]
    assert calendar.get_missing_tzids() == set()
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert event["UID"] == f"{session.uid}@academy.test"
    assert event["SUMMARY"] == "Design meets industry"
    assert event["URL"] == "https://academy.test/en/e/#session-1"
    assert "https://academy.test/en/e/#session-1" in event["DESCRIPTION"]
    assert event["LOCATION"] == (
        "Gospodarsko razstavišče, Hall B, Dunajska 18, Ljubljana"
    )
    assert event["STATUS"] == "CONFIRMED"
    assert event["DTSTAMP"].dt == NOW


def test_the_uid_stays_and_the_sequence_grows_with_a_change():
    session = make_session()
    before = build(session).events[0]
    session.starts_at += datetime.timedelta(hours=1)
    session.ends_at += datetime.timedelta(hours=1)
    session.sequence = 1
    after = build(session, method=Method.REQUEST).events[0]

    assert after["UID"] == before["UID"]
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 1)
    assert after.start - before.start == datetime.timedelta(hours=1)


def test_request_and_cancel_carry_organizer_and_attendee():
    session = make_session(sequence=2)
    request = build(session, method=Method.REQUEST)
    session.cancelled_at = NOW
    session.cancellation_reason = "The venue flooded."
    session.sequence = 3
    cancel = build(session, method=Method.CANCEL)

    assert str(request["METHOD"]) == "REQUEST"
    assert str(cancel["METHOD"]) == "CANCEL"
    for calendar in (request, cancel):
        (event,) = calendar.events
        assert event["ORGANIZER"] == "mailto:academy@rcke.si"
        assert event["ORGANIZER"].params["CN"] == "Creative Cities Academy"
        assert event["ATTENDEE"] == "mailto:ana@example.com"
        assert event["ATTENDEE"].params["RSVP"] == "FALSE"
    assert request.events[0]["STATUS"] == "CONFIRMED"
    assert cancel.events[0]["STATUS"] == "CANCELLED"
    assert cancel.events[0]["SEQUENCE"] == 3
    assert "The venue flooded." in cancel.events[0]["DESCRIPTION"]


def test_request_without_an_attendee_is_refused():
    entry = session_entry(make_session(), page_url="", host="academy.test")
    with pytest.raises(ValueError):
        calendar_build([entry], method=Method.REQUEST, now=NOW, organizer=ORGANIZER)


def test_the_meeting_link_only_for_the_registered():
    session = make_session(
        kind="online", meeting_url="https://meet.example.org/room-42", venue_name=""
    )
    public = build(session).events[0]
    registered = build(session, with_meeting_link=True).events[0]

    assert "meet.example.org" not in public.to_ical().decode()
    assert public["LOCATION"] == "Online"
    assert registered["LOCATION"] == "https://meet.example.org/room-42"
    assert "https://meet.example.org/room-42" in registered["DESCRIPTION"]


def test_a_cancelled_session_hides_its_meeting_link_even_to_the_registered():
    session = make_session(
        kind="online", meeting_url="https://meet.example.org/room-42", cancelled_at=NOW
    )
    event = build(session, with_meeting_link=True).events[0]
    assert "meet.example.org" not in event.to_ical().decode()
    assert event["STATUS"] == "CANCELLED"


def test_a_waitlist_place_is_tentative_and_free_time():
    event = build(make_session(), waitlisted=True).events[0]
    assert event["STATUS"] == "TENTATIVE"
    assert event["TRANSP"] == "TRANSPARENT"
    assert event["SUMMARY"].startswith("On the waitlist")


def test_a_feed_of_several_zones_names_itself_and_its_refresh():
    sessions = [
        make_session(),
        make_session(time_zone="Europe/Lisbon", title="Porto meeting"),
    ]
    entries = [session_entry(s, page_url="", host="academy.test") for s in sessions]
    calendar = parse(
        calendar_build(
            entries,
            now=NOW,
            name="My sessions",
            refresh=datetime.timedelta(hours=6),
        )
    )
    assert {zone.tz_name for zone in calendar.timezones} == {
        "Europe/Ljubljana",
        "Europe/Lisbon",
    }
    assert calendar["X-WR-CALNAME"] == "My sessions"
    assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=6)
    assert calendar["X-PUBLISHED-TTL"] == "PT6H"
    assert len({event["UID"] for event in calendar.events}) == 2


def test_an_empty_feed_is_still_a_calendar():
    calendar = parse(calendar_build([], now=NOW, name="My sessions"))
    assert calendar.events == []
    assert calendar["VERSION"] == "2.0"


def test_hostile_text_stays_inside_its_property():
    session = make_session(
        title="Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:x;,\\", room="A;B,C"
    )
    calendar = build(session)
    (event,) = calendar.events
    # Line breaks are escaped (\n), ; , and \ too: still one event, one UID.
    assert event["SUMMARY"] == "Evil\nEND:VEVENT\nBEGIN:VEVENT\nUID:x;,\\"
    assert "A;B,C" in event["LOCATION"]
    assert event["UID"].endswith("@academy.test")


def test_filename_is_ascii_with_the_local_date():
    session = make_session(title="Oblikovanje čipk: začetek")
    assert ics_filename(session) == "oblikovanje-cipk-zacetek-2027-04-02.ics"
    assert ics_filename(make_session(title="!!!")) == "session-2027-04-02.ics"
