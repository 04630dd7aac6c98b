"""Events and sessions in *Participation* and the course report's runs: every
figure against a count made here, row by row, from the events records; the "<5"
rule; the exports."""

import csv
import datetime
import io
import random
from collections import defaultdict

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.factories import UserFactory
from courses.factories import build_course
from courses.models import Enrolment
from events.factories import (
    CourseRunFactory,
    EventIndexPageFactory,
    EventPageFactory,
    RegistrationFactory,
    RunParticipantFactory,
    SessionFactory,
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
from lms.spreadsheets import Month, Percentage
from metrics.factories import analyst, at, enrol
from metrics.summary.disclosure import rate, suppress
from metrics.summary.filters import Filters
from metrics.summary.sessions import course_runs, events_load

pytestmark = pytest.mark.django_db

Status = Registration.Status
# Before the demo's year, so its sessions stay out of the periods tested.
NOW = timezone.make_aware(datetime.datetime(2024, 9, 15, 12))
YEAR = (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
SECTORS = ["design", "music", ""]
CITIES = ["ljubljana", "pecs"]


@pytest.fixture
def events_index(db):
    home = HomePage.objects.get(locale__language_code="en")
    return EventIndexPageFactory(parent=home, slug="events-metrics")


def _moment(rng: random.Random) -> datetime.datetime:
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(366))
    return at(day, rng.choice([9, 14, 18]))


@pytest.fixture
def world(catalogue, events_index):
    """Two courses with a run each and events of every type, 30 sessions over
    2024 (two cancelled), and 40 people, guests and an erased account holding
    places, waiting, cancelling, attending (some not), answering the survey;
    walk-ins at some sessions."""
    rng = random.Random(16)
    courses = [build_course(parent=catalogue, title=f"Course {n}")[0] for n in (1, 2)]
    runs = [
        CourseRunFactory(
            course=course,
            starts_on=datetime.date(2024, 2, 1),
            ends_on=datetime.date(2024, 11, 30),
        )
        for course in courses
    ]
    events = [
        EventPageFactory(parent=events_index, event_type=kind)
        for kind in EventType.values
    ]
    people = [
        UserFactory(sector=rng.choice(SECTORS), city=rng.choice(CITIES))
        for _ in range(40)
    ]
    sessions = []
    for number in range(30):
        starts = _moment(rng)
        owner = {"run": rng.choice(runs)} if number % 3 == 0 else {}
        if not owner:
            owner = {"event": rng.choice(events)}
        online = rng.random() < 0.3
        sessions.append(
            SessionFactory(
                **owner,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(minutes=rng.choice([60, 90, 150])),
                kind=SessionKind.ONLINE if online else SessionKind.IN_PERSON,
                city="" if online or number == 7 else rng.choice(CITIES + ["genova"]),
                cancelled_at=NOW if number in (4, 5) else None,
            )
        )
    for session in sessions:
        for person in rng.sample(people, rng.randrange(0, 15)):
            status = rng.choice(
                [Status.REGISTERED] * 5
                + [Status.WAITLISTED, Status.CANCELLED, Status.PENDING]
            )
            registration = RegistrationFactory(
                session=session,
                user=person,
                status=status,
                promoted_at=(
                    NOW if status != Status.WAITLISTED and rng.random() < 0.2 else None
                ),
            )
            if status == Status.REGISTERED and rng.random() < 0.7:
                Attendance.objects.create(
                    session=session, registration=registration, how="sheet"
                )
                if rng.random() < 0.6:
                    FeedbackAnswer.objects.create(
                        session=session,
                        registration=registration,
                        overall=rng.randint(1, 5),
                        usefulness=rng.randint(1, 5),
                        would_recommend=rng.random() < 0.7,
                    )
        for number in range(rng.choice([0, 0, 2])):
            Attendance.objects.create(
                session=session, walk_in_name=f"Walk-in {number}", how="walk_in"
            )
        guest = RegistrationFactory(
            session=session,
            guest_name="Guest",
            guest_email=f"guest{rng.randrange(3)}@example.com",
            status=Status.REGISTERED,
        )
        if rng.random() < 0.5:
            Attendance.objects.create(session=session, registration=guest, how="qr")
    erased = RegistrationFactory(session=sessions[1], status=Status.REGISTERED)
    Attendance.objects.create(session=sessions[1], registration=erased, how="qr")
    return {"courses": courses, "runs": runs, "sessions": sessions, "people": people}


def _hours(seconds: float, attendances: int) -> str:
    if not attendances:
        return "0"
    return "<5" if attendances < 5 else f"{seconds / 3600:.1f}"


def _mean(total: int, answers: int) -> str:
    if not answers:
        return "–"
    return "<5" if answers < 5 else f"{total / answers:.1f}"


def _figures(sessions, registrations, attendances, answers) -> dict[str, str]:
    """A group's figures as shown, counted one record at a time."""
    places = [r for r in registrations if r.status == Status.REGISTERED]
    ended = [r for r in places if r.session.ends_at <= NOW]
    came = {a.registration_id for a in attendances}
    in_person = [a for a in attendances if a.session.kind == SessionKind.IN_PERSON]
    online = [a for a in attendances if a.session.kind == SessionKind.ONLINE]

    def length(attendance) -> float:
        session = attendance.session
        return (session.ends_at - session.starts_at).total_seconds()

    figures = {
        "sessions": len(sessions),
        "places": suppress(len(places)),
        "attended": suppress(len(attendances)),
        "no_show_rate": rate(sum(1 for r in ended if r.pk not in came), len(ended)),
        "waitlisted": suppress(
            sum(
                1
                for r in registrations
                if r.status == Status.WAITLISTED or r.promoted_at is not None
            )
        ),
        "hours_in_person": _hours(sum(map(length, in_person)), len(in_person)),
        "hours_online": _hours(sum(map(length, online)), len(online)),
        "answers": suppress(len(answers)),
        "overall": _mean(sum(a.overall for a in answers), len(answers)),
        "usefulness": _mean(sum(a.usefulness for a in answers), len(answers)),
        "recommend": rate(sum(a.would_recommend for a in answers), len(answers)),
    }
    return {key: str(value) for key, value in figures.items()}


def _chosen(filters: Filters, user) -> bool:
    """The person is one the sector and city filters leave."""
    if not filters.sector and not filters.city:
        return True
    return user is not None and (
        (not filters.sector or user.sector == filters.sector)
        and (not filters.city or user.city == filters.city)
    )


def _records(filters: Filters):
    """The sessions, registrations, attendances and answers the filters are
    about, chosen here one by one."""

    def chosen(user) -> bool:
        return _chosen(filters, user)

    sessions = [
        s
        for s in Session.objects.select_related("event", "run")
        if filters.since <= s.starts_at < filters.until
        and (filters.course is None or (s.run and s.run.course_id == filters.course.pk))
    ]
    live = {s.pk: s for s in sessions if s.cancelled_at is None}
    registrations = [
        r
        for r in Registration.objects.select_related("user", "session")
        if r.session_id in live and r.status != Status.PENDING and chosen(r.user)
    ]
    attendances = [
        a
        for a in Attendance.objects.select_related("registration__user", "session")
        if a.session_id in live
        and chosen(a.registration.user if a.registration else None)
    ]
    answers = [
        a
        for a in FeedbackAnswer.objects.select_related("registration__user", "session")
        if a.session_id in live and chosen(a.registration.user)
    ]
    return sessions, live, registrations, attendances, answers


def _key(dimension: str, session, user=None) -> str:
    if dimension == "sector":
        return {"design": "Design", "music": "Music"}.get(
            getattr(user, "sector", ""), "unknown"
        )
    if dimension == "city":
        if session.city:
            return session.get_city_display()
        return "Online" if session.kind == SessionKind.ONLINE else "unknown"
    if dimension == "type":
        return (
            "Course run" if session.run_id else session.event.get_event_type_display()
        )
    return str(Month(timezone.localtime(session.starts_at).date().replace(day=1)))


def _expected(filters: Filters) -> tuple[dict, dict]:
    sessions, live, registrations, attendances, answers = _records(filters)
    places = [r for r in registrations if r.status == Status.REGISTERED]
    headline = _figures(live.values(), registrations, attendances, answers)
    headline["sessions_cancelled"] = str(len(sessions) - len(live))
    headline["cancelled"] = str(
        suppress(sum(1 for r in registrations if r.status == Status.CANCELLED))
    )
    headline["walk_ins"] = str(
        suppress(sum(1 for a in attendances if a.registration_id is None))
    )
    people = {r.user_id for r in places if r.user_id} | {
        r.guest_email for r in places if not r.user_id and r.guest_email
    }
    headline["people"] = str(suppress(len(people)))
    waiting = [
        r
        for r in Registration.objects.select_related("user", "session__run")
        if r.status == Status.WAITLISTED
        and r.session.cancelled_at is None
        and r.session.starts_at > NOW
        and (
            filters.course is None
            or (r.session.run and r.session.run.course_id == filters.course.pk)
        )
    ]
    headline["waiting_now"] = str(
        suppress(
            sum(
                1
                for r in waiting
                if (
                    not filters.sector
                    or getattr(r.user, "sector", None) == filters.sector
                )
                and (not filters.city or getattr(r.user, "city", None) == filters.city)
            )
        )
    )
    breakdowns = {}
    for dimension in ("city", "sector", "type", "month"):
        grouped = defaultdict(lambda: ([], [], [], []))
        if dimension != "sector":
            for session in live.values():
                grouped[_key(dimension, session)][0].append(session)
        for index, records in ((1, registrations), (2, attendances), (3, answers)):
            for record in records:
                user = (
                    record.user
                    if index == 1
                    else (record.registration.user if record.registration else None)
                )
                grouped[_key(dimension, record.session, user)][index].append(record)
        rows = {}
        for group, lists in grouped.items():
            figures = _figures(*lists)
            if dimension == "sector":
                del figures["sessions"]
            rows[group] = figures
        breakdowns[dimension] = rows
    return headline, breakdowns


def _shown(filters: Filters) -> tuple[dict, dict]:
    data = events_load(filters, now=NOW)
    headline = {f["key"]: str(f["value"]) for f in data.headline()}
    breakdowns = {}
    for dimension in ("city", "sector", "type", "month"):
        keys = [key for key, _heading in data.columns(dimension)]
        breakdowns[dimension] = {
            str(row[0]): dict(zip(keys, map(str, row[1:]), strict=True))
            for row in data.breakdown(dimension)["rows"]
        }
    return headline, breakdowns


def test_event_figures_match_the_records_for_every_filter(world):
    # The comparison is not between two empty tables.
    headline, breakdowns = _shown(Filters(start=YEAR[0], end=YEAR[1]))
    assert int(headline["places"]) > 50 and int(headline["attended"]) > 40
    assert int(headline["answers"]) >= 5 and headline["overall"] != "–"
    assert headline["sessions_cancelled"] == "2"
    assert "%" in headline["no_show_rate"] and headline["waiting_now"] != "0"
    assert {"Online", "Course run", "unknown"} <= (
        set(breakdowns["city"]) | set(breakdowns["type"]) | set(breakdowns["sector"])
    )
    courses = world["courses"]
    for start, end in [YEAR, (datetime.date(2024, 4, 1), datetime.date(2024, 8, 31))]:
        for course in [None, courses[0]]:
            for sector in ["", "design"]:
                for city in ["", "pecs"]:
                    filters = Filters(
                        start=start, end=end, course=course, sector=sector, city=city
                    )
                    with CaptureQueriesContext(connection) as queries:
                        headline, breakdowns = _shown(filters)
                    assert len(queries) == 6  # whatever the data
                    expected_headline, expected_breakdowns = _expected(filters)
                    assert headline == expected_headline, filters
                    for dimension, rows in breakdowns.items():
                        expected = expected_breakdowns[dimension]
                        if dimension == "month":  # every month, empty ones too
                            assert len(rows) == len(filters.months)
                            rows = {k: v for k, v in rows.items() if k in expected}
                        assert rows == expected, (dimension, filters)


def test_fewer_than_five_people_are_not_shown(events_index):
    """Three people at one session: every count of them is "<5", and so is
    every rate, mean and sum of hours resting on them."""
    event = EventPageFactory(parent=events_index, event_type=EventType.WORKSHOP)
    starts = at(datetime.date(2024, 3, 5), 10)
    session = SessionFactory(
        event=event, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )
    for person in UserFactory.create_batch(3, sector="design"):
        registration = RegistrationFactory(session=session, user=person)
        Attendance.objects.create(session=session, registration=registration, how="qr")
        FeedbackAnswer.objects.create(
            session=session,
            registration=registration,
            overall=5,
            usefulness=4,
            would_recommend=True,
        )
    data = events_load(Filters(start=YEAR[0], end=YEAR[1]), now=NOW)
    shown = {f["key"]: f["value"] for f in data.headline()}
    for key in ("places", "people", "attended", "answers"):
        assert shown[key] == "<5", key
    for key in ("no_show_rate", "hours_in_person", "overall", "usefulness"):
        assert shown[key] == "<5", key
    assert shown["recommend"] == "<5"
    assert shown["hours_online"] == 0 and shown["sessions"] == 1
    (row,) = data.breakdown("type")["rows"]
    # Workshop: 1 session; places, attended, no-show rate "<5"; nobody waited;
    # hours in person "<5", online 0; answers and their means "<5".
    assert row == ["Workshop", 1, "<5", "<5", "<5", 0, "<5", 0, *["<5"] * 4]

    # Two more make five: the figures appear.
    for person in UserFactory.create_batch(2, sector="design"):
        registration = RegistrationFactory(session=session, user=person)
        Attendance.objects.create(session=session, registration=registration, how="qr")
    shown = {
        f["key"]: f["value"]
        for f in events_load(Filters(start=YEAR[0], end=YEAR[1]), now=NOW).headline()
    }
    assert shown["places"] == 5 and shown["attended"] == 5
    assert shown["no_show_rate"] == "–" or str(shown["no_show_rate"]) == "0 %"
    assert str(shown["hours_in_person"]) == "10.0"
    assert shown["overall"] == "<5"  # still three answers


def test_the_dashboard_shows_the_section_and_exports_it(client, world):
    client.force_login(analyst())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    url = reverse("metrics_dashboard")
    params = {"start": "2024-01", "end": "2024-12"}
    page = client.get(url, params).content.decode()
    assert "Events and sessions" in page
    for key in ("events", "events_by_city", "events_by_sector", "events_by_type"):
        assert f'id="table-{key}"' in page
        assert f"table={key}" in page  # its download links
    shown = {f["key"]: f["value"] for f in events_load(Filters(*YEAR)).headline()}

    response = client.get(url, {**params, "export": "csv", "table": "events"})
    assert response["Content-Disposition"].endswith(
        'participation-events-2024-01-01_2024-12-31.csv"'
    )
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = dict(list(csv.reader(io.StringIO(text[1:])))[1:])
    assert rows["Places held (registrations)"] == str(shown["places"])
    assert rows["Sessions cancelled"] == "2"

    response = client.get(url, {**params, "export": "xlsx", "table": "events_by_month"})
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Events by month"]
    values = list(workbook.active.iter_rows(values_only=True))
    assert values[0][:3] == ("Month", "Sessions", "Places held")
    assert len(values) == 1 + 12
    assert values[1][0] == datetime.datetime(2024, 1, 1)  # a date, not text
    rates = [row[4] for row in values[1:] if isinstance(row[4], float)]
    assert rates and all(0 <= share <= 1 for share in rates)  # shares as numbers

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sl"
    response = client.get(url, {**params, "export": "csv", "table": "events_by_type"})
    text = b"".join(response.streaming_content).decode("utf-8")
    header, *body = csv.reader(io.StringIO(text[1:]), delimiter=";")
    assert len(header) == 12 and body


def test_the_course_report_shows_its_runs(client, catalogue, events_index):
    course, _lessons = build_course(parent=catalogue, title="Blended pricing")
    run = CourseRunFactory(
        course=course,
        title="Spring 2024, Ljubljana",
        starts_on=datetime.date(2024, 3, 1),
        ends_on=datetime.date(2024, 5, 31),
    )
    CourseRunFactory(  # before the period: not shown
        course=course,
        title="Autumn 2023",
        starts_on=datetime.date(2023, 9, 1),
        ends_on=datetime.date(2023, 11, 30),
    )
    people = [UserFactory(sector="design") for _ in range(6)] + [
        UserFactory(sector="music")
    ]
    enrolments = [
        enrol(person, course, datetime.date(2024, 2, 20), completed)
        for person, completed in zip(
            people,
            [datetime.date(2024, 6, 1)] * 5 + [None, None],
            strict=True,
        )
    ]
    for enrolment in enrolments:
        RunParticipantFactory(run=run, enrolment=enrolment)
    held = [
        SessionFactory(run=run, starts_at=at(datetime.date(2024, 3, day), 10))
        for day in (5, 12, 19)
    ]
    SessionFactory(
        run=run, starts_at=at(datetime.date(2024, 3, 26), 10), cancelled_at=NOW
    )
    to_come = SessionFactory(run=run, starts_at=at(datetime.date(2024, 5, 28), 10))
    came = 0
    for session in [*held, to_come]:
        for number, person in enumerate(people):
            registration = RegistrationFactory(session=session, user=person)
            if session in held and number < 5:
                Attendance.objects.create(
                    session=session, registration=registration, how="sheet"
                )
                came += 1
    for enrolment in RunParticipant.objects.filter(run=run)[:5]:
        FeedbackAnswer.objects.create(
            run=run,
            run_participant=enrolment,
            overall=4,
            usefulness=4,
            would_recommend=True,
        )
    now = at(datetime.date(2024, 4, 1))
    filters = Filters(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31))
    (row,) = course_runs(course, filters, now=now)
    assert row["run"] == "Spring 2024, Ljubljana"
    assert row["participants"] == 7 and row["sessions"] == 4
    assert row["sessions_ended"] == 3
    assert row["attendance_rate"] == Percentage(came / (3 * 7))
    assert row["completed"] == 5
    assert row["completion_rate"] == Percentage(5 / 7)
    assert row["answers"] == 5 and str(row["overall"]) == "4.0"

    (designers,) = course_runs(
        course,
        Filters(start=filters.start, end=filters.end, sector="design"),
        now=now,
    )
    assert designers["participants"] == 6
    assert designers["attendance_rate"] == Percentage(15 / 18)
    (musicians,) = course_runs(
        course, Filters(start=filters.start, end=filters.end, sector="music"), now=now
    )
    assert musicians["participants"] == "<5" and musicians["completed"] == 0
    assert musicians["attendance_rate"] == "–" or musicians["attendance_rate"] == "<5"

    client.force_login(analyst())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    url = reverse("metrics_course_report", args=[course.pk])
    page = client.get(url, {"start": "2024-01", "end": "2024-12"}).content.decode()
    assert "Course runs" in page and "Spring 2024, Ljubljana" in page
    assert "Autumn 2023" not in page
    response = client.get(
        url, {"start": "2024-01", "end": "2024-12", "export": "xlsx", "table": "runs"}
    )
    values = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert values[1][:4] == (
        "Spring 2024, Ljubljana",
        datetime.datetime(2024, 3, 1),
        datetime.datetime(2024, 5, 31),
        7,
    )


def test_a_self_paced_course_has_no_runs_table(client, catalogue):
    course, _lessons = build_course(parent=catalogue, title="Self-paced")
    client.force_login(analyst())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get(reverse("metrics_course_report", args=[course.pk]))
    assert 'id="table-runs"' not in page.content.decode()
    assert Enrolment.objects.filter(course=course).count() == 0
