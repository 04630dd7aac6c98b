"""Staff views in the Wagtail admin: trainers see the learners of their own courses;
course managers also decide enrolment requests."""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from lms.spreadsheets import Percentage

from . import services
from .models import Enrolment, LessonPage, QuizAttemptGrant
from .selectors import (
    QuizRecords,
    courses_visible_to,
    enrolments_visible_to,
    is_course_manager,
    quiz_allowance,
    quiz_records,
)


class LearnersFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Course"),
        queryset=lambda request: courses_visible_to(request.user),
        empty_label=gettext_lazy("All my courses"),
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=Enrolment.Status.choices
    )

    class Meta:
        model = Enrolment
        fields = ["course", "status"]


def enrolment_state(enrolment: Enrolment) -> str:
    """The enrolment's state as staff read it: "Completed" once the learner
    completed the course (its status stays "Enrolled" then)."""
    if enrolment.is_active and enrolment.is_completed:
        return pgettext("enrolment state", "Completed")
    return enrolment.get_status_display()


class ProgressColumn(Column):
    def get_value(self, instance):
        return f"{instance.progress_percent}%"


class LearnersReportView(ReportView):
    page_title = gettext_lazy("Learners")
    header_icon = "group"
    index_url_name = "courses_learners"
    index_results_url_name = "courses_learners_results"
    filterset_class = LearnersFilterSet
    paginate_by = 50
    columns = [
        # The learner's quizzes: attempts, requests, "Allow another attempt".
        TitleColumn(
            "learner_name",
            label=gettext_lazy("Learner"),
            get_url=lambda enrolment: reverse(
                "courses_learners_quizzes", args=[enrolment.pk]
            ),
        ),
        Column("learner_email", label=gettext_lazy("E-mail")),
        Column("course", label=gettext_lazy("Course")),
        Column("state", label=gettext_lazy("Status")),
        ProgressColumn("progress", label=gettext_lazy("Progress")),
        Column("quizzes_passed", label=gettext_lazy("Quizzes passed")),
        Column("best_quiz_score", label=gettext_lazy("Best quiz score (%)")),
        Column("attempts_granted", label=gettext_lazy("Extra attempts allowed")),
        DateColumn("enrolled_at", label=gettext_lazy("Enrolled")),
        DateColumn("completed_at", label=gettext_lazy("Completed")),
        DateColumn("last_activity_at", label=gettext_lazy("Last activity")),
    ]
    list_export = [
        "learner_name",
        "learner_email",
        "course.title",
        "state",
        "progress_percent",
        "quizzes_passed",
        "best_quiz_score",
        "requested_at",
        "enrolled_at",
        "completed_at",
        "last_activity_at",
    ]
    export_headings = {
        "learner_name": gettext_lazy("Learner"),
        "learner_email": gettext_lazy("E-mail"),
        "course.title": gettext_lazy("Course"),
        "state": gettext_lazy("Status"),
        "progress_percent": gettext_lazy("Progress"),
        "quizzes_passed": gettext_lazy("Quizzes passed"),
        "best_quiz_score": gettext_lazy("Best quiz score"),
        "requested_at": gettext_lazy("Requested"),
        "enrolled_at": gettext_lazy("Enrolled"),
        "completed_at": gettext_lazy("Completed"),
        "last_activity_at": gettext_lazy("Last activity"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("courses.view_enrolment"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"learners-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        return (
            enrolments_visible_to(self.request.user)
            .filter(user__isnull=False)
            .select_related("user", "course")
            .annotate(
                quizzes_passed=Count(
                    "quiz_attempts__quiz_id",
                    filter=Q(quiz_attempts__passed=True),
                    distinct=True,
                ),
                best_quiz_score=Max("quiz_attempts__score"),
                attempts_granted=Coalesce(
                    Subquery(
                        QuizAttemptGrant.objects.filter(enrolment=OuterRef("pk"))
                        .order_by()
                        .values("enrolment")
                        .annotate(count=Count("pk"))
                        .values("count")
                    ),
                    0,
                ),
            )
            .order_by("course__title", "user__full_name", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        for enrolment in object_list:
            enrolment.learner_name = enrolment.user.full_name
            enrolment.learner_email = enrolment.user.email
            enrolment.state = enrolment_state(enrolment)
        return object_list

    def to_row_dict(self, item):
        item.learner_name = item.user.full_name
        item.learner_email = item.user.email
        item.state = enrolment_state(item)
        row = super().to_row_dict(item)
        # Shares, so that a spreadsheet holds them as numbers (0.25 shown 25%).
        row["progress_percent"] = Percentage(item.progress_percent / 100)
        if item.best_quiz_score is not None:
            row["best_quiz_score"] = Percentage(item.best_quiz_score / 100)
        return row


def enrolment_requests(request: HttpRequest) -> HttpResponse:
    if not is_course_manager(request.user):
        raise PermissionDenied
    pending = (
        enrolments_visible_to(request.user)
        .filter(status=Enrolment.Status.PENDING)
        .select_related("user", "course")
        .order_by("requested_at")
    )
    return TemplateResponse(
        request,
        "courses/admin/enrolment_requests.html",
        {
            "pending": pending,
            "page_title": _("Enrolment requests"),
            "header_icon": "group",
        },
    )


@require_POST
def enrolment_decide(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    if not is_course_manager(request.user):
        raise PermissionDenied
    enrolment = get_object_or_404(Enrolment, pk=enrolment_id)
    approve = request.POST.get("decision") == "approve"
    try:
        services.enrolment_decide(
            enrolment=enrolment, approve=approve, decided_by=request.user
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        template = (
            _("%(name)s is now enrolled in %(course)s.")
            if approve
            else _("The request of %(name)s to join %(course)s was declined.")
        )
        messages.success(
            request,
            template % {"name": enrolment.user, "course": enrolment.course.title},
        )
    return HttpResponseRedirect(reverse("courses_enrolment_requests"))


def _visible_enrolment(request: HttpRequest, enrolment_id: int) -> Enrolment:
    """An enrolment the member of staff sees under *Learners*; 404 otherwise."""
    if not request.user.has_perm("courses.view_enrolment"):
        raise PermissionDenied
    return get_object_or_404(
        enrolments_visible_to(request.user)
        .filter(user__isnull=False)
        .select_related("user", "course"),
        pk=enrolment_id,
    )


def learner_quizzes(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    """One learner's quizzes in a course: attempts, scores, requests for another
    attempt and the extra attempts allowed (who, when), with "Allow another
    attempt" where the learner has none left."""
    enrolment = _visible_enrolment(request, enrolment_id)
    records = quiz_records(enrolment=enrolment)
    now = timezone.now()
    rows = []
    lessons = LessonPage.objects.descendant_of(enrolment.course).live()
    for lesson in lessons.order_by("path"):
        for quiz in lesson.quizzes:
            record = records.get((lesson.pk, quiz.id), QuizRecords())
            allowance = quiz_allowance(
                quiz_value=quiz.value,
                attempts=record.attempts,
                grants=record.grants,
                now=now,
            )
            passed = any(attempt.passed for attempt in record.attempts)
            rows.append(
                {
                    "lesson": lesson,
                    "quiz_id": quiz.id,
                    "title": quiz.value["title"],
                    "max_attempts": quiz.value["max_attempts"],
                    "records": record,
                    "allowance": allowance,
                    "passed": passed,
                    "can_grant": not passed
                    and not allowance.can_attempt
                    and enrolment.is_active,
                }
            )
    return TemplateResponse(
        request,
        "courses/admin/learner_quizzes.html",
        {
            "enrolment": enrolment,
            "rows": rows,
            "page_title": enrolment.user.full_name,
            "page_subtitle": enrolment.course.title,
            "header_icon": "group",
        },
    )


@require_POST
def learner_attempt_grant(
    request: HttpRequest, enrolment_id: int, lesson_id: int, quiz_id: str
) -> HttpResponse:
    enrolment = _visible_enrolment(request, enrolment_id)
    lesson = get_object_or_404(LessonPage, pk=lesson_id)
    try:
        services.quiz_attempt_grant(
            enrolment=enrolment,
            lesson=lesson,
            quiz_id=quiz_id,
            granted_by=request.user,
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("%(name)s may take “%(quiz)s” once more; they have been e-mailed.")
            % {
                "name": enrolment.user.full_name,
                "quiz": lesson.quiz(quiz_id).value["title"],
            },
        )
    return HttpResponseRedirect(
        reverse("courses_learners_quizzes", args=[enrolment.pk])
        + f"#quiz-{lesson.pk}-{quiz_id}"
    )
