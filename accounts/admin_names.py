"""The names the admin shows for the rows the platform creates itself: its groups,
the course review workflow and its task, and the site.

They are stored in English, because the code finds them by name (courses.roles,
metrics.roles, home.demo), so a Slovenian member of staff would read "Trainers"
and "Course review". The admin shows them through admin_name() instead, in the
reader's language; the stored names never change, and a group or workflow staff
created themselves is shown as they named it."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import SubmitForModerationMenuItem

from courses.roles import (
    COURSE_MANAGERS,
    COURSE_REVIEW_TASK,
    COURSE_REVIEW_WORKFLOW,
    TRAINERS,
)
from metrics.roles import ANALYSTS

SITE_NAME = "Creative Cities Academy"

ADMIN_NAMES = {
    TRAINERS: _("Trainers"),
    COURSE_MANAGERS: _("Course managers"),
    ANALYSTS: _("Analysts"),
    COURSE_REVIEW_WORKFLOW: _("Course review"),
    COURSE_REVIEW_TASK: _("Course manager review"),
    # The site record's name (home.demo) and WAGTAIL_SITE_NAME.
    SITE_NAME: _("Creative Cities Academy"),
    # What Wagtail's own migrations create.
    "Moderators": _("Moderators"),
    "Editors": _("Editors"),
    "Moderators approval": _("Moderators approval"),
}


def admin_name(name) -> str:
    """The name to show for a stored group, workflow, task or site name: its
    translation if the platform created it, else the name as stored."""
    label = ADMIN_NAMES.get(str(name)) if name is not None else None
    return str(label) if label is not None else name


def group_label(group) -> str:
    """A group as a choice in a form (the user form's checkboxes, the user
    list's filter)."""
    return admin_name(group.name)


class NamedSubmitForModerationMenuItem(SubmitForModerationMenuItem):
    """The editor's "Submit to Course review" / "Resubmit to …" button, with the
    workflow or task named in the reader's language."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        workflow_state = page.current_workflow_state if page else None
        if (
            workflow_state
            and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES
        ):
            context["label"] = gettext("Resubmit to %(task_name)s") % {
                "task_name": admin_name(workflow_state.current_task_state.task.name)
            }
        else:
            workflow_page = page if page and page.pk else context["parent_page"]
            workflow = workflow_page.get_workflow()
            if workflow:
                context["label"] = gettext("Submit to %(workflow_name)s") % {
                    "workflow_name": admin_name(workflow.name)
                }
        return context


def page_action_menu_name(menu_items, request, context) -> None:
    """construct_page_action_menu: Wagtail's submit button replaced by the one
    above, in the same place."""
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = NamedSubmitForModerationMenuItem(order=item.order)
