import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import NoReverseMatch, reverse

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.models import SecurityEvent
from certificates.factories import certificate_for, completed_enrolment
from certificates.services import certificate_issue, certificate_revoke
from tests.helpers import authenticator_app_code

pytestmark = pytest.mark.django_db
Action = SecurityEvent.Action


def events(action):
    return list(SecurityEvent.objects.filter(action=action))


def test_log_in_and_failed_log_in_are_recorded_with_address(client, demo_site):
    user = UserFactory()
    client.post(
        reverse("account_login"),
        {"login": user.email, "password": "wrong-password-123"},
        REMOTE_ADDR="203.0.113.7",
    )
    client.post(
        reverse("account_login"),
        {"login": user.email, "password": DEFAULT_PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )

    (failed,) = events(Action.LOGIN_FAILED)
    assert failed.subject == user and failed.actor is None
    assert failed.ip_address == "203.0.113.7"
    assert failed.detail == {"login": user.email}
    assert "wrong-password" not in str(failed.detail)
    (login,) = events(Action.LOGIN)
    assert (login.actor, login.subject, login.ip_address) == (
        user,
        user,
        "203.0.113.7",
    )


def test_two_factor_changes_are_recorded(
    client, demo_site, django_capture_on_commit_callbacks
):
    user = UserFactory()
    client.post(
        reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    # allauth sends its signal once the activation has committed.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("mfa_activate_totp"), {"code": authenticator_app_code(secret)}
        )

    added = events(Action.MFA_ADDED)
    assert added and all(event.subject == user for event in added)
    assert {event.detail["type"] for event in added} >= {"totp"}


def test_role_changes_are_recorded_with_who_made_them(client, demo_site):
    learner = UserFactory()
    admin = UserFactory(is_superuser=True, is_staff=True)
    trainers = Group.objects.get(name="Trainers")
    client.force_login(admin)
    client.post(
        reverse("wagtailusers_users:edit", args=[learner.pk]),
        {
            "email": learner.email,
            "full_name": learner.full_name,
            "sector": learner.sector,
            "city": learner.city,
            "business_stage": learner.business_stage,
            "is_active": "on",
            "groups": [trainers.pk],
        },
    )
    assert learner.groups.filter(name="Trainers").exists()
    (added,) = events(Action.ROLE_ADDED)
    assert (added.actor, added.subject, added.detail) == (
        admin,
        learner,
        {"group": "Trainers"},
    )

    trainers.user_set.remove(learner)
    (removed,) = events(Action.ROLE_REMOVED)
    assert removed.subject == learner and removed.actor is None

    learner.is_superuser = True
    learner.save()
    (promoted,) = events(Action.SUPERUSER_CHANGED)
    assert promoted.detail == {"is_superuser": True}


def test_certificate_revocations_are_recorded(catalogue):
    certificate = certificate_issue(
        certificate_id=certificate_for(completed_enrolment(parent=catalogue)).pk
    )
    manager = UserFactory()
    certificate_revoke(certificate=certificate, revoked_by=manager, reason="Fraud")

    (event,) = events(Action.CERTIFICATE_REVOKED)
    assert event.actor == manager and event.subject == certificate.user
    assert event.detail["certificate"] == certificate.verification_code
    assert event.detail["reason"] == "Fraud"


def test_staff_with_the_permission_read_the_log_and_nobody_edits_it(client, demo_site):
    learner = UserFactory(full_name="Reader Subject")
    SecurityEvent.objects.create(action=Action.LOGIN, actor=learner, subject=learner)
    url = reverse("security_events:index")

    client.force_login(learner)
    assert client.get(url).status_code == 302  # not admin: sent to log-in
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
    )
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)

    editor.user_permissions.add(Permission.objects.get(codename="view_securityevent"))
    response = client.get(url)
    assert response.status_code == 200
    assert "Reader Subject" in response.content.decode()
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get(url).status_code == 200
    for name in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"security_events:{name}", args=[1] if name != "add" else [])
    assert SecurityEvent.objects.count() >= 1


def test_old_events_are_pruned_after_the_retention(settings):
    from datetime import timedelta

    from django.utils import timezone

    from accounts.services import security_events_prune

    settings.SECURITY_EVENT_RETENTION_DAYS = 30
    old = SecurityEvent.objects.create(action=Action.LOGIN)
    recent = SecurityEvent.objects.create(action=Action.LOGIN)
    SecurityEvent.objects.filter(pk=old.pk).update(
        at=timezone.now() - timedelta(days=31)
    )

    assert security_events_prune() == 1
    assert security_events_prune() == 0
    assert list(SecurityEvent.objects.all()) == [recent]


def test_login_address_changes_are_recorded(demo_site):
    user = UserFactory(email="ana@studio.si")
    user.email = "ana@novak.si"  # e.g. by an administrator in the user editor
    user.save()
    user.email = "Ana@Novak.si"  # the same address
    user.save()
    (event,) = events(Action.EMAIL_CHANGED)
    assert event.subject == user
    assert event.detail == {"from": "ana@studio.si", "to": "ana@novak.si"}
