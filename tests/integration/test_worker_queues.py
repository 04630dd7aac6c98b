"""Mail to a person and certificate rendering never wait behind housekeeping:
their own queues, served by a worker process of their own (Procfile)."""

import shlex
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from lms.celery import app
from tests.helpers import CELERY_BACKEND, all_waiting, waiting

URGENT = {"mail", "certificates"}


def procfile_worker_queues() -> dict[str, set[str]]:
    """The queues each Celery worker of the Procfile serves."""
    workers = {}
    for line in (Path(settings.BASE_DIR) / "Procfile").read_text().splitlines():
        name, _, command = line.partition(":")
        words = shlex.split(command)
        if "worker" in words and "--queues" in words:
            workers[name] = set(words[words.index("--queues") + 1].split(","))
    return workers


def queue_of(task_name: str) -> str:
    return app.amqp.router.route({}, task_name)["queue"].name


def test_mail_certificates_and_housekeeping_have_queues_of_their_own():
    app.loader.import_default_modules()
    mail_tasks = [name for name in app.tasks if name.endswith("_notify")]
    assert mail_tasks  # the learners' and staff's notifications
    for name in ["accounts.email_send", *mail_tasks]:
        assert queue_of(name) == "mail", name
    assert queue_of("certificates.render") == "certificates"
    assert queue_of("lms.run_django_task") == "housekeeping"
    assert queue_of("metrics.summary_rebuild") == "celery"


def test_the_procfile_serves_mail_in_a_worker_of_its_own():
    workers = procfile_worker_queues()
    declared = {queue.name for queue in settings.CELERY_TASK_QUEUES}
    # Every queue is served, each by one worker (the filesystem broker must not
    # hand one message to two workers).
    served = [queue for queues in workers.values() for queue in queues]
    assert sorted(served) == sorted(declared)
    assert URGENT in workers.values()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_sign_up_mail_is_sent_while_hundreds_of_housekeeping_tasks_wait(
    client, demo_site, start_worker, wait_for
):
    from .housekeeping_tasks import housekeeping_stand_in

    workers = [
        start_worker(queues=",".join(sorted(queues)))
        for queues in procfile_worker_queues().values()
    ]
    with override_settings(TASKS=CELERY_BACKEND), transaction.atomic():
        for _ in range(300):
            housekeeping_stand_in.enqueue(0.5)

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

    assert all_waiting() > 250
    messages = wait_for(workers[0].sent_emails, timeout=30)
    assert messages[0]["To"] == "marko@glasba.si"
    # Housekeeping is still there: the mail did not wait for it.
    assert waiting("housekeeping") > 200
