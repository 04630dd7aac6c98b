"""The participation dashboard at the scale RCKE plans for: 100,000 learners,
1,000,000 enrolments and 10,000,000 lesson completions in PostgreSQL, loaded with
COPY. Prints each view's p50/p95 server time. Needs PostgreSQL (DATABASE_URL).

Scale with BENCH_LEARNERS / BENCH_ENROLMENTS / BENCH_COMPLETIONS for a quick run."""

import datetime
import io
import json
import os
import random
import statistics
import time
import uuid

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from assessments import demo as assessment_demo
from assessments.definitions import step_item_ids
from assessments.models import InstrumentVersion
from courses.factories import CourseIndexPageFactory, build_course
from courses.models import Enrolment, LessonCompletion
from home.models import HomePage
from metrics.roles import ANALYSTS
from metrics.summary.refresh import rebuild, refresh

from .conftest import record

LEARNERS = int(os.environ.get("BENCH_LEARNERS", "100000"))
ENROLMENTS = int(os.environ.get("BENCH_ENROLMENTS", "1000000"))
COMPLETIONS = int(os.environ.get("BENCH_COMPLETIONS", "10000000"))
COURSES = int(os.environ.get("BENCH_METRIC_COURSES", "100"))
RUNS = int(os.environ.get("BENCH_METRIC_RUNS", "20"))
SECTORS = ["design", "architecture", "music", "crafts", "film_video", "publishing"]
CITIES = ["ljubljana", "gdansk", "genova", "leipzig", "pecs", "other"]
EPOCH = timezone.make_aware(datetime.datetime(2024, 1, 1))
SPAN_DAYS = 3 * 365


def copy(table: str, columns: list[str], rows) -> None:
    """Stream rows into a table with PostgreSQL's COPY (text format)."""
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join("\\N" if v is None else str(v) for v in row) + "\n")
    buffer.seek(0)
    with (
        connection.cursor() as cursor,
        cursor.connection.cursor().copy(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        ) as stream,
    ):
        while chunk := buffer.read(1 << 20):
            stream.write(chunk)


def moment(rng: random.Random) -> datetime.datetime:
    return EPOCH + datetime.timedelta(seconds=rng.randrange(SPAN_DAYS * 86400))


def generate() -> dict:
    rng = random.Random(2026)
    home = HomePage.objects.get(locale__language_code="en")
    catalogue = CourseIndexPageFactory(parent=home)
    lessons_by_course = []
    for number in range(COURSES):
        course, lessons = build_course(
            parent=catalogue, lessons_per_module=(5, 5), title=f"Course {number}"
        )
        lessons_by_course.append((course.pk, [lesson.pk for lesson in lessons]))

    user_table = connection.ops.quote_name("accounts_user")
    first_user = 10_000_000
    copy(
        user_table,
        [
            "id",
            "password",
            "is_superuser",
            "is_staff",
            "is_active",
            "date_joined",
            "email",
            "full_name",
            "sector",
            "city",
            "organisation",
            "business_stage",
            "gender",
            "year_of_birth",
        ],
        (
            (
                first_user + n,
                "!",
                "f",
                "f",
                "t",
                moment(rng).isoformat(),
                f"bench{n}@example.org",
                f"Learner {n}",
                rng.choice(SECTORS),
                rng.choice(CITIES),
                f"Studio {rng.randrange(5000)}" if n % 3 else "",
                rng.choice(["idea", "starting", "established"]),
                rng.choice(["female", "male", "non_binary", ""]),
                rng.choice([None, *range(1950, 2005)]),
            )
            for n in range(LEARNERS)
        ),
    )
    enrolment_rows, completion_rows = [], []
    first_enrolment = 10_000_000
    per_enrolment = max(COMPLETIONS // max(ENROLMENTS, 1), 1)
    for n in range(ENROLMENTS):
        course_id, lessons = lessons_by_course[n % len(lessons_by_course)]
        enrolled = moment(rng)
        done = rng.random() < 0.4
        completed = (
            enrolled + datetime.timedelta(days=rng.randrange(1, 120)) if done else None
        )
        enrolment_rows.append(
            (
                first_enrolment + n,
                (first_user + rng.randrange(LEARNERS)),
                course_id,
                "withdrawn" if rng.random() < 0.05 else "active",
                enrolled.isoformat(),
                enrolled.isoformat(),
                completed.isoformat() if completed else None,
                len(lessons),
                len(lessons) if done else rng.randrange(len(lessons)),
                enrolled.isoformat(),
            )
        )
        for index in range(min(per_enrolment, len(lessons))):
            completion_rows.append(
                (
                    first_enrolment + n,
                    lessons[index],
                    (enrolled + datetime.timedelta(days=index + 1)).isoformat(),
                )
            )
    # One learner per enrolment and course: the unique constraint wants it.
    seen, unique_rows = set(), []
    for row in enrolment_rows:
        if (row[1], row[2]) not in seen:
            seen.add((row[1], row[2]))
            unique_rows.append(row)
    kept = {row[0] for row in unique_rows}
    # One completion in ten with a self-assessment before and after the course.
    for _line in assessment_demo.load():
        pass
    version = InstrumentVersion.objects.latest("pk")
    items = [item for ids in step_item_ids(version.definition) for item in ids]
    response_rows, linked = [], {}
    for row in unique_rows:
        enrolment_id, user_id, enrolled, completed = row[0], row[1], row[5], row[6]
        if not completed or rng.random() >= 0.1:
            continue
        ids = []
        for submitted, lift in ((enrolled, 0), (completed, 1)):
            answers = {item: min(5, rng.randrange(1, 5) + lift) for item in items}
            ids.append(10_000_000 + len(response_rows))
            response_rows.append(
                (
                    ids[-1],
                    uuid.UUID(int=rng.getrandbits(128), version=4),
                    user_id,
                    version.pk,
                    version.instrument.translation_key,
                    "submitted",
                    json.dumps(answers),
                    len(version.definition["areas"]),
                    submitted,
                    submitted,
                    submitted,
                )
            )
        linked[enrolment_id] = ids
    copy(
        "assessments_response",
        [
            "id",
            "uuid",
            "user_id",
            "version_id",
            "instrument_key",
            "status",
            "answers",
            "last_step",
            "started_at",
            "updated_at",
            "submitted_at",
        ],
        response_rows,
    )
    unique_rows = [(*row, *linked.get(row[0], (None, None))) for row in unique_rows]
    copy(
        "courses_enrolment",
        [
            "id",
            "user_id",
            "course_id",
            "status",
            "requested_at",
            "enrolled_at",
            "completed_at",
            "required_total",
            "required_done",
            "last_activity_at",
            "pre_response_id",
            "post_response_id",
        ],
        unique_rows,
    )
    copy(
        "courses_lessoncompletion",
        ["enrolment_id", "lesson_id", "completed_at"],
        (row for row in completion_rows if row[0] in kept),
    )
    # A certificate for nine in ten completions (one in fifty later revoked), and
    # a visit to the course page on the day of each enrolment.
    certificate_rows, visit_rows, visited = [], [], set()
    for row in unique_rows:
        enrolment_id, user_id, course_id, _status, _req, enrolled = row[:6]
        completed = row[6]
        day = enrolled[:10]
        if (course_id, day, user_id) not in visited:
            visited.add((course_id, day, user_id))
            visit_rows.append((course_id, day, user_id, 0))
        if completed and rng.random() < 0.9:
            revoked = rng.random() < 0.02
            certificate_rows.append(
                (
                    enrolment_id,
                    user_id,
                    f"{enrolment_id:030X}",
                    "revoked" if revoked else "issued",
                    "Learner",
                    "Course",
                    "10.0",
                    "0.0",
                    completed,
                    "en",
                    "RCKE",
                    "",
                    completed,
                    completed,
                    1,
                    "",
                    completed if revoked else None,
                    "",
                )
            )
    copy(
        "certificates_certificate",
        [
            "enrolment_id",
            "user_id",
            "verification_code",
            "status",
            "holder_name",
            "course_title",
            "hours",
            "in_person_hours",
            "completed_at",
            "language",
            "issuer_name",
            "pdf",
            "created_at",
            "issued_at",
            "render_attempts",
            "error",
            "revoked_at",
            "revocation_reason",
        ],
        certificate_rows,
    )
    copy(
        "courses_coursevisit",
        ["course_id", "day", "user_id", "anonymous_visits"],
        visit_rows,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "learners": LEARNERS,
        "enrolments": Enrolment.objects.count(),
        "lesson_completions": LessonCompletion.objects.count(),
        "certificates": len(certificate_rows),
        "course_visits": len(visit_rows),
        "assessment_pairs": len(linked),
    }


@pytest.mark.benchmark
def test_dashboard_at_scale(transactional_db, demo_site):
    """Committed data (transactional_db), so that VACUUM ANALYZE can leave the
    tables as autovacuum keeps them in production: statistics for the planner,
    visibility maps for index-only scans."""
    if connection.vendor != "postgresql":
        pytest.skip("the metrics benchmark needs PostgreSQL (set DATABASE_URL)")
    started = time.perf_counter()
    volume = generate()
    built = time.perf_counter() - started
    # The summary as the nightly task leaves it, then one periodic refresh.
    started = time.perf_counter()
    months = rebuild()
    rebuild_seconds = time.perf_counter() - started
    started = time.perf_counter()
    refresh()
    refresh_seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    analyst = UserFactory(is_staff=True)
    analyst.groups.add(Group.objects.get(name=ANALYSTS))
    client = Client()
    client.force_login(analyst)
    year = {"start": "2025-01", "end": "2025-12"}
    years = {"start": "2024-01", "end": "2026-12"}
    course = Enrolment.objects.values_list("course_id", flat=True).first()
    dashboard = reverse("metrics_dashboard")
    report = reverse("metrics_course_report", args=[course])
    place = {"sector": "design", "city": "ljubljana"}
    views = {
        "dashboard, one year": (dashboard, year),
        "dashboard, year, sector + city": (dashboard, {**year, **place}),
        "dashboard, year, one course": (dashboard, {**year, "course": course}),
        "dashboard, three years": (dashboard, years),
        "dashboard, 3 years, sector + city": (dashboard, {**years, **place}),
        "dashboard, 3 years, one sector": (dashboard, {**years, "sector": "music"}),
        "dashboard, 3 years, course + city": (
            dashboard,
            {**years, "course": course, "city": "genova"},
        ),
        "CSV export (by sector)": (
            dashboard,
            {**year, "export": "csv", "table": "by_sector"},
        ),
        "XLSX export (by course)": (
            dashboard,
            {**year, "export": "xlsx", "table": "by_course"},
        ),
        "course report, one year": (report, year),
        "course report, three years": (report, years),
        "course report, 3 years, sector + city": (report, {**years, **place}),
    }
    results = {}
    for name, (url, params) in views.items():
        client.get(url, params)
        durations = []
        for _ in range(RUNS):
            begin = time.perf_counter()
            response = client.get(url, params)
            durations.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200
        durations.sort()
        results[name] = {
            "p50_ms": round(statistics.median(durations), 1),
            "p95_ms": round(durations[int(0.95 * (len(durations) - 1))], 1),
        }
    print(f"\nMetrics at {volume} (built in {built:.0f} s), {RUNS} runs per view")
    print(
        f"summary: nightly rebuild of {len(months)} months {rebuild_seconds:.1f} s, "
        f"periodic refresh {refresh_seconds:.1f} s"
    )
    for name, figures in results.items():
        print(
            f"{name:36} p50 {figures['p50_ms']:>9} ms   p95 {figures['p95_ms']:>9} ms"
        )
    record(
        "metrics",
        {
            "volume": volume,
            "summary_rebuild_s": round(rebuild_seconds, 1),
            "summary_refresh_s": round(refresh_seconds, 1),
            "results": results,
        },
    )
