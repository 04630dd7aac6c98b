"""Calendars: a session's `.ics` download, the personal feed that calendar apps
fetch with its secret token (no log-in: apps cannot log in), and the page
where a participant copies their feed's address or resets it."""

from allauth.core.internal import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.mail import public_url

from . import calendar, feeds
from .models import Registration
from .views import _live_session

Status = Registration.Status
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar_response(content: bytes, filename: str, *, attachment: bool):
    response = HttpResponse(content, content_type=CALENDAR_CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def session_ics(request: HttpRequest, session_id: int) -> HttpResponse:
    """A session's `.ics`: public for an event's session (with the meeting
    link for a registered reader); a run's session only for its registered
    or waitlisted participants (404 for anyone else, as if it did not exist)."""
    session = _live_session(session_id)
    registration = None
    if request.user.is_authenticated:
        registration = (
            Registration.objects.filter(
                session=session,
                user=request.user,
                status__in=[Status.REGISTERED, Status.WAITLISTED],
            )
            .order_by("-pk")
            .first()
        )
    if session.event_id is None and registration is None:
        raise Http404
    response = _calendar_response(
        feeds.session_ics(session, registration=registration),
        calendar.ics_filename(session),
        attachment=True,
    )
    # Someone's meeting link may be inside: no shared cache keeps it.
    response["Cache-Control"] = "private, no-cache" if registration else "no-cache"
    return response


def _limited(request: HttpRequest, action: str, key: str | None = None) -> bool:
    return not ratelimit.consume(
        request,
        app="events",
        action=action,
        config=settings.EVENTS_CALENDAR_RATE_LIMITS,
        key=key,
        limit_get=True,
    )


def _feed_refused(status: int) -> HttpResponse:
    # The same short answer for every refusal: it tells nothing of the token.
    return HttpResponse("", status=status, content_type="text/plain; charset=utf-8")


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The personal feed (`/calendar/<token>.ics`): the sessions of the
    person whose token it is. A wrong or reset token is a 404 (the same for
    every wrong token); limited per feed and, for wrong tokens, per address."""
    feed = feeds.calendar_feed_by_token(token)
    if feed is None:
        if _limited(request, "feed_miss"):
            return _feed_refused(429)
        raise Http404
    if _limited(request, "feed", key=feeds.token_key(token)):
        return _feed_refused(429)
    response = _calendar_response(
        feeds.feed_ics(feed), "creative-cities-academy.ics", attachment=False
    )
    # The address is the secret: never pass it on, never keep it in a shared
    # cache, never index it.
    response["Cache-Control"] = "private, no-cache"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def feed_url(feed) -> str:
    return public_url(reverse("calendar_feed", args=[feed.token]))


@login_required
@require_GET
def my_calendar(request: HttpRequest) -> HttpResponse:
    """*My calendar feed*: the address to copy into a calendar app, how to do
    it in Google, Apple and Outlook, and *Reset the link*."""
    feed = feeds.calendar_feed_get(user=request.user)
    url = feed_url(feed)
    response = TemplateResponse(
        request,
        "events/my_calendar.html",
        {
            "feed": feed,
            "feed_url": url,
            "webcal_url": "webcal://" + url.split("://", 1)[1],
        },
    )
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_POST
def my_calendar_reset(request: HttpRequest) -> HttpResponse:
    feeds.calendar_feed_reset(user=request.user)
    messages.success(
        request,
        _(
            "Your calendar feed has a new address. The old one no longer works: "
            "add the new one to your calendar app."
        ),
    )
    return HttpResponseRedirect(reverse("events:my_calendar"))
