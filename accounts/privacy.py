"""The personal-data registry, after Moodle's privacy API.

Each app declares what it holds about a person and how to export and erase it,
and registers that here when it loads (its AppConfig.ready()). Accounts runs the
registry and imports none of those apps: the export task and the erasure service
only iterate over what was registered.

A provider names every model with a link to the user that it answers for
(`models`, as "app_label.ModelName"). The suite checks that each such model in
the project is named by some provider, so a new model holding personal data
cannot slip past export and erasure unnoticed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class ExportFile:
    """A file that goes into the export ZIP as `name`, read from `open()`."""

    name: str
    field_file: Any  # a FieldFile (or anything with .open("rb"))


class PrivacyProvider(Protocol):
    """What an app declares about the personal data it holds."""

    #: The section name in the export ("courses", "certificates", ...).
    name: str
    #: Every model linked to a user that this provider exports and erases, or
    #: deliberately leaves (the provider's docstring says why).
    models: tuple[str, ...]

    def export(self, user: Any) -> dict[str, Any]:
        """Everything held about the user, as JSON-serialisable data."""

    def export_files(self, user: Any) -> Iterable[ExportFile]:
        """Files held about the user (certificate PDFs, ...)."""

    def erase(self, user: Any) -> None:
        """Delete or unlink the user's data. Runs inside the erasure transaction,
        before the user row itself is deleted."""


_providers: dict[str, PrivacyProvider] = {}


def register(provider: PrivacyProvider) -> PrivacyProvider:
    """Add a provider; registering the same name again replaces it (so a reloaded
    app does not appear twice)."""
    _providers[provider.name] = provider
    return provider


def providers() -> list[PrivacyProvider]:
    """Registered providers, by name (a stable order for the export's files;
    the erasure service decides its own order)."""
    return sorted(_providers.values(), key=lambda provider: provider.name)


def covered_models() -> set[str]:
    return {label for provider in providers() for label in provider.models}


def delete_file_on_commit(field_file: Any) -> None:
    """Delete a stored file once the current transaction commits, so that an
    erasure that fails half-way leaves every file in place."""
    from django.db import transaction

    storage, name = field_file.storage, field_file.name
    transaction.on_commit(lambda: storage.delete(name))


def _when(value) -> str | None:
    return value.isoformat() if value else None


class AccountProvider:
    """The person: profile, e-mail addresses, two-factor methods (their types,
    never their secrets), security events about them and their exports.

    Erasing deletes the security events about the person (log-ins carry IP
    addresses) except certificate revocations, and their exports with their
    files; e-mail addresses,
    authenticators and Wagtail's user profile go with the user row (CASCADE)."""

    name = "account"
    models = (
        "accounts.User",
        "accounts.DataExport",
        "accounts.SecurityEvent",
        "account.EmailAddress",
        "mfa.Authenticator",
        "wagtailusers.UserProfile",
    )

    def export(self, user) -> dict[str, Any]:
        from allauth.account.models import EmailAddress
        from allauth.mfa.models import Authenticator

        from .forms import PROFILE_FIELDS

        return {
            "profile": {
                "email": user.email,
                **{name: getattr(user, name) for name in PROFILE_FIELDS},
                "date_joined": _when(user.date_joined),
                "last_login": _when(user.last_login),
                "privacy_consent_at": _when(user.privacy_consent_at),
                "is_staff": user.is_staff,
                "groups": sorted(user.groups.values_list("name", flat=True)),
            },
            "email_addresses": [
                {"email": address.email, "verified": address.verified}
                for address in EmailAddress.objects.filter(user=user)
            ],
            "two_factor_methods": [
                {
                    "type": authenticator.type,
                    "created_at": _when(authenticator.created_at),
                    "last_used_at": _when(authenticator.last_used_at),
                }
                for authenticator in Authenticator.objects.filter(user=user)
            ],
            "security_events": [
                {
                    "action": event.action,
                    "at": _when(event.at),
                    "ip_address": event.ip_address,
                    "detail": event.detail,
                }
                for event in user.security_events.all()
            ],
            "data_exports": [
                {"created_at": _when(export.created_at), "status": export.status}
                for export in user.data_exports.all()
            ],
        }

    def export_files(self, user) -> Iterable[ExportFile]:
        return []

    def erase(self, user) -> None:
        from .models import SecurityEvent

        for export in user.data_exports.all():
            if export.file:
                delete_file_on_commit(export.file)
        user.data_exports.all().delete()
        # Revocations stay (unlinked) as the history of the certificates; the
        # rest (log-ins with addresses, two-factor and role changes) is the
        # person's own trail and goes. Events where they acted on others stay,
        # unlinked, without their address.
        user.security_events.exclude(
            action=SecurityEvent.Action.CERTIFICATE_REVOKED
        ).delete()
        SecurityEvent.objects.filter(actor=user).update(ip_address=None)


class EditorialProvider:
    """What staff did in the Wagtail admin: pages they own or locked, revisions,
    log entries, workflow steps, comments, uploaded images and documents.

    These are records of the organisation's editorial work, not of learning, so
    they stay when an editor's account is erased: Wagtail unlinks them itself
    (SET_NULL; log entries keep the bare id). Comments, subscriptions, API tokens
    and editing sessions are deleted with the user (CASCADE). The export lists
    them so an editor sees what is held."""

    name = "editorial"
    models = (
        "wagtailcore.Page",
        "wagtailcore.Revision",
        "wagtailcore.ModelLogEntry",
        "wagtailcore.PageLogEntry",
        "wagtailcore.WorkflowState",
        "wagtailcore.TaskState",
        "wagtailcore.Comment",
        "wagtailcore.CommentReply",
        "wagtailcore.PageSubscription",
        "wagtailcore.UploadedFile",
        "wagtailcore.APIToken",
        "wagtailadmin.EditingSession",
        "wagtailadmin.FormState",
        "wagtaildocs.Document",
        "wagtailimages.Image",
    )

    def export(self, user) -> dict[str, Any]:
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Comment, Page, PageLogEntry, Revision

        return {
            "pages_owned": list(
                Page.objects.filter(owner=user).values_list("title", flat=True)
            ),
            "revisions": Revision.objects.filter(user=user).count(),
            "page_log_entries": PageLogEntry.objects.filter(user=user).count(),
            "comments": [
                {"text": comment.text, "created_at": _when(comment.created_at)}
                for comment in Comment.objects.filter(user=user)
            ],
            "images_uploaded": list(
                get_image_model()
                .objects.filter(uploaded_by_user=user)
                .values_list("title", flat=True)
            ),
            "documents_uploaded": list(
                get_document_model()
                .objects.filter(uploaded_by_user=user)
                .values_list("title", flat=True)
            ),
        }

    def export_files(self, user) -> Iterable[ExportFile]:
        return []

    def erase(self, user) -> None:
        """Nothing beyond what Wagtail's own foreign keys do on deletion."""
