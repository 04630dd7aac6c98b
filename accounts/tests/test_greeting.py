import pytest
from django.urls import reverse
from django.utils import translation

from accounts.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _log_in_and_open_dashboard(client, user) -> str:
    with translation.override("en"):
        login_url, dashboard_url = (
            reverse("account_login"),
            reverse("courses:dashboard"),
        )
    response = client.post(
        login_url, {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    return client.get(dashboard_url).content.decode()


def test_the_first_log_in_is_welcomed_and_the_next_welcomed_back(client, demo_site):
    user = UserFactory(full_name="Ana Novak")
    assert user.last_login is None

    page = _log_in_and_open_dashboard(client, user)
    assert "Welcome, Ana." in page
    assert "Welcome back" not in page

    client.logout()
    page = _log_in_and_open_dashboard(client, user)
    assert "Welcome back, Ana." in page
