"""Attendance: who was at a session, and how we know."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Attendance(models.Model):
    """One person present at one session: a registered participant
    (`registration`) or a walk-in the trainer added by name (`walk_in_name`,
    no registration). At most one row per registration and session; unticking
    deletes the row.

    `how`: the participant scanned the rotating QR code, typed the code said
    in an online session, or the trainer ticked them on the sheet (or added
    them as a walk-in). `recorded_by`: the trainer or manager who ticked or
    added (None for a participant's own check-in).

    When the person erases their account the row stays for the session's
    counts: its registration stays too, unlinked from the person
    (Registration.user is SET_NULL), as enrolments are."""

    class How(models.TextChoices):
        QR = "qr", _("Scanned the QR code")
        SHEET = "sheet", _("Ticked on the attendance sheet")
        ONLINE_CODE = "online_code", _("Typed the session's code")
        WALK_IN = "walk_in", _("Walk-in added by the trainer")

    session = models.ForeignKey(
        "events.Session",
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    registration = models.ForeignKey(
        "events.Registration",
        verbose_name=_("registration"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    walk_in_name = models.CharField(_("walk-in's name"), max_length=150, blank=True)
    how = models.CharField(_("how"), max_length=16, choices=How.choices)
    checked_in_at = models.DateTimeField(_("checked in at"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["checked_in_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "registration"],
                condition=Q(registration__isnull=False),
                name="attendance_once_per_registration_and_session",
            ),
            models.CheckConstraint(
                condition=Q(registration__isnull=False) | ~Q(walk_in_name=""),
                name="attendance_of_a_registration_or_a_walk_in",
            ),
        ]
        indexes = [models.Index(fields=["session", "checked_in_at"])]

    def __str__(self) -> str:
        who = self.walk_in_name or f"registration {self.registration_id}"
        return f"{who} – {self.session_id}"

    @property
    def is_walk_in(self) -> bool:
        return self.registration_id is None
