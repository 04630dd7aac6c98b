"""Calendars from the database: the `.ics` of one session for one reader, the
e-mail attachments of a change or a cancellation, and the personal feeds
(their secret token, its reset, the sessions they list). The entries
themselves are built by the pure `events.calendar`."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import calendar
from .models import CalendarFeed, Registration, Session
from .models.calendar import new_calendar_token
from .notices import page_link

Status = Registration.Status
# The feed keeps sessions this long after they ended (recent past), then drops them.
FEED_PAST = datetime.timedelta(days=90)
TOKEN_MAX_LENGTH = 64


def session_url(session: Session) -> str:
    """The session on its public page (absolute, for calendars and e-mails)."""
    return f"{page_link(session.page)}#session-{session.pk}"


def _registrant(registration: Registration) -> calendar.Person:
    return calendar.Person(name=registration.person_name, email=registration.email)


def session_ics(
    session: Session,
    *,
    registration: Registration | None = None,
    now: datetime.datetime | None = None,
) -> bytes:
    """The `.ics` download of a session (METHOD:PUBLISH) in the active
    language: with the meeting link when `registration` holds a place."""
    registered = registration is not None and registration.status == Status.REGISTERED
    entry = calendar.session_entry(
        session,
        page_url=session_url(session),
        with_meeting_link=registered,
        waitlisted=registration is not None
        and registration.status == Status.WAITLISTED,
    )
    return calendar.calendar_build([entry], now=now or timezone.now())


def registration_attachment(
    registration: Registration,
    *,
    method: calendar.Method,
    now: datetime.datetime | None = None,
) -> tuple[str, bytes, str]:
    """The updated (REQUEST) or cancelled (CANCEL) entry of the registration's
    session, as an e-mail attachment (filename, content, mimetype), in the
    active language."""
    session = registration.session
    entry = calendar.session_entry(
        session,
        page_url=session_url(session),
        with_meeting_link=registration.status == Status.REGISTERED,
    )
    content = calendar.calendar_build(
        [entry],
        method=method,
        now=now or timezone.now(),
        organizer=calendar.organizer(),
        attendee=_registrant(registration),
    )
    mimetype = f"text/calendar; charset=utf-8; method={method}"
    return calendar.ics_filename(session), content, mimetype


# --- personal feeds -----------------------------------------------------------


def calendar_feed_get(*, user) -> CalendarFeed:
    """The person's feed, made with a new token the first time it is asked for."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def calendar_feed_reset(*, user, now: datetime.datetime | None = None) -> CalendarFeed:
    """Give the person's feed a new token: the old address answers 404 at once
    (apps subscribed to it stop updating; the person subscribes again)."""
    feed, _created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
    feed.token = new_calendar_token()
    feed.reset_at = now or timezone.now()
    feed.save(update_fields=["token", "reset_at"])
    return feed


def calendar_feed_by_token(token: str) -> CalendarFeed | None:
    """The feed a token opens, for an active account; None for anything else.
    The unique index finds the row; the constant-time comparison confirms it
    (a lookup that a collation or trailing space could bend never counts)."""
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    if feed is None or not secrets.compare_digest(feed.token, token):
        return None
    return feed


def token_key(token: str) -> str:
    """What the rate limiter counts a feed by (not the token itself: the
    cache's keys are not secret)."""
    return hashlib.sha256(token.encode()).hexdigest()[:32]


def feed_registrations(*, user, now: datetime.datetime | None = None) -> list:
    """What a feed lists: the person's registrations and waitlist places for
    sessions to come and those of the last FEED_PAST (cancelled sessions too,
    marked so), soonest first. One query."""
    now = now or timezone.now()
    return list(
        Registration.objects.filter(
            user=user,
            status__in=[Status.REGISTERED, Status.WAITLISTED],
            session__ends_at__gt=now - FEED_PAST,
        )
        .select_related(
            "user", "session__event__locale", "session__run__course__locale"
        )
        .order_by("session__starts_at", "pk")
    )


def feed_ics(feed: CalendarFeed, *, now: datetime.datetime | None = None) -> bytes:
    """The person's feed as an `.ics` (METHOD:PUBLISH, with a refresh
    interval), each entry in the language the person registered in."""
    from django.utils import translation

    now = now or timezone.now()
    entries = []
    registrations = feed_registrations(user=feed.user, now=now)
    for registration in registrations:
        session = registration.session
        with translation.override(registration.language or session.language_code):
            entries.append(
                calendar.session_entry(
                    session,
                    page_url=session_url(session),
                    with_meeting_link=registration.status == Status.REGISTERED,
                    waitlisted=registration.status == Status.WAITLISTED,
                )
            )
    language = registrations[-1].language if registrations else ""
    with translation.override(language or settings.LANGUAGE_CODE):
        name = _("Creative Cities Academy: my sessions")
    return calendar.calendar_build(
        entries, now=now, name=name, refresh=calendar.FEED_REFRESH
    )
