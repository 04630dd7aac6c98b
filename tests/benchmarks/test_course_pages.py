"""Lesson page and catalogue served by gunicorn to concurrent clients, beside a bare
Wagtail page served the same way in the same run. Realistic data: 200 courses
(6 lessons each) and 20,000 learners. Run with `make bench`."""

import os
import platform
import time

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from accounts.models import User
from courses.factories import CourseIndexPageFactory, build_course
from courses.models import Enrolment, LessonCompletion
from home.models import HomePage

from .conftest import load, record

COURSES = int(os.environ.get("BENCH_COURSES", "200"))
LEARNERS = int(os.environ.get("BENCH_LEARNERS", "20000"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "40"))


def build_platform():
    home = HomePage.objects.get(locale__language_code="en")
    catalogue = CourseIndexPageFactory(parent=home, slug="courses", title="Courses")
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
    return catalogue, first_lessons[1], learners[0]


@pytest.mark.benchmark
def test_course_pages_under_load(demo_site, gunicorn):
    started = time.perf_counter()
    catalogue, lesson, learner = build_platform()
    built = time.perf_counter() - started
    client = Client()
    client.force_login(learner)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    bare = Page.objects.get(slug="about").url

    pages = {
        "bare Wagtail page": (bare, ""),
        "catalogue": (catalogue.url, ""),
        "lesson page (enrolled learner)": (lesson.url, cookie),
    }
    for path, page_cookie in pages.values():  # warm every worker
        load(gunicorn.port, path, clients=4, requests_per_client=5, cookie=page_cookie)
    results = {
        name: load(
            gunicorn.port,
            path,
            clients=CLIENTS,
            requests_per_client=REQUESTS,
            cookie=cookie,
        )
        for name, (path, cookie) in pages.items()
    }
    baseline = results["bare Wagtail page"]["rps"]
    print(
        f"\n{COURSES} courses, {LEARNERS} learners, {connection.vendor}, "
        f"gunicorn 2 workers, {CLIENTS} clients × {REQUESTS} requests "
        f"({platform.processor() or platform.machine()}, {os.cpu_count()} cores); "
        f"data built in {built:.0f} s"
    )
    print(f"{'page':34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'vs bare':>8}")
    for name, figures in results.items():
        rps, p50, p95 = figures["rps"], figures["p50_ms"], figures["p95_ms"]
        print(f"{name:34} {rps:>8} {p50:>8} {p95:>8} {rps / baseline:>8.2f}")
    record("course_pages", {"database": connection.vendor, "results": results})
