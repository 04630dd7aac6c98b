import pytest
from django.test import override_settings
from wagtail.models import Page, ReferenceIndex

from home.models import HomePage

pytestmark = pytest.mark.django_db


@override_settings(TASKS={"default": {"BACKEND": "lms.tasks_backend.CeleryBackend"}})
def test_wagtail_background_tasks_wait_for_the_commit_then_run_on_celery(
    demo_site, django_capture_on_commit_callbacks
):
    home = HomePage.objects.get(locale__language_code="en")
    privacy = Page.objects.get(slug="privacy")
    ReferenceIndex.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        home.hero_cta_page = privacy
        home.save()
    # Nothing ran yet: the task waits for the transaction to commit.
    assert not ReferenceIndex.get_references_to(privacy).exists()
    assert callbacks

    for callback in callbacks:
        callback()  # Celery runs eagerly in the test process here
    assert ReferenceIndex.get_references_to(privacy).exists()
