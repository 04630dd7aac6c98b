"""The self-assessment's result and comparison read on a phone and on a desktop,
in both languages: chart labels of at least 12 px as rendered, compare choices
that fit their box, and axe on each page."""

import pytest

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from assessments import services
from assessments.factories import all_answers
from assessments.models import Instrument

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RENDERED_LABEL_SIZES = """() => {
  const svg = [...document.querySelectorAll('svg.radar__svg')]
    .find((chart) => chart.getBoundingClientRect().width > 0);
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('.radar__labels text, .radar__scale text')]
    .map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
}"""

SELECTS_FIT = """() => [...document.querySelectorAll('select')].map((select) => {
  const box = select.getBoundingClientRect();
  const canvas = document.createElement('canvas').getContext('2d');
  canvas.font = getComputedStyle(select).font;
  const text = canvas.measureText(select.selectedOptions[0].text).width;
  return box.right <= document.documentElement.clientWidth && text < box.width - 24;
})"""


@pytest.fixture
def learner_with_attempts(db, demo_site):
    learner = UserFactory(full_name="Ana Novak")
    for language, value in (("sl", 2), ("en", 4)):
        instrument = Instrument.objects.get(locale__language_code=language)
        response = services.response_start(user=learner, instrument=instrument)
        services.response_submit(
            user=learner, response=response, answers=all_answers(response, value)
        )
    return learner


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["sl", "en"])
def test_result_and_comparison_read_at_every_width(
    page, learner_with_attempts, assert_accessible, language, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_login").fill(learner_with_attempts.email)
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/dashboard/")
    latest = learner_with_attempts.assessment_responses.order_by("-submitted_at")[0]
    page.goto(f"/{language}/assessment/results/{latest.uuid}/")
    sizes = page.evaluate(RENDERED_LABEL_SIZES)
    assert len(sizes) == 15 + 5
    assert min(sizes) >= 12, sizes
    assert page.locator('svg[role="img"]:visible').count() == 1
    assert_accessible(page)

    page.goto(f"/{language}/assessment/history/")
    assert page.evaluate(SELECTS_FIT) == [True, True]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
