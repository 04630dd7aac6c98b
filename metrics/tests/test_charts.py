"""The monthly bar charts: every bar drawn and titled; month names and numbers
over the bars only where they do not overlap."""

import datetime
import re

from django.utils import translation

from metrics.charts import bar_chart
from metrics.html import chart_svg
from metrics.summary.periods import months_between


def _rows(count: int) -> list[dict]:
    months = months_between(datetime.date(2024, 1, 1), datetime.date(2030, 1, 1))[
        :count
    ]
    return [
        {"month": month, "signups": "<5" if n == 2 else n * 10}
        for n, month in enumerate(months)
    ]


def test_a_year_shows_every_month_and_number():
    svg = chart_svg(bar_chart(_rows(12), "signups"), "New sign-ups <per month>")
    assert svg.count("<rect") == 12
    assert "<title>03/24: &lt;5</title>" in svg  # suppressed values escaped
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert len(texts) == 24 and "110" in texts
    assert 'aria-label="New sign-ups &lt;per month&gt;"' in svg
    rows = _rows(3)
    rows[1]["signups"] = 12345
    with translation.override("sl"):
        assert ">12.345</text>" in chart_svg(bar_chart(rows, "signups"), "x")


def test_three_years_name_every_third_month_and_leave_numbers_to_titles():
    svg = chart_svg(bar_chart(_rows(36), "signups"), "New sign-ups")
    assert svg.count("<rect") == 36 and svg.count("<title>") == 36
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert texts == [
        f"{month:02d}/{year}" for year in (24, 25, 26) for month in (1, 4, 7, 10)
    ]
