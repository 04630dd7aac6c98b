"""accounts.admin_views: the admin's account page leaves the login (e-mail
address, password) to the site's pages; the user editor compares addresses
whatever their case."""

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.models import SecurityEvent, User
from accounts.viewsets import AdminUserCreationForm, AdminUserEditForm
from courses.roles import TRAINERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(demo_site):
    user = UserFactory(full_name="Tina Trainer", email="tina@studio.si")
    user.groups.add(Group.objects.get(name=TRAINERS))
    return user


def test_the_admin_account_page_does_not_change_the_login(client, trainer):
    """It changed the login address at once: no re-authentication, no
    confirmation, no security event, even to a case variant of another
    account's address."""
    UserFactory(email="ana@studio.si")
    client.force_login(trainer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get(reverse("wagtailadmin_account"))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="name_email-email"' not in html
    assert 'name="password-old_password"' not in html
    with_language = reverse("account_email")
    assert f'href="{with_language}"' in html  # where the address is changed
    assert 'href="/en/accounts/password/change/"' in html

    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "full_name-full_name": "Tina Trenerka",
            # What Wagtail's own panels would have taken.
            "name_email-first_name": "Tina",
            "name_email-last_name": "Trenerka",
            "name_email-email": "ANA@studio.si",
            "password-old_password": DEFAULT_PASSWORD,
            "password-new_password1": "a-new-long-password",
            "password-new_password2": "a-new-long-password",
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )
    assert response.status_code == 302
    trainer.refresh_from_db()
    assert trainer.full_name == "Tina Trenerka"
    assert trainer.email == "tina@studio.si"
    assert trainer.check_password(DEFAULT_PASSWORD)


def test_a_new_login_address_needs_the_password_and_a_confirmation(client, trainer):
    client.force_login(trainer)
    response = client.post(
        reverse("account_email"), {"email": "tina@new.si", "action_add": "1"}
    )
    assert "reauthenticate" in response.url
    assert not EmailAddress.objects.filter(email="tina@new.si").exists()
    client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    client.post(reverse("account_email"), {"email": "tina@new.si", "action_add": "1"})

    address = EmailAddress.objects.get(email="tina@new.si")
    assert not address.verified
    client.post(
        reverse("account_email"), {"email": "tina@new.si", "action_primary": "1"}
    )
    trainer.refresh_from_db()
    assert trainer.email == "tina@studio.si"  # not before it is confirmed

    client.post(
        reverse("account_confirm_email", args=[EmailConfirmationHMAC(address).key])
    )
    client.post(
        reverse("account_email"), {"email": "tina@new.si", "action_primary": "1"}
    )
    trainer.refresh_from_db()
    assert trainer.email == "tina@new.si"
    event = SecurityEvent.objects.get(action=SecurityEvent.Action.EMAIL_CHANGED)
    assert (event.subject, event.actor) == (trainer, trainer)
    assert event.detail == {"from": "tina@studio.si", "to": "tina@new.si"}


PROFILE = {"full_name": "Ana Novak", "sector": "design", "city": "ljubljana"}


def test_the_user_editor_compares_addresses_whatever_their_case(demo_site):
    ana = UserFactory(email="ana@studio.si")
    bor = UserFactory(email="bor@studio.si")

    created = AdminUserCreationForm(
        data={**PROFILE, "email": "Ana@Studio.SI", "business_stage": "starting"}
    )
    assert not created.is_valid()
    assert [e.code for e in created.errors.as_data()["email"]] == ["duplicate_email"]

    edited = AdminUserEditForm(
        data={**PROFILE, "email": "ANA@studio.si", "business_stage": "starting"},
        instance=bor,
    )
    assert not edited.is_valid()
    assert [e.code for e in edited.errors.as_data()["email"]] == ["duplicate_email"]

    # A new address is stored as allauth stores it.
    new = AdminUserCreationForm(
        data={**PROFILE, "email": " Cene@Studio.si ", "business_stage": "starting"}
    )
    assert new.is_valid(), new.errors
    assert new.cleaned_data["email"] == "cene@studio.si"
    assert User.objects.filter(email__iexact="ana@studio.si").get() == ana
    # Whatever path a row takes, the database holds one account per address.
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="ANA@STUDIO.SI", full_name="Ana Again")
