"""Issuing, revoking and re-issuing certificates. Each function is idempotent or
refuses a repeat: a certificate is created once per enrolment, rendered into one
file, e-mailed once."""

import logging
import secrets
import uuid
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError
from wagtail.models import Site

from accounts.audit import security_event_record
from accounts.models import SecurityEvent
from courses.completion import enrolment_requirements
from courses.models import Enrolment

from . import open_badges
from .credentials import build, keys
from .models import Certificate, CertificateSettings, CertificateTemplate, Credential
from .rendering import (
    certificate_html,
    logo_file_url,
    pdf_renderer,
    qr_code_data_uri,
    verification_url,
)
from .sharing import linkedin_add_to_profile_url

logger = logging.getLogger(__name__)


def _certificate_settings() -> CertificateSettings:
    """The default site's certificate settings (unsaved defaults if there is no
    site yet: a completion must never fail for want of settings)."""
    saved = (
        CertificateSettings.objects.filter(site__is_default_site=True)
        .select_related("site", "issuer_logo")
        .first()
    )
    if saved is not None:  # one query, the usual case
        return saved
    site = Site.objects.filter(is_default_site=True).first()
    return CertificateSettings.for_site(site) if site else CertificateSettings()


def _hours_of(enrolment: Enrolment) -> tuple[Decimal, Decimal]:
    """(all hours, of them in person) a certificate states: the course's hours
    of learning, plus the hours its completion rules count (sessions attended,
    online or in person; courses.completion), to a tenth of an hour as stored."""
    tenth = Decimal("0.1")
    requirements = enrolment_requirements(enrolment=enrolment)
    online = Decimal(enrolment.course.estimated_hours) + sum(
        (requirement.online_hours for requirement in requirements), Decimal(0)
    )
    in_person = sum(
        (requirement.in_person_hours for requirement in requirements), Decimal(0)
    )
    online = online.quantize(tenth, rounding=ROUND_HALF_UP)
    in_person = in_person.quantize(tenth, rounding=ROUND_HALF_UP)
    return online + in_person, in_person


def certificate_create(
    *, enrolment: Enrolment, now: datetime | None = None
) -> Certificate:
    """The pending certificate of a completed enrolment, created once (the
    database refuses a second) at `now` (None: now) and rendered by a worker
    after the commit. Its hours are the course's, plus those the course's
    completion rules count, with the in-person ones apart."""
    if enrolment.completed_at is None or enrolment.user is None:
        raise ValidationError(_("Only a completed course earns a certificate."))
    existing = Certificate.objects.filter(enrolment=enrolment).first()
    if existing is not None:
        return existing
    course = enrolment.course
    site_settings = _certificate_settings()
    hours, in_person_hours = _hours_of(enrolment)
    language = course.locale.language_code
    try:
        # The look-up above found none: insert (no second SELECT, as
        # get_or_create would do); one made meanwhile wins, by the constraint.
        with transaction.atomic():
            certificate = Certificate.objects.create(
                enrolment=enrolment,
                user=enrolment.user,
                holder_name=enrolment.user.full_name or enrolment.user.email,
                course_title=course.title,
                hours=hours,
                in_person_hours=in_person_hours,
                completed_at=enrolment.completed_at,
                language=language,
                issuer_name=site_settings.issuer_name_for(language),
                created_at=now or timezone.now(),
            )
    except IntegrityError:
        existing = Certificate.objects.filter(enrolment=enrolment).first()
        if existing is None:
            raise
        return existing
    transaction.on_commit(lambda: _enqueue_render(certificate.pk))
    return certificate


def _enqueue_render(certificate_id: int) -> None:
    """Send the render task; if the broker is down, say so and carry on: the
    learner's completion is saved, and the periodic sweep sends it later."""
    from .tasks import certificate_render_task

    try:
        certificate_render_task.delay(certificate_id)
    except OperationalError:
        logger.warning(
            "Broker unreachable: certificate %s stays pending until the sweep sends it",
            certificate_id,
            exc_info=True,
        )


def _template_for(certificate: Certificate) -> CertificateTemplate:
    """The course's own template, else the default one: one query."""
    course_id = certificate.enrolment.course_id
    template = (
        CertificateTemplate.objects.filter(Q(courses=course_id) | Q(is_default=True))
        .annotate(own=Count("courses", filter=Q(courses=course_id)))
        .order_by("-own", "pk")
        .first()
    )
    if template is None:
        # Empty texts: the certificate's template prints the standard wording
        # in the certificate's language.
        template = CertificateTemplate(name="default")
    return template


def certificate_pdf_render(
    certificate: Certificate, *, site_settings: CertificateSettings | None = None
) -> bytes:
    """The certificate as PDF/A-3u bytes, in the course's language, printed by
    the renderer `settings.CERTIFICATE_RENDERER` names."""
    return pdf_renderer()(
        certificate_html_render(certificate, site_settings=site_settings)
    )


def certificate_html_render(
    certificate: Certificate, *, site_settings: CertificateSettings | None = None
) -> str:
    """The certificate's HTML document (its stylesheet is applied when printing).
    `site_settings`: the certificate settings if the caller has read them."""
    template = _template_for(certificate)
    site_settings = site_settings or _certificate_settings()
    logo = template.logo or site_settings.issuer_logo
    url = verification_url(certificate.verification_code)
    context = {
        "certificate": certificate,
        "template": template,
        "logo_url": logo_file_url(logo),
        "signatory_name": template.signatory_name or site_settings.signatory_name,
        "signatory_title": template.signatory_title
        or site_settings.signatory_title_for(certificate.language),
        # The Slovenian statement agrees with the holder's gender where they
        # gave it (the profile's optional field).
        "holder_gender": certificate.user.gender if certificate.user else "",
        "verify_url": url,
        "qr_code": qr_code_data_uri(url),
    }
    return certificate_html(context, certificate.language)


def certificate_issue(
    *, certificate_id: int, now: datetime | None = None
) -> Certificate | None:
    """Render, store and mark issued at `now` (None: now); then e-mail the
    learner once.

    Safe to run twice or concurrently: the row lock lets one run render, the file
    name is fixed (one file whatever happens) and the e-mail is claimed before
    it is sent, so a learner gets at most one."""
    with transaction.atomic():
        certificate = (
            # The print and the credential read the holder, the course and its
            # language: in the one query (select_for_update(of=...) locks the
            # certificate's row only).
            Certificate.objects.select_for_update(of=("self",))
            .select_related("enrolment__course__locale", "user")
            .filter(pk=certificate_id)
            .first()
        )
        if certificate is None or certificate.status not in (
            Certificate.Status.PENDING,
            Certificate.Status.FAILED,
        ):
            return certificate
        # Read once for the print and the credential (two queries and a logo
        # rendition each time).
        site_settings = _certificate_settings()
        pdf = certificate_pdf_render(certificate, site_settings=site_settings)
        name = f"{certificate.verification_code}.pdf"
        storage = certificate.pdf.storage
        if storage.exists(name):
            storage.delete(name)
        certificate.pdf.save(name, ContentFile(pdf), save=False)
        now = now or timezone.now()
        credential_issue(certificate=certificate, now=now, site_settings=site_settings)
        certificate.status = Certificate.Status.ISSUED
        certificate.issued_at = now
        certificate.error = ""
        certificate.failed_at = None
        certificate.render_attempts += 1
        certificate.save()
    certificate_email_send(certificate=certificate, now=now)
    return certificate


# Draws of a status list index before giving up: with the list a tenth full, ten
# draws all hitting taken indexes has a chance of 1 in 10^10.
STATUS_INDEX_DRAWS = 10


def credential_issue(
    *,
    certificate: Certificate,
    now: datetime | None = None,
    site_settings: CertificateSettings | None = None,
):
    """The certificate's Open Badges credential, signed in both forms with the
    key ring's current key, unless it has one in force already (a rerun of the
    render task, or a certificate issued before: the same credential).

    Called inside certificate_issue's transaction, with the certificate's row
    locked: the credential and the "issued" state commit together. A missing key
    file raises (KeyFileError), so the render task retries and then marks the
    certificate failed, visible to staff, rather than issuing it unsigned."""
    existing = certificate.credentials.filter(revoked_at__isnull=True).first()
    if existing is not None:
        return existing
    ring = keys.load_keyring()
    now = now or timezone.now()
    salt = build.new_salt()
    for _draw in range(STATUS_INDEX_DRAWS):
        credential_uuid = uuid.uuid4()
        index = secrets.randbelow(open_badges.STATUS_LIST_BITS)
        description = open_badges.credential_description(
            certificate,
            credential_uuid=credential_uuid,
            status_list_index=index,
            salt=salt,
            site_settings=site_settings,
        )
        signed = build.sign(
            build.build_credential(description), ring.current, created=now
        )
        try:
            # A savepoint: a taken index (or one another worker draws at the same
            # moment, which the unique constraint makes wait and then refuse)
            # leaves the certificate's transaction usable for the next draw.
            with transaction.atomic():
                return Credential.objects.create(
                    certificate=certificate,
                    uuid=credential_uuid,
                    status_list_index=index,
                    document=signed.document,
                    jwt=signed.jwt,
                    email_salt=salt,
                    key_id=ring.current.key_id,
                    issued_at=now,
                )
        except IntegrityError:
            if Credential.objects.filter(status_list_index=index).exists():
                continue
            raise
    raise RuntimeError("No free index in the credential status list")


def certificate_email_send(
    *, certificate: Certificate, now: datetime | None = None
) -> bool:
    """E-mail the holder links to their certificates page, to LinkedIn's
    add-to-profile form and to the verification page, at most once (recorded as
    sent at `now`, None: now)."""
    claimed = Certificate.objects.filter(
        pk=certificate.pk, emailed_at__isnull=True, status=Certificate.Status.ISSUED
    ).update(emailed_at=now or timezone.now())
    if not claimed or certificate.user is None:
        return False
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(certificate.language):
        context = {
            "certificate": certificate,
            "certificates_url": base + reverse("certificates:my_certificates"),
            "linkedin_url": linkedin_add_to_profile_url(certificate),
            "verify_url": verification_url(certificate.verification_code),
        }
        subject = render_to_string(
            "certificates/email/issued_subject.txt", context
        ).strip()
        body = render_to_string("certificates/email/issued_message.txt", context)
    try:
        send_mail(subject, body, None, [certificate.user.email])
    except Exception:
        # Give the claim back so the retry sends it.
        Certificate.objects.filter(pk=certificate.pk).update(emailed_at=None)
        raise
    return True


def certificate_render_failed(
    *, certificate_id: int, error: str, final: bool, now: datetime | None = None
) -> None:
    """Record a failed rendering attempt; after the last retry the certificate is
    marked failed (at `now`, None: now), visible to staff with its error and a
    retry action."""
    changes = {"render_attempts": F("render_attempts") + 1, "error": error[:5000]}
    if final:
        changes.update(
            status=Certificate.Status.FAILED, failed_at=now or timezone.now()
        )
    Certificate.objects.filter(
        pk=certificate_id,
        status__in=[Certificate.Status.PENDING, Certificate.Status.FAILED],
    ).update(**changes)


def certificate_retry(*, certificate: Certificate) -> Certificate:
    """Put a failed certificate back in the queue."""
    from .tasks import certificate_render_task

    with transaction.atomic():
        updated = Certificate.objects.filter(
            pk=certificate.pk, status=Certificate.Status.FAILED
        ).update(status=Certificate.Status.PENDING, failed_at=None)
        if not updated:
            raise ValidationError(_("Only a failed certificate can be retried."))
        certificate_render_task.delay_on_commit(certificate.pk)
    certificate.refresh_from_db()
    return certificate


def certificate_revoke(
    *,
    certificate: Certificate,
    revoked_by,
    reason: str,
    now: datetime | None = None,
) -> Certificate:
    """Revoke with a reason, kept with who and when (`now`, None: now; also in
    the security log).
    The record is never deleted; the verification page says "revoked" from now
    on. `revoked_by` is None when the system revokes (the holder's erasure)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for revoking.")})
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.status == Certificate.Status.REVOKED:
            raise ValidationError(_("This certificate is already revoked."))
        certificate.status = Certificate.Status.REVOKED
        certificate.revoked_at = now or timezone.now()
        certificate.revoked_by = revoked_by
        certificate.revocation_reason = reason
        certificate.save()
        # Without a person revoking (an erasure), the system did it: no actor,
        # no address.
        security_event_record(
            action=SecurityEvent.Action.CERTIFICATE_REVOKED,
            actor=revoked_by,
            subject=certificate.user,
            detail={
                "certificate": certificate.verification_code,
                "course": certificate.course_title,
                "reason": reason[:500],
            },
            anonymous=revoked_by is None,
        )
    return certificate


def certificate_reissue(*, certificate: Certificate) -> Certificate:
    """Make a revoked certificate valid again: rendered anew (with today's name and
    settings) under the same code; the revocation stays in the record's history
    fields until then cleared. Refused when the holder erased their account: a
    certificate without its person would verify as valid for nobody."""
    from .tasks import certificate_render_task

    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.status != Certificate.Status.REVOKED:
            raise ValidationError(_("Only a revoked certificate can be re-issued."))
        if certificate.holder_erased:
            raise ValidationError(
                _(
                    "This certificate cannot be re-issued: its holder erased their "
                    "account, and with it their name."
                )
            )
        if certificate.user is not None:
            certificate.holder_name = (
                certificate.user.full_name or certificate.holder_name
            )
        certificate.status = Certificate.Status.PENDING
        certificate.emailed_at = None
        certificate.save()
        # The credential of before stays revoked (its copies out in the world
        # must not turn valid again); rendering signs a new one.
        certificate.credentials.filter(revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        certificate_render_task.delay_on_commit(certificate.pk)
    return certificate


def certificates_sweep_pending(*, older_than: timedelta | None = None) -> list[int]:
    """Re-enqueue certificates left pending (broker down at completion, worker
    killed). Rendering is idempotent, so a certificate enqueued twice is still
    issued once."""
    from .tasks import certificate_render_task

    grace = older_than
    if grace is None:
        grace = timedelta(seconds=settings.CERTIFICATE_PENDING_GRACE_SECONDS)
    stale = list(
        Certificate.objects.filter(
            status=Certificate.Status.PENDING, created_at__lte=timezone.now() - grace
        ).values_list("pk", flat=True)
    )
    for certificate_id in stale:
        certificate_render_task.delay(certificate_id)
    if stale:
        logger.info("Re-enqueued %s pending certificates", len(stale))
    return stale
