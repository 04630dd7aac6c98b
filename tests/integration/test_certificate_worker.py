"""Certificates through the real broker and real `celery worker` processes: issued
once whatever happens to workers and broker."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail

from certificates.factories import certificate_for, completed_enrolment
from certificates.models import Certificate
from certificates.services import certificate_retry, certificates_sweep_pending
from certificates.tasks import certificate_render_task, total_retry_delay
from lms.celery import app

from .slow_renderer import RenderGate

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def issued(certificate: Certificate) -> bool:
    certificate.refresh_from_db()
    return certificate.status == Certificate.Status.ISSUED


def files_of(certificate: Certificate) -> list[str]:
    _dirs, files = certificate.pdf.storage.listdir("")
    return [name for name in files if certificate.verification_code in name]


@pytest.fixture
def render_gate(tmp_path) -> RenderGate:
    """Holds a worker's renders in the middle until the test opens it."""
    return RenderGate(tmp_path / "render-gate")


def test_completion_is_certified_by_the_worker(
    catalogue, celery_worker_process, wait_for
):
    certificate = certificate_for(completed_enrolment(parent=catalogue))
    wait_for(
        lambda: issued(certificate), timeout=90, message="certificate never issued"
    )
    assert files_of(certificate) == [f"{certificate.verification_code}.pdf"]
    messages = wait_for(celery_worker_process.sent_emails, timeout=30)
    assert len(messages) == 1
    assert (
        certificate.verification_code in messages[0].get_payload(decode=True).decode()
    )
    assert mail.outbox == []  # sent by the worker, not the web process


def test_pool_process_killed_mid_render_is_redone_by_the_next_one_once(
    catalogue, start_worker, wait_for, render_gate
):
    worker = start_worker(**render_gate.env)
    certificate = certificate_for(completed_enrolment(parent=catalogue))
    wait_for(render_gate.rendering, timeout=60, message="render never started")
    worker.kill_pool_child()
    render_gate.open()

    wait_for(
        lambda: issued(certificate), timeout=120, message="never issued after kill"
    )
    worker.wait_for_log("succeeded", timeout=30)
    assert "WorkerLostError" in "".join(worker.log)
    assert len(render_gate.rendering()) == 2  # the killed process, then the next
    assert files_of(certificate) == [f"{certificate.verification_code}.pdf"]
    assert len(worker.sent_emails()) == 1


def test_whole_worker_killed_mid_render_is_picked_up_by_the_sweep_once(
    catalogue, start_worker, wait_for, render_gate
):
    first = start_worker(**render_gate.env)
    certificate = certificate_for(completed_enrolment(parent=catalogue))
    wait_for(render_gate.rendering, timeout=60, message="render never started")
    first.kill()
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.PENDING

    second = start_worker()
    # What celery beat does every two minutes, for certificates pending too long.
    certificates_sweep_pending(older_than=timedelta(0))
    wait_for(
        lambda: issued(certificate), timeout=90, message="sweep did not recover it"
    )
    # What the broker redelivers later (the killed worker's message) finds it
    # issued and changes nothing.
    second.wait_for_log("succeeded", timeout=30)
    certificate_render_task.delay(certificate.pk)
    second.wait_for_log("succeeded", timeout=30)
    assert files_of(certificate) == [f"{certificate.verification_code}.pdf"]
    assert len(second.sent_emails()) == 1


def test_broker_down_at_completion_loses_nothing(catalogue, start_worker, wait_for):
    real_broker = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:9/0"  # nothing listens there
    app._pool = None
    app.amqp._producer_pool = None
    try:
        enrolment = completed_enrolment(parent=catalogue)
    finally:
        app.conf.broker_url = real_broker
        app._pool = None
        app.amqp._producer_pool = None
    certificate = certificate_for(enrolment)
    assert enrolment.completed_at is not None
    assert certificate.status == Certificate.Status.PENDING

    start_worker()
    certificates_sweep_pending(older_than=timedelta(0))
    wait_for(lambda: issued(certificate), timeout=90, message="not issued after outage")


def test_rendering_errors_are_retried_then_marked_failed_for_staff(
    catalogue, start_worker, wait_for
):
    broken = start_worker(
        CERTIFICATE_STORAGE_LOCATION="/proc/no-such-place",
        CERTIFICATE_RENDER_MAX_RETRIES="2",
        CERTIFICATE_RENDER_RETRY_BACKOFF="1",
    )
    certificate = certificate_for(completed_enrolment(parent=catalogue))

    def failed() -> bool:
        certificate.refresh_from_db()
        return certificate.status == Certificate.Status.FAILED

    wait_for(failed, timeout=90, message="never marked failed")
    assert certificate.render_attempts == 3
    assert "Error" in certificate.error
    assert "Retry in" in "".join(broken.log)
    broken.kill()

    start_worker()
    certificate_retry(certificate=certificate)
    wait_for(lambda: issued(certificate), timeout=90, message="retry did not issue it")


def test_retries_stay_below_the_broker_visibility_timeout():
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get(
        "visibility_timeout", 3600
    )
    assert total_retry_delay() + settings.CELERY_TASK_TIME_LIMIT < visibility
    assert settings.CELERY_WORKER_MAX_TASKS_PER_CHILD
    assert settings.CELERY_WORKER_MAX_MEMORY_PER_CHILD
