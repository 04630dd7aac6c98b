"""A learner downloads their data and deletes their account in a real Chromium,
with axe-core checking each page and no Content Security Policy violation."""

import pytest
from playwright.sync_api import expect

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_learner_downloads_data_and_deletes_account(page, demo_site, assert_accessible):
    learner = UserFactory(full_name="Nina Kralj")
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail").fill(learner.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/en/dashboard/")
    page.locator("[data-account-menu] > summary").click()  # the header's menu
    page.get_by_role("link", name="My profile").click()
    page.get_by_role("link", name="Your data").click()
    page.wait_for_url("**/en/profile/privacy/")
    assert_accessible(page)

    page.get_by_role("button", name="Prepare my data").click()
    page.wait_for_url("**/en/profile/privacy/")
    # Tasks run eagerly in the test settings: the export is ready at once.
    link = page.get_by_role("link", name="Download (ZIP")
    expect(link).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".zip")

    page.get_by_role("link", name="Delete my account").click()
    page.wait_for_url("**/en/profile/delete/")
    assert_accessible(page)
    page.get_by_role("button", name="Delete my account").click()
    page.wait_for_load_state()
    expect(page.locator("#id_password_errors")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Your password").fill(DEFAULT_PASSWORD)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account").click()
    page.wait_for_url("**/en/")
    assert page.get_by_text("Your account and your personal data are deleted.")
    assert not User.objects.filter(pk=learner.pk).exists()
    assert violations == []
