from datetime import date

import pytest
from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.helpers import authenticator_app_code

pytestmark = pytest.mark.django_db


def test_profile_requires_login(client, demo_site):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_learner_edits_profile(client, demo_site):
    user = UserFactory(full_name="Ana Novak", organisation="")
    client.force_login(user)

    response = client.post(
        reverse("accounts:profile"),
        {
            "full_name": "Ana Novak Kovač",
            "sector": "architecture",
            "city": "pecs",
            "organisation": "Atelje AK",
            "business_stage": "established",
            "gender": "",
            "year_of_birth": "",
        },
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.full_name == "Ana Novak Kovač"
    assert (user.sector, user.city, user.business_stage) == (
        "architecture",
        "pecs",
        "established",
    )
    assert user.organisation == "Atelje AK"
    assert user.year_of_birth is None
    page = client.get(response.url).content.decode()
    assert "Your profile has been saved." in page
    assert 'value="Ana Novak Kovač"' in page


def test_bad_profile_input_changes_nothing(client, demo_site):
    user = UserFactory(full_name="Ana Novak", year_of_birth=1990)
    client.force_login(user)

    response = client.post(
        reverse("accounts:profile"),
        {
            "full_name": "Someone Else",
            "sector": "design",
            "city": "ljubljana",
            "business_stage": "starting",
            "year_of_birth": str(date.today().year + 5),
        },
    )

    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()
    user.refresh_from_db()
    assert user.full_name == "Ana Novak"
    assert user.year_of_birth == 1990


def test_a_nul_character_in_the_profile_gets_a_message_next_to_the_field(
    client, demo_site
):
    user = UserFactory(full_name="Ana Novak")
    client.force_login(user)

    response = client.post(
        reverse("accounts:profile"),
        {
            "full_name": "Ana\x00 Novak",
            "sector": "design",
            "city": "ljubljana",
            "business_stage": "starting",
        },
    )

    # The form's own refusal (the site answers a bare 400 to NUL elsewhere).
    assert response.status_code == 200
    assert response.context["form"].errors["full_name"] == [
        "Null characters are not allowed."
    ]
    assert "Null characters are not allowed." in response.content.decode()
    user.refresh_from_db()
    assert user.full_name == "Ana Novak"


def test_a_nul_character_elsewhere_is_refused_before_any_view(client, demo_site):
    client.force_login(UserFactory())
    response = client.post(reverse("set_language"), {"language": "en\x00"})
    assert response.status_code == 400
    assert response.content == b"NUL characters are not accepted."


def test_every_user_can_turn_on_two_factor_authentication(client, demo_site):
    user = UserFactory()
    client.post(
        reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    # Changing two-factor settings asks for the password again first.
    assert "reauthenticate" in client.get(reverse("mfa_activate_totp")).url
    client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})

    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post(
        reverse("mfa_activate_totp"), {"code": authenticator_app_code(secret)}
    )

    assert response.status_code == 302
    assert user.authenticator_set.filter(type="totp").exists()
