"""The pages a learner sees, served by gunicorn (2 sync workers, DEBUG off) to
16 concurrent keep-alive clients as a signed-in learner, beside the home page of
a fresh `wagtail start` project served the same way in the same run (the floor
for a Wagtail page). Realistic data: 200 courses (6 lessons each) and 20,000
learners. Reports requests/s, the CPU time per request of the server processes
(master + workers, from /proc: it moves little when the machine is busy, unlike
requests/s) and queries per request. Run with `make bench` (on SQLite unless
DATABASE_URL says otherwise)."""

import os
import platform
import time

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from courses.factories import CourseIndexPageFactory, build_course
from courses.models import Enrolment, LessonCompletion
from home.models import HomePage

from .conftest import load, load_with_cpu, record

COURSES = int(os.environ.get("BENCH_COURSES", "200"))
LEARNERS = int(os.environ.get("BENCH_LEARNERS", "20000"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "40"))

BARE = "bare `wagtail start` home page"
HOME = "home page"
CATALOGUE = "catalogue"
COURSE = "course page (enrolled learner)"
LESSON = "lesson page (enrolled learner)"

# The goals of issue 14, against the bare page of the same run.
MAX_CPU_RATIO = {HOME: 1.5, CATALOGUE: 1.25, LESSON: 1.25}
MAX_QUERIES = {HOME: 6, LESSON: 15}
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def build_platform():
    home = HomePage.objects.get(locale__language_code="en")
    catalogue = CourseIndexPageFactory(
        parent=home, slug="bench-courses", title="Courses"
    )
    courses = []
    for number in range(COURSES):
        course, lessons = build_course(
            parent=catalogue,
            lessons_per_module=(3, 3),
            quizzes=(2,) if number == 0 else (),
            title=f"Course {number}",
        )
        courses.append((course, lessons))
    password = make_password("bench-password-2026")
    User.objects.bulk_create(
        User(email=f"bench{n}@example.org", full_name=f"Learner {n}", password=password)
        for n in range(LEARNERS)
    )
    learners = list(User.objects.filter(email__startswith="bench").order_by("pk"))
    now = timezone.now()
    Enrolment.objects.bulk_create(
        Enrolment(
            user=user,
            course=courses[n % len(courses)][0],
            status=Enrolment.Status.ACTIVE,
            enrolled_at=now,
            required_total=6,
        )
        for n, user in enumerate(learners)
    )
    first_course, first_lessons = courses[0]
    enrolments = Enrolment.objects.filter(course=first_course)
    LessonCompletion.objects.bulk_create(
        LessonCompletion(enrolment=enrolment, lesson=first_lessons[0])
        for enrolment in enrolments
    )
    return home, catalogue, first_course, first_lessons[1], learners[0]


def queries_of(client: Client, path: str) -> tuple[int, list[str]]:
    """Queries of a GET after the first one (which may record the visit), and
    the writes among them."""
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    return len(queries), writes


@pytest.mark.benchmark
def test_course_pages_under_load(demo_site, gunicorn, bare_wagtail):
    started = time.perf_counter()
    home, catalogue, course, lesson, learner = build_platform()
    built = time.perf_counter() - started
    client = Client()
    client.force_login(learner)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    pages = {
        HOME: home.url,
        CATALOGUE: catalogue.url,
        COURSE: course.url,
        LESSON: lesson.url,
    }
    queries = {BARE: bare_wagtail.queries_per_request()}
    writes = {}
    for name, path in pages.items():
        queries[name], writes[name] = queries_of(client, path)

    servers = {BARE: (bare_wagtail.server, "/", "")}
    servers.update({name: (gunicorn, path, cookie) for name, path in pages.items()})
    for server, path, page_cookie in servers.values():  # warm every worker
        load(server.port, path, clients=4, requests_per_client=5, cookie=page_cookie)
    results = {
        name: {
            **load_with_cpu(
                server,
                path,
                clients=CLIENTS,
                requests_per_client=REQUESTS,
                cookie=page_cookie,
            ),
            "queries": queries[name],
        }
        for name, (server, path, page_cookie) in servers.items()
    }
    bare_rps = results[BARE]["rps"]
    bare_cpu = results[BARE]["cpu_ms_per_request"]
    for figures in results.values():
        figures["rps_vs_bare"] = round(figures["rps"] / bare_rps, 2)
        figures["cpu_vs_bare"] = round(figures["cpu_ms_per_request"] / bare_cpu, 2)

    load_average = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"\n{COURSES} courses, {LEARNERS} learners, {connection.vendor}, "
        f"gunicorn 2 sync workers, {CLIENTS} clients × {REQUESTS} requests "
        f"({platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"load average {load_average}); data built in {built:.0f} s"
    )
    print(
        f"{'page':32} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'CPU ms':>7} "
        f"{'queries':>7} {'req/s÷bare':>10} {'CPU÷bare':>8}  goal"
    )
    missed = []
    for name, figures in results.items():
        goal = ""
        if name in MAX_CPU_RATIO:
            met = figures["cpu_vs_bare"] <= MAX_CPU_RATIO[name]
            goal = f"CPU ≤ {MAX_CPU_RATIO[name]}× bare: {'met' if met else 'MISSED'}"
            if not met:
                missed.append(name)
        print(
            f"{name:32} {figures['rps']:>7} {figures['p50_ms']:>7} "
            f"{figures['p95_ms']:>7} {figures['cpu_ms_per_request']:>7} "
            f"{figures['queries']:>7} {figures['rps_vs_bare']:>10} "
            f"{figures['cpu_vs_bare']:>8}  {goal}"
        )
    record(
        "course_pages",
        {
            "database": connection.vendor,
            "load_average": os.getloadavg(),
            "results": results,
            "cpu_goals_missed": missed,
        },
    )
    # Counts are exact whatever the machine's load: these goals are asserted.
    for name, limit in MAX_QUERIES.items():
        assert results[name]["queries"] <= limit, (name, results[name]["queries"])
    assert not any(writes.values()), writes
