"""The funders' sign-in sheet (issue 16, item 9), rendered in the request: the
whole download (queries, the sheet, the PDF or the XLSX) for a session of 100
participants, and WeasyPrint's part alone, in a warm process. Run with
`make bench PYTEST_ARGS="-k sign_in"`; prints median and p95 and writes
var/bench/sign_in_sheet.json."""

import datetime
import io
import os
import statistics
import time

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from courses.factories import TrainerFactory
from courses.roles import TRAINERS
from events import exports
from events.factories import EventIndexPageFactory, RegistrationFactory, build_event
from events.models import Attendance, Session
from home.models import HomePage

from .conftest import record

PARTICIPANTS = int(os.environ.get("BENCH_SIGN_IN_PARTICIPANTS", "100"))
RUNS = int(os.environ.get("BENCH_SIGN_IN_RUNS", "30"))

pytestmark = pytest.mark.django_db


def _figures(seconds: list[float]) -> dict:
    milliseconds = sorted(1000 * value for value in seconds)
    return {
        "median_ms": round(statistics.median(milliseconds), 1),
        "p95_ms": round(milliseconds[int(0.95 * (len(milliseconds) - 1))], 1),
        "runs": len(milliseconds),
    }


def _timed(function, clock=time.perf_counter) -> list[float]:
    function()  # warm: WeasyPrint's import, fonts, the parsed stylesheet
    times = []
    for _run in range(RUNS):
        began = clock()
        function()
        times.append(clock() - began)
    return times


def test_sign_in_sheet_for_100_participants(client):
    listing = EventIndexPageFactory(
        parent=HomePage.objects.get(locale__language_code="sl"), slug="bench-dogodki"
    )
    _event, (session,) = build_event(parent=listing, title="Delavnica: poslovni modeli")
    starts = timezone.now() - datetime.timedelta(hours=3)
    trainer = UserFactory(full_name="Tina Trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    Session.objects.filter(pk=session.pk).update(
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        trainer=TrainerFactory(user=trainer),
    )
    session.refresh_from_db()
    for number in range(PARTICIPANTS):
        registration = RegistrationFactory(
            session=session,
            user=UserFactory(
                full_name=f"Udeleženka Številka {number:03d}",
                organisation="Zavod za kreativno ekonomijo" if number % 3 else "",
            ),
        )
        if number % 4:
            Attendance.objects.create(
                session=session, registration=registration, how="qr"
            )
    client.force_login(trainer)
    results = {"participants": PARTICIPANTS}
    for extension in ("pdf", "xlsx"):
        url = reverse(f"events:sign_in_sheet_{extension}", args=[session.pk])

        def download(url=url):
            response = client.get(url, {"version": exports.RECORD})
            assert response.status_code == 200

        results[f"request_{extension}"] = _figures(_timed(download))
    sheet = exports.sign_in_sheet(
        session=Session.objects.get(pk=session.pk),
        version=exports.RECORD,
        organiser="RCKE",
    )
    results["weasyprint_only"] = _figures(
        _timed(lambda: exports.sign_in_sheet_pdf(sheet))
    )
    # CPU time of this process: on a machine shared with other work the wall
    # clock waits for the cores; this is what the render itself costs.
    results["weasyprint_only_cpu"] = _figures(
        _timed(lambda: exports.sign_in_sheet_pdf(sheet), clock=time.process_time)
    )
    from pypdf import PdfReader

    results["pages"] = len(
        PdfReader(io.BytesIO(exports.sign_in_sheet_pdf(sheet))).pages
    )
    print(results)
    record("sign_in_sheet", results)
    assert results["weasyprint_only_cpu"]["median_ms"] < 1000
