import re
from datetime import date

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.models import User
from tests.helpers import SIGNUP_FORM, signup_url

pytestmark = pytest.mark.django_db


def post_signup(client, django_capture_on_commit_callbacks, **changes):
    data = {**SIGNUP_FORM, **changes}
    data = {key: value for key, value in data.items() if value is not None}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(signup_url(), data)


def test_signup_stores_profile_and_sends_verification(
    client, demo_site, django_capture_on_commit_callbacks
):
    response = post_signup(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    user = User.objects.get(email="ana@studio.si")
    assert user.full_name == "Ana Novak"
    assert (user.sector, user.city, user.business_stage) == (
        "design",
        "ljubljana",
        "starting",
    )
    assert user.organisation == "Studio Novak"
    assert (user.gender, user.year_of_birth) == ("female", 1990)
    assert user.privacy_consent_at is not None
    assert EmailAddress.objects.get(user=user).verified is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@studio.si"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_unverified_user_cannot_log_in_until_confirmed(
    client, demo_site, django_capture_on_commit_callbacks
):
    post_signup(client, django_capture_on_commit_callbacks)
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_login"),
            {"login": SIGNUP_FORM["email"], "password": SIGNUP_FORM["password1"]},
        )
    assert response.status_code == 302
    assert "confirm-email" in response.url
    assert "_auth_user_id" not in client.session

    body = mail.outbox[0].body
    confirm_path = re.search(r"https?://[^/]+(/\S+/confirm-email/\S+/)", body).group(1)
    assert client.get(confirm_path).status_code == 200
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email=SIGNUP_FORM["email"]).verified is True

    client.logout()
    response = client.post(
        reverse("account_login"),
        {"login": SIGNUP_FORM["email"], "password": SIGNUP_FORM["password1"]},
    )
    assert response.status_code == 302
    assert response.url == reverse("courses:dashboard")


def field_errors(response, field: str) -> str:
    """The error list rendered next to the field, tied to it by aria-describedby."""
    html = response.content.decode()
    match = re.search(
        rf'<ul class="errorlist" id="id_{field}_errors">(.*?)</ul>', html, re.S
    )
    assert match, f"no error list next to {field}"
    input_tag = re.search(rf'<(?:input|select)[^>]*id="id_{field}"[^>]*>', html).group(
        0
    )
    assert 'aria-invalid="true"' in input_tag
    assert f"id_{field}_errors" in input_tag
    return re.sub(r"<[^>]+>", " ", match.group(1))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"password1": "password", "password2": "password"}, "password1", "too common"),
        (
            {"password1": "12345678901", "password2": "12345678901"},
            "password1",
            "entirely numeric",
        ),
        ({"password2": "something-else-2026"}, "password2", "same password"),
        ({"privacy_consent": None}, "privacy_consent", "agree to the privacy notice"),
        ({"full_name": "A" * 151}, "full_name", "at most 150 characters"),
        ({"full_name": ""}, "full_name", "required"),
        ({"organisation": "O" * 201}, "organisation", "at most 200 characters"),
        (
            {"year_of_birth": str(date.today().year + 1)},
            "year_of_birth",
            "cannot be in the future",
        ),
        ({"year_of_birth": "1850"}, "year_of_birth", "greater than or equal to 1900"),
        ({"year_of_birth": "nineteen"}, "year_of_birth", "whole number"),
        ({"sector": "sculpting"}, "sector", "not one of the available choices"),
        ({"city": None}, "city", "required"),
        ({"email": "not-an-address"}, "email", "valid email"),
    ],
)
def test_bad_signup_input_shows_message_at_field_and_creates_nothing(
    client, demo_site, django_capture_on_commit_callbacks, changes, field, message
):
    users_before = User.objects.count()
    addresses_before = EmailAddress.objects.count()
    response = post_signup(client, django_capture_on_commit_callbacks, **changes)

    assert response.status_code == 200
    assert message in field_errors(response, field).replace("’", "'")
    assert User.objects.count() == users_before
    assert EmailAddress.objects.count() == addresses_before
    assert mail.outbox == []


def test_signup_with_an_email_already_used_creates_nothing_and_tells_the_owner(
    client, demo_site, django_capture_on_commit_callbacks
):
    """The page says what it says to anyone (no account enumeration, see
    test_account_mail); the owner learns by e-mail that they have an account."""
    UserFactory(email="ana@studio.si")
    users_before = User.objects.count()

    response = post_signup(
        client, django_capture_on_commit_callbacks, email="Ana@Studio.si"
    )

    assert response.status_code == 302
    assert "already registered" not in client.get(response.url).content.decode()
    assert User.objects.count() == users_before
    assert [message.to for message in mail.outbox] == [["ana@studio.si"]]


def test_signup_page_speaks_slovenian_and_english(client, demo_site):
    slovenian = client.get(signup_url("sl")).content.decode()
    english = client.get(signup_url("en")).content.decode()
    assert '<html lang="sl">' in slovenian
    assert "Ustvarite svoj račun" in slovenian
    assert "Ime in priimek" in slovenian
    assert "Create your account" in english
    assert "Full name" in english


def test_login_uses_email(client, demo_site):
    user = UserFactory()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_password_reset_by_email(client, demo_site, django_capture_on_commit_callbacks):
    user = UserFactory(email="ana@studio.si")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    link = re.search(
        r"https?://[^/]+(/\S+/password/reset/key/\S+/)", mail.outbox[0].body
    )
    form_url = client.get(link.group(1)).url  # allauth moves the key into the session
    response = client.post(
        form_url, {"password1": "nova-glina-2027", "password2": "nova-glina-2027"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("nova-glina-2027")


@pytest.mark.parametrize(("language", "label"), [("en", "Genoa"), ("sl", "Genova")])
def test_the_city_choice_names_genoa_in_the_forms_language(
    client, demo_site, language, label
):
    html = client.get(signup_url(language)).content.decode()
    assert f'<option value="genova">{label}</option>' in html
    assert '<option value="gdansk">Gdańsk</option>' in html
