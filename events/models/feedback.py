"""What participants said about a session or a run: the short satisfaction survey."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RATING = [MinValueValidator(1), MaxValueValidator(5)]


class FeedbackAnswer(models.Model):
    """One participant's answer to the survey after a session (`registration`:
    theirs, at that session) or after a run (`run_participant`), at most one
    each. Ratings are 1 to 5.

    When the person erases their account the free text is blanked (it may name
    them) and the ratings stay for the means, unlinked: the registration or
    enrolment they point to no longer names anybody."""

    session = models.ForeignKey(
        "events.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback_answers",
    )
    registration = models.ForeignKey(
        "events.Registration",
        verbose_name=_("registration"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback_answers",
    )
    run = models.ForeignKey(
        "events.CourseRun",
        verbose_name=_("run"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback_answers",
    )
    run_participant = models.ForeignKey(
        "events.RunParticipant",
        verbose_name=_("run participant"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback_answers",
    )
    overall = models.PositiveSmallIntegerField(_("overall"), validators=RATING)
    usefulness = models.PositiveSmallIntegerField(_("usefulness"), validators=RATING)
    would_recommend = models.BooleanField(_("would recommend it"))
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback answer")
        verbose_name_plural = _("feedback answers")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        session__isnull=False,
                        registration__isnull=False,
                        run__isnull=True,
                        run_participant__isnull=True,
                    )
                    | Q(
                        session__isnull=True,
                        registration__isnull=True,
                        run__isnull=False,
                        run_participant__isnull=False,
                    )
                ),
                name="feedback_answer_about_a_session_or_a_run",
            ),
            models.CheckConstraint(
                condition=Q(overall__gte=1, overall__lte=5)
                & Q(usefulness__gte=1, usefulness__lte=5),
                name="feedback_answer_ratings_1_to_5",
            ),
            models.UniqueConstraint(
                fields=["registration"],
                condition=Q(registration__isnull=False),
                name="feedback_answer_once_per_registration",
            ),
            # Per run: a participant who moved to another run answers about
            # each run they took part in once.
            models.UniqueConstraint(
                fields=["run_participant", "run"],
                condition=Q(run_participant__isnull=False),
                name="feedback_answer_once_per_run_participant",
            ),
        ]
        indexes = [models.Index(fields=["submitted_at"])]

    def __str__(self) -> str:
        if self.session_id:
            about = f"session {self.session_id}"
        else:
            about = f"run {self.run_id}"
        return f"{about}: {self.overall}/{self.usefulness}"
