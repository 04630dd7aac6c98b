"""The HTML built in Python (`metrics.html`) escapes every text it is given: a
course title such as `<script>alert("&'")</script>` comes out as text, in the
select lists, the tables and the charts, and on the pages that show them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from courses.factories import build_course
from lms.spreadsheets import Percentage
from metrics.charts import bar_chart
from metrics.factories import analyst, enrol, learner
from metrics.html import QuickSelect, chart_svg, table_rows

HOSTILE = '<script>alert("&\'")</script>'
ESCAPED = "&lt;script&gt;alert(&quot;&amp;&#x27;&quot;)&lt;/script&gt;"


def test_select_options_escape_labels_and_values():
    widget = QuickSelect(choices=[("", "All"), ('7"><b>', HOSTILE), ("8", "Plain")])
    html = widget.render("course", "8", attrs={"id": "id_course"})
    assert HOSTILE not in html and "<b>" not in html
    assert f'<option value="7&quot;&gt;&lt;b&gt;">{ESCAPED}</option>' in html
    assert '<option value="8" selected>Plain</option>' in html
    assert html.startswith('<select id="id_course" name="course">')


def test_table_rows_escape_text_and_format_counts():
    rows = [
        [HOSTILE, 12345, "<5", Percentage(0.5)],
        [mark_safe("<em>kept</em>"), True, 0, "–"],
    ]
    html = table_rows(rows)
    assert HOSTILE not in html
    assert f'<tr><th scope="row">{ESCAPED}</th><td>12,345</td><td>&lt;5</td>' in html
    assert "<td>50 %</td>" in html  # a value that renders itself
    assert '<th scope="row"><em>kept</em></th><td>True</td><td>0</td>' in html
    with translation.override("sl"):
        assert "<td>12.345</td>" in table_rows(rows)


def test_charts_escape_their_label_and_values():
    months = [datetime.date(2026, month, 1) for month in (1, 2)]
    rows = [{"month": months[0], "x": 7}, {"month": months[1], "x": HOSTILE}]
    svg = chart_svg(bar_chart(rows, "x"), HOSTILE)
    assert HOSTILE not in svg
    assert f'aria-label="{ESCAPED}"' in svg
    assert f"<title>02/26: {ESCAPED}</title>" in svg


@pytest.mark.django_db
def test_a_hostile_course_title_shows_as_text_on_the_pages(client, catalogue):
    course, _lessons = build_course(parent=catalogue, title=HOSTILE)
    month = timezone.localdate().replace(day=1)
    for _ in range(5):
        enrol(learner(month), course, month)
    client.force_login(analyst())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get(reverse("metrics_dashboard")).content.decode()
    assert HOSTILE not in page
    assert f">{ESCAPED}</option>" in page  # the course filter
    assert f'<th scope="row">{ESCAPED}</th><td>5</td>' in page  # by course
    report = client.get(reverse("metrics_course_report", args=[course.pk]))
    assert HOSTILE not in report.content.decode()
    assert ESCAPED in report.content.decode()
