"""Background work through the real broker and a real `celery worker` process."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page, ReferenceIndex

from home.models import HomePage

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_signup_verification_mail_is_sent_by_the_worker(
    client, demo_site, celery_worker_process, wait_for
):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "marko@glasba.si",
            "full_name": "Marko Zupan",
            "password1": "ritem-in-melodija-77",
            "password2": "ritem-in-melodija-77",
            "sector": "music",
            "city": "ljubljana",
            "business_stage": "idea",
            "privacy_consent": "on",
        },
    )
    assert response.status_code == 302
    assert mail.outbox == []  # not sent by the web process

    messages = wait_for(celery_worker_process.sent_emails, timeout=60)
    assert messages[0]["To"] == "marko@glasba.si"
    assert "confirm-email" in messages[0].get_payload(decode=True).decode()


@override_settings(TASKS={"default": {"BACKEND": "lms.tasks_backend.CeleryBackend"}})
def test_wagtail_reference_index_is_updated_by_the_worker(
    demo_site, celery_worker_process, wait_for
):
    home = HomePage.objects.get(locale__language_code="en")
    privacy = Page.objects.get(slug="privacy")
    ReferenceIndex.objects.all().delete()

    home.hero_cta_page = privacy
    home.save()

    wait_for(
        lambda: ReferenceIndex.get_references_to(privacy).exists(),
        timeout=60,
        message="the worker never updated Wagtail's reference index",
    )
    assert "lms.run_django_task" in "".join(celery_worker_process.log)


def test_the_participation_summary_is_refreshed_by_the_worker(
    demo_site, celery_worker_process, wait_for
):
    from django.conf import settings

    from lms.celery import app
    from metrics.models import SummaryRefresh
    from metrics.tasks import summary_refresh_task

    schedule = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"metrics.summary_refresh", "metrics.summary_rebuild"} <= schedule
    app.loader.import_default_modules()
    assert schedule <= set(app.tasks)
    summary_refresh_task.delay()
    wait_for(
        lambda: SummaryRefresh.objects.filter(scope="profiles").exists(),
        timeout=60,
        message="the worker never refreshed the participation summary",
    )
