from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Trainer
from .permissions import TrainerPermissionPolicy
from .roles import COURSE_MANAGERS, COURSE_REVIEW_TASK, COURSE_REVIEW_WORKFLOW, TRAINERS
from .selectors import is_course_manager


class TrainerIndexView(snippet_views.IndexView):
    def get_edit_url(self, instance):
        # A trainer's list links only to the card they may edit: their own.
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None


class TrainerEditView(snippet_views.EditView):
    def get_object(self, queryset=None):
        card = super().get_object(queryset)
        if not self.user_has_permission_for_instance("change", card):
            raise PermissionDenied  # Wagtail's refusal: back to the admin home
        return card


class TrainerViewSet(SnippetViewSet):
    model = Trainer
    icon = "user"
    menu_label = _("Trainers")
    list_display = ["name", "user"]
    search_fields = ["name"]
    index_view_class = TrainerIndexView
    edit_view_class = TrainerEditView


register_permission_policy(Trainer, TrainerPermissionPolicy(Trainer), exact_class=True)
register_snippet(TrainerViewSet)


@hooks.register("register_admin_urls")
def register_course_admin_urls():
    learners = admin_views.LearnersReportView
    return [
        path("courses/learners/", learners.as_view(), name="courses_learners"),
        path(
            "courses/learners/results/",
            learners.as_view(results_only=True),
            name="courses_learners_results",
        ),
        path(
            "courses/learners/<int:enrolment_id>/quizzes/",
            admin_views.learner_quizzes,
            name="courses_learners_quizzes",
        ),
        path(
            "courses/learners/<int:enrolment_id>/quizzes/<int:lesson_id>/<slug:quiz_id>/grant/",
            admin_views.learner_attempt_grant,
            name="courses_learners_attempt_grant",
        ),
        path(
            "courses/requests/",
            admin_views.enrolment_requests,
            name="courses_enrolment_requests",
        ),
        path(
            "courses/requests/<int:enrolment_id>/decide/",
            admin_views.enrolment_decide,
            name="courses_enrolment_decide",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


@hooks.register("register_admin_menu_item")
def register_learners_menu_item():
    return PermissionMenuItem(
        _("Learners"),
        reverse("courses_learners"),
        icon_name="group",
        order=250,
        check=lambda user: user.has_perm("courses.view_enrolment"),
    )


@hooks.register("register_admin_menu_item")
def register_requests_menu_item():
    return PermissionMenuItem(
        _("Enrolment requests"),
        reverse("courses_enrolment_requests"),
        icon_name="tasks",
        order=251,
        check=is_course_manager,
    )


@hooks.register("register_admin_names")
def course_role_names():
    """The groups and the workflow courses creates, in the reader's language."""
    return {
        TRAINERS: _("Trainers"),
        COURSE_MANAGERS: _("Course managers"),
        COURSE_REVIEW_WORKFLOW: _("Course review"),
        COURSE_REVIEW_TASK: _("Course manager review"),
    }


@hooks.register("assessments_result_panels")
def recommendations_panel(request, response, result):
    """Beside a self-assessment result: courses that train the weakest competences."""
    from django.template.loader import render_to_string

    from assessments.selectors import weakest_competences

    from .selectors import recommended_courses

    if response.user_id != request.user.pk:
        return None  # staff looking at someone's result need no suggestions
    suggestions = recommended_courses(
        weakest=weakest_competences(result, n=3), user=request.user
    )
    return render_to_string(
        "courses/includes/recommendations.html",
        {"suggestions": suggestions},
        request=request,
    )
