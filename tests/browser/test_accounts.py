"""A creative signs up, confirms the e-mail, logs in and edits the profile in a real
Chromium, with axe-core checking every page on the way."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "tkanina-in-barva-2026"


def open_account_menu(page) -> None:
    """The header keeps profile and log-out in its "My account" menu."""
    page.locator("[data-account-menu] > summary").click()


def test_signup_confirm_login_and_edit_profile(page, demo_site, assert_accessible):
    page.goto("/en/")
    assert_accessible(page)
    page.get_by_role("link", name="Sign up").click()
    page.wait_for_url("**/en/accounts/signup/")
    assert_accessible(page)

    # Submitting an empty form explains each problem next to its field.
    page.get_by_role("button", name="Create account").click()
    page.wait_for_load_state()
    assert (
        page.locator("#id_full_name_errors").inner_text() == "This field is required."
    )
    assert "privacy notice" in page.locator("#id_privacy_consent_errors").inner_text()
    assert_accessible(page)
    assert User.objects.count() == 1  # only the demo administrator

    page.get_by_label("E-mail").fill("nina@keramika.si")
    page.get_by_label("Full name").fill("Nina Kralj")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("Creative sector").select_option("crafts")
    page.get_by_label("City").select_option("ljubljana")
    page.get_by_label("Organisation").fill("Keramika Kralj")
    page.get_by_label("Business stage").select_option("starting")
    page.get_by_label("Year of birth").fill("1988")
    page.get_by_label("I have read the privacy notice and agree to it.").check()
    page.get_by_role("button", name="Create account").click()

    page.wait_for_url("**/accounts/confirm-email/")
    expect(
        page.get_by_role("heading", name="Verify your e-mail address")
    ).to_be_visible()
    assert_accessible(page)

    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()

    page.wait_for_url("**/en/dashboard/")
    expect(page.get_by_role("heading", name="My learning")).to_be_visible()
    assert_accessible(page)
    open_account_menu(page)
    page.get_by_role("link", name="My profile").click()
    page.wait_for_url("**/en/profile/")
    expect(page.get_by_role("heading", name="My profile")).to_be_visible()
    assert page.get_by_label("Organisation").input_value() == "Keramika Kralj"
    assert_accessible(page)

    page.get_by_label("Organisation").fill("Keramika Kralj d.o.o.")
    page.get_by_label("Year of birth").fill("3000")
    page.get_by_role("button", name="Save profile").click()
    assert (
        "cannot be in the future"
        in page.locator("#id_year_of_birth_errors").inner_text()
    )
    assert_accessible(page)
    assert User.objects.get(email="nina@keramika.si").organisation == "Keramika Kralj"

    page.get_by_label("Year of birth").fill("1988")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile has been saved.")).to_be_visible()
    assert (
        User.objects.get(email="nina@keramika.si").organisation
        == "Keramika Kralj d.o.o."
    )

    page.get_by_role("link", name="Two-factor authentication").click()
    page.wait_for_url("**/en/accounts/2fa/")
    assert_accessible(page)

    open_account_menu(page)
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").first.click()
    assert_accessible(page)
    page.get_by_label("E-mail").fill("nina@keramika.si")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/en/dashboard/")
    open_account_menu(page)
    page.get_by_role("link", name="My profile").click()

    # The language switcher shows the same page in Slovenian.
    page.get_by_role("link", name="Slovenščina").click()
    page.wait_for_url("**/sl/profile/")
    expect(page.get_by_role("heading", name="Moj profil")).to_be_visible()
    open_account_menu(page)
    expect(page.get_by_role("button", name="Odjava")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "sl"
    assert_accessible(page)


def test_home_and_general_pages_are_accessible_in_both_languages(
    page, demo_site, assert_accessible
):
    for path in ("/sl/", "/en/", "/sl/o-akademiji/", "/en/about/", "/en/privacy/"):
        page.goto(path)
        assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/sl/")
    expect(
        page.get_by_role("heading", name="Podjetniška znanja za ustvarjalce")
    ).to_be_visible()
    assert_accessible(page)
