"""My certificates in a real Chromium, in one test: axe finds nothing to fix
at 375 px and 1280 px in both languages, nothing scrolls sideways on a phone,
"Copy link" puts the verification link on the clipboard and says so in its live
region, and without JavaScript the link is still there to select."""

import pytest

from accounts.factories import UserFactory
from certificates.factories import completed_enrolment
from certificates.models import Certificate
from certificates.rendering import verification_url
from certificates.services import certificate_revoke
from courses.factories import CourseIndexPageFactory
from home.models import HomePage
from tests.helpers import log_in, no_sideways_scrolling

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def stand_in_renderer(html: str) -> bytes:
    """A renderer `CERTIFICATE_RENDERER` can name: these tests are about the page."""
    return b"%PDF-stand-in"


@pytest.fixture
def holder(demo_site, settings):
    """A holder with a certificate in each state: issued in Slovenian and in
    English (a long title), being prepared, revoked."""
    settings.CERTIFICATE_RENDERER = (
        "tests.browser.test_my_certificates.stand_in_renderer"
    )
    user = UserFactory(full_name="Nina Kralj")
    catalogues = {
        language: CourseIndexPageFactory(
            parent=HomePage.objects.get(locale__language_code=language),
            slug=f"catalogue-{language}",
        )
        for language in ("sl", "en")
    }
    # Tasks run eagerly after each commit: each certificate is issued at once.
    for language, title in [
        ("sl", "Poslovni modeli za ustvarjalno prakso"),
        ("en", "Intellectual property, contracts and fair pay for freelancers"),
        ("en", "Pricing creative work"),
        ("en", "Funding for small studios"),
    ]:
        completed_enrolment(parent=catalogues[language], user=user, title=title)
    mine = {c.course_title: c for c in Certificate.objects.filter(user=user)}
    Certificate.objects.filter(pk=mine["Pricing creative work"].pk).update(
        status=Certificate.Status.PENDING
    )
    certificate_revoke(
        certificate=mine["Funding for small studios"], revoked_by=None, reason="x"
    )
    assert Certificate.objects.filter(user=user, status="issued").count() == 2
    return user


def test_my_certificates_reads_well_copies_its_link_and_works_without_javascript(
    page, browser, live_server, holder, assert_accessible
):
    """One holder for all of it (building four certificates is most of the time):
    both languages at both widths, the copy button, then a browser without
    JavaScript."""
    log_in(page, holder, "en")
    for language in ("en", "sl"):
        for width, height in [(375, 812), (1280, 800)]:
            page.set_viewport_size({"width": width, "height": height})
            page.goto(f"/{language}/certificates/")
            assert page.locator(".certificate-card").count() == 4
            assert no_sideways_scrolling(page), (language, width)
            assert_accessible(page)

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/en/certificates/")
    certificate = Certificate.objects.get(
        user=holder, course_title__startswith="Intellectual property"
    )
    card = page.locator(f"#certificate-{certificate.pk}")
    card.get_by_role("button", name="Copy link").click()
    status = card.get_by_role("status")
    status.filter(has_text="Link copied.").wait_for()
    expected = verification_url(certificate.verification_code)
    assert page.evaluate("navigator.clipboard.readText()") == expected

    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        plain = context.new_page()
        log_in(plain, holder, "en")
        plain.goto("/en/certificates/")
        fields = plain.get_by_role("textbox", name="Verification link")
        assert fields.count() == 2
        assert fields.first.input_value().startswith(f"{live_server.url}/verify/")
        assert plain.get_by_role("button", name="Copy link").count() == 0
    finally:
        context.close()
