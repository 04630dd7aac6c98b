"""Wagtail's group admin, showing the platform's groups by their names in the
reader's language (accounts.admin_names); the name field still edits the stored
name."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import TitleColumn
from wagtail.users.views import groups
from wagtail.users.views.users import UserFilterSet as WagtailUserFilterSet

from .admin_names import admin_name, group_label


class GroupNameMixin:
    def get_page_subtitle(self):
        return admin_name(self.object.name)

    def get_success_message(self, *args):
        if self.success_message is None:
            return None
        return capfirst(self.success_message % {"object": admin_name(self.object.name)})


class GroupIndexView(groups.IndexView):
    columns = [
        TitleColumn(
            "name",
            accessor=lambda group: admin_name(group.name),
            label=_("Name"),
            sort_key="name",
            url_name="wagtailusers_groups:edit",
        ),
    ]


class GroupEditView(GroupNameMixin, groups.EditView):
    pass


class GroupDeleteView(GroupNameMixin, groups.DeleteView):
    pass


class GroupViewSet(groups.GroupViewSet):
    index_view_class = GroupIndexView
    edit_view_class = GroupEditView
    delete_view_class = GroupDeleteView


class UserFilterSet(WagtailUserFilterSet):
    """The user list's filter by group, naming groups as the admin does."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["group"].field.label_from_instance = group_label
