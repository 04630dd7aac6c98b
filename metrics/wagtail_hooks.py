from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .roles import ANALYSTS


@hooks.register("register_admin_names")
def analysts_name():
    """The group metrics creates, in the reader's language."""
    return {ANALYSTS: _("Analysts")}


@hooks.register("register_admin_urls")
def register_metrics_urls():
    return [
        path("participation/", views.dashboard, name="metrics_dashboard"),
        path(
            "participation/courses/<int:course_id>/",
            views.course_report,
            name="metrics_course_report",
        ),
    ]


class ParticipationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("metrics.view_participation")


@hooks.register("register_admin_menu_item")
def register_metrics_menu_item():
    return ParticipationMenuItem(
        _("Participation"), reverse("metrics_dashboard"), icon_name="table", order=240
    )
