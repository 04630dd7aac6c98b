"""Demo content of the certificates app. `load()`: who signs the certificates
and the academy's logo (`demo/logo.png`, a made-up mark, not RCKE's own) in
*Certificate settings*. `activity()`: the demo learners' certificates (created
when they completed the demo course) are rendered now rather than by the
worker, and dated a few minutes after each completion, as they would have been.
Called by `manage.py load_demo`; a second run changes nothing."""

import datetime
from collections.abc import Iterator
from pathlib import Path

from django.core.files.images import ImageFile
from django.test.utils import override_settings
from wagtail.images import get_image_model
from wagtail.models import Site

from courses.demo_activity import DEMO_LEARNER_DOMAIN

from .models import Certificate, CertificateSettings
from .services import certificate_issue

LOGO = Path(__file__).parent / "demo" / "logo.png"
LOGO_TITLE = "Creative Cities Academy – logo"
# A made-up person: the demo names no real member of RCKE's staff.
SIGNATORY = {
    "signatory_name": "Mojca Zupan",
    "signatory_title_sl": "vodja akademije",
    "signatory_title_en": "Head of the Academy",
}


def load() -> Iterator[str]:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    settings = CertificateSettings.for_site(site)
    if settings.issuer_logo_id and settings.signatory_name:
        return
    if not settings.issuer_logo_id:
        image_model = get_image_model()
        logo = image_model.objects.filter(title=LOGO_TITLE).first()
        if logo is None:
            with LOGO.open("rb") as file:
                logo = image_model(title=LOGO_TITLE)
                logo.file = ImageFile(file, name="academy-logo.png")
                logo.save()
        settings.issuer_logo = logo
    if not settings.signatory_name:
        for field, value in SIGNATORY.items():
            setattr(settings, field, value)
    settings.save()
    yield "Set the certificates' logo and signatory."


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
            certificate_issue(certificate_id=certificate.pk, now=moment)
            issued += 1
    if issued:
        yield f"Issued {issued} certificates of demo learners."
