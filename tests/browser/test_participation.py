"""An analyst opens the participation dashboard (its events section too),
filters it, downloads both exports, and axe finds nothing to fix."""

import csv

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from courses import services
from courses.factories import build_course
from events.factories import EventIndexPageFactory, RegistrationFactory, build_event
from home.models import HomePage
from metrics.roles import ANALYSTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_analyst_filters_and_exports(page, catalogue, assert_accessible):
    course, lessons = build_course(parent=catalogue, title="Pricing creative work")
    index = EventIndexPageFactory(
        parent=HomePage.objects.get(locale__language_code="en")
    )
    _event, (session,) = build_event(parent=index, starts_in_days=-3)
    for n in range(6):
        learner = UserFactory(sector="design" if n < 5 else "music", city="ljubljana")
        services.enrolment_create(user=learner, course=course)
        RegistrationFactory(session=session, user=learner)
    analyst = UserFactory(is_staff=True)
    analyst.groups.add(Group.objects.get(name=ANALYSTS))

    page.goto("/cms/login/")  # the site's log-in, back to the admin after
    page.locator("#id_login").fill(analyst.email)
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.get_by_role("link", name="Participation").first.click()
    page.wait_for_url("**/cms/participation/")
    expect(page.get_by_role("heading", name="Headline figures")).to_be_visible()
    events = page.get_by_role("region", name="Events by type")
    expect(events.get_by_role("row", name="Workshop 1 6")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Creative sector", exact=True).select_option("design")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**sector=design**")
    headline = page.locator("#table-headline + p + table")
    expect(headline.get_by_role("row", name="Enrolments 5")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download CSV – Headline figures").click()
    assert "participation-headline-" in csv_download.value.suggested_filename
    with open(csv_download.value.path(), newline="") as handle:
        rows = dict(list(csv.reader(handle))[1:])
    assert rows["Enrolments"] == "5"
    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Download XLSX – By city").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
