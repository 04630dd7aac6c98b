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
