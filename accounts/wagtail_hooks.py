from django.urls import Resolver404, path, resolve, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .admin_access import admin_view_allowed
from .admin_names import page_action_menu_name
from .models import SecurityEvent

READ_ACTIONS = {"view"}


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds, edits or deletes a security event, not even a superuser: the
    log is written by the code only. Reading needs "view security event"
    (superusers have it)."""

    def user_has_permission(self, user, action):
        return action in READ_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action in READ_ACTIONS]
        )


class SecurityEventViewSet(ModelViewSet):
    model = SecurityEvent
    icon = "warning"
    menu_label = _("Security log")
    menu_order = 900
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        DateColumn("at", label=_("When"), sort_key="at"),
        Column("action", label=_("Action"), accessor="get_action_display"),
        Column("actor", label=_("By")),
        Column("subject", label=_("Concerning")),
        Column("ip_address", label=_("IP address")),
        Column("detail", label=_("Detail")),
    ]
    list_filter = ["action", "at"]
    search_fields = ["detail", "actor__email", "subject__email"]
    inspect_view_fields = ["at", "action", "actor", "subject", "ip_address", "detail"]

    # Only for the checks Wagtail makes on start-up: there is no add or edit view.
    form_fields = ["action"]

    def get_permissions_to_register(self):
        # Only "view" is worth granting in the group editor.
        return super().get_permissions_to_register().filter(codename__startswith="view")

    def get_urlpatterns(self):
        # Only the listing and the detail: no add, edit, copy or delete views.
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name in {"index", "index_results", "inspect"}
        ]


register_permission_policy(
    SecurityEvent, ReadOnlyPermissionPolicy(SecurityEvent), exact_class=True
)
security_event_viewset = SecurityEventViewSet("security_events")


@hooks.register("register_admin_viewset")
def register_security_event_viewset():
    return security_event_viewset


@hooks.register("register_admin_urls")
def register_account_admin_urls():
    return [
        path(
            "accounts/<int:pk>/erase/",
            admin_views.account_erase,
            name="accounts_admin_erase",
        )
    ]


@hooks.register("register_user_listing_buttons")
def user_erase_button(user, request_user):
    if request_user.has_perm("accounts.erase_user") and user.pk != request_user.pk:
        yield ListingButton(
            _("Erase account"),
            reverse("accounts_admin_erase", args=[user.pk]),
            priority=100,
        )


@hooks.register("construct_reports_menu")
def hide_reports_closed_to_the_user(request, menu_items):
    """Reports that accounts.admin_access closes to this user leave the menu."""
    menu_items[:] = [
        item
        for item in menu_items
        if admin_view_allowed(request.user, _view_name(item.url), view_kwargs={})
    ]


def _view_name(url: str) -> str:
    try:
        return resolve(url).view_name
    except Resolver404:
        return ""


@hooks.register("after_create_user")
def _invite_created_user(request, user) -> None:
    """Staff never type in a password for someone else: the new account's
    owner gets an e-mail to choose their own, and the admin says so."""
    from django.contrib import messages
    from django.utils.translation import gettext

    from .services import staff_invitation_send

    staff_invitation_send(user=user)
    messages.info(
        request,
        gettext(
            "An invitation was sent to %(email)s. Its link lets them choose "
            "a password and confirms the address; then they can log in."
        )
        % {"email": user.email},
    )


# The editor's submit button names the workflow in the reader's language.
hooks.register("construct_page_action_menu", page_action_menu_name)
