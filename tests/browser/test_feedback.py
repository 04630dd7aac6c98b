"""The satisfaction survey in a real Chromium: the dashboard's "Tell us how it
went" and the survey page pass axe at 375 px and 1280 px in both languages,
nothing scrolls sideways on a phone, and answering on a phone works: a missing
rating is said next to its question, then the answer is taken once."""

import datetime
import re

import pytest

from accounts.factories import UserFactory
from courses.factories import CourseIndexPageFactory, EnrolmentFactory, build_course
from events.factories import (
    CourseRunFactory,
    EventIndexPageFactory,
    RegistrationFactory,
    RunParticipantFactory,
    SessionFactory,
    build_event,
    in_days,
)
from events.models import Attendance, FeedbackAnswer
from home.models import HomePage
from tests.helpers import log_in, no_sideways_scrolling

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def participant(demo_site):
    """Nina attended a workshop in each language two days ago and took part
    in an English run that ended yesterday."""
    user = UserFactory(full_name="Nina Kralj")
    for language, title in [
        ("en", "Design meets industry at the Ambient fair"),
        ("sl", "Ustvarjalni večer v Ljubljani"),
    ]:
        home = HomePage.objects.get(locale__language_code=language)
        listing = EventIndexPageFactory(parent=home, slug=f"events-{language}")
        _event, (session,) = build_event(parent=listing, title=title, starts_in_days=-2)
        Attendance.objects.create(
            session=session,
            registration=RegistrationFactory(
                session=session, user=user, language=language
            ),
            how=Attendance.How.QR,
        )
    catalogue = CourseIndexPageFactory(
        parent=HomePage.objects.get(locale__language_code="en"), slug="catalogue"
    )
    course, _lessons = build_course(parent=catalogue, title="Pricing creative work")
    run = CourseRunFactory(
        course=course,
        title="Spring, Ljubljana",
        starts_on=in_days(-40).date(),
        ends_on=in_days(-1).date(),
    )
    SessionFactory(
        run=run, starts_at=in_days(-3), ends_at=in_days(-3) + datetime.timedelta(1 / 8)
    )
    RunParticipantFactory(run=run, enrolment=EnrolmentFactory(user=user, course=course))
    return user


def test_the_survey_reads_well_and_takes_an_answer_on_a_phone(
    page, participant, assert_accessible
):
    log_in(page, participant, "en")
    for language in ("en", "sl"):
        for width, height in [(375, 812), (1280, 800)]:
            page.set_viewport_size({"width": width, "height": height})
            page.goto(f"/{language}/dashboard/")
            panel = page.locator("section.feedback-panel")
            assert panel.locator(".card").count() == 3
            assert no_sideways_scrolling(page), (language, width)
            assert_accessible(page)
            panel.locator("a.button").first.click()
            page.locator("form.feedback-form").wait_for()
            assert no_sideways_scrolling(page), (language, width)
            assert_accessible(page)

    page.set_viewport_size({"width": 375, "height": 812})
    page.goto("/en/dashboard/")
    page.get_by_role("link", name=re.compile("Answer the survey.*Design meets")).click()
    question = page.get_by_role("group", name="How useful was it for your work?")
    question.get_by_label("Very useful").check()
    page.get_by_role(
        "group", name="Would you recommend it to a colleague?"
    ).get_by_label("Yes").check()
    page.get_by_label("Anything else you would like to tell us?").fill("More, please.")
    page.get_by_role("button", name="Send my answers").click()
    overall = page.get_by_role("group", name="Overall, how was it?")
    overall.get_by_text("Choose how it was overall, from 1 to 5.").wait_for()
    assert_accessible(page)
    assert not FeedbackAnswer.objects.exists()
    # What was chosen is still chosen.
    assert question.get_by_label("Very useful").is_checked()
    overall.get_by_label("Excellent").check()
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_text("You have already answered, thank you.").wait_for()
    answer = FeedbackAnswer.objects.get()
    assert (answer.overall, answer.usefulness, answer.would_recommend) == (5, 4, True)
    assert answer.comment == "More, please."
