"""The summary's figures against counts made here, straight from the records, for
random data and every combination of filters; and how the summary follows
changes (periodic refresh, nightly rebuild)."""

import datetime
import random
import statistics

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from accounts.factories import UserFactory
from accounts.services import account_erase
from certificates.models import Certificate
from courses.factories import build_course
from courses.models import CourseVisit, Enrolment, LessonCompletion, QuizAttempt
from metrics.factories import analyst, assessment_submitted, at, enrol, learner
from metrics.models import LearnerSet, SummaryRefresh
from metrics.summary.breakdowns import breakdown
from metrics.summary.course_report import course_funnel
from metrics.summary.disclosure import rate, suppress
from metrics.summary.filters import Filters
from metrics.summary.kinds import ALL_COURSES, SetKind
from metrics.summary.participation import headline, learning_gain, monthly_series
from metrics.summary.periods import month_start
from metrics.summary.refresh import rebuild, refresh

pytestmark = pytest.mark.django_db

SECTORS = ["design", "music", "architecture"]
CITIES = ["ljubljana", "pecs"]


@pytest.fixture
def world(catalogue):
    """Sixty learners with random profiles, each enrolled in random courses at
    random days of 2025; some completed (some certified, one certificate later
    revoked), some withdrew; lesson completions on random days."""
    rng = random.Random(6)
    courses = [build_course(parent=catalogue, title=f"Course {n}") for n in range(3)]
    people = [
        learner(
            datetime.date(2024, 11, 1) + datetime.timedelta(days=rng.randrange(400)),
            sector=rng.choice(SECTORS),
            city=rng.choice(CITIES),
            organisation=rng.choice(["", "Studio A", "studio a ", "Kolektiv B", "C"]),
            gender=rng.choice(["", "female", "male"]),
            year_of_birth=rng.choice([None, 1970, 1990, 2001]),
        )
        for _ in range(60)
    ]
    for person in people:
        for course, lessons in rng.sample(courses, rng.randrange(0, 4)):
            enrolled = datetime.date(2025, 1, 1) + datetime.timedelta(
                days=rng.randrange(365)
            )
            completed = (
                enrolled + datetime.timedelta(days=rng.randrange(1, 90))
                if rng.random() < 0.5
                else None
            )
            enrolment = enrol(
                person,
                course,
                enrolled,
                completed,
                status="withdrawn" if rng.random() < 0.1 else "active",
                certificate=(
                    ("issued" if rng.random() < 0.9 else "revoked")
                    if completed
                    else None
                ),
            )
            for lesson in lessons[: rng.randrange(0, len(lessons) + 1)]:
                done = LessonCompletion.objects.create(
                    enrolment=enrolment, lesson=lesson
                )
                LessonCompletion.objects.filter(pk=done.pk).update(
                    completed_at=at(
                        enrolled + datetime.timedelta(days=rng.randrange(60))
                    )
                )
    return {
        "courses": [course for course, _lessons in courses],
        "lessons": {course.pk: lessons for course, lessons in courses},
        "people": people,
    }


def _in(moment, filters) -> bool:
    return moment is not None and filters.since <= moment < filters.until


def _expected(filters: Filters) -> dict:
    """The headline figures, counted from the records in plain Python."""
    users = list(get_user_model().objects.filter(is_staff=False, is_superuser=False))

    def chosen(user) -> bool:
        return user is not None and (
            (not filters.sector or user.sector == filters.sector)
            and (not filters.city or user.city == filters.city)
        )

    everyone = not filters.sector and not filters.city
    enrolments = [
        e
        for e in Enrolment.objects.select_related("user")
        if (filters.course is None or e.course_id == filters.course.pk)
        and (chosen(e.user) or (everyone and e.user is None))
    ]
    begun = [e for e in enrolments if _in(e.enrolled_at, filters)]
    completed = [e for e in enrolments if _in(e.completed_at, filters)]
    active = {e.user_id for e in enrolments if e.user and _in(e.requested_at, filters)}
    for completion in LessonCompletion.objects.select_related("enrolment"):
        if (
            completion.enrolment in enrolments
            and _in(completion.completed_at, filters)
            and completion.enrolment.user_id
        ):
            active.add(completion.enrolment.user_id)
    certificates = [
        c
        for c in Certificate.objects.select_related("enrolment")
        if c.enrolment in enrolments
        and _in(c.issued_at, filters)
        and c.status != Certificate.Status.REVOKED
    ]
    days = [(e.completed_at - e.enrolled_at).total_seconds() / 86400 for e in completed]
    organisations = {
        e.user.organisation.strip().lower()
        for e in begun
        if e.user and e.user.organisation.strip()
    }
    return {
        "registered": suppress(
            sum(1 for u in users if chosen(u) and u.date_joined < filters.until)
        ),
        "signups": suppress(
            sum(1 for u in users if chosen(u) and _in(u.date_joined, filters))
        ),
        "active": suppress(len(active)),
        "enrolments": suppress(len(begun)),
        "withdrawn": suppress(
            sum(1 for e in begun if e.status == Enrolment.Status.WITHDRAWN)
        ),
        "completions": suppress(len(completed)),
        "completion_rate": rate(sum(1 for e in begun if e.completed_at), len(begun)),
        "certificates": suppress(len(certificates)),
        "median_days": (
            f"{statistics.median(days):.1f}"
            if len(days) >= 5
            else ("<5" if days else "–")
        ),
        "organisations": suppress(len(organisations)),
        "assessments": 0,
    }


def test_headline_figures_match_the_records_for_every_filter(world):
    periods = [
        (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
        (datetime.date(2025, 3, 1), datetime.date(2025, 5, 31)),
        (datetime.date(2025, 11, 1), datetime.date(2026, 2, 28)),
    ]
    # An erased learner: their enrolments stay, without a person.
    account_erase(
        user=world["people"][0], requested_by=world["people"][0], reason="request"
    )
    rebuild()
    for start, end in periods:
        for course in [None, *world["courses"][:2]]:
            for sector in ["", "design"]:
                for city in ["", "pecs"]:
                    filters = Filters(
                        start=start, end=end, course=course, sector=sector, city=city
                    )
                    shown = {f["key"]: str(f["value"]) for f in headline(filters)}
                    expected = {k: str(v) for k, v in _expected(filters).items()}
                    assert shown == expected, filters


def test_breakdowns_and_months_add_up_to_the_records(world):
    rebuild()
    filters = Filters(start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31))
    begun = Enrolment.objects.filter(
        enrolled_at__gte=filters.since, enrolled_at__lt=filters.until
    ).select_related("user")
    rows = {row["group"]: row for row in breakdown(filters, "sector")["rows"]}
    for code, label in [("design", "Design"), ("music", "Music")]:
        mine = [e for e in begun if e.user.sector == code]
        assert rows[label]["enrolments"] == suppress(len(mine))
        assert rows[label]["learners"] == suppress(len({e.user_id for e in mine}))
    by_course = breakdown(filters, "course")["rows"]
    for row in by_course:
        count = sum(1 for e in begun if e.course.title == row["group"])
        assert row["enrolments"] == suppress(count)
    series = monthly_series(filters)["rows"]
    for row in series:
        month = row["month"]
        count = sum(
            1
            for e in begun
            if timezone.localtime(e.enrolled_at).date().replace(day=1) == month
        )
        assert row["enrolments"] == suppress(count)


def _by_course_expected(filters: Filters) -> dict[str, dict]:
    """The breakdown by course, counted from the records: a course's learners
    are its enrolments (one per person and course), erased ones included."""
    everyone = not filters.sector and not filters.city

    def chosen(enrolment) -> bool:
        user = enrolment.user
        if user is None:
            return everyone
        return (not filters.sector or user.sector == filters.sector) and (
            not filters.city or user.city == filters.city
        )

    rows: dict[str, dict] = {}
    enrolments = Enrolment.objects.select_related("user", "course")
    if filters.course is not None:
        enrolments = enrolments.filter(course=filters.course)
    for enrolment in enrolments:
        if not chosen(enrolment):
            continue
        row = rows.setdefault(
            enrolment.course.title,
            {"learners": 0, "enrolments": 0, "completions": 0, "certificates": 0},
        )
        if _in(enrolment.enrolled_at, filters):
            row["learners"] += 1
            row["enrolments"] += 1
        if _in(enrolment.completed_at, filters):
            row["completions"] += 1
        row["certificates"] += sum(
            1
            for c in Certificate.objects.filter(enrolment=enrolment)
            if _in(c.issued_at, filters) and c.status != Certificate.Status.REVOKED
        )
    return {
        title: {column: suppress(count) for column, count in row.items()}
        for title, row in rows.items()
        if any(row.values())
    }


def test_breakdown_by_course_matches_the_records_for_every_filter(world):
    account_erase(
        user=world["people"][1], requested_by=world["people"][1], reason="request"
    )
    rebuild()
    for start, end in [
        (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
        (datetime.date(2025, 4, 1), datetime.date(2025, 8, 31)),
    ]:
        for course in [None, world["courses"][1]]:
            for sector in ["", "music"]:
                for city in ["", "ljubljana"]:
                    filters = Filters(
                        start=start, end=end, course=course, sector=sector, city=city
                    )
                    shown = {
                        row["group"]: {k: v for k, v in row.items() if k != "group"}
                        for row in breakdown(filters, "course")["rows"]
                    }
                    assert shown == _by_course_expected(filters), filters


def _report_expected(course, filters: Filters) -> dict:
    """The course report's funnel, lessons and quizzes, counted from the records
    (enrolments begun in the period, erased ones only without a filter)."""
    from courses.selectors import course_outline

    everyone = not filters.sector and not filters.city
    cohort = [
        e
        for e in Enrolment.objects.filter(course=course).select_related("user")
        if _in(e.enrolled_at, filters)
        and (
            (e.user is None and everyone)
            or (
                e.user is not None
                and (not filters.sector or e.user.sector == filters.sector)
                and (not filters.city or e.user.city == filters.city)
            )
        )
    ]
    ids = {e.pk for e in cohort}
    completions = [c for c in LessonCompletion.objects.all() if c.enrolment_id in ids]
    started = {c.enrolment_id for c in completions}
    halfway = [
        e
        for e in cohort
        if e.completed_at
        or (e.required_total and 2 * e.required_done >= e.required_total)
    ]
    certified = [
        c
        for c in Certificate.objects.filter(status=Certificate.Status.ISSUED)
        if c.enrolment_id in ids
    ]
    steps = [
        len(cohort),
        len(started),
        len(halfway),
        sum(1 for e in cohort if e.completed_at),
        len(certified),
    ]
    lessons, previous = [], len(cohort)
    for entry in course_outline(course=course).lessons:
        done = sum(1 for c in completions if c.lesson_id == entry.lesson.pk)
        lessons.append((suppress(done), suppress(previous - done)))
        previous = done
    quizzes: dict[tuple, dict[str, set]] = {}
    for attempt in QuizAttempt.objects.select_related("lesson"):
        if attempt.enrolment_id in ids:
            found = quizzes.setdefault(
                (attempt.lesson.path, attempt.quiz_id),
                {"title": attempt.lesson.title, "took": set(), "passed": set()},
            )
            found["took"].add(attempt.enrolment_id)
            if attempt.passed:
                found["passed"].add(attempt.enrolment_id)
    return {
        "steps": [suppress(n) for n in steps],
        "lessons": lessons,
        "quizzes": [
            (
                q["title"],
                suppress(len(q["took"])),
                suppress(len(q["passed"])),
            )
            for _key, q in sorted(quizzes.items())
        ],
    }


def _report_shown(course, filters: Filters) -> dict:
    report = course_funnel(course, filters)
    return {
        "steps": [step["people"] for step in report["funnel"][1:]],
        "lessons": [(r["completed"], r["stopped_here"]) for r in report["lessons"]],
        "quizzes": [(q["lesson"], q["takers"], q["passed"]) for q in report["quizzes"]],
    }


def _quiz_attempts(world, rng: random.Random) -> None:
    """Attempts at two quizzes of each course's first lessons: some learners try
    twice, some pass."""
    for enrolment in Enrolment.objects.filter(enrolled_at__isnull=False):
        lessons = [lesson for lesson in world["lessons"][enrolment.course_id][:2]]
        for lesson in lessons:
            for _try in range(rng.randrange(0, 3)):
                attempt = QuizAttempt.objects.create(
                    enrolment=enrolment,
                    lesson=lesson,
                    quiz_id=f"quiz-{lesson.pk}",
                    score=50,
                    passed=rng.random() < 0.5,
                )
                QuizAttempt.objects.filter(pk=attempt.pk).update(
                    submitted_at=enrolment.enrolled_at
                    + datetime.timedelta(days=rng.randrange(30))
                )


def test_course_report_matches_the_records_for_every_filter(world):
    _quiz_attempts(world, random.Random(9))
    account_erase(
        user=world["people"][2], requested_by=world["people"][2], reason="request"
    )
    rebuild()
    for start, end in [
        (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
        (datetime.date(2025, 2, 1), datetime.date(2025, 6, 30)),
    ]:
        for course in world["courses"][:2]:
            for sector in ["", "design"]:
                for city in ["", "pecs"]:
                    filters = Filters(start=start, end=end, sector=sector, city=city)
                    expected = _report_expected(course, filters)
                    if not sector and not city:  # the data has some to compare
                        assert expected["quizzes"] and expected["steps"][1]
                    assert _report_shown(course, filters) == expected, filters


def test_progress_in_an_old_cohort_reaches_the_course_report_at_the_next_refresh(
    catalogue,
):
    course, lessons = build_course(parent=catalogue, title="Pricing")
    month = month_start(timezone.localdate() - datetime.timedelta(days=150))
    enrolments = [enrol(learner(month), course, month) for _ in range(6)]
    rebuild()
    filters = Filters(start=month, end=month)
    assert _report_shown(course, filters)["steps"][1] == 0  # nobody started
    for enrolment in enrolments:  # months later, all six complete lesson 1
        LessonCompletion.objects.create(enrolment=enrolment, lesson=lessons[0])
        QuizAttempt.objects.create(
            enrolment=enrolment, lesson=lessons[0], quiz_id="q", score=90, passed=True
        )
    refreshed = refresh()
    assert month_start(month) not in refreshed  # only the course's cohort
    shown = _report_shown(course, filters)
    assert shown["steps"][1] == 6
    assert shown["lessons"][0] == (6, 0)
    assert shown["quizzes"] == [(lessons[0].title, 6, 6)]


def test_a_learner_who_moves_counts_in_the_new_place_at_the_next_refresh(catalogue):
    """Counts by place in old months follow a change of sector or city at the
    next periodic refresh, not only at the nightly rebuild."""
    course, _lessons = build_course(parent=catalogue, title="Pricing")
    month = month_start(timezone.localdate() - datetime.timedelta(days=150))
    people = [learner(month, sector="design", city="ljubljana") for _ in range(10)]
    for number, person in enumerate(people):
        # The five who will move took 12 days, the others 4 (in the same month).
        days = 12 if number < 5 else 4
        enrol(person, course, month, month + datetime.timedelta(days=days))
    rebuild()

    def shown(**place) -> tuple[dict, str]:
        filters = Filters(start=month, end=month, **place)
        by_course = breakdown(filters, "course")["rows"]
        median = {f["key"]: f["value"] for f in headline(filters)}
        return (by_course[0] if by_course else {}), str(median["median_days"])

    designers, median = shown(sector="design", city="ljubljana")
    assert designers["enrolments"] == 10 and median == "8.0"
    get_user_model().objects.filter(pk__in=[p.pk for p in people[:5]]).update(
        sector="music", city="pecs"
    )
    refreshed = refresh()
    assert month_start(month) not in refreshed  # only its counts by place
    designers, median = shown(sector="design")
    assert designers["enrolments"] == 5 and median == "4.0"
    musicians, median = shown(sector="music", city="pecs")
    assert musicians["enrolments"] == 5 and musicians["completions"] == 5
    assert median == "12.0"
    assert shown(city="ljubljana")[0]["learners"] == 5
    everyone, median = shown()
    assert everyone["enrolments"] == 10 and median == "8.0"


def test_refresh_takes_in_later_changes_to_earlier_months(catalogue):
    course, _lessons = build_course(parent=catalogue, title="Pricing")
    today = timezone.localdate()
    long_ago = month_start(today) - datetime.timedelta(days=150)
    people = [learner(long_ago) for _ in range(6)]
    enrolments = [
        enrol(person, course, long_ago, long_ago, certificate="issued")
        for person in people
    ]
    waiting = enrol(learner(long_ago), course, long_ago)
    rebuild()
    filters = Filters(start=long_ago, end=long_ago)

    def shown() -> dict:
        return {f["key"]: f["value"] for f in headline(filters)}

    assert shown()["certificates"] == 6
    assert str(shown()["completion_rate"]) == f"{100 * 6 / 7:.0f} %"
    # Months later: a certificate is revoked, the waiting learner completes.
    Certificate.objects.filter(enrolment=enrolments[0]).update(
        status=Certificate.Status.REVOKED, revoked_at=timezone.now()
    )
    Enrolment.objects.filter(pk=waiting.pk).update(completed_at=timezone.now())
    assert shown()["certificates"] == 6  # not yet: the summary is from before
    refreshed = refresh()
    assert month_start(long_ago) in refreshed
    assert shown()["certificates"] == 5
    assert str(shown()["completion_rate"]) == "100 %"


def test_erasure_reaches_old_months_at_the_nightly_rebuild(catalogue):
    course, _lessons = build_course(parent=catalogue, title="Pricing")
    month = month_start(timezone.localdate() - datetime.timedelta(days=100))
    people = [learner(month) for _ in range(6)]
    for person in people:
        enrol(person, course, month)
    rebuild()
    filters = Filters(start=month, end=month, sector=people[0].sector)
    before = {f["key"]: f["value"] for f in headline(filters)}
    account_erase(user=people[0], requested_by=people[0], reason="request")
    rebuild()
    after = {f["key"]: f["value"] for f in headline(filters)}
    assert before["enrolments"] == 6 and after["enrolments"] == 5
    everyone = Filters(start=month, end=month)
    shown = {f["key"]: f["value"] for f in headline(everyone)}
    assert shown["enrolments"] == 6  # still counted, without a person
    assert shown["registered"] == 5
    unlinked = LearnerSet.objects.get(
        month=month, kind=SetKind.ENROLLED, course_id=ALL_COURSES, level=1
    ).unlinked
    assert unlinked == 1


def test_an_empty_platform_and_a_month_never_summarised(client):
    current = month_start(timezone.localdate())
    previous = month_start(current - datetime.timedelta(days=1))
    assert refresh() == [previous, current]  # even with no data
    filters = Filters(start=datetime.date(2019, 1, 1), end=datetime.date(2019, 3, 31))
    shown = {f["key"]: f["value"] for f in headline(filters)}
    assert shown["registered"] == 0 and shown["median_days"] == "–"
    assert SummaryRefresh.objects.filter(scope="2019-02").exists()


def test_the_dashboard_says_how_fresh_its_figures_are(client, catalogue):
    client.force_login(analyst())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get(reverse("metrics_dashboard")).content.decode()
    assert "refreshed every 5 minutes" in page
    assert "these were computed at" in page
    course, _lessons = build_course(parent=catalogue, title="Pricing")
    report = client.get(reverse("metrics_course_report", args=[course.pk]))
    assert "these were computed at" in report.content.decode()


def test_course_page_visits_make_the_first_step_of_the_funnel(client, demo_course):
    url = demo_course.url
    learners = [UserFactory() for _ in range(6)]
    for person in learners:
        client.force_login(person)
        assert client.get(url).status_code == 200
        client.get(url)  # twice on one day: one row
    client.force_login(UserFactory(is_staff=True))
    client.get(url)  # staff are not counted
    client.logout()
    client.get(url)
    client.get(url)
    assert CourseVisit.objects.filter(user__isnull=False).count() == 6
    assert CourseVisit.objects.get(user__isnull=True).anonymous_visits == 2
    today = timezone.localdate()
    report = course_funnel(demo_course, Filters(start=today, end=today))
    assert report["funnel"][0]["people"] == 6
    assert report["anonymous_visits"] == 2
    last_year = today.replace(year=today.year - 1)
    report = course_funnel(demo_course, Filters(start=last_year, end=last_year))
    assert report["funnel"][0]["people"] == 0


def test_learning_gain_is_the_mean_change_of_the_pairs(catalogue):
    from assessments import demo as assessment_demo
    from assessments.models import Instrument

    for _line in assessment_demo.load():
        pass
    instrument = Instrument.objects.get(
        translation_key=assessment_demo.TRANSLATION_KEY, locale__language_code="en"
    )
    course, _lessons = build_course(parent=catalogue, title="Vision")
    designers = [UserFactory(sector="design") for _ in range(5)]
    musician = UserFactory(sector="music")
    for person, after in [*((d, 4) for d in designers), (musician, 3)]:
        Enrolment.objects.create(
            user=person,
            course=course,
            status="active",
            enrolled_at=timezone.now(),
            pre_response=assessment_submitted(
                person, instrument, default=2 if after == 4 else 3
            ),
            post_response=assessment_submitted(
                person,
                instrument,
                default=2 if after == 4 else 3,
                scores={"vision": after},
            ),
        )
    today = timezone.localdate()

    def gain(**filters) -> dict:
        rows = learning_gain(Filters(start=today, end=today, **filters))
        return {row["code"]: (row["pairs"], str(row["mean_change"])) for row in rows}

    assert gain()["vision"] == (6, f"{(5 * 2 + 0) / 6:+.2f}")  # +1.67
    assert gain()["creativity"] == (6, "0.00")  # no change has no sign
    with translation.override("sl"):  # as the language writes decimals
        assert gain()["vision"] == (6, "+1,67")
    assert gain(sector="design")["vision"] == (5, "+2.00")
    assert gain(sector="music")["vision"] == ("<5", "–")
    assert gain(course=course)["vision"] == (6, "+1.67")
    last_year = today.replace(year=today.year - 1)
    assert learning_gain(Filters(start=last_year, end=last_year))[0]["pairs"] == 0
    # An erased learner's pair still counts, but under no sector.
    account_erase(user=designers[0], requested_by=designers[0], reason="request")
    rebuild()
    assert gain()["vision"] == (6, "+1.67")
    assert gain(sector="design")["vision"] == ("<5", "–")


def test_the_course_report_offers_no_course_filter(client, catalogue):
    course, _lessons = build_course(parent=catalogue, title="Pricing")
    client.force_login(analyst())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get(reverse("metrics_course_report", args=[course.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="sector"' in html and 'name="course"' not in html
