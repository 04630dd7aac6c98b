"""Check-in and attendance pages: the trainer's check-in screen (a rotating QR
code, for a phone or a projector) with the JSON it polls, the participant's
check-in by that code (or by the code said in an online session), and the
trainer's attendance sheet (tick, untick, walk-ins; plain forms that work
without JavaScript). Every change goes through events.attendance."""

import datetime

from allauth.core.internal import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from lms.middleware import validates_text_input

from . import attendance, checkin
from .completion import attendance_count, attendance_sessions_of, attendance_sheet
from .models import Registration, Session

# A participant who scanned while logged out has this long to log in: the code
# is checked against the moment the server saw it.
PENDING_SCAN_LIMIT = datetime.timedelta(minutes=15)
_PENDING_SCAN = "events_pending_check_in"


def _taken_session(request: HttpRequest, session_id: int) -> Session:
    """A session whose attendance the user takes (events.completion); else 404."""
    return get_object_or_404(
        attendance_sessions_of(request.user).select_related("event", "run__course"),
        pk=session_id,
    )


def _check_in_url(request: HttpRequest, session: Session, now) -> str:
    return request.build_absolute_uri(
        reverse("events:check_in", args=[session.pk, checkin.qr_code(session.uid, now)])
    )


def _screen_state(request: HttpRequest, session: Session) -> dict:
    now = timezone.now()
    url = _check_in_url(request, session, now)
    return {
        "url": url,
        "svg": checkin.qr_svg(url, label=_("QR code to check in")),
        "present": attendance_count([session.pk])[session.pk],
        "registered": Registration.objects.filter(
            session=session, status=Registration.Status.REGISTERED
        ).count(),
        "seconds_left": checkin.qr_code_seconds_left(now),
        "spoken_code": checkin.spoken_code(session.uid, now)
        if session.is_online
        else "",
        "open": checkin.is_in_window(session.starts_at, session.ends_at, now)
        and not session.is_cancelled,
    }


@login_required
@never_cache
@require_GET
def check_in_screen(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _taken_session(request, session_id)
    return TemplateResponse(
        request,
        "events/checkin/screen.html",
        {"session": session, **_screen_state(request, session)},
    )


@login_required
@never_cache
@require_GET
def check_in_screen_state(request: HttpRequest, session_id: int) -> HttpResponse:
    """What the screen's script polls: the current QR code and the counts."""
    session = _taken_session(request, session_id)
    state = _screen_state(request, session)
    return JsonResponse(
        {
            key: state[key]
            for key in (
                "svg",
                "url",
                "present",
                "registered",
                "seconds_left",
                "spoken_code",
                "open",
            )
        }
    )


def _result(
    request: HttpRequest,
    session: Session,
    *,
    error: str = "",
    created: bool = False,
) -> HttpResponse:
    response = TemplateResponse(
        request,
        "events/checkin/result.html",
        {"session": session, "error": error, "created": created},
        status=400 if error else 200,
    )
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _scanned_at(request: HttpRequest, session: Session, code: str):
    """When the server first saw this code for this session in this browser,
    before the log-in (None: not pending, or too long ago)."""
    pending = request.session.get(_PENDING_SCAN)
    if not isinstance(pending, dict):
        return None
    if pending.get("session") != session.pk or pending.get("code") != code:
        return None
    try:
        seen = datetime.datetime.fromisoformat(pending.get("at", ""))
    except (TypeError, ValueError):
        return None
    if seen.tzinfo is None or not (
        timezone.now() - PENDING_SCAN_LIMIT <= seen <= timezone.now()
    ):
        return None
    return seen


@never_cache
@require_GET
def check_in(request: HttpRequest, session_id: int, code: str) -> HttpResponse:
    """The URL in the QR code. Signed in and registered: checked in (again:
    nothing changes). Logged out: the moment of the scan is remembered in the
    browser's session, then the log-in, then back here."""
    session = get_object_or_404(
        Session.objects.select_related("event", "run"), pk=session_id
    )
    if not request.user.is_authenticated:
        if checkin.qr_code_is_valid(session.uid, code, timezone.now()):
            request.session[_PENDING_SCAN] = {
                "session": session.pk,
                "code": code,
                "at": timezone.now().isoformat(),
            }
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    scanned_at = _scanned_at(request, session, code)
    try:
        _attendance, created = attendance.check_in(
            session=session, user=request.user, code=code, scanned_at=scanned_at
        )
    except ValidationError as refusal:
        return _result(request, session, error=refusal.messages[0])
    request.session.pop(_PENDING_SCAN, None)
    return _result(request, session, created=created)


@login_required
@require_POST
@validates_text_input
def attend_online(request: HttpRequest, session_id: int) -> HttpResponse:
    """A participant of an online session types the code the trainer said."""
    session = get_object_or_404(
        Session.objects.select_related("event", "run"), pk=session_id
    )
    # Six digits are a million guesses: a few tries a minute per person and
    # session (allauth's limiter, EVENTS_RATE_LIMITS) keep guessing hopeless.
    if not ratelimit.consume(
        request,
        app="events",
        action="online_code",
        config=settings.EVENTS_RATE_LIMITS,
        key=f"{request.user.pk}:{session.pk}",
    ):
        return _result(
            request,
            session,
            error=_(
                "Too many tries. Wait a minute, then type the code the trainer "
                "says in the session."
            ),
        )
    try:
        _attendance, created = attendance.online_code_declare(
            session=session, user=request.user, code=request.POST.get("code", "")
        )
    except ValidationError as refusal:
        return _result(request, session, error=refusal.messages[0])
    return _result(request, session, created=created)


def _posted_id(request: HttpRequest, name: str) -> int | None:
    value = request.POST.get(name, "")
    if not value.isascii() or not value.isdigit() or len(value) > 12:
        return None
    return int(value)


def _sheet_change(request: HttpRequest, session: Session) -> str:
    """Apply the sheet's POST; returns the message to show (raises
    ValidationError for a refusal)."""
    action = request.POST.get("action", "")
    if action in ("tick", "untick"):
        registration_id = _posted_id(request, "registration")
        registration = (
            Registration.objects.filter(pk=registration_id, session=session)
            .select_related("user")
            .first()
            if registration_id is not None
            else None
        )
        if registration is None:
            raise ValidationError(
                _("This person is not registered for this session."),
                code="not_registered",
            )
        name = registration.person_name
        if action == "tick":
            attendance.attendance_mark(
                session=session, registration=registration, by=request.user
            )
            return _("%(name)s is marked present.") % {"name": name}
        attendance.attendance_unmark(session=session, registration=registration)
        return _("%(name)s is no longer marked present.") % {"name": name}
    if action == "walk_in":
        added = attendance.walk_in_add(
            session=session, name=request.POST.get("name", ""), by=request.user
        )
        return _("%(name)s is added as a walk-in.") % {"name": added.walk_in_name}
    if action == "remove_walk_in":
        attendance_id = _posted_id(request, "attendance")
        if attendance_id is None or not attendance.walk_in_remove(
            session=session, attendance_id=attendance_id
        ):
            raise ValidationError(_("This walk-in is not on the sheet."), code="gone")
        return _("The walk-in is removed.")
    raise ValidationError(_("Choose what to do."), code="unknown_action")


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@validates_text_input
def sheet(request: HttpRequest, session_id: int) -> HttpResponse:
    """The attendance sheet: the registered participants with a tick or
    untick button each, the walk-ins, and a form to add one by name."""
    session = _taken_session(request, session_id)
    error, name_error = "", ""
    if request.method == "POST":
        try:
            message = _sheet_change(request, session)
        except ValidationError as refusal:
            if hasattr(refusal, "error_dict"):
                name_error = refusal.message_dict.get("name", [""])[0]
            else:
                error = refusal.messages[0]
        else:
            messages.success(request, message)
            return HttpResponseRedirect(request.path)
    registrations, walk_ins = attendance_sheet(session=session)
    present = sum(1 for r in registrations if r.attendance) + len(walk_ins)
    return TemplateResponse(
        request,
        "events/checkin/sheet.html",
        {
            "session": session,
            "registrations": registrations,
            "walk_ins": walk_ins,
            "present": present,
            "error": error,
            "name_error": name_error,
            "walk_in_name": request.POST.get("name", "")[:150]
            if request.method == "POST"
            else "",
        },
        status=400 if error or name_error else 200,
    )
