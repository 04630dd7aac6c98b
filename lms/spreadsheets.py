"""Every CSV and XLSX file the platform writes goes through here: the
participation tables, *Learners*, *Certificates* and Wagtail's own reports
(`wagtail_exports_install` routes Wagtail's export mixin through `table_response`).

- Text a spreadsheet would run as a formula is neutralised (`neutralise`): a
  learner's name or a course title is data, never a formula.
- Numbers stay numbers: counts and decimals as numbers, shares as `Percentage`
  (0.45 with a percentage format), decimals with their places as `Number`.
- Dates and times are real dates in the site's time zone (openpyxl cannot hold an
  aware datetime, so they are written as local wall-clock time).
- CSV starts with a UTF-8 byte order mark (Excel reads it as UTF-8 only then) and
  uses the separator the language's spreadsheets expect: where the decimal mark
  is a comma (Slovenian), Excel and LibreOffice split on ";", elsewhere on ",".
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.encoding import force_str
from django.utils.formats import get_format, number_format

#: What makes a spreadsheet read a cell as a formula (or, for tab and carriage
#: return, hides a formula behind them): OWASP's list for CSV injection.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Characters an XLSX file cannot hold at all (openpyxl refuses the whole file).
_ILLEGAL_IN_XLSX = re.compile(r"[\000-\010\013\014\016-\037]")
_ILLEGAL_IN_SHEET_TITLE = re.compile(r"[\\/*?:\[\]]")
SHEET_TITLE_LENGTH = 31

# Excel's number formats per language (the codes are the same in every Excel;
# these choose the order people of the language read).
_DATE_FORMATS = {
    "sl": ("d. m. yyyy", "d. m. yyyy hh:mm"),
    "en": ("d mmm yyyy", "d mmm yyyy hh:mm"),
}
MONTH_FORMAT = "yyyy-mm"


def neutralise(value: Any) -> Any:
    """A value as a spreadsheet cell may safely hold it. Text starting with
    = + - @, a tab or a carriage return gets a leading apostrophe, the mark
    spreadsheets themselves use for "this is text", so it is shown, never run.
    Numbers (negative ones too), dates and None pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


@dataclass(frozen=True)
class Percentage:
    """A share: shown as "45 %" on a page, written to a file as the number 0.45
    with a percentage format."""

    fraction: float
    places: int = 0

    def __str__(self) -> str:
        share = round(100 * self.fraction, self.places)
        return f"{number_format(share, self.places)} %"

    @property
    def number_format(self) -> str:
        return "0%" if not self.places else "0." + "0" * self.places + "%"


@dataclass(frozen=True)
class Number:
    """A decimal with a fixed number of places: shown as the language writes
    decimals (24,8 / 24.8), "+" before a positive change when `signed`; written
    to a file as the number, rounded as shown (so no "-0.00")."""

    value: float
    places: int
    signed: bool = False

    @property
    def rounded(self) -> float:
        return round(self.value, self.places) + 0.0  # + 0.0: no negative zero

    def __str__(self) -> str:
        text = number_format(self.rounded, self.places)
        return f"+{text}" if self.signed and self.rounded > 0 else text

    @property
    def number_format(self) -> str:
        plain = "0." + "0" * self.places if self.places else "0"
        return f"+{plain};-{plain};{plain}" if self.signed else plain


@dataclass(frozen=True)
class Month:
    """A calendar month, shown as "2026-03", written as its first day with a
    month format."""

    first_day: datetime.date

    def __str__(self) -> str:
        return f"{self.first_day:%Y-%m}"


def sheet_title(title: str) -> str:
    """A worksheet name Excel accepts (at most 31 characters, none of
    \\ / * ? : [ ]) that still names the table: a long title keeps what comes
    before its colon or parenthesis ("Learning gain (after minus before…)" is
    "Learning gain"), then is cut at a word."""
    title = " ".join(force_str(title).split())
    if len(title) > SHEET_TITLE_LENGTH or _ILLEGAL_IN_SHEET_TITLE.search(title):
        title = re.split(r"[:(]", title, maxsplit=1)[0].strip() or title
    title = _ILLEGAL_IN_SHEET_TITLE.sub("-", title).strip("' ")
    if len(title) > SHEET_TITLE_LENGTH:
        cut = title[: SHEET_TITLE_LENGTH + 1].rsplit(" ", 1)[0]
        title = (cut if len(cut) > 3 else title)[:SHEET_TITLE_LENGTH].rstrip()
    return title or "Sheet1"


def _local(value: datetime.datetime) -> datetime.datetime:
    """Wall-clock time in the site's time zone (not the viewer's), without the
    zone."""
    if timezone.is_aware(value):
        value = timezone.localtime(value, timezone.get_default_timezone())
    return value.replace(tzinfo=None)


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(force_str(item) for item in value)
    return force_str(value)


# CSV


def csv_separators() -> tuple[str, str]:
    """(field separator, decimal mark) for the active language."""
    decimal_mark = get_format("DECIMAL_SEPARATOR")
    return (";" if decimal_mark == "," else ","), decimal_mark


def csv_cell(value: Any, decimal_mark: str = ".") -> str:
    """A value as CSV text a spreadsheet of the language reads back as the same
    number, date or text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.15g}".replace(".", decimal_mark)
    if isinstance(value, decimal.Decimal):
        return str(value).replace(".", decimal_mark)
    if isinstance(value, Number):
        return f"{value.rounded:.{value.places}f}".replace(".", decimal_mark)
    if isinstance(value, Percentage):
        share = f"{round(100 * value.fraction, value.places):.{value.places}f}"
        return share.replace(".", decimal_mark) + "%"
    if isinstance(value, Month):
        return str(value)
    if isinstance(value, datetime.datetime):
        return f"{_local(value):%Y-%m-%d %H:%M}"
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return neutralise(_text(value))


class _Line:
    """A file-like object whose write() hands back what it was given."""

    def write(self, value: str) -> str:
        return value


def csv_lines(headings: Sequence[Any], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The CSV file line by line: the byte order mark, the headings, the rows."""
    separator, decimal_mark = csv_separators()
    writer = csv.writer(_Line(), delimiter=separator)
    yield "\ufeff" + writer.writerow([csv_cell(h) for h in headings])
    for row in rows:
        yield writer.writerow([csv_cell(cell, decimal_mark) for cell in row])


def csv_response(
    *, headings: Sequence[Any], rows: Iterable[Sequence[Any]], filename: str
) -> StreamingHttpResponse:
    """A CSV download, streamed (a report of thousands of rows is never held
    whole in memory). The language is the one active when the response is built."""
    language = translation.get_language()

    def stream() -> Iterator[bytes]:
        with translation.override(language):
            for line in csv_lines(headings, rows):
                yield line.encode("utf-8")

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


# XLSX


def _date_formats() -> tuple[str, str]:
    language = (translation.get_language() or "en").split("-")[0]
    return _DATE_FORMATS.get(language, _DATE_FORMATS["en"])


def xlsx_cell(sheet, value: Any):
    """A write-only cell holding `value` as its type: number, percentage, date,
    or text that is never a formula."""
    from openpyxl.cell import WriteOnlyCell

    date_format, datetime_format = _date_formats()
    number_format = None
    if value is None or isinstance(value, bool | int | float | decimal.Decimal):
        pass
    elif isinstance(value, Number):
        value, number_format = value.rounded, value.number_format
    elif isinstance(value, Percentage):
        value, number_format = value.fraction, value.number_format
    elif isinstance(value, Month):
        value, number_format = value.first_day, MONTH_FORMAT
    elif isinstance(value, datetime.datetime):
        value, number_format = _local(value), datetime_format
    elif isinstance(value, datetime.date):
        number_format = date_format
    else:
        value = neutralise(_ILLEGAL_IN_XLSX.sub("", _text(value)))
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, never an error code like "#N/A"
    if number_format:
        cell.number_format = number_format
    return cell


def xlsx_bytes(
    *, title: str, headings: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> bytes:
    """A workbook of one sheet named after its table, headings in bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title(title))
    heading_cells = []
    for heading in headings:
        cell = xlsx_cell(sheet, force_str(heading))
        cell.font = Font(bold=True)
        heading_cells.append(cell)
    sheet.append(heading_cells)
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(
    *,
    title: str,
    headings: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    filename: str,
) -> HttpResponse:
    response = HttpResponse(
        xlsx_bytes(title=title, headings=headings, rows=rows),
        content_type=XLSX_CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def table_response(
    *,
    title: str,
    headings: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    filename: str,
    fmt: str,
) -> HttpResponse | StreamingHttpResponse:
    """A table as a CSV or XLSX download (`fmt` "csv" or "xlsx")."""
    if fmt == "xlsx":
        return xlsx_response(
            title=title, headings=headings, rows=rows, filename=filename
        )
    return csv_response(headings=headings, rows=rows, filename=filename)


# Wagtail's reports and listings


def _wagtail_as_spreadsheet(self, queryset, spreadsheet_format):
    """Replaces SpreadsheetExportMixin.as_spreadsheet: the same columns and
    headings (and a view's own `custom_field_preprocess`), written by
    `table_response`. Wagtail's own writer leaves formulas in CSV, names the sheet
    "Sheet1" and writes times in UTC."""
    fields = list(self.list_export)
    headings = [self.get_heading(queryset, field) for field in fields]

    def value(field, raw):
        preprocess = self.custom_field_preprocess.get(field, {})
        if spreadsheet_format in preprocess:
            return preprocess[spreadsheet_format](raw)
        return raw

    rows = (
        [value(field, raw) for field, raw in self.to_row_dict(item).items()]
        for item in queryset
    )
    title = getattr(self, "page_title", "") or self.get_filename()
    return table_response(
        title=title,
        headings=headings,
        rows=rows,
        filename=self.get_filename(),
        fmt=spreadsheet_format,
    )


def wagtail_exports_install() -> None:
    """Route every Wagtail export (our ReportViews, Wagtail's own reports,
    listings and form submissions) through this module. Called once at start-up."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    SpreadsheetExportMixin.as_spreadsheet = _wagtail_as_spreadsheet
