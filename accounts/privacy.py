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


def _avatar(user):
    """The staff member's uploaded admin avatar (a FieldFile), or None."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).first()
    return profile.avatar if profile and profile.avatar else None


class AccountProvider:
    """The person: profile, e-mail addresses, two-factor methods (their types,
    never their secrets), security events about them and their exports.

    Erasing deletes the security events about the person (log-ins carry IP
    addresses) except certificate revocations, their exports with their files
    and the avatar file they uploaded in the admin (Wagtail deletes the profile
    row, not its file, which would stay in media with a URL); e-mail addresses,
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
        avatar = _avatar(user)
        if avatar:
            yield ExportFile(
                name=f"profile_picture/{avatar.name.rsplit('/', 1)[-1]}",
                field_file=avatar,
            )

    def erase(self, user) -> None:
        from .models import SecurityEvent

        avatar = _avatar(user)
        if avatar:
            delete_file_on_commit(avatar)
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
    (SET_NULL; log entries keep the bare id, shown as "user <id> (deleted)").
    Comments, subscriptions, API tokens and editing sessions are deleted with
    the user (CASCADE). The export lists them so an editor sees what is held.

    Log entries hold text of their own, which erasing clears: the entries about
    the person's user record (an admin's edits, their own account-page saves)
    are labelled with the person's name, so they are relabelled "Erased account
    #<id>" and lose their data (the action, who did it and when stay); comment
    log entries copy the comment's text, so the texts of the comments that go
    with the person (theirs, their replies, the replies to theirs) are blanked
    there as well."""

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
        from django.conf import settings
        from django.contrib.contenttypes.models import ContentType
        from django.db.models import Q
        from django.utils import translation
        from django.utils.translation import gettext
        from wagtail.models import Comment, CommentReply, ModelLogEntry, PageLogEntry

        # A stored label, read in any language: the site's own.
        with translation.override(settings.LANGUAGE_CODE):
            label = gettext("Erased account #%(id)s") % {"id": user.pk}
        user_type = ContentType.objects.get_for_model(user, for_concrete_model=False)
        ModelLogEntry.objects.filter(
            content_type=user_type, object_id=str(user.pk)
        ).update(label=label, data={})

        comment_ids = set(
            Comment.objects.filter(user=user).values_list("pk", flat=True)
        )
        # Replies to their comments go with the comments (CASCADE).
        reply_ids = set(
            CommentReply.objects.filter(
                Q(user=user) | Q(comment__user=user)
            ).values_list("pk", flat=True)
        )
        if not (comment_ids or reply_ids):
            return
        entries = PageLogEntry.objects.filter(
            Q(data__comment__id__in=comment_ids) | Q(data__reply__id__in=reply_ids),
            action__startswith="wagtail.comments.",
        )
        for entry in entries:
            data = entry.data
            changed = False
            for key, ids in (("comment", comment_ids), ("reply", reply_ids)):
                part = data.get(key)
                if isinstance(part, dict) and part.get("id") in ids:
                    part["text"] = ""
                    changed = True
            if changed:
                PageLogEntry.objects.filter(pk=entry.pk).update(data=data)
