"""Certificate rendering: WeasyPrint in a warm process (median, p95) beside its
floor for the same page (plain PDF, nothing else), 1,000
certificates issued end to end through the broker by a `--concurrency 2` worker,
and the same HTML printed by headless Chromium, warm (Playwright's page.pdf())
and cold (`chromium --headless --print-to-pdf`). Run with `make bench`."""

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from weasyprint import HTML

from accounts.models import User
from certificates.models import Certificate
from certificates.rendering import STYLESHEET, _font_config, _stylesheet
from certificates.services import certificate_html_render, certificate_pdf_render
from courses.factories import CourseIndexPageFactory, build_course
from courses.models import Enrolment
from home.models import HomePage

from .conftest import record

WARM_RENDERS = int(os.environ.get("BENCH_RENDERS", "200"))
END_TO_END = int(os.environ.get("BENCH_CERTIFICATES", "1000"))
CHROMIUM_COLD_RUNS = int(os.environ.get("BENCH_CHROMIUM_COLD", "5"))


def timings(function, runs: int) -> dict:
    durations = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        durations.append((time.perf_counter() - started) * 1000)
    durations.sort()
    return {
        "runs": runs,
        "median_ms": round(statistics.median(durations), 1),
        "p95_ms": round(durations[int(0.95 * (runs - 1))], 1),
    }


def completed_enrolments(count: int):
    home = HomePage.objects.get(locale__language_code="en")
    course, _ = build_course(
        parent=CourseIndexPageFactory(parent=home), title="Pricing creative work"
    )
    User.objects.bulk_create(
        User(email=f"cert{n}@example.org", full_name=f"Learner Number {n}")
        for n in range(count)
    )
    now = timezone.now()
    users = User.objects.filter(email__startswith="cert").order_by("pk")
    Enrolment.objects.bulk_create(
        Enrolment(user=u, course=course, status="active", completed_at=now)
        for u in users
    )
    enrolments = Enrolment.objects.filter(course=course).select_related("user")
    Certificate.objects.bulk_create(
        Certificate(
            enrolment=e,
            user=e.user,
            holder_name=e.user.full_name,
            course_title=course.title,
            hours=course.estimated_hours,
            completed_at=now,
            language="en",
            issuer_name="Regionalni center kreativne ekonomije (RCKE)",
        )
        for e in enrolments
    )
    return list(Certificate.objects.order_by("pk"))


@pytest.mark.benchmark
def test_certificate_rendering(demo_site, start_worker, browser):
    certificates = completed_enrolments(END_TO_END)
    sample = certificates[0]

    # 1. WeasyPrint, warm: parsed stylesheet and font configuration are kept.
    certificate_pdf_render(sample)  # warm up
    weasy = timings(lambda: certificate_pdf_render(sample), WARM_RENDERS)
    # WeasyPrint's floor for this very page: the same HTML and stylesheet written
    # as a plain PDF (no PDF/A, no tags, no template or QR code to make).
    html = certificate_html_render(sample)

    def plain() -> None:
        HTML(string=html).write_pdf(
            stylesheets=[_stylesheet()], font_config=_font_config()
        )

    plain()
    floor = timings(plain, WARM_RENDERS)

    # The same HTML, with its stylesheet inline, for Chromium to print.
    css = STYLESHEET.read_text()
    html = certificate_html_render(sample).replace(
        "</head>", f"<style>{css}</style></head>"
    )

    # 2. Chromium, warm: one browser, page.pdf() again and again.
    page = browser.new_page()
    page.set_content(html)
    page.pdf(format="A4", landscape=True)
    chromium_warm = timings(
        lambda: (page.set_content(html), page.pdf(format="A4", landscape=True)),
        WARM_RENDERS,
    )
    page.close()

    # 3. Chromium, cold: a new headless process per certificate.
    workdir = Path(tempfile.mkdtemp())
    (workdir / "certificate.html").write_text(html)
    executable = shutil.which("chromium") or "/usr/bin/chromium"

    def cold() -> None:
        subprocess.run(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                f"--user-data-dir={workdir / 'profile'}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={workdir / 'out.pdf'}",
                str(workdir / "certificate.html"),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )

    chromium_cold = timings(cold, CHROMIUM_COLD_RUNS)

    # 4. End to end: every certificate through the broker, two worker processes.
    from certificates.tasks import certificate_render_task

    start_worker(concurrency=2)
    started = time.perf_counter()
    for certificate in certificates:
        certificate_render_task.delay(certificate.pk)
    deadline = time.monotonic() + 1800
    while time.monotonic() < deadline:
        if not Certificate.objects.exclude(status="issued").exists():
            break
        time.sleep(0.5)
    end_to_end_s = round(time.perf_counter() - started, 1)
    assert not Certificate.objects.exclude(status="issued").exists()

    results = {
        "database": connection.vendor,
        "weasyprint_warm": weasy,
        "weasyprint_floor_same_page_plain_pdf": floor,
        "chromium_warm_page_pdf": chromium_warm,
        "chromium_cold_print_to_pdf": chromium_cold,
        "end_to_end": {"certificates": len(certificates), "seconds": end_to_end_s},
    }
    print(f"\nCertificates ({connection.vendor}, {os.cpu_count()} cores)")
    for name in (
        "weasyprint_warm",
        "weasyprint_floor_same_page_plain_pdf",
        "chromium_warm_page_pdf",
        "chromium_cold_print_to_pdf",
    ):
        figures = results[name]
        median, p95, runs = figures["median_ms"], figures["p95_ms"], figures["runs"]
        print(f"{name:34} median {median:>8} ms  p95 {p95:>8} ms  ({runs} runs)")
    rate = len(certificates) / end_to_end_s
    print(
        f"{len(certificates)} certificates end to end, --concurrency 2: "
        f"{end_to_end_s} s ({rate:.1f}/s)"
    )
    record("certificates", results)
