"""Everything that changes a registration or a session. Each function is one
transaction, validates before it writes (ValidationError with a message meant
for the person, or a dict of them by field for forms), takes the moment as
`now` (None: now) and locks the session's row first, so that places are
counted right under concurrent requests (PostgreSQL row lock; SQLite's write
lock does the same) and two services never wait on each other crosswise.

The place rule: a session holds `Session.effective_capacity` registered
participants (its own capacity, else its run's, else no limit); beyond that
people join the waitlist, and every place that frees up (a cancellation, a
raised capacity) goes to the first in line at once (`_promote`), e-mailed once
(`tasks.registration_promoted_notify`)."""

import secrets
import unicodedata
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Registration, Session
from .runs import run_place_ensure
from .signals import session_cancelled, session_changed

GUEST_NAME_MAX_LENGTH = 150
GUEST_EMAIL_MAX_LENGTH = 254
CANCELLATION_REASON_MAX_LENGTH = 1000

Status = Registration.Status


def _has_control_characters(text: str) -> bool:
    return any(
        unicodedata.category(character) == "Cc" and character not in "\t\n\r"
        for character in text
    )


def _locked_session(session_id: int) -> Session:
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("run", "event")
        .get(pk=session_id)
    )


def _refusal(session: Session, now: datetime) -> ValidationError | None:
    """Why nobody may register for `session` now, or None. The one place for
    the rules every registration follows (a run's enrolment rule, when it comes,
    goes beside them)."""
    if session.is_cancelled:
        return ValidationError(
            _("This session has been cancelled."), code="session_cancelled"
        )
    if session.has_started(now):
        return ValidationError(
            _("This session has already taken place: registration is closed."),
            code="past",
        )
    page = session.page
    if page is None or not page.live:
        return ValidationError(_("This session is not published."), code="not_live")
    return None


def _registered_count(session: Session) -> int:
    return Registration.objects.filter(
        session=session, status=Status.REGISTERED
    ).count()


def _free_places(session: Session) -> int | None:
    """Places left (None: no limit)."""
    capacity = session.effective_capacity
    if capacity is None:
        return None
    return max(capacity - _registered_count(session), 0)


def waitlist_order(queryset):
    """Arrival order: who confirmed first, then who came first."""
    return queryset.order_by("confirmed_at", "pk")


def _promote(session: Session, now: datetime) -> list[Registration]:
    """Give the free places to the first in line, in order (the caller holds
    the session's lock). Each promoted participant is e-mailed once, after the
    commit. Nothing moves once the session has started or is cancelled."""
    from .tasks import registration_promoted_notify

    if session.is_cancelled or session.has_started(now):
        return []
    waiting = waitlist_order(
        Registration.objects.filter(session=session, status=Status.WAITLISTED)
    )
    free = _free_places(session)
    if free is not None:
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = Status.REGISTERED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        registration_promoted_notify.delay_on_commit(registration.pk)
    return promoted


def _placed_status(session: Session) -> str:
    """Registered while there is a place (and nobody waits for one), else
    waitlisted."""
    free = _free_places(session)
    if free is None or free > 0:
        return Status.REGISTERED
    return Status.WAITLISTED


def _already(registration: Registration) -> ValidationError:
    if registration.status == Status.WAITLISTED:
        return ValidationError(
            _("You are already on the waitlist for this session."), code="waitlisted"
        )
    return ValidationError(
        _("You are already registered for this session."), code="registered"
    )


def registration_create(
    *, session: Session, user, language: str = "", now: datetime | None = None
) -> Registration:
    """Register a signed-in participant for `session`: a place while there is
    one, else the end of the waitlist (`selectors.waitlist_position` says
    where). Refuses a cancelled, started or unpublished session and a second
    active registration. `language`: the one the person registered in (their
    e-mails'; default the session's page's)."""
    with transaction.atomic():
        session = _locked_session(session.pk)
        # Arrival is when the lock is granted: taken after it, the moment
        # orders the line (confirmed_at) as the places were given.
        now = now or timezone.now()
        existing = Registration.objects.filter(
            session=session, user=user, status__in=Registration.ACTIVE_STATUSES
        ).first()
        if existing is not None:
            raise _already(existing)
        refusal = _refusal(session, now)
        if refusal is not None:
            raise refusal
        if session.run_id is not None:
            run_place_ensure(user=user, run=session.run, now=now)
        # Free places with people waiting (a capacity raised outside the
        # services) go to them first.
        _promote(session, now)
        registration = Registration(
            session=session,
            user=user,
            status=_placed_status(session),
            language=language or session.language_code,
            created_at=now,
            confirmed_at=now,
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:  # the constraint, should the lock be bypassed
            raise ValidationError(
                _("You are already registered for this session."), code="registered"
            ) from None
        return registration


def registration_cancel(
    *,
    registration: Registration,
    now: datetime | None = None,
    enforce_deadline: bool = True,
) -> Registration:
    """Cancel a registration (or leave the waitlist, or drop an unconfirmed
    guest registration). A registered participant may cancel until the
    session's cancellation deadline (EVENTS_CANCELLATION_DEADLINE_HOURS before
    the start); leaving the waitlist is possible until the start. The place
    freed goes to the first in line. `enforce_deadline=False` is for erasure
    and staff, who cancel whenever."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            raise ValidationError(
                _("This registration has already been cancelled."),
                code="not_registered",
            )
        if enforce_deadline:
            if session.has_started(now):
                raise ValidationError(
                    _("This session has already started: it cannot be cancelled."),
                    code="past",
                )
            if (
                registration.status == Status.REGISTERED
                and not session.is_cancelled
                and now > session.cancellation_deadline
            ):
                raise ValidationError(
                    _(
                        "Registrations can be cancelled until %(hours)s hours "
                        "before the start. Write to the organisers if you cannot "
                        "come."
                    )
                    % {"hours": _deadline_hours()},
                    code="deadline",
                )
        held_place = registration.status == Status.REGISTERED
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if held_place:
            _promote(session, now)
        return registration


def _deadline_hours() -> int:
    from django.conf import settings

    return settings.EVENTS_CANCELLATION_DEADLINE_HOURS


def waitlist_promote(*, session: Session, now: datetime | None = None) -> list:
    """Give every free place of `session` to the waitlist, in arrival order
    (after a capacity raise; cancellations do it themselves). Returns the
    registrations promoted; each is e-mailed once after the commit."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked_session(session.pk)
        return _promote(session, now)


# --- guests ----------------------------------------------------------------


def _guest_fields(name: str, email: str) -> tuple[str, str]:
    errors: dict[str, list[str]] = {}
    name = (name or "").strip()
    email = (email or "").strip().lower()
    if _has_control_characters(name):
        errors.setdefault("name", []).append(
            _("Your name contains invisible control characters. Type it again.")
        )
    elif not name:
        errors.setdefault("name", []).append(_("Enter your name."))
    elif len(name) > GUEST_NAME_MAX_LENGTH:
        errors.setdefault("name", []).append(
            _("Your name is too long: at most %(max)s characters.")
            % {"max": GUEST_NAME_MAX_LENGTH}
        )
    try:
        if len(email) > GUEST_EMAIL_MAX_LENGTH:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        errors.setdefault("email", []).append(_("Enter a valid e-mail address."))
    if errors:
        raise ValidationError(errors)
    return name, email


def guest_registration_create(
    *,
    session: Session,
    name: str,
    email: str,
    language: str = "",
    now: datetime | None = None,
) -> Registration:
    """A person without an account asks to register for a session of an event
    open to guests. Nothing is held until they confirm by the link we e-mail
    them (`guest_registration_confirm`), so that nobody fills a session with
    made-up addresses. Asking again for the same address sends the link again
    (to a guest already registered: the link to see or cancel their place); the
    answer is the same whatever the address, so it tells nobody who registered.
    Refuses (by field, for the form) an empty or too long name, a name with
    control characters and an invalid address."""
    from .tasks import guest_confirmation_notify

    name, email = _guest_fields(name, email)
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked_session(session.pk)
        if session.event is None or not session.event.open_to_guests:
            raise ValidationError(
                _("This session is open to registered participants only."),
                code="no_guests",
            )
        refusal = _refusal(session, now)
        if refusal is not None:
            raise refusal
        registration = (
            Registration.objects.select_for_update()
            .filter(
                session=session,
                user__isnull=True,
                guest_email=email,
                status__in=Registration.ACTIVE_STATUSES,
            )
            .first()
        )
        if registration is None:
            registration = Registration(
                session=session,
                guest_name=name,
                guest_email=email,
                status=Status.PENDING,
                language=language or session.language_code,
                created_at=now,
                confirmation_token=secrets.token_urlsafe(32),
            )
        elif registration.status == Status.PENDING:
            registration.guest_name = name  # the latest spelling
        registration.confirmation_requests += 1
        registration.save()
        guest_confirmation_notify.delay_on_commit(
            registration.pk, registration.confirmation_requests
        )
        return registration


def guest_registration_confirm(
    *, token: str, now: datetime | None = None
) -> Registration:
    """The guest followed the link: their registration counts from now, with a
    place while there is one, else at the end of the waitlist. Confirming again
    changes nothing. Refused once the session has started or was cancelled,
    and for a registration cancelled since."""
    registration = registration_by_token(token)
    if registration is None:
        raise ValidationError(
            _("This confirmation link is not valid."), code="unknown_token"
        )
    with transaction.atomic():
        session = _locked_session(registration.session_id)
        now = now or timezone.now()  # after the lock, as in registration_create
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status in (Status.REGISTERED, Status.WAITLISTED):
            return registration
        if registration.status == Status.CANCELLED:
            raise ValidationError(
                _("This registration was cancelled. Register again on the event page."),
                code="cancelled",
            )
        refusal = _refusal(session, now)
        if refusal is not None:
            raise refusal
        _promote(session, now)
        registration.status = _placed_status(session)
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        return registration


def registration_by_token(token: str) -> Registration | None:
    """The guest registration a link's token names (None for anything else)."""
    if not token or len(token) > 64:
        return None
    return (
        Registration.objects.select_related("session__event")
        .filter(confirmation_token=token, user__isnull=True)
        .first()
    )


# --- sessions ----------------------------------------------------------------


def session_save(*, session: Session, now: datetime | None = None) -> Session:
    """Create or change a session, after validating it whole (Session.clean:
    end after start, https meeting link, a valid time zone, capacity no lower
    than the places taken, no overlap with another session of its run), and
    refusing one that belongs to nothing or that was cancelled. A change of time
    or place grows `sequence` (the calendars' SEQUENCE) and announces
    `signals.session_changed`; a capacity raised gives the new places to the
    waitlist. Raises ValidationError by field; nothing is saved then."""
    now = now or timezone.now()
    if session.run_id is None and session.event_id is None:
        raise ValidationError(
            {"run": _("Choose the course run or the event this session belongs to.")}
        )
    with transaction.atomic():
        stored = None
        if session.pk:
            stored = _locked_session(session.pk)
            if stored.is_cancelled:
                raise ValidationError(
                    _("This session was cancelled: it cannot be changed.")
                )
            # What only the services set is kept as stored.
            session.sequence = stored.sequence
            session.cancelled_at = stored.cancelled_at
            session.cancellation_reason = stored.cancellation_reason
            session.uid = stored.uid
        session.full_clean()
        changed = []
        if stored is not None:
            changed = [
                name
                for name in Session.SCHEDULE_FIELDS
                if getattr(stored, name) != getattr(session, name)
            ]
            if changed:
                session.sequence = stored.sequence + 1
        session.save()
        if changed:
            session_changed.send(sender=Session, session=session, changed=changed)
        _promote(_locked_session(session.pk), now)
        return session


def session_cancel(
    *,
    session: Session,
    reason: str,
    now: datetime | None = None,
) -> Session:
    """Cancel a session that has not ended, with the reason the participants
    are told. Every registered and waitlisted person is e-mailed once, after the
    commit (`tasks.session_cancelled_notify`); their registrations stay as they
    were, for the record. `sequence` grows (the calendars' CANCEL). Refuses an
    empty or too long reason, one with control characters, and a session
    cancelled already or over."""
    from .tasks import session_cancelled_notify

    reason = (reason or "").strip()
    if _has_control_characters(reason):
        raise ValidationError(
            {
                "reason": _(
                    "The reason contains invisible control characters. Type it again."
                )
            }
        )
    if not reason:
        raise ValidationError(
            {"reason": _("Say why the session is cancelled: the participants read it.")}
        )
    if len(reason) > CANCELLATION_REASON_MAX_LENGTH:
        raise ValidationError(
            {
                "reason": _("The reason is too long: at most %(max)s characters.")
                % {"max": CANCELLATION_REASON_MAX_LENGTH}
            }
        )
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked_session(session.pk)
        if session.is_cancelled:
            raise ValidationError(
                _("This session has already been cancelled."), code="cancelled"
            )
        if session.has_ended(now):
            raise ValidationError(
                _("This session has already taken place."), code="past"
            )
        session.cancelled_at = now
        session.cancellation_reason = reason
        session.sequence += 1
        session.save(
            update_fields=[
                "cancelled_at",
                "cancellation_reason",
                "sequence",
                "updated_at",
            ]
        )
        session_cancelled.send(sender=Session, session=session)
        session_cancelled_notify.delay_on_commit(session.pk)
        return session
