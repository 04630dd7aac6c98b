"""The *Events and sessions* figures of Participation (issue 16, item 9), counted
from the events records on every request: is that fast enough, or do they need
a summary like the rest of the report? 200 sessions over a year (a third of
them course runs'), 5,000 registrations by 2,000 participants, attendance,
walk-ins and survey answers, then the figures' own time (`events_load`) and the
pages' server time through Django's test client as an analyst, p50/p95 of
BENCH_EVENT_RUNS runs after a warm-up. `make bench PYTEST_ARGS="-k event_metrics"`
(PostgreSQL through DATABASE_URL for figures to record; SQLite works too).

Scale with BENCH_EVENT_SESSIONS / BENCH_EVENT_REGISTRATIONS."""

import datetime
import os
import random
import statistics
import time

import factory
import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from courses.factories import CourseIndexPageFactory, build_course
from courses.models import Enrolment
from events.factories import (
    CourseRunFactory,
    EventIndexPageFactory,
    EventPageFactory,
)
from events.models import (
    Attendance,
    EventType,
    FeedbackAnswer,
    Registration,
    RunParticipant,
    Session,
    SessionKind,
)
from home.models import HomePage
from metrics.factories import analyst
from metrics.summary.filters import Filters
from metrics.summary.sessions import events_load

from .conftest import record

SESSIONS = int(os.environ.get("BENCH_EVENT_SESSIONS", "200"))
REGISTRATIONS = int(os.environ.get("BENCH_EVENT_REGISTRATIONS", "5000"))
PARTICIPANTS = int(os.environ.get("BENCH_EVENT_PARTICIPANTS", "2000"))
RUNS = int(os.environ.get("BENCH_EVENT_RUNS", "20"))
SECTORS = ["design", "architecture", "music", "crafts", "film_video", ""]
CITIES = ["ljubljana", "gdansk", "genova", "leipzig", "pecs", ""]
Status = Registration.Status


def generate(year: int) -> dict:
    rng = random.Random(169)
    home = HomePage.objects.get(locale__language_code="en")
    index = EventIndexPageFactory(parent=home, slug="events-bench")
    catalogue = CourseIndexPageFactory(parent=home, slug="catalogue-bench")
    course, _lessons = build_course(parent=catalogue, title="Blended course")
    runs = [
        CourseRunFactory(
            course=course,
            starts_on=datetime.date(year, 1 + 4 * n, 1),
            ends_on=datetime.date(year, 4 + 4 * n, 28),
        )
        for n in range(3)
    ]
    events = [
        EventPageFactory(parent=index, event_type=rng.choice(EventType.values))
        for _ in range(30)
    ]
    users = UserFactory.create_batch(
        PARTICIPANTS,
        sector=factory_choice(rng, SECTORS),
        city=factory_choice(rng, CITIES),
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(user=user, course=course, required_total=2) for user in users[:300]
    )
    RunParticipant.objects.bulk_create(
        RunParticipant(run=runs[n % 3], enrolment=enrolment)
        for n, enrolment in enumerate(enrolments)
    )
    start = timezone.make_aware(datetime.datetime(year, 1, 1, 10))
    sessions = Session.objects.bulk_create(
        Session(
            run=runs[n % 3] if n % 3 == 0 else None,
            event=None if n % 3 == 0 else rng.choice(events),
            starts_at=(begins := start + datetime.timedelta(days=rng.randrange(365))),
            ends_at=begins + datetime.timedelta(minutes=rng.choice([90, 120, 180])),
            kind=SessionKind.ONLINE if rng.random() < 0.3 else SessionKind.IN_PERSON,
            city=rng.choice(CITIES),
            cancelled_at=start if rng.random() < 0.03 else None,
        )
        for n in range(SESSIONS)
    )
    per_session = max(1, REGISTRATIONS // SESSIONS)
    registrations = []
    for session in sessions:
        for user in rng.sample(users, min(per_session, len(users))):
            status = rng.choice([Status.REGISTERED] * 7 + [Status.WAITLISTED] * 2)
            status = Status.CANCELLED if rng.random() < 0.1 else status
            registrations.append(
                Registration(
                    session=session,
                    user=user,
                    status=status,
                    confirmed_at=session.starts_at,
                    promoted_at=session.starts_at if rng.random() < 0.05 else None,
                )
            )
    registrations = Registration.objects.bulk_create(registrations)
    attendances, answers = [], []
    for registration in registrations:
        if registration.status == Status.REGISTERED and rng.random() < 0.75:
            attendances.append(
                Attendance(
                    session=registration.session, registration=registration, how="qr"
                )
            )
            if rng.random() < 0.4:
                answers.append(
                    FeedbackAnswer(
                        session=registration.session,
                        registration=registration,
                        overall=rng.randint(1, 5),
                        usefulness=rng.randint(1, 5),
                        would_recommend=rng.random() < 0.8,
                    )
                )
    attendances += [
        Attendance(session=session, walk_in_name="Walk-in", how="walk_in")
        for session in rng.sample(sessions, SESSIONS // 4)
    ]
    Attendance.objects.bulk_create(attendances)
    FeedbackAnswer.objects.bulk_create(answers)
    return {
        "course": course,
        "volume": {
            "sessions": len(sessions),
            "registrations": len(registrations),
            "attendances": len(attendances),
            "answers": len(answers),
            "run_participants": len(enrolments),
        },
    }


def factory_choice(rng: random.Random, values: list):
    return factory.LazyFunction(lambda: rng.choice(values))


def _percentiles(durations: list[float]) -> dict:
    durations.sort()
    return {
        "p50_ms": round(statistics.median(durations), 1),
        "p95_ms": round(durations[int(0.95 * (len(durations) - 1))], 1),
    }


@pytest.mark.benchmark
def test_event_metrics_on_request(transactional_db, demo_site):
    year = timezone.localdate().year - 1
    built = generate(year)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    results: dict[str, dict] = {}
    period = {"start": datetime.date(year, 1, 1), "end": datetime.date(year, 12, 31)}
    loads = {
        "events_load, one year": Filters(**period),
        "events_load, one year, sector + city": Filters(
            **period, sector="design", city="ljubljana"
        ),
        "events_load, one year, one course": Filters(**period, course=built["course"]),
    }
    for name, filters in loads.items():
        events_load(filters)  # warm-up
        durations = []
        for _ in range(RUNS):
            begin = time.perf_counter()
            data = events_load(filters)
            data.headline()
            for dimension in ("city", "sector", "type", "month"):
                data.breakdown(dimension)
            durations.append((time.perf_counter() - begin) * 1000)
        results[name] = _percentiles(durations)

    client = Client()
    client.force_login(analyst())
    months = {"start": f"{year}-01", "end": f"{year}-12"}
    dashboard = reverse("metrics_dashboard")
    report = reverse("metrics_course_report", args=[built["course"].pk])
    views = {
        "dashboard, one year (whole page)": (dashboard, months),
        "CSV export, events by month": (
            dashboard,
            {**months, "export": "csv", "table": "events_by_month"},
        ),
        "CSV export, headline (no events counted)": (
            dashboard,
            {**months, "export": "csv", "table": "headline"},
        ),
        "course report with its runs": (report, months),
    }
    for name, (url, params) in views.items():
        client.get(url, params)  # warm-up (and the summary's months)
        durations = []
        for _ in range(RUNS):
            begin = time.perf_counter()
            response = client.get(url, params)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            durations.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200
        results[name] = _percentiles(durations)

    print(f"\nEvent metrics at {built['volume']} on {connection.vendor}, {RUNS} runs")
    for name, figures in results.items():
        p50, p95 = figures["p50_ms"], figures["p95_ms"]
        print(f"{name:45} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")
    record(
        "event_metrics",
        {"volume": built["volume"], "vendor": connection.vendor, "views": results},
    )
