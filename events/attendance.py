"""Recording attendance: a participant checks in (the rotating QR code, or the
code said in an online session), or the trainer ticks and unticks people on
the attendance sheet and adds walk-ins by name. Each function is one
transaction that locks the session's row first (as events.services does),
validates before it writes, and takes the moment as `now` (None: now).

Recording or removing a participant's attendance asks courses, after the
commit, to check the completion of their enrolment in the run's course
(`courses.services.enrolment_completion_check`): the attendance rule
(events.completion) may be met now."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import checkin
from .models import Attendance, Registration, Session
from .services import GUEST_NAME_MAX_LENGTH, _has_control_characters, _locked_session

How = Attendance.How
Status = Registration.Status


def _completion_check_on_commit(
    registration: Registration, session: Session, now: datetime.datetime | None
) -> None:
    """After the commit: check the person's active enrolments in the run's
    course (in any of its languages) for completion."""
    if registration.user_id is None or session.run_id is None:
        return
    user_id, run_id = registration.user_id, session.run_id

    def check() -> None:
        from courses.models import Enrolment
        from courses.services import enrolment_completion_check

        from .models import CourseRun

        run = CourseRun.objects.select_related("course").get(pk=run_id)
        if not run.sessions_required:
            return
        for enrolment in Enrolment.objects.filter(
            user_id=user_id,
            status=Enrolment.Status.ACTIVE,
            completed_at__isnull=True,
            course__translation_key=run.course.translation_key,
        ):
            enrolment_completion_check(enrolment=enrolment, now=now)

    transaction.on_commit(check)


def _window_refusal(session: Session, now: datetime.datetime) -> ValidationError | None:
    """Why a participant may not check themselves in now, or None."""
    if session.is_cancelled:
        return ValidationError(
            _("This session has been cancelled."), code="session_cancelled"
        )
    opens, closes = checkin.check_in_window(session.starts_at, session.ends_at)
    if now < opens:
        local = timezone.localtime(opens, session.zone)
        return ValidationError(
            _("Check-in opens 30 minutes before the start, at %(time)s.")
            % {"time": formats.time_format(local, "TIME_FORMAT")},
            code="too_early",
        )
    if now > closes:
        return ValidationError(
            _("This session is over: check-in has closed."), code="too_late"
        )
    return None


def _sheet_refusal(session: Session, now: datetime.datetime) -> ValidationError | None:
    """Why the trainer may not change the sheet now (they may fill it in after
    the session, never before the check-in opens)."""
    if session.is_cancelled:
        return ValidationError(
            _("This session has been cancelled."), code="session_cancelled"
        )
    opens, _closes = checkin.check_in_window(session.starts_at, session.ends_at)
    if now < opens:
        return ValidationError(
            _(
                "Attendance can be taken from 30 minutes before the start of the "
                "session."
            ),
            code="too_early",
        )
    return None


def _participant_registration(session: Session, user) -> Registration:
    registration = (
        Registration.objects.filter(
            session=session, user=user, status__in=Registration.ACTIVE_STATUSES
        )
        .order_by("-pk")
        .first()
    )
    if registration is None:
        raise ValidationError(
            _(
                "You are not registered for this session, so we cannot check you "
                "in. Ask the trainer to add you to the attendance sheet."
            ),
            code="not_registered",
        )
    if registration.status != Status.REGISTERED:
        raise ValidationError(
            _(
                "You are on the waitlist for this session, not registered, so we "
                "cannot check you in. Ask the trainer to add you."
            ),
            code="waitlisted",
        )
    return registration


def _record(
    *,
    session: Session,
    registration: Registration,
    how: str,
    by,
    now: datetime.datetime,
) -> tuple[Attendance, bool]:
    """The registration's attendance, created if new: (attendance, created)."""
    existing = Attendance.objects.filter(
        session=session, registration=registration
    ).first()
    if existing is not None:
        return existing, False
    attendance = Attendance(
        session=session,
        registration=registration,
        how=how,
        checked_in_at=now,
        recorded_by=by,
    )
    try:
        with transaction.atomic():
            attendance.save()
    except IntegrityError:  # the constraint, should the lock be bypassed
        return Attendance.objects.get(session=session, registration=registration), False
    _completion_check_on_commit(registration, session, now)
    return attendance, True


def _self_check_in(
    *, session: Session, user, how: str, now: datetime.datetime
) -> tuple[Attendance, bool]:
    with transaction.atomic():
        session = _locked_session(session.pk)
        refusal = _window_refusal(session, now)
        if refusal is not None:
            raise refusal
        registration = _participant_registration(session, user)
        return _record(
            session=session, registration=registration, how=how, by=None, now=now
        )


def check_in(
    *,
    session: Session,
    user,
    code: str,
    scanned_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
) -> tuple[Attendance, bool]:
    """Check a signed-in participant in with the code of the check-in screen's
    QR code: (attendance, created). Idempotent: a second scan returns the first
    check-in. `scanned_at` is when the code was read, if the server saw it
    earlier (a participant who had to log in first); it defaults to `now`.
    Refuses an old, copied or made-up code, a moment outside the check-in
    window, a cancelled session and anyone not registered; nothing is saved
    then."""
    now = now or timezone.now()
    if not checkin.qr_code_is_valid(session.uid, code, scanned_at or now):
        raise ValidationError(
            _(
                "This check-in code is not valid any more: the code on the screen "
                "changes every 30 seconds. Scan the code on the screen again."
            ),
            code="bad_code",
        )
    return _self_check_in(session=session, user=user, how=How.QR, now=now)


def online_code_declare(
    *, session: Session, user, code: str, now: datetime.datetime | None = None
) -> tuple[Attendance, bool]:
    """A participant of an online session declares their attendance with the
    code the trainer says during the session: (attendance, created). The same
    rules as `check_in`; only for online sessions."""
    now = now or timezone.now()
    if not session.is_online:
        raise ValidationError(
            _("This session is held in person: scan the code on the screen there."),
            code="not_online",
        )
    if not checkin.spoken_code_is_valid(session.uid, code, now):
        raise ValidationError(
            _(
                "This code is not right, or not valid any more. Type the code the "
                "trainer gives in the session."
            ),
            code="bad_code",
        )
    return _self_check_in(session=session, user=user, how=How.ONLINE_CODE, now=now)


def attendance_mark(
    *,
    session: Session,
    registration: Registration,
    by,
    now: datetime.datetime | None = None,
) -> Attendance:
    """The trainer ticks a registered participant on the sheet (idempotent)."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked_session(session.pk)
        refusal = _sheet_refusal(session, now)
        if refusal is not None:
            raise refusal
        registration = Registration.objects.filter(
            pk=registration.pk, session=session, status=Status.REGISTERED
        ).first()
        if registration is None:
            raise ValidationError(
                _("This person is not registered for this session."),
                code="not_registered",
            )
        attendance, _created = _record(
            session=session, registration=registration, how=How.SHEET, by=by, now=now
        )
        return attendance


def attendance_unmark(
    *,
    session: Session,
    registration: Registration,
    now: datetime.datetime | None = None,
) -> bool:
    """The trainer unticks a participant: their attendance is removed, however
    it was recorded. Returns whether there was one."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked_session(session.pk)
        refusal = _sheet_refusal(session, now)
        if refusal is not None:
            raise refusal
        deleted, _rows = Attendance.objects.filter(
            session=session, registration_id=registration.pk
        ).delete()
        if deleted:
            _completion_check_on_commit(registration, session, None)
        return bool(deleted)


def walk_in_add(
    *, session: Session, name: str, by, now: datetime.datetime | None = None
) -> Attendance:
    """The trainer adds someone who came without registering, by name."""
    name = (name or "").strip()
    if _has_control_characters(name):
        raise ValidationError(
            {
                "name": _(
                    "The name contains invisible control characters. Type it again."
                )
            }
        )
    if not name:
        raise ValidationError({"name": _("Enter the person's name.")})
    if len(name) > GUEST_NAME_MAX_LENGTH:
        raise ValidationError(
            {
                "name": _("The name is too long: at most %(max)s characters.")
                % {"max": GUEST_NAME_MAX_LENGTH}
            }
        )
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked_session(session.pk)
        refusal = _sheet_refusal(session, now)
        if refusal is not None:
            raise refusal
        return Attendance.objects.create(
            session=session,
            walk_in_name=name,
            how=How.WALK_IN,
            checked_in_at=now,
            recorded_by=by,
        )


def walk_in_remove(
    *, session: Session, attendance_id: int, now: datetime.datetime | None = None
) -> bool:
    """Remove a walk-in added by mistake. Returns whether there was one."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked_session(session.pk)
        refusal = _sheet_refusal(session, now)
        if refusal is not None:
            raise refusal
        deleted, _rows = Attendance.objects.filter(
            session=session, pk=attendance_id, registration__isnull=True
        ).delete()
        return bool(deleted)
