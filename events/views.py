"""Registering for a session, cancelling, and the guests' confirmation page.
Every change goes through events.services; a refusal is shown next to the
session's form on the page, with a 400."""

from allauth.core.internal import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import GuestRegistrationForm
from .models import Registration, Session
from .selectors import session_states, waitlist_position

Status = Registration.Status


def _live_session(session_id: int) -> Session:
    """A session whose page is published (an event page, or a run's course)."""
    session = get_object_or_404(
        Session.objects.select_related("event", "run__course"), pk=session_id
    )
    page = session.page
    if page is None or not page.live:
        raise Http404
    return session


def _session_url(request: HttpRequest, session: Session) -> str:
    return f"{session.page.get_url(request)}#session-{session.pk}"


def _rerender(
    request: HttpRequest, session: Session, message: str, status: int = 400, **context
):
    """The session's page again, with the refusal next to its form (an event
    page; a course page shows it as a message)."""
    if session.event_id is None:
        messages.error(request, message)
        return HttpResponseRedirect(_session_url(request, session))
    response = session.event.serve(
        request, block_errors={f"session-{session.pk}": message}, **context
    )
    if hasattr(response, "render"):
        response.render()
    response.status_code = status
    return response


def _placed_message(registration: Registration) -> str:
    title = registration.session.display_title
    if registration.status == Status.WAITLISTED:
        return _(
            "This session is full: you are number %(position)s on the waitlist for "
            "“%(title)s”. We will e-mail you if a place opens up for you."
        ) % {"position": waitlist_position(registration), "title": title}
    return _("You are registered for “%(title)s”.") % {"title": title}


@login_required
@require_POST
def register(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _live_session(session_id)
    try:
        registration = services.registration_create(
            session=session, user=request.user, language=get_language() or ""
        )
    except ValidationError as error:
        return _rerender(request, session, error.messages[0])
    messages.success(request, _placed_message(registration))
    return HttpResponseRedirect(_session_url(request, session))


@login_required
@require_POST
def cancel(request: HttpRequest, session_id: int) -> HttpResponse:
    """Cancel one's own registration (or leave the waitlist)."""
    session = _live_session(session_id)
    registration = (
        Registration.objects.filter(
            session=session,
            user=request.user,
            status__in=Registration.ACTIVE_STATUSES,
        )
        .order_by("-pk")
        .first()
    )
    if registration is None:
        raise Http404
    was_waitlisted = registration.status == Status.WAITLISTED
    try:
        services.registration_cancel(registration=registration)
    except ValidationError as error:
        return _rerender(request, session, error.messages[0])
    messages.success(
        request,
        _("You have left the waitlist.")
        if was_waitlisted
        else _("Your registration has been cancelled. Thank you for letting us know."),
    )
    return HttpResponseRedirect(_session_url(request, session))


def _guest_limited(request: HttpRequest, email: str) -> bool:
    """allauth's rate limiter (the cache, the client's address as allauth reads
    it), with EVENTS_RATE_LIMITS: per address and per e-mail address."""
    return not ratelimit.consume(
        request,
        app="events",
        action="guest_register",
        config=settings.EVENTS_RATE_LIMITS,
        key=email.strip().lower()[:254],
    )


@require_POST
def guest_register(request: HttpRequest, session_id: int) -> HttpResponse:
    """A person without an account registers for a session of an event open
    to guests: we e-mail them a link to confirm (the same answer whatever the
    address)."""
    session = _live_session(session_id)
    if session.event is None or not session.event.open_to_guests:
        raise Http404
    if request.user.is_authenticated:
        return register(request, session_id)
    form = GuestRegistrationForm(request.POST, session_id=session.pk)
    if _guest_limited(request, request.POST.get("email", "")):
        return _rerender(
            request,
            session,
            _("Too many registrations from here. Wait a few minutes and try again."),
            guest_form=form,
            status=429,
        )
    if form.is_valid():
        try:
            services.guest_registration_create(
                session=session,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                language=get_language() or "",
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                return _rerender(request, session, error.messages[0])
        else:
            messages.success(
                request,
                _(
                    "Almost done: we have e-mailed a link to %(email)s. Open it to "
                    "confirm your registration."
                )
                % {"email": form.cleaned_data["email"]},
            )
            return HttpResponseRedirect(_session_url(request, session))
    return _rerender(
        request,
        session,
        _("Please correct the errors marked below."),
        guest_form=form,
    )


def guest_registration(request: HttpRequest, token: str) -> HttpResponse:
    """The page the guest's e-mail links to: their registration, with *Confirm*
    (a pending one) and *Cancel*. Opening it changes nothing (mail scanners
    open links); the buttons post."""
    registration = services.registration_by_token(token)
    if registration is None or registration.session.event is None:
        raise Http404
    error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "confirm":
                registration = services.guest_registration_confirm(token=token)
                messages.success(request, _placed_message(registration))
            elif action == "cancel":
                was_waitlisted = registration.status == Status.WAITLISTED
                services.registration_cancel(registration=registration)
                messages.success(
                    request,
                    _("You have left the waitlist.")
                    if was_waitlisted
                    else _("Your registration has been cancelled."),
                )
            else:
                raise ValidationError(_("Choose what to do."), code="unknown_action")
        except ValidationError as refusal:
            error = refusal.messages[0]
        else:
            return HttpResponseRedirect(request.path)
    registration.refresh_from_db()
    session = registration.session
    state = session_states(sessions=[session])[0]
    state.registration = registration
    response = TemplateResponse(
        request,
        "events/guest_registration.html",
        {
            "registration": registration,
            "state": state,
            "session": session,
            "event": session.event,
            "position": waitlist_position(registration),
            "error": error,
        },
        status=400 if error else 200,
    )
    # The token is in the address: never pass it on to another site.
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response
