"""Services that change accounts: personal-data export and account erasure.
Both run over the privacy registry (accounts.privacy), so they cover whatever
the other apps registered without importing them."""

from __future__ import annotations

import io
import json
import logging
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import privacy
from .audit import security_event_record
from .models import DataExport, SecurityEvent, User

logger = logging.getLogger(__name__)

ERASURE_REASON_MAX_LENGTH = 2000


def data_export_request(*, user: User) -> DataExport:
    """Ask for a new export; a worker builds it once the transaction commits.
    While one is being prepared, that one is returned instead of a second."""
    from .tasks import data_export_build_task

    with transaction.atomic():
        pending = (
            DataExport.objects.select_for_update()
            .filter(user=user, status=DataExport.Status.PENDING)
            .first()
        )
        if pending is not None:
            return pending
        export = DataExport.objects.create(
            user=user,
            expires_at=timezone.now()
            + timedelta(seconds=settings.DATA_EXPORT_LIFETIME_SECONDS),
        )
        security_event_record(
            action=SecurityEvent.Action.DATA_EXPORTED,
            actor=user,
            subject=user,
            detail={"export": str(export.uuid)},
        )
        data_export_build_task.delay_on_commit(export.pk)
    return export


def _export_zip(user: User) -> bytes:
    buffer = io.BytesIO()
    sections = {}
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for provider in privacy.providers():
            sections[provider.name] = provider.export(user)
            archive.writestr(
                f"{provider.name}.json",
                json.dumps(
                    sections[provider.name],
                    cls=DjangoJSONEncoder,
                    ensure_ascii=False,
                    indent=2,
                ),
            )
            for export_file in provider.export_files(user):
                try:
                    with export_file.field_file.open("rb") as handle:
                        archive.writestr(f"files/{export_file.name}", handle.read())
                except FileNotFoundError:
                    # A record whose file is gone still has its JSON entry.
                    logger.warning("Export: %s is missing", export_file.name)
        archive.writestr(
            "README.txt",
            _(
                "Everything Creative Cities Academy holds about you, exported on "
                "%(date)s. Each .json file is one part of the platform; files/ holds "
                "your documents (certificates)."
            )
            % {"date": timezone.now().date().isoformat()},
        )
    return buffer.getvalue()


def data_export_build(*, export_id: int) -> DataExport | None:
    """Build the ZIP of a pending export and mark it ready. Idempotent: an export
    that is no longer pending (ready, expired, or its user erased) is left as it is.
    If building fails, the export is marked failed, so the learner can ask again."""
    try:
        return _data_export_build(export_id)
    except Exception:
        DataExport.objects.filter(
            pk=export_id, status=DataExport.Status.PENDING
        ).update(status=DataExport.Status.FAILED)
        raise


def _data_export_build(export_id: int) -> DataExport | None:
    with transaction.atomic():
        export = (
            DataExport.objects.select_for_update()
            .select_related("user")
            .filter(pk=export_id)
            .first()
        )
        if export is None or export.status != DataExport.Status.PENDING:
            return export
        content = _export_zip(export.user)
        name = f"{export.uuid}.zip"
        if export.file.storage.exists(name):
            export.file.storage.delete(name)
        export.file.save(name, ContentFile(content), save=False)
        export.status = DataExport.Status.READY
        export.ready_at = timezone.now()
        export.save()
    return export


def data_exports_expire(*, now=None) -> int:
    """Delete the files of exports past their expiry and mark them expired.
    Safe to run any number of times."""
    now = now or timezone.now()
    count = 0
    for export in DataExport.objects.filter(expires_at__lte=now).exclude(
        status=DataExport.Status.EXPIRED
    ):
        if export.file:
            export.file.delete(save=False)
        DataExport.objects.filter(pk=export.pk).update(
            status=DataExport.Status.EXPIRED, file=""
        )
        count += 1
    return count


def account_erase(*, user: User, requested_by: User, reason: str) -> None:
    """Erase a person, in one transaction: every registered provider deletes or
    unlinks its data (exercise answers deleted, certificates revoked as "holder
    erased" with no name, statistics records kept without the person), then the
    user row goes with what cascades from it. Files are deleted after the commit.
    The security log keeps one event saying that an account was erased, by whom
    and why, with the former id but no personal data."""
    reason = (reason or "").strip()[:ERASURE_REASON_MAX_LENGTH]
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the erasure.")})
    if user.is_superuser and requested_by.pk != user.pk:
        raise ValidationError(
            _("An administrator's account can only be erased by its owner.")
        )
    user_id = user.pk
    by_self = requested_by.pk == user_id
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user_id)
        # Accounts' own provider runs last: other providers may still record
        # events about the user while they erase.
        ordered = sorted(
            privacy.providers(), key=lambda provider: provider.name == "account"
        )
        for provider in ordered:
            provider.erase(user)
        user.delete()
        security_event_record(
            action=SecurityEvent.Action.ACCOUNT_ERASED,
            actor=None if by_self else requested_by,
            anonymous=by_self,
            detail={"user_id": user_id, "by_self": by_self, "reason": reason},
        )
    logger.info("Account %s erased (by %s)", user_id, "self" if by_self else "staff")


def security_events_prune(*, now=None) -> int:
    """Delete security events older than SECURITY_EVENT_RETENTION_DAYS (they hold
    IP addresses: kept as long as they serve security, not for ever). Idempotent."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SECURITY_EVENT_RETENTION_DAYS)
    deleted, _by_model = SecurityEvent.objects.filter(at__lt=cutoff).delete()
    return deleted


def staff_invitation_send(*, user: User) -> None:
    """E-mail a person whose account staff created in the admin a link to
    choose their password (allauth's password-reset link; following it also
    confirms the address, see `password_reset_confirms_sole_address`). Their
    address is recorded for allauth, unconfirmed, so they log in with it."""
    from allauth.account.adapter import get_adapter
    from allauth.account.forms import default_token_generator
    from allauth.account.models import EmailAddress
    from allauth.account.utils import user_pk_to_url_str
    from django.urls import reverse

    from .mail import public_url

    if not user.password:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user,
        email__iexact=user.email,
        defaults={"email": user.email.lower(), "primary": True, "verified": False},
    )
    adapter = get_adapter()
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    adapter.send_mail(
        "account/email/staff_invitation",
        user.email,
        {
            "user": user,
            "password_set_url": adapter.get_reset_password_from_key_url(key),
            "login_url": public_url(reverse("account_login")),
        },
    )


def password_reset_confirms_sole_address(*, user: User) -> bool:
    """A password set through an e-mailed link proves the address it went to.
    With one address on the account that is the one: it counts as confirmed
    (an invited staff member logs in straight after choosing a password)."""
    from allauth.account.models import EmailAddress

    addresses = list(EmailAddress.objects.filter(user=user))
    if len(addresses) != 1 or addresses[0].verified:
        return False
    addresses[0].verified = True
    addresses[0].save(update_fields=["verified"])
    return True
