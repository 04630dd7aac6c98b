"""The course roles: trainers write and submit for review, course managers review,
publish and decide enrolment requests. Created by a migration; their rights on
pages are granted per catalogue when a catalogue page is created."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

TRAINERS = "Trainers"
COURSE_MANAGERS = "Course managers"
COURSE_REVIEW_WORKFLOW = "Course review"

PAGE_PERMISSIONS = {
    TRAINERS: ["add_page", "change_page"],
    COURSE_MANAGERS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    ],
}


def course_review_workflow() -> Workflow:
    managers, _ = Group.objects.get_or_create(name=COURSE_MANAGERS)
    workflow, created = Workflow.objects.get_or_create(name=COURSE_REVIEW_WORKFLOW)
    if created or not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name="Course manager review")
        task.groups.set([managers])
        workflow.workflow_tasks.create(task=task, sort_order=0)
    return workflow


def catalogue_permissions_grant(*, index_page: Page) -> None:
    """Give trainers and course managers their rights on one catalogue (and so on
    every course under it) and put its courses through the course review."""
    for group_name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=index_page, permission=permission
            )
    WorkflowPage.objects.update_or_create(
        page=index_page, defaults={"workflow": course_review_workflow()}
    )


_AUTHORING = [
    "wagtailadmin.access_admin",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "courses.add_trainer",
    "courses.change_trainer",
    "courses.view_enrolment",
]
MODEL_PERMISSIONS = {
    TRAINERS: _AUTHORING,
    COURSE_MANAGERS: [
        *_AUTHORING,
        "courses.delete_trainer",
        "courses.change_enrolment",
    ],
}


def group_permissions_grant(permissions: dict[str, list[str]]) -> None:
    """Give each named group these "app_label.codename" permissions (other apps
    call this for their own models). Unknown permissions are skipped.

    Runs from post_migrate, possibly before Django has created the permissions of
    the apps named here, so it creates them first (idempotent)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    installed = {config.label: config for config in apps.get_app_configs()}
    for label in {
        name.split(".")[0] for names in permissions.values() for name in names
    }:
        if label in installed:
            create_permissions(installed[label], verbosity=0)
    for group_name, permission_names in permissions.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for name in permission_names:
            app_label, codename = name.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)


def roles_setup(**kwargs) -> None:
    """Create the course roles with their model permissions. Idempotent; runs after
    every `migrate` (post_migrate), so new permissions reach existing groups."""
    group_permissions_grant(MODEL_PERMISSIONS)
    for index_page in Page.objects.type(_catalogue_model()):
        catalogue_permissions_grant(index_page=index_page)


def _catalogue_model():
    from .models import CourseIndexPage

    return CourseIndexPage
