"""The names the admin shows for the rows the platform creates itself: its groups,
the course review workflow and its task, and the site.

They are stored in English, because the code finds them by name (courses.roles,
metrics.roles, home.demo), so a Slovenian member of staff would read "Trainers"
and "Course review". The admin shows them through admin_name() instead, in the
reader's language; the stored names never change, and a group or workflow staff
created themselves is shown as they named it."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem

SITE_NAME = "Creative Cities Academy"

# Each app names the rows it creates (courses its groups and workflow, metrics
# its group) through this hook: a function returning {stored name: translated
# name}, so accounts imports none of them.
ADMIN_NAMES_HOOK = "register_admin_names"

ADMIN_NAMES = {
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
    if name is None:
        return name
    names = dict(ADMIN_NAMES)
    for hook in hooks.get_hooks(ADMIN_NAMES_HOOK):
        names.update(hook())
    label = names.get(str(name))
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
