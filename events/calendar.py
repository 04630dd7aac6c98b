"""Calendar entries of sessions (RFC 5545, built with `icalendar`).

Three uses, one builder:

- the `.ics` download of a session (METHOD:PUBLISH), from its event page;
- the e-mails about a change (METHOD:REQUEST) or a cancellation
  (METHOD:CANCEL) of a session, with ORGANIZER and ATTENDEE as RFC 5546 asks,
  so that a calendar app updates the entry it already holds;
- a person's calendar feed (`/calendar/<token>.ics`), which calendar apps
  subscribe to and fetch again on their own.

Every entry of a session has the same UID (`<session.uid>@<site host>`) and the
session's SEQUENCE, which `events.services` grows with each change of time,
place or a cancellation: that is what lets an app replace the old entry rather
than add a second one. Times are written in the session's own time zone with
its VTIMEZONE, so a conference day in Lisbon stays at 9:00 Lisbon time on a
laptop in Ljubljana.

`calendar_build` and `session_entry` read no database (a session passed in is
read for its fields only): the tests are pure.
"""

import datetime
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import parseaddr
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

PRODID = "-//Creative Cities Academy//Events//EN"
# How often a subscribed app should fetch the feed again (apps may wait longer).
FEED_REFRESH = datetime.timedelta(hours=6)
# The VTIMEZONE describes the zone this long before the first entry and after
# the last: enough for every app to place the times, a few lines long.
ZONE_MARGIN = datetime.timedelta(days=366)


class Method(enum.StrEnum):
    PUBLISH = "PUBLISH"
    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


@dataclass(frozen=True)
class Person:
    """An ORGANIZER or an ATTENDEE: a name and an e-mail address."""

    name: str
    email: str


@dataclass(frozen=True)
class CalendarEntry:
    """One session as a VEVENT. `starts_at`/`ends_at` are aware datetimes in
    the session's own zone (a ZoneInfo: its key is the TZID)."""

    uid: str
    sequence: int
    summary: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    url: str = ""
    location: str = ""
    description: str = ""
    cancelled: bool = False
    # On the waitlist: shown as tentative and free time, not as a booking.
    tentative: bool = False


def site_host() -> str:
    """The public site's host name: the right-hand side of every UID."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def organizer() -> Person:
    """The academy as the entries' organiser (its sending address)."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return Person(name=name or "Creative Cities Academy", email=address)


def session_uid(session, host: str | None = None) -> str:
    return f"{session.uid}@{host or site_host()}"


def session_location(session, *, with_meeting_link: bool) -> str:
    """Where: the venue, room, address and city of a session in person; the
    meeting link of an online one only for its registered participants (a
    public download says "Online")."""
    if session.is_online:
        if with_meeting_link and session.meeting_url:
            return session.meeting_url
        return _("Online")
    parts = (
        session.venue_name,
        session.room,
        session.address,
        session.get_city_display() if session.city else "",
    )
    return ", ".join(part.strip() for part in parts if part and part.strip())


def session_entry(
    session,
    *,
    page_url: str,
    with_meeting_link: bool = False,
    waitlisted: bool = False,
    host: str | None = None,
) -> CalendarEntry:
    """The calendar entry of a session, in the active language. `page_url`:
    the absolute address of its page (with the session's anchor);
    `with_meeting_link`: the reader is registered for it (online sessions get
    the meeting link in LOCATION and DESCRIPTION)."""
    with_meeting_link = bool(
        with_meeting_link
        and session.is_online
        and session.meeting_url
        and not session.is_cancelled
    )
    summary = session.display_title
    if waitlisted:
        summary = _("On the waitlist: %(title)s") % {"title": summary}
    lines = []
    if session.is_cancelled:
        lines.append(_("This session is cancelled."))
        if session.cancellation_reason:
            lines.append(session.cancellation_reason)
        lines.append("")
    elif waitlisted:
        lines += [
            _(
                "You are on the waitlist: we will e-mail you if a place opens up "
                "for you."
            ),
            "",
        ]
    if with_meeting_link:
        lines.append(_("Join the meeting: %(url)s") % {"url": session.meeting_url})
    if page_url:
        lines.append(_("Details: %(url)s") % {"url": page_url})
    return CalendarEntry(
        uid=session_uid(session, host),
        sequence=session.sequence,
        summary=summary,
        starts_at=session.local_starts_at,
        ends_at=session.local_ends_at,
        url=page_url,
        location=session_location(session, with_meeting_link=with_meeting_link),
        description="\n".join(lines).strip(),
        cancelled=session.is_cancelled,
        tentative=waitlisted,
    )


def _address(person: Person, **parameters) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{person.email}")
    if person.name:
        address.params["CN"] = person.name
    for key, value in parameters.items():
        address.params[key.replace("_", "-").upper()] = value
    return address


def _event(
    entry: CalendarEntry,
    *,
    method: Method,
    stamp: datetime.datetime,
    organizer: Person | None,
    attendee: Person | None,
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", entry.uid)
    event.add("sequence", entry.sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", entry.starts_at)
    event.add("dtend", entry.ends_at)
    event.add("summary", entry.summary)
    if entry.description:
        event.add("description", entry.description)
    if entry.location:
        event.add("location", entry.location)
    if entry.url:
        event.add("url", entry.url)
    if entry.cancelled or method == Method.CANCEL:
        event.add("status", "CANCELLED")
    elif entry.tentative:
        event.add("status", "TENTATIVE")
    else:
        event.add("status", "CONFIRMED")
    event.add("transp", "TRANSPARENT" if entry.tentative else "OPAQUE")
    if organizer is not None:
        event.add("organizer", _address(organizer))
    if attendee is not None:
        # Registered already: nothing to answer (RSVP=FALSE keeps apps from
        # sending replies to the academy's address).
        parameters = {"role": "REQ-PARTICIPANT", "rsvp": "FALSE"}
        if method == Method.REQUEST:
            parameters["partstat"] = "ACCEPTED"
        event.add("attendee", _address(attendee, **parameters))
    return event


def calendar_build(
    entries: Iterable[CalendarEntry],
    *,
    method: Method = Method.PUBLISH,
    now: datetime.datetime,
    name: str = "",
    organizer: Person | None = None,
    attendee: Person | None = None,
    refresh: datetime.timedelta | None = None,
) -> bytes:
    """A VCALENDAR of `entries` (with a VTIMEZONE for each zone they use), as
    the bytes of an `.ics` file. REQUEST and CANCEL need `organizer` and
    `attendee` (RFC 5546); `name` and `refresh` are for a subscribed feed."""
    entries = list(entries)
    if method != Method.PUBLISH and (organizer is None or attendee is None):
        raise ValueError(f"METHOD:{method} needs an organizer and an attendee.")
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", str(method))
    if name:
        calendar.add("name", name)  # RFC 7986
        calendar.add("x-wr-calname", name)  # what Google, Apple and Outlook read
    if refresh is not None:
        calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", icalendar.vDuration(refresh).to_ical().decode())
    stamp = now.astimezone(datetime.UTC)
    for entry in entries:
        calendar.add_component(
            _event(
                entry,
                method=method,
                stamp=stamp,
                organizer=organizer,
                attendee=attendee,
            )
        )
    if entries:
        calendar.add_missing_timezones(
            first_date=(min(e.starts_at for e in entries) - ZONE_MARGIN).date(),
            last_date=(max(e.ends_at for e in entries) + ZONE_MARGIN).date(),
        )
    return calendar.to_ical()


def ics_filename(session) -> str:
    """`<title>-<date>.ics` in ASCII (any browser, any file system)."""
    from django.utils.text import slugify

    title = slugify(session.display_title)[:60].strip("-") or "session"
    return f"{title}-{session.local_starts_at:%Y-%m-%d}.ics"
