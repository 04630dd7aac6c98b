"""Registrations for sessions, and the e-mails sent about them (each once)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    """A person's place at a session: a signed-in participant (`user`) or a guest
    (`guest_name`, `guest_email`, confirmed by the link e-mailed to them).

    Statuses: `pending` (a guest who has not confirmed yet: holds no place),
    `registered` (holds a place), `waitlisted` (in line for one), `cancelled`.
    The line is in arrival order: `confirmed_at` (the moment the registration
    counted: at once for a signed-in participant, at the click for a guest),
    then `pk`. A person has at most one active (pending, registered or
    waitlisted) registration per session (database constraints); registering
    again after cancelling makes a new row, at the end of the line.

    When the person erases their account the row stays for the counts, unlinked
    (`user` is SET_NULL; a guest's name and address are blanked)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE_STATUSES = (Status.PENDING, Status.REGISTERED, Status.WAITLISTED)

    session = models.ForeignKey(
        "events.Session",
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    guest_name = models.CharField(_("guest's name"), max_length=150, blank=True)
    # Stored in lower case, so that one address is one guest.
    guest_email = models.EmailField(_("guest's e-mail address"), blank=True)
    confirmation_token = models.CharField(
        _("confirmation token"), max_length=64, blank=True, editable=False
    )
    # How many times the guest asked for the confirmation e-mail: each request
    # is e-mailed once (the notice's kind carries the number).
    confirmation_requests = models.PositiveSmallIntegerField(default=0, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        help_text=_("The language the person registered in: their e-mails'."),
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    promoted_at = models.DateTimeField(
        _("given a place from the waitlist at"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["confirmed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(user__isnull=False)
                & Q(status__in=["pending", "registered", "waitlisted"]),
                name="registration_one_active_per_user_and_session",
            ),
            models.UniqueConstraint(
                fields=["session", "guest_email"],
                condition=Q(user__isnull=True)
                & ~Q(guest_email="")
                & Q(status__in=["pending", "registered", "waitlisted"]),
                name="registration_one_active_per_guest_and_session",
            ),
            models.UniqueConstraint(
                fields=["confirmation_token"],
                condition=~Q(confirmation_token=""),
                name="registration_confirmation_token_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["session", "status", "confirmed_at"]),
            models.Index(fields=["user", "status"]),
            models.Index(fields=["guest_email"]),
            models.Index(fields=["created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.person_name} – {self.session_id}"

    @property
    def is_guest(self) -> bool:
        return self.user_id is None and bool(self.guest_email)

    @property
    def person_name(self) -> str:
        if self.user_id is not None:
            return self.user.full_name or self.user.email
        return self.guest_name

    @property
    def email(self) -> str:
        if self.user_id is not None:
            return self.user.email
        return self.guest_email

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES


class RegistrationNotice(models.Model):
    """One e-mail about a registration, claimed before it is sent: the row's
    uniqueness (registration, kind) makes each kind go out at most once, however
    often a task runs (a redelivered task, a beat that fires twice). Kinds:
    `promoted`, `session-cancelled`, `confirmation-<n>`; reminders, calendar
    updates and feedback invitations add their own (`events.notices`)."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="notices",
    )
    kind = models.CharField(_("kind"), max_length=40)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("registration e-mail")
        verbose_name_plural = _("registration e-mails")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind"], name="registration_notice_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration_id}: {self.kind}"
