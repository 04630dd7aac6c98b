"""The security log: one function that records an event, and the receivers that
call it for log-ins, failed log-ins, two-factor changes, role changes and login
e-mail changes. Other apps (certificates) call `security_event_record` from
their services."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from allauth.mfa import signals as mfa_signals
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address
from django.db.models.signals import m2m_changed, pre_save
from django.dispatch import receiver
from django.http import HttpRequest

from .models import SecurityEvent, User

Action = SecurityEvent.Action
MAX_DETAIL_TEXT = 254

# The request being served, so that events raised by model signals (a group
# added in the admin) still know who acted and from where.
_current_request: ContextVar[HttpRequest | None] = ContextVar(
    "audit_current_request", default=None
)


class AuditRequestMiddleware:
    """Makes the current request known to security_event_record."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def _client_ip(request: HttpRequest | None) -> str | None:
    """REMOTE_ADDR as the web server saw it (behind a proxy, configure the proxy
    to set it: X-Forwarded-For is trivially forged)."""
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR", "")
    try:
        validate_ipv46_address(address)
    except ValidationError:
        return None
    return address


def _actor_of(request: HttpRequest | None) -> User | None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user
    return None


def security_event_record(
    *,
    action: str,
    actor: User | None = None,
    subject: User | None = None,
    detail: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
    anonymous: bool = False,
) -> SecurityEvent:
    """Store one event. The actor defaults to the request's user; the IP address
    comes from the request when there is one (or the one being served).
    `anonymous` records neither actor nor address (an erasure asked by the
    person erased)."""
    if request is None and not anonymous:
        request = _current_request.get()
    if actor is None and not anonymous:
        actor = _actor_of(request)
    return SecurityEvent.objects.create(
        action=action,
        actor=actor,
        subject=subject,
        detail=detail or {},
        ip_address=_client_ip(request),
    )


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs) -> None:
    security_event_record(
        action=Action.LOGIN, actor=user, subject=user, request=request
    )


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        security_event_record(
            action=Action.LOGOUT, actor=user, subject=user, request=request
        )


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    # Django has already masked the password in `credentials`.
    login = str(credentials.get("email") or credentials.get("username") or "")
    login = login[:MAX_DETAIL_TEXT]
    subject = (
        get_user_model().objects.filter(email__iexact=login).first() if login else None
    )
    security_event_record(
        action=Action.LOGIN_FAILED,
        subject=subject,
        detail={"login": login},
        request=request,
    )


def _authenticator_event(action: str):
    def record(sender, request, user, authenticator, **kwargs) -> None:
        security_event_record(
            action=action,
            actor=_actor_of(request) or user,
            subject=user,
            detail={"type": authenticator.type},
            request=request,
        )

    return record


_mfa_added = _authenticator_event(Action.MFA_ADDED)
_mfa_removed = _authenticator_event(Action.MFA_REMOVED)
_mfa_reset = _authenticator_event(Action.MFA_RESET)
mfa_signals.authenticator_added.connect(_mfa_added, dispatch_uid="audit_mfa_added")
mfa_signals.authenticator_removed.connect(
    _mfa_removed, dispatch_uid="audit_mfa_removed"
)
mfa_signals.authenticator_reset.connect(_mfa_reset, dispatch_uid="audit_mfa_reset")


@receiver(pre_save, sender=User)
def _superuser_changed(sender, instance, update_fields=None, **kwargs) -> None:
    if instance.pk is None or (
        update_fields is not None and "is_superuser" not in update_fields
    ):
        return
    before = (
        sender.objects.filter(pk=instance.pk)
        .values_list("is_superuser", flat=True)
        .first()
    )
    if before is not None and before != instance.is_superuser:
        security_event_record(
            action=Action.SUPERUSER_CHANGED,
            subject=instance,
            detail={"is_superuser": instance.is_superuser},
        )


@receiver(pre_save, sender=User)
def _email_changed(sender, instance, update_fields=None, **kwargs) -> None:
    """The login address changed, by whatever path (allauth making a confirmed
    address primary, an administrator in the user editor)."""
    if instance.pk is None or (
        update_fields is not None and "email" not in update_fields
    ):
        return
    before = (
        sender.objects.filter(pk=instance.pk).values_list("email", flat=True).first()
    )
    if before is not None and before.lower() != (instance.email or "").lower():
        security_event_record(
            action=Action.EMAIL_CHANGED,
            subject=instance,
            detail={"from": before, "to": instance.email},
        )


@receiver(m2m_changed, sender=User.groups.through)
def _groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    event = Action.ROLE_ADDED if action == "post_add" else Action.ROLE_REMOVED
    if reverse:
        # group.user_set.add(users...): instance is the group.
        group_names = [instance.name]
        users = list(model.objects.filter(pk__in=pk_set))
    else:
        users = [instance]
        group_names = list(
            model.objects.filter(pk__in=pk_set).values_list("name", flat=True)
        )
    for user in users:
        for name in group_names:
            security_event_record(action=event, subject=user, detail={"group": name})
