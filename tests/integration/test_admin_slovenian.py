"""The admin in Slovenian: Wagtail 8's own Slovenian catalogue lacks about 200
texts; `locale_wagtail/` supplies them (LOCALE_PATHS)."""

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_admin_home_summary_is_in_slovenian(client, demo_site):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sl"
    with translation.override("sl"):
        url = reverse("wagtailadmin_home")

    page = client.get(url).content.decode()

    # "6 strani", "3 strani", "1 stran": the form for the count, not "6 Pages".
    assert '<span class="w-sr-only">ustvarjen' in page
    assert 'Pages <span class="w-sr-only">' not in page
