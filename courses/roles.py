"""The course roles: trainers write and submit for review, course managers review,
publish and decide enrolment requests. Created by a migration; their rights on
pages are granted per catalogue when a catalogue page is created."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

TRAINERS = "Trainers"
COURSE_MANAGERS = "Course managers"
COURSE_REVIEW_WORKFLOW = "Course review"
COURSE_REVIEW_TASK = "Course manager review"

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
    """The "Course review" workflow: one task, approved by a course manager.
    Idempotent; repairs a workflow left without its task."""
    managers, _ = Group.objects.get_or_create(name=COURSE_MANAGERS)
    workflow, _created = Workflow.objects.get_or_create(name=COURSE_REVIEW_WORKFLOW)
    # WorkflowTask rows, not workflow.workflow_tasks.create(): that one is
    # modelcluster's and only keeps the task in memory until workflow.save(). A
    # workflow without a task publishes at once what is submitted for review (and
    # fails for a trainer, who may not publish).
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.filter(
            name=COURSE_REVIEW_TASK
        ).first() or GroupApprovalTask.objects.create(name=COURSE_REVIEW_TASK)
        task.groups.add(managers)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
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
    # Their own card only (courses.permissions.TrainerPermissionPolicy).
    "courses.change_trainer",
    "courses.view_enrolment",
    # *Translate* (wagtail.contrib.simple_translation): copies a page they may
    # edit, with its modules and lessons if asked, as a draft into the other
    # language's catalogue, where it goes through the course review like any
    # other draft.
    "simple_translation.submit_translation",
]
MODEL_PERMISSIONS = {
    TRAINERS: _AUTHORING,
    COURSE_MANAGERS: [
        *_AUTHORING,
        "courses.delete_trainer",
        # Edit every card and link cards to accounts, which opens the learners
        # of the card's courses to that account.
        "courses.link_trainer_account",
        "courses.change_enrolment",
    ],
}

# Wagtail checks images and documents per collection (GroupCollectionPermission)
# and ignores a group's model permissions for them: without these, trainers could
# neither upload nor choose the images and worksheets of their lessons. Granted on
# the root collection, so they hold in every collection. Trainers edit the files
# they uploaded; course managers edit any.
COLLECTION_PERMISSIONS = {
    TRAINERS: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    COURSE_MANAGERS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
}


def _permissions_create(permissions: dict[str, list[str]]) -> None:
    """Runs from post_migrate, possibly before Django has created the permissions
    of the apps named here: create them first (idempotent)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    installed = {config.label: config for config in apps.get_app_configs()}
    for label in {
        name.split(".")[0] for names in permissions.values() for name in names
    }:
        if label in installed:
            create_permissions(installed[label], verbosity=0)


def _permission(name: str) -> Permission | None:
    app_label, codename = name.split(".")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


def collection_permissions_grant() -> None:
    """Give the course roles their rights on images and documents (see
    COLLECTION_PERMISSIONS). Idempotent; does nothing before Wagtail's root
    collection exists."""
    root = Collection.get_first_root_node()
    if root is None:
        return
    _permissions_create(COLLECTION_PERMISSIONS)
    for group_name, permission_names in COLLECTION_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for name in permission_names:
            permission = _permission(name)
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=permission
                )


def group_permissions_grant(permissions: dict[str, list[str]]) -> None:
    """Give each named group these "app_label.codename" permissions (other apps
    call this for their own models). Unknown permissions are skipped.

    Runs from post_migrate, possibly before Django has created the permissions of
    the apps named here, so it creates them first (idempotent)."""
    _permissions_create(permissions)
    for group_name, permission_names in permissions.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for name in permission_names:
            permission = _permission(name)
            if permission is not None:
                group.permissions.add(permission)


def roles_setup(**kwargs) -> None:
    """Create the course roles with their model and collection permissions.
    Idempotent; runs after every `migrate` (post_migrate), so new permissions
    reach existing groups."""
    group_permissions_grant(MODEL_PERMISSIONS)
    collection_permissions_grant()
    for index_page in Page.objects.type(_catalogue_model()):
        catalogue_permissions_grant(index_page=index_page)


def _catalogue_model():
    from .models import CourseIndexPage

    return CourseIndexPage
