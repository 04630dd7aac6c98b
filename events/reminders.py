"""Reminders e-mailed to the registered before a session: by default 24 hours
and 1 hour before the start (`EVENTS_REMINDERS_BEFORE`), each once per
registration (a `RegistrationNotice` of kind `reminder-24h`, `reminder-1h`).

The rule, the same when the beat selects and when the mail worker sends:

- a reminder is due from its moment (`starts_at - offset`) until the moment of
  the next nearer reminder (for the nearest, the start). So when several are
  due at once (the beat was down), only the nearest goes out, and a farther
  one is never sent late: its window is over. No row is written for it (a
  notice records an e-mail sent: the personal-data export lists them).
- only to those whose place was theirs at the reminder's moment (registered,
  confirmed as a guest, or given a place from the waitlist before it): someone
  who registers 3 hours before gets the 1-hour reminder, not a stale 24-hour one.
- only registrations holding a place (not pending guests, not the waitlist), for
  sessions not cancelled and still to start, on a published page, with an
  address to write to.
"""

import datetime
import math

from django.conf import settings
from django.db.models import Case, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import ngettext

from .models import Registration, RegistrationNotice

Status = Registration.Status


def reminder_offsets() -> list[datetime.timedelta]:
    """The configured reminders, farthest first: `EVENTS_REMINDERS_BEFORE`
    as timedeltas or numbers of hours; none that is not before the start."""
    offsets = set()
    for value in settings.EVENTS_REMINDERS_BEFORE:
        offset = (
            value
            if isinstance(value, datetime.timedelta)
            else datetime.timedelta(hours=value)
        )
        if offset > datetime.timedelta(0):
            offsets.add(offset)
    return sorted(offsets, reverse=True)


def reminder_kind(offset: datetime.timedelta) -> str:
    """The notice's kind for a reminder: "reminder-24h", "reminder-90m"."""
    minutes = int(offset.total_seconds() // 60)
    if minutes % 60 == 0:
        return f"reminder-{minutes // 60}h"
    return f"reminder-{minutes}m"


def reminders_due(*, now: datetime.datetime | None = None) -> QuerySet:
    """Registrations with a reminder due now and not sent yet, each annotated
    with `reminder_kind` (at most one per registration: the windows do not
    overlap). One query, however many sessions and registrations."""
    now = now or timezone.now()
    offsets = reminder_offsets()
    if not offsets:
        return Registration.objects.annotate(reminder_kind=Value("")).none()
    windows = []
    for index, offset in enumerate(offsets):
        nearer = offsets[index + 1] if index + 1 < len(offsets) else None
        kind = reminder_kind(offset)
        due = Q(session__starts_at__lte=now + offset)
        if nearer is not None:
            due &= Q(session__starts_at__gt=now + nearer)
        windows.append(
            When(
                due
                & Q(placed_at__lte=F("session__starts_at") - offset)
                & ~Exists(
                    RegistrationNotice.objects.filter(
                        registration=OuterRef("pk"), kind=kind
                    )
                ),
                then=Value(kind),
            )
        )
    return (
        Registration.objects.filter(
            status=Status.REGISTERED,
            session__cancelled_at__isnull=True,
            session__starts_at__gt=now,
            session__starts_at__lte=now + offsets[0],
        )
        .filter(Q(user__isnull=False) | ~Q(guest_email=""))
        .filter(Q(session__event__live=True) | Q(session__run__course__live=True))
        # When the place became theirs: given from the waitlist, confirmed by a
        # guest, or at once.
        .annotate(placed_at=Coalesce("promoted_at", "confirmed_at", "created_at"))
        .annotate(reminder_kind=Case(*windows, default=Value("")))
        .exclude(reminder_kind="")
    )


def starts_in_label(remaining: datetime.timedelta) -> str:
    """How soon, in the active language: "in 24 hours", "in 1 hour", "in 40
    minutes" (hours from 55 minutes on, rounded; minutes up to the next 5)."""
    minutes = max(0, round(remaining.total_seconds() / 60))
    if minutes >= 55:
        hours = max(1, round(minutes / 60))
        return ngettext("in %(count)d hour", "in %(count)d hours", hours) % {
            "count": hours
        }
    minutes = max(5, math.ceil(minutes / 5) * 5)
    return ngettext("in %(count)d minute", "in %(count)d minutes", minutes) % {
        "count": minutes
    }


def registration_reminder_send(
    *, registration_id: int, kind: str, now: datetime.datetime | None = None
) -> bool:
    """E-mail the reminder `kind` to the registration's person, in their
    language, if it is due now by the rule above; at most once (the notice is
    claimed in the transaction that sends it: a worker that dies while sending
    leaves it unsent, for the next run). Returns whether it was sent now."""
    from .feeds import session_url
    from .notices import registration_email_send
    from .tasks import page_link_for_token

    now = now or timezone.now()
    registration = (
        reminders_due(now=now)
        .filter(pk=registration_id, reminder_kind=kind)
        .select_related(
            "user",
            "session__trainer",
            "session__event__locale",
            "session__run__course__locale",
        )
        .first()
    )
    if registration is None:
        return False
    session = registration.session

    def context() -> dict:
        may_cancel = now <= session.cancellation_deadline
        return {
            "starts_in": starts_in_label(session.starts_at - now),
            "session_url": session_url(session),
            "registration_url": (
                page_link_for_token(registration.confirmation_token)
                if registration.user_id is None and registration.confirmation_token
                else ""
            ),
            "may_cancel": may_cancel,
            "ends_another_day": session.local_ends_at.date()
            != session.local_starts_at.date(),
        }

    return registration_email_send(
        registration=registration,
        kind=kind,
        template="reminder",
        context=context,
    )
