"""The public site's header in a real Chromium: one line on a 1280 px screen,
logged in or not, in English and in Slovenian (the longer labels); the account
menu opens and closes from the keyboard, works at 320 px, and axe finds
nothing to fix."""

import pytest
from playwright.sync_api import expect

from accounts.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACCOUNT_MENU = "[data-account-menu]"


def log_in(page, user, language: str) -> None:
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/dashboard/")


def header_rows(page) -> int:
    """How many lines the header's items take: items whose vertical centres are
    within 10 px of each other share a line."""
    centres = page.evaluate(
        """() => Array.from(
            document.querySelectorAll(
              '.site-header__inner > .site-name, .site-header__inner > nav > ul > li'
            ),
            (item) => { const box = item.getBoundingClientRect();
                        return box.top + box.height / 2; })"""
    )
    rows: list[float] = []
    for centre in sorted(centres):
        if not rows or centre - rows[-1] > 10:
            rows.append(centre)
    return len(rows)


def menu_is_open(page) -> bool:
    return page.locator(ACCOUNT_MENU).evaluate("(menu) => menu.open")


@pytest.mark.parametrize("language", ["en", "sl"])
def test_the_header_is_one_line_at_1280_px(page, demo_site, language):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"/{language}/")
    assert header_rows(page) == 1, "anonymous"

    # A staff member has the most items (the admin link).
    log_in(page, UserFactory(is_staff=True, is_superuser=True), language)
    page.goto(f"/{language}/")
    assert header_rows(page) == 1, "logged in"
    assert page.locator(".site-header").bounding_box()["height"] < 80


def test_the_account_menu_works_from_the_keyboard(page, demo_site, assert_accessible):
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, UserFactory(), "en")
    page.goto("/en/")
    profile = page.get_by_role("link", name="My profile")
    assert not profile.is_visible() and not menu_is_open(page)

    page.locator(f"{ACCOUNT_MENU} > summary").focus()
    page.keyboard.press("Enter")
    assert menu_is_open(page) and profile.is_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert_accessible(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "My profile"

    page.keyboard.press("Escape")
    assert not menu_is_open(page)
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"

    page.keyboard.press("Space")
    assert menu_is_open(page)
    page.locator("main").click()  # a click elsewhere closes it
    assert not menu_is_open(page)

    page.locator(f"{ACCOUNT_MENU} > summary").click()
    profile.click()
    page.wait_for_url("**/en/profile/")


@pytest.mark.parametrize("language", ["en", "sl"])
def test_the_header_fits_a_320_px_phone(page, demo_site, assert_accessible, language):
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(page, UserFactory(is_staff=True, is_superuser=True), language)
    page.goto(f"/{language}/")

    def no_sideways_scrolling() -> bool:
        return page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"
        )

    assert no_sideways_scrolling()
    page.locator(f"{ACCOUNT_MENU} > summary").click()
    assert menu_is_open(page)
    panel = page.locator(".account-menu__panel").bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 320
    assert no_sideways_scrolling()
    assert_accessible(page)
