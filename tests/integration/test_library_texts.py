"""The libraries' texts in the site's words: `locale_vendor/` supplies what the
Slovenian catalogues of Wagtail 8, Django 5.2 and allauth lack or get wrong, and
allauth's English in the site's vocabulary (LOCALE_PATHS); `lms/formats/sl/`
writes dates as Slovenian does."""

import datetime

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


def test_a_short_password_is_refused_in_slovenian(client, demo_site):
    from tests.helpers import SIGNUP_FORM, signup_url

    response = client.post(
        signup_url("sl"), {**SIGNUP_FORM, "password1": "kratko", "password2": "kratko"}
    )

    page = response.content.decode()
    assert "To geslo je prekratko. Imeti mora vsaj 10 znakov." in page
    assert "too short" not in page


@pytest.mark.parametrize(
    ("language", "long", "short"),
    [
        ("sl", "27. novembra 2026", "27. 11. 2026"),
        ("en", "27 November 2026", "27 Nov 2026"),  # British (lms/formats/en)
    ],
)
def test_dates_as_the_language_writes_them(language, long, short):
    from django.utils import formats

    day = datetime.date(2026, 11, 27)
    with translation.override(language):
        assert formats.date_format(day, "DATE_FORMAT") == long
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == short
    with translation.override("sl"):
        months = [
            formats.date_format(datetime.date(2026, month, 1), "DATE_FORMAT")
            for month in (1, 3, 8)
        ]
    assert months == ["1. januarja 2026", "1. marca 2026", "1. avgusta 2026"]


@pytest.mark.parametrize(
    ("language", "prefix"),
    [("sl", "[Akademija Kreativna mesta] "), ("en", "[Creative Cities Academy] ")],
)
def test_e_mail_subjects_name_the_site_in_the_message_language(
    client, demo_site, django_capture_on_commit_callbacks, language, prefix
):
    from django.core import mail

    from tests.helpers import SIGNUP_FORM, signup_url

    with django_capture_on_commit_callbacks(execute=True):
        client.post(signup_url(language), SIGNUP_FORM)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith(prefix)


def test_account_pages_use_the_site_s_words_in_english(client, demo_site):
    """allauth says "Sign In" and "Email Addresses"; the header says "Log in"."""
    with translation.override("en"):
        login_url = reverse("account_login")
    page = client.get(login_url).content.decode()
    assert "Sign In" not in page and "Remember Me" not in page
    assert page.count("Log in") >= 3  # header, heading, button

    client.force_login(UserFactory())
    with translation.override("en"):
        emails_url = reverse("account_email")
    assert "E-mail addresses" in client.get(emails_url).content.decode()
