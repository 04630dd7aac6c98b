"""My certificates: the holder's own certificates only, each in its state, the
downloads and sharing for an issued one, none for a revoked one; an empty page
points to the catalogue; its queries do not grow with the certificates."""

import re
from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation

from accounts.factories import UserFactory
from certificates.factories import certificate_for, completed_enrolment
from certificates.models import Certificate
from certificates.rendering import verification_url
from certificates.services import (
    certificate_issue,
    certificate_render_failed,
    certificate_revoke,
)
from certificates.sharing import linkedin_add_to_profile_url

pytestmark = pytest.mark.django_db

URL_NAME = "certificates:my_certificates"


def stand_in_renderer(html: str) -> bytes:
    """A renderer `CERTIFICATE_RENDERER` can name: these tests are about the page."""
    return b"%PDF-stand-in"


@pytest.fixture(autouse=True)
def _quick_renderer(settings):
    settings.CERTIFICATE_RENDERER = (
        "certificates.tests.test_holder_views.stand_in_renderer"
    )


@pytest.fixture
def holder():
    return UserFactory(full_name="Nina Kralj")


def earned(catalogue, user, title: str, *, issue: bool = True) -> Certificate:
    certificate = certificate_for(
        completed_enrolment(parent=catalogue, user=user, title=title)
    )
    if issue:
        certificate_issue(certificate_id=certificate.pk)
    return Certificate.objects.get(pk=certificate.pk)


def page_of(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse(URL_NAME))
    assert response.status_code == 200
    return response.content.decode()


def card(page: str, certificate: Certificate) -> str:
    """The part of the page about one certificate (up to the next one's)."""
    start = page.index(f'id="certificate-{certificate.pk}"')
    end = page.find('<li class="certificate-card', start)
    return page[start : end if end != -1 else page.index("</main>")]


def test_anonymous_visitors_are_sent_to_log_in(client, demo_site):
    response = client.get(reverse(URL_NAME))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert f"next={reverse(URL_NAME)}" in response.url.replace("%2F", "/")


def test_the_holder_sees_their_own_certificates_and_nobody_elses(
    client, catalogue, holder
):
    mine = earned(catalogue, holder, "Pricing creative work")
    theirs = earned(catalogue, UserFactory(), "Funding for studios")
    page = page_of(client, holder)
    assert "Pricing creative work" in page and mine.verification_code in page
    assert "Funding for studios" not in page
    assert theirs.verification_code not in page

    other_page = page_of(client, theirs.user)
    assert "Funding for studios" in other_page
    assert mine.verification_code not in other_page


def test_an_issued_certificate_has_its_downloads_linkedin_and_verify_link(
    client, catalogue, holder
):
    certificate = earned(catalogue, holder, "Pricing creative work")
    code = certificate.verification_code
    section = card(page_of(client, holder), certificate)

    assert "Valid" in section
    date = formats.date_format(
        timezone.localtime(certificate.completed_at), "DATE_FORMAT"
    )
    assert date in section and "RCKE" in section and code in section
    for name in ("certificates:download",):
        assert f'href="{reverse(name, args=[code])}"' in section
    for name in ("badge", "credential_json", "credential_jwt"):
        assert f'href="{reverse(f"credentials:{name}", args=[code])}"' in section
    assert "upload it to a badge wallet" in section
    # The link as the holder copies it: the printed address, read-only.
    assert (
        f'value="{verification_url(code)}" readonly' in section
        and "Copy link" in section
    )
    # LinkedIn's form, by a plain link: the exact URL, in a new tab.
    linkedin = escape(linkedin_add_to_profile_url(certificate))
    assert (
        f'<a class="button" href="{linkedin}" target="_blank" rel="noopener">'
        in section
    )
    assert "(opens LinkedIn in a new tab)" in section


def test_every_link_of_an_issued_certificate_answers(client, catalogue, holder):
    certificate = earned(catalogue, holder, "Pricing creative work")
    section = card(page_of(client, holder), certificate)
    downloads = re.findall(r'href="(/[^"]+)"', section)
    assert len(downloads) == 4
    expected = {
        "application/pdf",
        "image/png",
        "application/vc+ld+json; charset=utf-8",
        "application/vc+jwt",
    }
    assert {client.get(url)["Content-Type"] for url in downloads} == expected


def test_no_linkedin_script_pixel_or_frame(client, catalogue, holder):
    earned(catalogue, holder, "Pricing creative work")
    page = page_of(client, holder)
    assert re.findall(r"<(?:script|img|iframe)[^>]*linkedin", page, re.I) == []
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', page)
    assert scripts and all(src.startswith("/static/") for src in scripts)


def test_each_state_in_plain_words(client, catalogue, holder):
    pending = earned(catalogue, holder, "Course being prepared", issue=False)
    failed = earned(catalogue, holder, "Course that failed", issue=False)
    certificate_render_failed(certificate_id=failed.pk, error="no fonts", final=True)
    page = page_of(client, holder)

    section = card(page, pending)
    assert "Being prepared" in section and "we will e-mail you" in section
    section = card(page, failed)
    assert "Delayed" in section and "will prepare it again" in section
    assert "no fonts" not in section  # the error is for staff
    for section in (card(page, pending), card(page, failed)):
        assert "linkedin" not in section.lower()
        assert "href=" not in section and "readonly" not in section


def test_a_revoked_certificate_is_not_offered_for_sharing(client, catalogue, holder):
    certificate = earned(catalogue, holder, "Pricing creative work")
    certificate_revoke(
        certificate=certificate, revoked_by=None, reason="Internal note: plagiarism"
    )
    certificate.refresh_from_db()
    section = card(page_of(client, holder), certificate)
    date = formats.date_format(
        timezone.localtime(certificate.revoked_at), "DATE_FORMAT"
    )
    assert f"This certificate was revoked on {date} and is no longer valid" in section
    # Staff's reason is their note, not a message to the holder.
    assert "plagiarism" not in section
    assert 'href="mailto:academy@rcke.si"' in section
    assert "linkedin" not in section.lower()
    assert certificate.verification_code not in section
    assert "credential.json" not in section and "badge.png" not in section


def test_latest_earned_first(client, catalogue, holder):
    older = earned(catalogue, holder, "Older course")
    newer = earned(catalogue, holder, "Newer course")
    Certificate.objects.filter(pk=older.pk).update(
        completed_at=newer.completed_at - timezone.timedelta(days=30)
    )
    page = page_of(client, holder)
    assert page.index("Newer course") < page.index("Older course")


def test_an_empty_page_points_to_the_catalogue(client, demo_course):
    page = page_of(client, UserFactory())
    assert "You have no certificates yet." in page
    catalogue = demo_course.get_parent().specific
    assert f'<a class="button" href="{catalogue.url}">Browse the courses</a>' in page
    assert "copy-link.js" not in page


def test_the_page_in_slovenian(client, demo_site, holder):
    from courses.factories import CourseIndexPageFactory
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="sl")
    catalogue = CourseIndexPageFactory(parent=home, slug="tecaji-test")
    certificate = earned(catalogue, holder, "Cenik ustvarjalnega dela")
    client.force_login(holder)
    with translation.override("sl"):
        url = reverse(URL_NAME)
    assert url == "/sl/certificates/"
    page = client.get(url).content.decode()
    assert "<h1>Moja potrdila</h1>" in page
    assert '<h2 class="certificate-card__title" lang="sl">Cenik ustvarjalnega' in page
    assert escape(linkedin_add_to_profile_url(certificate)) in page
    assert "Regionalni%20center%20kreativne%20ekonomije" in page


def test_the_account_menu_and_the_dashboard_lead_to_the_page(client, catalogue, holder):
    certificate = earned(catalogue, holder, "Pricing creative work")
    client.force_login(holder)
    dashboard = client.get(reverse("courses:dashboard")).content.decode()
    url = reverse(URL_NAME)
    assert f'<li><a href="{url}">My certificates</a></li>' in dashboard  # the menu
    # The completed course's card, to its certificate's place on the page.
    assert f'href="{url}#certificate-{certificate.pk}"' in dashboard

    # A course left after completing it: the dashboard's certificates panel.
    from courses.models import Enrolment

    Enrolment.objects.filter(pk=certificate.enrolment_id).update(
        status=Enrolment.Status.WITHDRAWN
    )
    dashboard = client.get(reverse("courses:dashboard")).content.decode()
    assert f'<a href="{url}">All my certificates</a>' in dashboard


def count_queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_certificates(client, catalogue, holder):
    earned(catalogue, holder, "Course 0")
    revoked = earned(catalogue, holder, "Course revoked")
    certificate_revoke(certificate=revoked, revoked_by=None, reason="test")
    client.force_login(holder)
    one = count_queries(client, reverse(URL_NAME))
    # Four times as many, in every state: a query per certificate would show.
    for number in range(1, 6):
        earned(catalogue, holder, f"Course {number}")
    earned(catalogue, holder, "Course pending", issue=False)
    assert count_queries(client, reverse(URL_NAME)) == one
