"""The per-session sign-in sheet for funders' records, as PDF (WeasyPrint) and
XLSX: a header (the session, its date and time in the session's own time zone,
the place or "online", the trainers, the organising organisation), then one
numbered row per person with their name, organisation, attendance and an empty
column wide enough to sign on paper. Everything is written in the session's
language (sl or en).

Two versions, because funders ask for two things:

- `BLANK`, the sheet to print before the session: every registered participant,
  the attendance column empty, and empty numbered rows for those who come
  without registering. The participants sign it in the room; the signed paper
  is the evidence funders (EU programmes, the municipality) accept, so this is
  what the trainer needs first.
- `RECORD`, the attendance as the platform holds it after the session: the
  registered and the walk-ins, each ticked with how their presence was
  recorded (QR code, sheet, online code, walk-in) or "not present", and the
  same signature column (an online session has no paper to sign: this is its
  evidence, and it is the list to attach to a report).

Who is on it is the trainer's attendance sheet's list (events.completion
`attendance_sheet`): registered participants and walk-ins, by name. A person
who erased their account is shown as the sheet shows them, "(account erased)",
with no organisation: their presence still counts, their name is gone. No
e-mail address is ever printed: a funder's sheet names people and their
organisations only. Names are data: escaped in the PDF's HTML, neutralised in
the XLSX (`lms.spreadsheets`) so that "=HYPERLINK(…)" is text, never a formula."""

from __future__ import annotations

import datetime
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from lms import pdf
from lms.spreadsheets import XLSX_CONTENT_TYPE, sheet_title, xlsx_cell

from .completion import attendance_sheet
from .models import Attendance, Session

__all__ = [
    "BLANK",
    "RECORD",
    "VERSIONS",
    "XLSX_CONTENT_TYPE",
    "SignInRow",
    "SignInSheet",
    "sign_in_filename",
    "sign_in_sheet",
    "sign_in_sheet_pdf",
    "sign_in_sheet_xlsx",
]

BLANK = "blank"
RECORD = "record"
VERSIONS = (BLANK, RECORD)
# Empty numbered rows at the end of the blank sheet, for walk-ins to write in.
BLANK_ROWS = 8
STYLESHEET = Path(__file__).parent / "sign_in_sheet.css"


@dataclass(frozen=True)
class SignInRow:
    number: int
    name: str
    organisation: str
    attended: str  # "" on the blank sheet (and on its empty rows)
    present: bool
    walk_in: bool = False
    erased: bool = False


@dataclass(frozen=True)
class SignInSheet:
    """What both files print, with every text already in `language`."""

    version: str
    language: str
    heading: str
    title: str
    when: str
    place: str
    trainers: str
    organiser: str
    summary: str
    instruction: str
    printed: str
    rows: list[SignInRow]

    @property
    def headings(self) -> list[str]:
        with translation.override(self.language):
            return [
                pgettext("row number", "No."),
                pgettext("sign-in sheet", "Name"),
                _("Organisation"),
                _("Attended"),
                _("Signature"),
            ]


def _language_of(session: Session) -> str:
    language = session.language_code
    known = {code for code, _name in settings.LANGUAGES}
    return language if language in known else settings.LANGUAGE_CODE


# Slovenian orders č, š, ž after c, s, z (and ć, đ with them); other accents
# sort with their letter. A key, not the database's collation: walk-ins and
# registrations come from two queries and are merged here.
_AFTER_LETTER = {"č": "c\uffff", "ć": "c\uffff\uffff", "đ": "d\uffff", "š": "s\uffff"}
_AFTER_LETTER["ž"] = "z\uffff"


def _name_key(name: str) -> tuple[str, str]:
    folded = name.casefold()
    for letter, key in _AFTER_LETTER.items():
        folded = folded.replace(letter, key)
    plain = "".join(
        character
        for character in unicodedata.normalize("NFD", folded)
        if not unicodedata.combining(character)
    )
    return plain, name


def _when(session: Session) -> str:
    starts, ends = session.local_starts_at, session.local_ends_at
    day = formats.date_format(starts, "DATE_FORMAT")
    weekday = formats.date_format(starts, "l")
    start_time = formats.time_format(starts, "TIME_FORMAT")
    end_time = formats.time_format(ends, "TIME_FORMAT")
    if ends.date() == starts.date():
        span = f"{weekday}, {day}, {start_time}–{end_time}"
    else:
        span = (
            f"{day}, {start_time} – "
            f"{formats.date_format(ends, 'DATE_FORMAT')}, {end_time}"
        )
    return f"{span} ({session.time_zone}, {session.utc_offset_label})"


def _place(session: Session) -> str:
    if session.is_online:
        return _("Online")
    parts = [session.venue_name, session.room, session.address]
    if session.city:
        parts.append(str(session.get_city_display()))
    return ", ".join(part for part in parts if part) or "—"


def _trainers(session: Session) -> str:
    names = []
    if session.trainer_id:
        names.append(session.trainer.name)
    if session.run_id:
        names += [trainer.name for trainer in session.run.trainers.order_by("name")]
    return ", ".join(dict.fromkeys(name for name in names if name)) or "—"


def _how(attendance: Attendance) -> str:
    return {
        Attendance.How.QR: _("✓ QR code"),
        Attendance.How.SHEET: _("✓ ticked"),
        Attendance.How.ONLINE_CODE: _("✓ online code"),
        Attendance.How.WALK_IN: _("✓ walk-in"),
    }.get(attendance.how, "✓")


def _people(session: Session, version: str) -> list[SignInRow]:
    """The named rows, by name, the erased last; numbered after sorting."""
    registrations, walk_ins = attendance_sheet(session=session)
    unnumbered = []
    for registration in registrations:
        user = registration.user
        erased = user is None and not registration.guest_name
        attendance = registration.attendance
        unnumbered.append(
            (
                erased,
                _("(account erased)")
                if erased
                else (user.full_name if user else registration.guest_name),
                user.organisation if user else "",
                attendance,
            )
        )
    if version == RECORD:
        unnumbered += [(False, a.walk_in_name, "", a) for a in walk_ins]
    # Tuples: (erased, name, organisation, attendance).
    unnumbered.sort(key=lambda row: (row[0], _name_key(row[1])))
    rows = []
    for number, (erased, name, organisation, attendance) in enumerate(
        unnumbered, start=1
    ):
        if version == BLANK:
            attended = ""
        elif attendance is None:
            attended = _("not present")
        else:
            attended = _how(attendance)
        rows.append(
            SignInRow(
                number=number,
                name=name,
                organisation=organisation,
                attended=attended,
                present=version == RECORD and attendance is not None,
                walk_in=attendance is not None and attendance.is_walk_in,
                erased=erased,
            )
        )
    return rows


def sign_in_sheet(
    *,
    session: Session,
    version: str,
    organiser: str,
    now: datetime.datetime | None = None,
) -> SignInSheet:
    """The sheet of `session` in its language: `version` BLANK (to sign, before
    the session) or RECORD (the attendance recorded). Three or four queries
    whatever the number of people."""
    if version not in VERSIONS:
        raise ValueError(f"unknown version {version!r}")
    now = now or timezone.now()
    language = _language_of(session)
    with translation.override(language):
        rows = _people(session, version)
        registered = sum(1 for row in rows if not row.walk_in)
        if version == BLANK:
            heading = _("Sign-in sheet")
            summary = _("Registered: %(registered)s.") % {"registered": registered}
            instruction = _(
                "Please sign next to your name. If you are not on the list, write "
                "your name and organisation in an empty row and sign."
            )
            rows += [
                SignInRow(
                    number=len(rows) + extra,
                    name="",
                    organisation="",
                    attended="",
                    present=False,
                )
                for extra in range(1, BLANK_ROWS + 1)
            ]
        else:
            heading = _("Attendance record")
            walk_ins = sum(1 for row in rows if row.walk_in)
            present = sum(1 for row in rows if row.present)
            # Figures after labels: no plural forms to get wrong in Slovenian.
            summary = _(
                "Registered: %(registered)s. Present: %(present)s (registered: "
                "%(attended)s, walk-ins: %(walk_ins)s)."
            ) % {
                "present": present,
                "attended": present - walk_ins,
                "registered": registered,
                "walk_ins": walk_ins,
            }
            instruction = _(
                "Attendance as recorded on the platform: by the QR code, the "
                "online code or the trainer's attendance sheet."
            )
        local_now = timezone.localtime(now, session.zone)
        printed = _("Printed on %(date)s at %(time)s.") % {
            "date": formats.date_format(local_now, "DATE_FORMAT"),
            "time": formats.time_format(local_now, "TIME_FORMAT"),
        }
        return SignInSheet(
            version=version,
            language=language,
            heading=heading,
            title=session.display_title,
            when=_when(session),
            place=_place(session),
            trainers=_trainers(session),
            organiser=organiser,
            summary=summary,
            instruction=instruction,
            printed=printed,
            rows=rows,
        )


def sign_in_filename(*, session: Session, version: str, extension: str) -> str:
    """`sign-in-<session>-<date>.pdf` (the blank sheet) or
    `attendance-<session>-<date>.xlsx` (the record): ASCII only, the date the
    session's own."""
    slug = slugify(session.display_title)[:60].strip("-") or f"session-{session.pk}"
    prefix = "sign-in" if version == BLANK else "attendance"
    return f"{prefix}-{slug}-{session.local_starts_at:%Y-%m-%d}.{extension}"


# --- PDF ---------------------------------------------------------------------------


def _font_config():
    return pdf.font_config()


def _stylesheet():
    return pdf.stylesheet(STYLESHEET)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _page_counter(language: str) -> str:
    """CSS `content` for "Page 2 of 5" in `language`."""
    with translation.override(language):
        text = _("Page %(page)s of %(pages)s")
    before, _mark, rest = text.partition("%(page)s")
    between, _mark, after = rest.partition("%(pages)s")
    parts = [_css_string(before), "counter(page)", _css_string(between)]
    parts += ["counter(pages)", _css_string(after)]
    return " ".join(parts)


def _refuse_fetch(url: str, *args, **kwargs):
    # The sheet loads nothing: a name is text, and should one ever slip into
    # markup it must not make the server fetch a URL.
    raise ValueError(f"the sign-in sheet loads no resources ({url[:40]})")


def sign_in_sheet_pdf(sheet: SignInSheet) -> bytes:
    """The sheet as a tagged A4 portrait PDF, the table's header repeated on
    every page, "Page X of Y" at the foot."""
    from weasyprint import HTML

    with translation.override(sheet.language):
        html = render_to_string(
            "events/exports/sign_in_sheet.html",
            {"sheet": sheet, "page_counter": _page_counter(sheet.language)},
        )
    return HTML(
        string=html, base_url=str(settings.BASE_DIR), url_fetcher=_refuse_fetch
    ).write_pdf(
        stylesheets=[_stylesheet()],
        font_config=_font_config(),
        pdf_tags=True,
    )


# --- XLSX --------------------------------------------------------------------------

# Characters wide: No., name, organisation, attended, signature (room to sign
# on the printed page).
_XLSX_WIDTHS = (6, 34, 30, 16, 36)
_XLSX_ROW_HEIGHT = 28  # points: a signature's height on paper


def sign_in_sheet_xlsx(sheet: SignInSheet) -> bytes:
    """The same sheet as a workbook: the header block above the table, the
    table's header row frozen (and repeated on printed pages), A4 portrait fit
    to the page's width. Every text goes through `lms.spreadsheets.xlsx_cell`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet_title(sheet.heading)
    for index, width in enumerate(_XLSX_WIDTHS, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    with translation.override(sheet.language):
        labels = [
            (None, sheet.title),
            (_("Date and time"), sheet.when),
            (_("Place"), sheet.place),
            (_("Trainers"), sheet.trainers),
            (_("Organiser"), sheet.organiser),
        ]

    def cell(value, **style):
        made = xlsx_cell(worksheet, value)
        for name, setting in style.items():
            setattr(made, name, setting)
        return made

    worksheet.append([cell(sheet.heading, font=Font(bold=True, size=14))])
    for label, value in labels:
        if label is None:
            worksheet.append([cell(value, font=Font(bold=True, size=12))])
        else:
            worksheet.append([cell(label, font=Font(bold=True)), None, cell(value)])
    worksheet.append([cell(sheet.summary)])
    worksheet.append([cell(sheet.instruction)])
    worksheet.append([])
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_row = len(labels) + 5
    worksheet.append(
        [cell(heading, font=Font(bold=True), border=box) for heading in sheet.headings]
    )
    middle = Alignment(vertical="center", wrap_text=True)
    for row in sheet.rows:
        worksheet.append(
            [
                cell(row.number, border=box, alignment=middle),
                cell(row.name, border=box, alignment=middle),
                cell(row.organisation, border=box, alignment=middle),
                cell(row.attended, border=box, alignment=middle),
                cell("", border=box),
            ]
        )
    worksheet.append([])
    worksheet.append([cell(sheet.printed)])
    for number in range(header_row + 1, header_row + 1 + len(sheet.rows)):
        worksheet.row_dimensions[number].height = _XLSX_ROW_HEIGHT
    worksheet.freeze_panes = f"A{header_row + 1}"
    worksheet.print_title_rows = f"{header_row}:{header_row}"
    worksheet.page_setup.paperSize = worksheet.PAPERSIZE_A4
    worksheet.page_setup.orientation = worksheet.ORIENTATION_PORTRAIT
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
