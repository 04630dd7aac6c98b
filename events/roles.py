"""What the course roles may do with runs, sessions and events. Trainers set up
the runs (and their sessions) of the courses they teach; course managers every
run and session, and the event pages (page rights on each events listing,
granted when it is created and after every `migrate`)."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from courses.roles import COURSE_MANAGERS, TRAINERS, group_permissions_grant

MANAGE_EVERY_SESSION = "events.manage_every_session"

_RUNS = [
    "events.add_courserun",
    "events.change_courserun",
    "events.view_courserun",
    "events.add_session",
    "events.change_session",
    "events.view_session",
    "events.view_registration",
]
EVENT_PERMISSIONS = {
    # Their own courses' runs only (events.permissions).
    TRAINERS: _RUNS,
    COURSE_MANAGERS: [
        *_RUNS,
        "events.delete_courserun",
        "events.delete_session",
        MANAGE_EVERY_SESSION,
    ],
}
# On each events listing (and so on every event page under it).
EVENT_PAGE_PERMISSIONS = {
    COURSE_MANAGERS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    ],
}


def event_index_permissions_grant(*, index_page: Page) -> None:
    """Give course managers their rights on one events listing. Idempotent."""
    for group_name, codenames in EVENT_PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=index_page, permission=permission
            )


def roles_setup(**kwargs) -> None:
    """Idempotent; runs after every `migrate` (post_migrate)."""
    from .models import EventIndexPage

    group_permissions_grant(EVENT_PERMISSIONS)
    for index_page in Page.objects.type(EventIndexPage):
        event_index_permissions_grant(index_page=index_page)
