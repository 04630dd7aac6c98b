"""Course runs (cohorts of a course) and sessions (dated items people register
for). A session belongs to a course run or to an event page (events.models.pages),
never both; registration, the waitlist, calendars, reminders and attendance all
work per session, whichever it belongs to."""

import uuid
import zoneinfo
from datetime import datetime, timedelta
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from accounts.models import City

DEFAULT_TIME_ZONE = "Europe/Ljubljana"


@cache
def time_zone_names() -> tuple[str, ...]:
    """Every IANA time zone name the system knows, sorted (for the admin's select)."""
    return tuple(sorted(zoneinfo.available_timezones()))


def validate_time_zone(value: str) -> None:
    """An IANA name zoneinfo can load ("Europe/Ljubljana"), nothing else."""
    if value not in time_zone_names():
        raise ValidationError(
            _("“%(value)s” is not a time zone. Choose one such as Europe/Ljubljana."),
            params={"value": value},
            code="invalid_time_zone",
        )


def validate_https(value: str) -> None:
    if value and not value.lower().startswith("https://"):
        raise ValidationError(
            _("The meeting link must start with https:// (a secure link)."),
            code="not_https",
        )


class RunMode(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    BLENDED = "blended", _("Blended (online and in person)")


class SessionKind(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")


class CourseRun(ClusterableModel):
    """A run (cohort) of a course: dates, capacity, trainers and sessions. A course
    without runs stays self-paced. `sessions_required` is stored for the blended
    completion rule (attend N of the run's sessions), which courses asks of the
    rule events registers; the run's language is its course's."""

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="runs",
    )
    title = models.CharField(
        _("name of the run"),
        max_length=150,
        help_text=_("For example “Spring 2027, Ljubljana”."),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty for no limit. A session without a capacity of its own "
            "takes this one."
        ),
    )
    trainers = ParentalManyToManyField(
        "courses.Trainer",
        verbose_name=_("trainers"),
        blank=True,
        related_name="runs",
    )
    mode = models.CharField(
        _("mode"), max_length=16, choices=RunMode.choices, default=RunMode.BLENDED
    )
    sessions_required = models.PositiveSmallIntegerField(
        _("sessions to attend"),
        default=0,
        help_text=_(
            "How many of the run's sessions a participant must attend to "
            "complete the course (0: none)."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("course run")
        verbose_name_plural = _("course runs")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="course_run_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.course.title} – {self.title}" if self.course_id else self.title

    @property
    def language_code(self) -> str:
        return self.course.locale.language_code

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The run must end on or after the day it starts.")}
            )


class Session(models.Model):
    """A dated item people register for: a workshop of a run, one day of a
    conference. Times are stored as aware datetimes and shown in the session's
    own time zone (`time_zone`, an IANA name). `uid` never changes (the
    calendars' UID); `sequence` grows with every change of time, place or
    cancellation (their SEQUENCE), done by `events.services.session_save` and
    `session_cancel`."""

    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, unique=True)
    run = ParentalKey(
        CourseRun,
        verbose_name=_("course run"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the event's or the run's title."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("The start and end are in this time zone."),
    )
    kind = models.CharField(
        _("online or in person"),
        max_length=16,
        choices=SessionKind.choices,
        default=SessionKind.IN_PERSON,
    )
    meeting_url = models.URLField(
        _("meeting link"),
        max_length=500,
        blank=True,
        validators=[validate_https],
        help_text=_("Online sessions: shown only to registered participants."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=16, choices=City.choices, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
        help_text=_("Optional, for the OpenStreetMap link, e.g. 46.051401."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal(-180)),
            MaxValueValidator(Decimal(180)),
        ],
        help_text=_("Optional, e.g. 14.505899."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Leave empty for the run's capacity, or no limit."),
    )
    trainer = models.ForeignKey(
        "courses.Trainer",
        verbose_name=_("trainer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    cancelled_at = models.DateTimeField(
        _("cancelled at"), null=True, blank=True, editable=False
    )
    cancellation_reason = models.TextField(
        _("reason for cancelling"), max_length=1000, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # A change of any of these is a change of time or place: `sequence` grows
    # and (later) the registered get an updated calendar entry.
    SCHEDULE_FIELDS = (
        "starts_at",
        "ends_at",
        "time_zone",
        "kind",
        "meeting_url",
        "venue_name",
        "address",
        "room",
        "city",
        "latitude",
        "longitude",
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(run__isnull=True) | Q(event__isnull=True),
                name="session_of_a_run_or_an_event",
            ),
        ]
        indexes = [
            models.Index(fields=["starts_at"]),
            models.Index(fields=["event", "starts_at"]),
            models.Index(fields=["run", "starts_at"]),
        ]
        permissions = [
            ("manage_every_session", _("Can manage every course run and session")),
        ]

    def __str__(self) -> str:
        when = self.local_starts_at.strftime("%Y-%m-%d %H:%M") if self.starts_at else ""
        return f"{self.display_title} ({when})" if when else self.display_title

    # --- what pages show -------------------------------------------------------

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        if self.event_id:
            return self.event.title
        if self.run_id:
            return str(self.run)
        return ""

    display_title.fget.short_description = _("Title")

    @property
    def starts_label(self) -> str:
        """The start in the session's own time zone, with the zone's name."""
        from django.utils import formats

        return "{} ({})".format(
            formats.date_format(self.local_starts_at, "SHORT_DATETIME_FORMAT"),
            self.time_zone,
        )

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)

    @property
    def local_starts_at(self) -> datetime:
        return self.starts_at.astimezone(self.zone)

    @property
    def local_ends_at(self) -> datetime:
        return self.ends_at.astimezone(self.zone)

    @property
    def utc_offset_label(self) -> str:
        """The offset at the session's start: "UTC+1", "UTC+5:30", "UTC"."""
        offset = self.local_starts_at.utcoffset() or timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        if not minutes:
            return "UTC"
        sign = "+" if minutes > 0 else "−"
        hours, rest = divmod(abs(minutes), 60)
        return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")

    @property
    def is_online(self) -> bool:
        return self.kind == SessionKind.ONLINE

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def effective_capacity(self) -> int | None:
        """The places of this session: its own capacity, else its run's, else
        no limit (None)."""
        if self.capacity is not None:
            return self.capacity
        if self.run_id is not None:
            return self.run.capacity
        return None

    @property
    def language_code(self) -> str:
        """The language of the page the session belongs to (its e-mails' default)."""
        if self.event_id:
            return self.event.locale.language_code
        if self.run_id:
            return self.run.language_code
        return settings.LANGUAGE_CODE

    @property
    def page(self):
        """The public page that shows the session: its event, or its run's course."""
        if self.event_id:
            return self.event
        if self.run_id:
            return self.run.course
        return None

    @property
    def cancellation_deadline(self) -> datetime:
        """Until when a registered participant may cancel (a waitlisted one may
        leave the waitlist until the start)."""
        return self.starts_at - timedelta(
            hours=settings.EVENTS_CANCELLATION_DEADLINE_HOURS
        )

    def has_started(self, now: datetime | None = None) -> bool:
        return self.starts_at <= (now or timezone.now())

    def has_ended(self, now: datetime | None = None) -> bool:
        return self.ends_at <= (now or timezone.now())

    @property
    def map_url(self) -> str:
        """An OpenStreetMap link to the venue (no embedded map, nothing loaded
        from a third party): the point when coordinates are given, else a
        search for the address."""
        from urllib.parse import urlencode

        if self.latitude is not None and self.longitude is not None:
            lat, lon = f"{self.latitude:.6f}", f"{self.longitude:.6f}"
            return (
                f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}"
                f"#map=18/{lat}/{lon}"
            )
        place = ", ".join(
            part for part in (self.address, self.get_city_display()) if part
        )
        if not place:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": place})

    # --- validation -------------------------------------------------------------

    def clean(self):
        """Everything that can be said next to a field before anything is saved
        (the services call full_clean()): end after start, a place or link that
        fits the kind, coordinates in pairs, a capacity no lower than the places
        taken, no overlap with another session of the same run."""
        super().clean()
        errors: dict[str, list] = {}
        if self.run_id and self.event_id:
            errors.setdefault("event", []).append(
                _("A session belongs to a course run or to an event, not both.")
            )
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors.setdefault("ends_at", []).append(
                _("The session must end after it starts.")
            )
        if (self.latitude is None) != (self.longitude is None):
            errors.setdefault(
                "longitude" if self.longitude is None else "latitude", []
            ).append(_("Give both the latitude and the longitude, or neither."))
        if self.pk and self.capacity is not None:
            taken = self.registrations.filter(status="registered").count()
            if self.capacity < taken:
                errors.setdefault("capacity", []).append(
                    _(
                        "%(count)s people are registered already: the capacity "
                        "cannot be lower than that. Cancel registrations first."
                    )
                    % {"count": taken}
                )
        overlap = self.overlapping_session()
        if overlap is not None:
            errors.setdefault("starts_at", []).append(
                _("This overlaps “%(title)s” of the same run (%(when)s).")
                % {
                    "title": overlap.display_title,
                    "when": overlap.local_starts_at.strftime("%Y-%m-%d %H:%M"),
                }
            )
        if errors:
            raise ValidationError(errors)

    def overlapping_session(self) -> "Session | None":
        """Another session of the same run (not cancelled) whose time overlaps."""
        if not (self.run_id and self.starts_at and self.ends_at):
            return None
        if self.ends_at <= self.starts_at:
            return None
        return (
            Session.objects.filter(
                run_id=self.run_id,
                cancelled_at__isnull=True,
                starts_at__lt=self.ends_at,
                ends_at__gt=self.starts_at,
            )
            .exclude(pk=self.pk)
            .order_by("starts_at")
            .first()
        )
