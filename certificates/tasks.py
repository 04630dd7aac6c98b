from celery import shared_task
from django.conf import settings

from .services import (
    certificate_issue,
    certificate_render_failed,
    certificates_sweep_pending,
)


def retry_countdown(retries: int) -> int:
    """Exponential backoff: base, 2×base, 4×base, ... seconds."""
    return settings.CERTIFICATE_RENDER_RETRY_BACKOFF * (2**retries)


def total_retry_delay() -> int:
    return sum(
        retry_countdown(n) for n in range(settings.CERTIFICATE_RENDER_MAX_RETRIES)
    )


@shared_task(bind=True, name="certificates.render", acks_late=True, max_retries=None)
def certificate_render_task(self, certificate_id: int) -> None:
    """Render and issue one certificate. Idempotent (see certificate_issue);
    retried with backoff on errors, then marked failed for staff to see."""
    try:
        certificate_issue(certificate_id=certificate_id)
    except Exception as error:
        final = self.request.retries >= settings.CERTIFICATE_RENDER_MAX_RETRIES
        certificate_render_failed(
            certificate_id=certificate_id,
            error=f"{type(error).__name__}: {error}",
            final=final,
        )
        if final:
            return
        raise self.retry(
            exc=error, countdown=retry_countdown(self.request.retries)
        ) from error


@shared_task(name="certificates.sweep_pending")
def certificates_sweep_task() -> int:
    """Periodic (celery beat): re-enqueue certificates left pending too long."""
    return len(certificates_sweep_pending())
