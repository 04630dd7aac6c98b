"""Demo activity for the certificates app: the demo learners' certificates
(created when they completed the demo course) are rendered now rather than by
the worker, and dated a few minutes after each completion, as they would have
been. Called by `manage.py load_demo` (`activity()`); a second run finds none
pending."""

import datetime
from collections.abc import Iterator

from django.test.utils import override_settings

from courses.demo_activity import DEMO_LEARNER_DOMAIN, clock

from .models import Certificate
from .services import certificate_issue


def activity() -> Iterator[str]:
    pending = Certificate.objects.filter(
        status=Certificate.Status.PENDING,
        user__email__endswith=f"@{DEMO_LEARNER_DOMAIN}",
    ).order_by("completed_at")
    issued = 0
    # Their addresses lead nowhere: no e-mail, not even to the console.
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"
    ):
        for certificate in pending:
            moment = certificate.completed_at + datetime.timedelta(minutes=3)
            with clock(moment):
                certificate_issue(certificate_id=certificate.pk)
            issued += 1
    if issued:
        yield f"Issued {issued} certificates of demo learners."
