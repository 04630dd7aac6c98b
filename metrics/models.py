from django.db import models
from django.utils.translation import gettext_lazy as _

from .summary.kinds import CELL_KINDS, SetKind


class ParticipationReport(models.Model):
    """No table: carries the permission to read the participation dashboard, which
    the "Analysts" group holds."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_participation", _("Can view participation metrics"))]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class LearnerSet(models.Model):
    """Who did one kind of thing in one month (in one course, or in any course when
    `course_id` is 0), as a compressed bitmap of user ids (a Roaring bitmap).

    The participation figures are unions, intersections and sizes of these sets, so
    counts of distinct people over any run of months stay exact and take
    microseconds. Rows with `level` above 1 hold the learners who did the thing at
    least that many times in the month (counts of events, not only of people).
    Profile sets (learners by sector, city, ...) have no month and a `key`.
    Events of learners who erased their account have no person: `unlinked` counts
    them (on level 1 rows). Written only by `metrics.summary.refresh`; the
    layout of `members`, `pairs` and `key` is `metrics.summary.codec`'s."""

    month = models.DateField(_("month"), null=True)
    kind = models.CharField(_("kind"), max_length=32, choices=SetKind.choices)
    course_id = models.PositiveIntegerField(_("course"), default=0)
    level = models.PositiveSmallIntegerField(_("at least this many times"), default=1)
    key = models.CharField(_("value"), max_length=128, blank=True)
    members = models.BinaryField(_("members"))
    # How many members: counts without a sector or city filter read only this.
    size = models.PositiveIntegerField(_("size"), default=0)
    unlinked = models.PositiveIntegerField(_("events without a person"), default=0)
    # Pairs of (user id, number) for the members, as two arrays back to back:
    # for completions the seconds from enrolment to completion, for the
    # organisation set each member's organisation (numbered, not named).
    pairs = models.BinaryField(_("pairs"), default=b"")

    class Meta:
        verbose_name = _("learner set")
        verbose_name_plural = _("learner sets")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["month", "kind", "course_id", "level", "key"],
                name="metrics_learner_set_once",
            )
        ]
        indexes = [models.Index(fields=["kind", "month"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.month} {self.course_id} {self.key}"


class SummaryRefresh(models.Model):
    """When each month's learner sets (scope "2026-03"), the profile sets
    ("profiles") and the last full rebuild ("rebuild") were computed."""

    scope = models.CharField(_("scope"), max_length=16, unique=True)
    refreshed_at = models.DateTimeField(_("refreshed at"))

    class Meta:
        verbose_name = _("summary refresh")
        verbose_name_plural = _("summary refreshes")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.scope} @ {self.refreshed_at:%Y-%m-%d %H:%M}"


class CellCount(models.Model):
    """How many times the learners of one creative sector and city ("*": any)
    enrolled in, completed or were certified in one course in one month.

    The breakdown by course sums these in the database for any period, sector
    and city, instead of intersecting every course's monthly sets with the
    learners a filter leaves. Derived from the month's learner sets and the
    learners' profiles, and derived again when a learner's sector or city
    changes; written only by `metrics.summary.refresh`."""

    month = models.DateField(_("month"))
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=[(kind.value, kind.label) for kind in CELL_KINDS],
    )
    course_id = models.PositiveIntegerField(_("course"))
    sector = models.CharField(_("creative sector"), max_length=32)
    city = models.CharField(_("city"), max_length=16)
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        verbose_name = _("cell count")
        verbose_name_plural = _("cell counts")
        default_permissions = ()
        indexes = [models.Index(fields=["sector", "city", "month"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.month} {self.course_id} {self.sector}|{self.city}"
