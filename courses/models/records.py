from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    """A learner's place in a course, from request to completion.

    One row per learner and course: withdrawing and re-enrolling reuse it, so
    completed lessons and quiz attempts are never lost. Progress is stored here
    (kept current by the services) so dashboards and reports read it in one query."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        ACTIVE = "active", _("Enrolled")
        REJECTED = "rejected", _("Not accepted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    requested_at = models.DateTimeField(
        _("requested at"), default=timezone.now, editable=False
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    required_total = models.PositiveIntegerField(_("required lessons"), default=0)
    required_done = models.PositiveIntegerField(_("required lessons done"), default=0)
    last_lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("last lesson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    pre_response = models.ForeignKey(
        "assessments.Response",
        verbose_name=_("self-assessment before"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    post_response = models.ForeignKey(
        "assessments.Response",
        verbose_name=_("self-assessment after"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(user__isnull=False),
                name="enrolment_one_per_learner_and_course",
            )
        ]
        indexes = [
            models.Index(fields=["course", "status"]),
            models.Index(fields=["user", "status"]),
            # The participation summary reads enrolments month by month.
            models.Index(fields=["requested_at"]),
            models.Index(fields=["enrolled_at"]),
            models.Index(fields=["completed_at"]),
            models.Index(fields=["withdrawn_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.course}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    @property
    def progress_percent(self) -> int:
        if self.completed_at is not None:
            return 100
        if not self.required_total:
            return 0
        return round(100 * self.required_done / self.required_total)


class LessonCompletion(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField(
        _("completed at"), default=timezone.now, editable=False
    )

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="lesson_completion_once"
            )
        ]
        indexes = [models.Index(fields=["completed_at"])]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.lesson}"


class QuizAttempt(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz_id = models.CharField(_("quiz"), max_length=64)
    answers = models.JSONField(_("answers"), default=dict)
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(
        _("submitted at"), default=timezone.now, editable=False
    )

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["submitted_at", "pk"]
        indexes = [
            models.Index(fields=["enrolment", "lesson", "quiz_id"]),
            models.Index(fields=["submitted_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.lesson}: {self.score}%"


class ExerciseAnswer(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="exercise_answers"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="exercise_answers"
    )
    exercise_id = models.CharField(_("exercise"), max_length=64)
    text = models.TextField(_("answer"), max_length=10_000)
    updated_at = models.DateTimeField(
        _("updated at"), default=timezone.now, editable=False
    )

    class Meta:
        verbose_name = _("exercise answer")
        verbose_name_plural = _("exercise answers")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson", "exercise_id"],
                name="exercise_answer_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.lesson}"


class CourseVisit(models.Model):
    """Who opened a course's page on a day: one row per signed-in learner, course
    and day, and one row per course and day counting the visits of people who were
    not signed in (no identifier is kept for them). The first step of the course
    funnel in the participation report."""

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="visits",
    )
    day = models.DateField(_("day"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="course_visits",
    )
    anonymous_visits = models.PositiveIntegerField(
        _("visits by people not signed in"), default=0
    )

    class Meta:
        verbose_name = _("course visit")
        verbose_name_plural = _("course visits")
        constraints = [
            models.UniqueConstraint(
                fields=["course", "day", "user"],
                condition=Q(user__isnull=False),
                name="course_visit_once_a_day",
            ),
            models.UniqueConstraint(
                fields=["course", "day"],
                condition=Q(user__isnull=True),
                name="course_anonymous_visits_one_row_a_day",
            ),
        ]
        indexes = [models.Index(fields=["course", "day"])]

    def __str__(self) -> str:
        return f"{self.course} – {self.day}"


class QuizAttemptGrant(models.Model):
    """One more attempt at a quiz, allowed by a member of the course's staff to a
    learner who had none left. The record says who allowed it and when; it opens
    one attempt, used by the learner's next submission."""

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="quiz_attempt_grants",
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    quiz_id = models.CharField(_("quiz"), max_length=64)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("allowed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("allowed at"))
    notified_at = models.DateTimeField(_("learner e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("extra quiz attempt")
        verbose_name_plural = _("extra quiz attempts")
        ordering = ["granted_at", "pk"]
        indexes = [models.Index(fields=["enrolment", "lesson", "quiz_id"])]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.lesson}"


class QuizAttemptRequest(models.Model):
    """A learner with no attempts left asks the course's trainers for another
    one; the trainers are e-mailed once (notified_at is claimed before sending)."""

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="quiz_attempt_requests",
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    quiz_id = models.CharField(_("quiz"), max_length=64)
    message = models.TextField(_("message"), max_length=1000, blank=True)
    requested_at = models.DateTimeField(_("asked at"))
    notified_at = models.DateTimeField(_("trainers e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for another quiz attempt")
        verbose_name_plural = _("requests for another quiz attempt")
        ordering = ["requested_at", "pk"]
        indexes = [
            models.Index(fields=["enrolment", "lesson", "quiz_id"]),
            models.Index(fields=["requested_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.lesson}"
