"""A creative takes the self-assessment in Slovenian in a real Chromium: three
steps, leaving half-way and resuming, a refused answer, the result with its radar
chart and table (on screen and printed), and the comparison with a later attempt;
axe checks every page on the way.

The interface texts are not asserted (their Slovenian catalogue is separate):
the test reads the instrument's own Slovenian content, the page language and the
structure."""

import pytest
from playwright.sync_api import expect

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from assessments import services
from assessments.demo import instrument_content
from assessments.factories import all_answers
from assessments.models import Instrument, Response

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INSTRUMENT = instrument_content()

SCALE_SL = {point["value"]: point["label"]["sl"] for point in INSTRUMENT["scale"]}


def option_label(value: int | None) -> str:
    """The radio's label as the step page writes it: "3 · Samostojno"."""
    return SCALE_SL[None] if value is None else f"{value} · {SCALE_SL[value]}"


def log_in(page, user, next_url: str) -> None:
    page.goto(f"/sl/accounts/login/?next={next_url}")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**{next_url}")


def answer(page, competence: dict, values: list[int | None]) -> None:
    for item, value in zip(competence["items"], values, strict=True):
        group = page.get_by_role("group", name=item["sl"], exact=True)
        group.get_by_label(option_label(value), exact=True).check()


def press(page, action: str) -> None:
    page.locator(f"form.assessment-form button[name=action][value={action}]").click()


def check_step(page, number: int, area: dict, assert_accessible) -> None:
    page.wait_for_url(f"**/sl/assessment/*/step/{number}/")
    assert page.locator("html").get_attribute("lang") == "sl"
    expect(
        page.get_by_role("heading", level=1, name=area["name"]["sl"])
    ).to_be_visible()
    steps = page.locator(".steps__item")
    assert steps.count() == 3
    current = page.locator('.steps__item[aria-current="step"]')
    assert current.count() == 1
    assert current.locator(".steps__number").inner_text() == str(number)
    assert area["name"]["sl"] in current.inner_text()
    for competence in area["competences"]:
        expect(
            page.get_by_role("heading", level=2, name=competence["name"]["sl"])
        ).to_be_visible()
    # One radio group per statement: five labelled points and "not relevant".
    assert page.locator("fieldset.item").count() == 15
    first_group = page.get_by_role(
        "group", name=area["competences"][0]["items"][0]["sl"], exact=True
    )
    assert first_group.get_by_role("radio").count() == 6
    assert_accessible(page)


def test_learner_takes_the_assessment_in_slovenian(page, demo_site, assert_accessible):
    learner = UserFactory(full_name="Nina Kralj")
    log_in(page, learner, "/sl/assessment/")
    assert page.locator("html").get_attribute("lang") == "sl"
    expect(
        page.get_by_role("heading", level=1, name=INSTRUMENT["title"]["sl"])
    ).to_be_visible()
    assert_accessible(page)
    page.locator("form.assessment-start button[type=submit]").click()

    ideas, resources, into_action = INSTRUMENT["areas"]

    # Step 1: everything answered, except that "Creativity" gets only one
    # answer on the scale, too few for a score.
    check_step(page, 1, ideas, assert_accessible)
    for competence in ideas["competences"]:
        if competence["code"] == "creativity":
            answer(page, competence, [2, None, None])
        else:
            answer(page, competence, [4, 4, 4])
    press(page, "next")

    # Step 2: two competences answered, then leave.
    check_step(page, 2, resources, assert_accessible)
    for competence in resources["competences"][:2]:
        answer(page, competence, [3, 3, 3])
    press(page, "later")
    page.wait_for_url("**/sl/assessment/")
    response = Response.objects.get(user=learner)
    assert len(response.answers) == 15 + 6
    assert_accessible(page)

    # Coming back resumes at step 2 with the saved answers checked.
    page.locator(".assessment-resume a").click()
    check_step(page, 2, resources, assert_accessible)
    saved = page.get_by_role(
        "group", name=resources["competences"][0]["items"][0]["sl"], exact=True
    )
    assert saved.get_by_label(option_label(3), exact=True).is_checked()

    # A tampered value is refused next to the form, and nothing is saved.
    tampered = page.get_by_role(
        "group", name=resources["competences"][2]["items"][0]["sl"], exact=True
    ).get_by_label(option_label(5), exact=True)
    tampered.evaluate("input => { input.value = '9'; }")
    tampered.check()
    press(page, "next")
    alert = page.locator('.assessment [role="alert"]')
    expect(alert).to_be_visible()
    assert alert.locator("xpath=following-sibling::form").count() == 1
    assert_accessible(page)
    assert len(Response.objects.get(pk=response.pk).answers) == 21

    page.goto(page.url)
    for competence in resources["competences"][2:]:
        answer(page, competence, [3, 3, None])
    press(page, "next")

    # Step 3: one competence left out entirely; submit.
    check_step(page, 3, into_action, assert_accessible)
    for competence in into_action["competences"][:-1]:
        answer(page, competence, [2, 2, 3])
    press(page, "submit")

    # The result.
    page.wait_for_url("**/sl/assessment/results/*/")
    assert page.locator("html").get_attribute("lang") == "sl"
    expect(
        page.get_by_role("heading", level=1, name=INSTRUMENT["title"]["sl"])
    ).to_be_visible()
    chart = page.locator('svg[role="img"]:visible')
    assert chart.count() == 1
    assert chart.locator("title").count() == 1
    assert chart.locator("desc").count() == 1
    assert chart.locator(".radar__series--current polygon").count() == 1
    assert chart.locator(".radar__series--previous").count() == 0
    assert chart.locator(".radar__labels text").count() == 15
    rows = page.locator(".result-table tbody tr")
    assert rows.count() == 15
    spotting = rows.filter(has_text=ideas["competences"][0]["name"]["sl"])
    assert "4,0" in spotting.inner_text()  # Slovenian decimal comma
    for name in (
        ideas["competences"][1]["name"]["sl"],  # creativity: one answer
        into_action["competences"][-1]["name"]["sl"],  # left out
    ):
        assert rows.filter(has_text=name).locator(".not-enough").count() == 1
    coping = rows.filter(has_text=into_action["competences"][2]["name"]["sl"])
    assert "2,3" in coping.inner_text()
    assert_accessible(page)

    # Printed: the chart, words and table stay; buttons and navigation go.
    page.emulate_media(media="print")
    assert not page.locator(".result__actions").is_visible()
    assert not page.get_by_role("navigation", name="Main navigation").is_visible()
    expect(chart).to_be_visible()
    expect(page.locator(".result-table")).to_be_visible()
    page.emulate_media(media="screen")

    # A later attempt is drawn over this one and compared in the history.
    first_url = page.url
    instrument = Instrument.objects.get(locale__language_code="sl")
    later = services.response_start(user=learner, instrument=instrument)
    services.response_submit(
        user=learner, response=later, answers=all_answers(later, 4)
    )
    page.goto(f"/sl/assessment/results/{later.uuid}/")
    previous = page.locator('svg[role="img"]:visible .radar__series--previous')
    assert previous.locator("polygon").count() == 1
    assert page.locator(".radar__legend svg").count() == 2
    assert page.locator(".result-table thead th").count() == 6
    assert_accessible(page)

    page.goto("/sl/assessment/history/")
    assert page.locator(".change-table tbody tr").count() == 15
    assert page.locator(".change--higher").count() >= 1
    assert page.locator(".change--same").count() >= 1  # 4,0 both times
    assert_accessible(page)

    # Another learner guessing the address finds nothing.
    page.locator("[data-account-menu] > summary").click()  # the header's menu
    page.locator("form[action*='logout'] button").click()
    log_in(page, UserFactory(), "/sl/assessment/")
    assert page.goto(first_url).status == 404
