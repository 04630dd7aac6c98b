"""A person's personal calendar feed: one secret address per person that a
calendar app (Google, Apple, Outlook) subscribes to without signing in, and
that lists the sessions they are registered or waitlisted for."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_calendar_token() -> str:
    """43 URL-safe characters (256 random bits): unguessable, fits in a path."""
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret of a person's calendar feed (`/calendar/<token>.ics`).

    The token is stored as it is, not hashed: the person must be able to copy
    the address again from their dashboard on any later visit (a phone added a
    week after the laptop), which a hash would not allow. It opens a read-only
    list of the person's own sessions and nothing else, and "Reset the link"
    replaces it at once; a lookup goes through the unique index and the match
    is confirmed with a constant-time comparison (events.selectors)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token = models.CharField(
        _("secret token"),
        max_length=64,
        unique=True,
        default=new_calendar_token,
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    reset_at = models.DateTimeField(_("link reset at"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user_id}"
