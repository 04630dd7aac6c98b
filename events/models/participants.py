"""Who takes a course in which run: the run a learner chose when enrolling."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RunParticipant(models.Model):
    """The run (cohort) an enrolment belongs to. A course with upcoming runs asks
    the learner to choose one when enrolling (`events.runs.run_join`, called
    through courses' `course_enrolment_options` hook); the run's sessions are
    then theirs to register for, and the blended completion rule counts that
    run's sessions. One run per enrolment: changing run moves the row.

    Holds nothing about the person beyond the enrolment it points to: when they
    erase their account the enrolment stays unlinked (courses' privacy), and so
    does this row, for the run's counts."""

    run = models.ForeignKey(
        "events.CourseRun",
        verbose_name=_("run"),
        on_delete=models.PROTECT,
        related_name="participants",
    )
    enrolment = models.OneToOneField(
        "courses.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="run_participant",
    )
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)
    # The run's survey invitation, claimed once (events.feedback_tasks).
    feedback_invited_at = models.DateTimeField(
        _("invited to the survey at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("run participant")
        verbose_name_plural = _("run participants")
        ordering = ["joined_at", "pk"]
        indexes = [models.Index(fields=["run", "joined_at"])]

    def __str__(self) -> str:
        return f"{self.run_id}: {self.enrolment_id}"
