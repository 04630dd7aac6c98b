"""Wagtail admin views that Wagtail opens to everyone who may enter the admin,
narrowed to the people whose work needs them (README, "Who may see and do what").

Wagtail checks permissions in most of its views; the ones below it leaves open to
any admin user (an analyst, who may read the participation metrics and nothing
else, could list every page, image, document, snippet and workflow task through
them, or read the whole site history). These rules only take away: whatever
passes them still goes through Wagtail's own checks. tests/integration/
test_role_matrix.py pins what each role reaches."""

import fnmatch
from collections.abc import Callable, Mapping
from typing import Any

from wagtail.admin.auth import user_has_any_page_permission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Task, Workflow
from wagtail.permissions import policy_registry

AccessCheck = Callable[[Any, Mapping[str, Any]], bool]


def edits_content(user, view_kwargs: Mapping[str, Any] | None = None) -> bool:
    """Writes something in the admin: pages, or a model they may add or change
    (snippets, images, documents). Choosers and the admin API are their tools."""
    if user_has_any_page_permission(user):
        return True
    # Images and documents are permitted per collection, not per model.
    for model in (get_image_model(), get_document_model()):
        if policy_registry.get_by_type(model).user_has_any_permission(
            user, ["add", "change", "choose"]
        ):
            return True
    return any(
        name.split(".", 1)[1].startswith(("add_", "change_"))
        for name in user.get_all_permissions()
    )


def edits_pages(user, view_kwargs: Mapping[str, Any] | None = None) -> bool:
    return user_has_any_page_permission(user)


def publishes_pages(user, view_kwargs: Mapping[str, Any] | None = None) -> bool:
    return policy_registry.get_by_type(Page).user_has_any_permission(user, ["publish"])


def manages_workflows(user, view_kwargs: Mapping[str, Any] | None = None) -> bool:
    actions = ["add", "change", "delete"]
    return policy_registry.get_by_type(Workflow).user_has_any_permission(
        user, actions
    ) or policy_registry.get_by_type(Task).user_has_any_permission(user, actions)


def _page_check(argument: str, can: str) -> AccessCheck:
    def check(user, view_kwargs: Mapping[str, Any]) -> bool:
        page = Page.objects.filter(pk=view_kwargs.get(argument)).first()
        if page is None:
            return True  # Wagtail answers 404
        return getattr(page.permissions_for_user(user), can)()

    return check


# (view name pattern, who passes). Every rule that matches must pass.
RESTRICTED_VIEWS: list[tuple[str, AccessCheck]] = [
    # The log of every page above the user's own (the home page included) and of
    # every model they touch: an overview for those who publish.
    ("wagtailadmin_reports:site_history*", publishes_pages),
    # The workflow editor's task chooser lists every task.
    ("wagtailadmin_workflows:task_chooser*", manages_workflows),
    ("wagtailadmin_workflows:task_chosen", manages_workflows),
    # Wagtail checks these when the form is sent, not when it is shown (with the
    # titles of the pages).
    ("wagtailadmin_pages:move_confirm", _page_check("page_to_move_id", "can_move")),
    (
        "wagtailadmin_pages:confirm_workflow_cancellation",
        _page_check("page_id", "can_edit"),
    ),
    # "Where to add this page type?": for those who add pages.
    ("wagtailadmin_pages:choose_parent", edits_pages),
    # Editing tools: they list pages, images, documents, snippets and tags.
    ("wagtailadmin_api:*", edits_content),
    ("wagtailadmin_choose_*", edits_content),
    ("wagtailadmin_tag_*autocomplete", edits_content),
    ("wagtailadmin_block_preview", edits_content),
    ("wagtailadmin_editing_sessions:*", edits_content),
    ("wagtailembeds:*", edits_content),
    ("wagtailimages_chooser:*", edits_content),
    ("wagtaildocs_chooser:*", edits_content),
    ("wagtailsnippetchoosers_*", edits_content),
]


def admin_view_allowed(user, view_name: str, view_kwargs: Mapping[str, Any]) -> bool:
    """Whether `user` may open the admin view `view_name` as far as our rules go
    (Wagtail's own checks come after). Superusers pass every rule."""
    if user.is_superuser:
        return True
    return all(
        check(user, view_kwargs)
        for pattern, check in RESTRICTED_VIEWS
        if fnmatch.fnmatchcase(view_name, pattern)
    )
