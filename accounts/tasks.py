from celery import shared_task
from django.core.mail import EmailMultiAlternatives


@shared_task(
    name="accounts.email_send",
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_backoff_max=600,
    max_retries=5,
)
def email_send(
    *,
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    html_body: str | None = None,
) -> None:
    """Send one rendered e-mail. Retried with backoff while the mail server is
    unreachable; a message is sent at most once per successful run."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()


@shared_task(name="accounts.data_export_build")
def data_export_build_task(export_id: int) -> None:
    """Build one personal-data export (idempotent: a ready export is left alone)."""
    from .services import data_export_build

    data_export_build(export_id=export_id)


@shared_task(name="accounts.data_exports_expire")
def data_exports_expire_task() -> None:
    """Delete the files of expired exports (periodic, idempotent)."""
    from .services import data_exports_expire

    data_exports_expire()


@shared_task(name="accounts.security_events_prune")
def security_events_prune_task() -> None:
    """Delete security events past their retention (periodic, idempotent)."""
    from .services import security_events_prune

    security_events_prune()
