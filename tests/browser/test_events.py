"""Events in a real Chromium (issue 16): a participant finds an event in the
listing, registers, takes its calendar entry (the .ics, parsed back with
icalendar), checks in at the session by opening the address of the check-in
screen's rotating QR code, and sees the attendance on their dashboard; an
analyst sees it counted in Participation. axe on every page on the way."""

import datetime
import re
import zoneinfo

import icalendar
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from accounts.factories import UserFactory
from courses.factories import TrainerFactory
from events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    RegistrationFactory,
    SessionFactory,
)
from events.models import Attendance, EventType, Registration
from home.models import HomePage
from metrics.roles import ANALYSTS
from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def workshop(demo_site):
    """A workshop at RCKE starting in twenty minutes (its check-in opens 30
    minutes before), given by a trainer with an account, with five people
    registered and checked in already."""
    listing = EventIndexPageFactory(
        parent=HomePage.objects.get(locale__language_code="en"),
        title="Events",
        slug="events",
        show_in_menus=True,
    )
    event = EventPageFactory(
        parent=listing,
        title="Design meets industry",
        event_type=EventType.WORKSHOP,
    )
    trainer = UserFactory(full_name="Petra Zorman Golob")
    starts = (timezone.now() + datetime.timedelta(minutes=20)).replace(
        second=0, microsecond=0
    )
    session = SessionFactory(
        event=event,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        capacity=12,
        trainer=TrainerFactory(name="Petra Zorman Golob", user=trainer),
    )
    for _ in range(5):
        Attendance.objects.create(
            session=session,
            registration=RegistrationFactory(session=session, user=UserFactory()),
            how=Attendance.How.QR,
        )
    return listing, event, session, trainer


def test_register_take_the_calendar_check_in_and_see_it_counted(
    page, browser, live_server, workshop, assert_accessible
):
    listing, event, session, trainer = workshop
    participant = UserFactory(full_name="Nina Kralj")
    log_in(page, participant, "en")

    page.goto(listing.url)
    assert_accessible(page)
    page.get_by_role("link", name="Design meets industry").first.click()
    card = page.locator(f"#session-{session.pk}")
    expect(card.get_by_text("7 places left of 12")).to_be_visible()
    assert_accessible(page)
    card.get_by_role("button", name="Register").click()
    expect(page.get_by_text("You are registered for")).to_be_visible()
    expect(card.get_by_text("You are registered.")).to_be_visible()
    assert_accessible(page)
    assert Registration.objects.get(user=participant).status == "registered"

    # The calendar entry, as a calendar app reads it.
    with page.expect_download() as download:
        card.get_by_role("link", name=re.compile(r"^Add to calendar \(\.ics\)")).click()
    calendar = icalendar.Calendar.from_ical(download.value.path().read_bytes())
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Design meets industry"
    assert str(entry["UID"]).startswith(f"{session.uid}@")  # stable: the session's
    start = entry.decoded("DTSTART")
    assert start.tzinfo.key == "Europe/Ljubljana"
    assert start == session.starts_at.astimezone(zoneinfo.ZoneInfo("Europe/Ljubljana"))

    # In the room: the trainer's screen shows the code; the participant opens
    # its address on their phone.
    staff = browser.new_context(base_url=live_server.url)
    screen = staff.new_page()
    log_in(screen, trainer, "en")
    screen.goto(f"/en/events/sessions/{session.pk}/check-in/screen/")
    expect(screen.locator("svg[role=img]")).to_be_visible()
    assert_accessible(screen)
    state = screen.request.get(
        f"/en/events/sessions/{session.pk}/check-in/screen/state/"
    ).json()
    staff.close()
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(state["url"])
    expect(page.get_by_role("heading", name="You are checked in")).to_be_visible()
    assert_accessible(page)

    page.goto("/en/dashboard/")
    mine = page.get_by_role("region", name="My sessions").locator(
        ".card", has_text="Design meets industry"
    )
    expect(mine.get_by_text("Attended")).to_be_visible()
    assert_accessible(page)

    # Counted in Participation: six of the six registered came.
    analyst = UserFactory(is_staff=True)
    analyst.groups.add(Group.objects.get(name=ANALYSTS))
    office = browser.new_context(base_url=live_server.url)
    report = office.new_page()
    report.goto("/cms/login/")
    report.locator("#id_login").fill(analyst.email)
    report.locator("#id_password").fill("a-long-test-password-42")
    report.locator("form.form button[type=submit]").click()
    report.wait_for_url("**/cms/")
    report.goto("/cms/participation/")
    by_type = report.get_by_role("region", name="Events by type")
    expect(
        by_type.get_by_role("row", name=re.compile(r"^Workshop 1 6 6 "))
    ).to_be_visible()
    assert_accessible(report)
    office.close()
