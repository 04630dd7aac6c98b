"""Attendance: checking in by the rotating QR code (and by the code said in an
online session), the trainer's sheet with walk-ins, who may open it, and the
completion rule that attendance meets."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from courses import services as course_services
from courses.completion import completion_requirements
from courses.factories import TrainerFactory, build_course
from courses.models import Enrolment
from courses.roles import COURSE_MANAGERS, TRAINERS
from courses.signals import course_completed
from events import attendance, checkin
from events.factories import CourseRunFactory, RegistrationFactory, SessionFactory
from events.models import Attendance, SessionKind

pytestmark = pytest.mark.django_db


def html(response) -> str:
    return response.content.decode()


@pytest.fixture
def trainer(db):
    from django.contrib.auth.models import Group

    user = UserFactory(full_name="Tina Trainer")
    user.groups.add(Group.objects.get(name=TRAINERS))
    return user


@pytest.fixture
def under_way(catalogue, trainer):
    """A run of a two-lesson course asking for two sessions; its first session
    started ten minutes ago and is given by `trainer`."""
    course, lessons = build_course(parent=catalogue, lessons_per_module=(2,))
    run = CourseRunFactory(course=course, sessions_required=2)
    starts = timezone.now() - datetime.timedelta(minutes=10)
    session = SessionFactory(
        run=run,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        trainer=TrainerFactory(user=trainer),
    )
    return course, lessons, run, session


def registered(session, user):
    return RegistrationFactory(session=session, user=user)


def code_url(session, at=None):
    code = checkin.qr_code(session.uid, at or timezone.now())
    return reverse("events:check_in", args=[session.pk, code])


# --- checking in by the QR code ---------------------------------------------------


def test_a_registered_participant_checks_in_once(client, under_way, learner):
    session = under_way[3]
    registration = registered(session, learner)
    client.force_login(learner)
    first = client.get(code_url(session))
    assert first.status_code == 200
    assert "You are checked in" in html(first) and "recorded" in html(first)
    again = client.get(code_url(session))
    assert "already recorded" in html(again)
    recorded = Attendance.objects.get(session=session)
    assert recorded.registration == registration and recorded.how == "qr"


def test_old_forged_and_others_codes_are_refused_and_nothing_saved(
    client, under_way, learner, people
):
    session = under_way[3]
    registered(session, learner)
    client.force_login(learner)
    old = code_url(session, timezone.now() - datetime.timedelta(seconds=61))
    other_session = SessionFactory(run=under_way[2], starts_at=session.ends_at)
    forged = reverse("events:check_in", args=[session.pk, "a" * 16])
    borrowed = code_url(other_session)  # another session's code
    for url in (old, forged, borrowed.replace(str(other_session.pk), str(session.pk))):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "Not checked in" in html(response)
    # Someone not registered, with a good code.
    client.force_login(people(1)[0])
    response = client.get(code_url(session))
    assert response.status_code == 400 and "not registered" in html(response)
    assert not Attendance.objects.exists()


def test_check_in_is_refused_outside_the_window(under_way, learner):
    session = under_way[3]
    registered(session, learner)
    too_early = session.starts_at - datetime.timedelta(minutes=31)
    too_late = session.ends_at + datetime.timedelta(seconds=1)
    for moment, code in ((too_early, "too_early"), (too_late, "too_late")):
        with pytest.raises(Exception) as refusal:
            attendance.check_in(
                session=session,
                user=learner,
                code=checkin.qr_code(session.uid, moment),
                now=moment,
            )
        assert refusal.value.code == code
    assert not Attendance.objects.exists()


def test_a_logged_out_scan_is_honoured_after_the_log_in(client, under_way, learner):
    session = under_way[3]
    registered(session, learner)
    url = code_url(session)
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "next=" in response["Location"]
    # The log-in takes longer than the code lives: the scan's moment counts.
    pending = client.session["events_pending_check_in"]
    pending["at"] = (timezone.now() - datetime.timedelta(minutes=5)).isoformat()
    store = client.session
    store["events_pending_check_in"] = pending
    store.save()
    old_url = code_url(session, timezone.now() - datetime.timedelta(minutes=5))
    pending["code"] = old_url.rstrip("/").rsplit("/", 1)[1]
    store["events_pending_check_in"] = pending
    store.save()
    client.force_login(learner)
    assert client.get(old_url).status_code == 200
    assert Attendance.objects.filter(session=session).count() == 1


# --- online sessions ---------------------------------------------------------------


def test_an_online_participant_types_the_code_said_in_the_session(
    client, under_way, learner
):
    session = under_way[3]
    session.kind = SessionKind.ONLINE
    session.meeting_url = "https://meet.example.org/x"
    session.save()
    registered(session, learner)
    client.force_login(learner)
    url = reverse("events:attend_online", args=[session.pk])
    assert client.post(url, {"code": "000000x"}).status_code == 400
    code = checkin.spoken_code(session.uid, timezone.now())
    response = client.post(url, {"code": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 200 and "You are checked in" in html(response)
    assert Attendance.objects.get(session=session).how == "online_code"


def test_guessing_the_spoken_code_is_stopped_after_a_few_tries(
    client, under_way, learner
):
    session = under_way[3]
    session.kind = SessionKind.ONLINE
    session.meeting_url = "https://meet.example.org/x"
    session.save()
    registered(session, learner)
    client.force_login(learner)
    url = reverse("events:attend_online", args=[session.pk])
    code = checkin.spoken_code(session.uid, timezone.now())
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _try in range(5):
        assert "Too many tries" not in html(client.post(url, {"code": wrong}))
    refused = client.post(url, {"code": code})  # right, but one try too many
    assert refused.status_code == 400 and "Too many tries" in html(refused)
    assert not Attendance.objects.filter(session=session).exists()


# --- the sheet ---------------------------------------------------------------------


def test_the_trainer_ticks_unticks_and_adds_walk_ins(
    client, under_way, trainer, people
):
    session = under_way[3]
    ana, bo = people(2)
    ana.full_name, bo.full_name = "Ana Ambrož", "Bo Berg"
    ana.save(), bo.save()
    ana_registration = registered(session, ana)
    registered(session, bo)
    client.force_login(trainer)
    url = reverse("events:attendance_sheet", args=[session.pk])
    page = html(client.get(url))
    assert "Ana Ambrož" in page and "Bo Berg" in page and "0 present" in page

    assert client.post(url, {"action": "tick", "registration": ana_registration.pk})[
        "Location"
    ].endswith(url)
    client.post(url, {"action": "tick", "registration": ana_registration.pk})
    client.post(url, {"action": "walk_in", "name": "  Cene Cvetko "})
    page = html(client.get(url))
    assert "2 present" in page and "Cene Cvetko" in page
    assert Attendance.objects.filter(session=session).count() == 2
    assert Attendance.objects.get(registration=ana_registration).recorded_by == trainer

    client.post(url, {"action": "untick", "registration": ana_registration.pk})
    walk_in = Attendance.objects.get(session=session, walk_in_name="Cene Cvetko")
    client.post(url, {"action": "remove_walk_in", "attendance": walk_in.pk})
    assert not Attendance.objects.filter(session=session).exists()
    response = client.post(url, {"action": "walk_in", "name": ""})
    assert response.status_code == 400 and "Enter the person" in html(response)


def test_only_the_sessions_trainer_and_course_managers_open_the_sheet(
    client, under_way, trainer, learner
):
    from django.contrib.auth.models import Group

    session = under_way[3]
    registration = registered(session, learner)
    other_trainer = UserFactory()
    other_trainer.groups.add(Group.objects.get(name=TRAINERS))
    manager = UserFactory()
    manager.groups.add(Group.objects.get(name=COURSE_MANAGERS))
    names = ("events:attendance_sheet", "events:check_in_screen")
    for user, status in ((trainer, 200), (manager, 200), (other_trainer, 404)):
        client.force_login(user)
        for name in names:
            assert client.get(reverse(name, args=[session.pk])).status_code == status
    client.force_login(learner)  # the participant never ticks themselves
    url = reverse("events:attendance_sheet", args=[session.pk])
    assert (
        client.post(
            url, {"action": "tick", "registration": registration.pk}
        ).status_code
        == 404
    )
    assert not Attendance.objects.exists()


def test_the_check_in_screen_shows_the_code_and_its_state(client, under_way, trainer):
    session = under_way[3]
    client.force_login(trainer)
    page = html(client.get(reverse("events:check_in_screen", args=[session.pk])))
    assert "<svg" in page and 'role="img"' in page and session.display_title in page
    state = client.get(reverse("events:check_in_screen_state", args=[session.pk]))
    data = state.json()
    assert data["present"] == 0 and data["open"] is True
    assert data["url"].endswith(code_url(session))
    assert state["Cache-Control"].startswith("max-age=0")


# --- completion ------------------------------------------------------------------


def test_attending_the_required_sessions_completes_the_enrolment_once(
    under_way, learner, trainer, django_capture_on_commit_callbacks
):
    course, lessons, run, first = under_way
    second = SessionFactory(
        run=run,
        kind=SessionKind.ONLINE,
        starts_at=first.ends_at,
        ends_at=first.ends_at + datetime.timedelta(minutes=90),
    )
    enrolment = course_services.enrolment_create(
        user=learner, course=course, option=str(run.pk)
    )
    for lesson in lessons:
        course_services.lesson_complete(user=learner, lesson=lesson)
    completed = []

    def receiver(sender, enrolment, **kwargs):
        completed.append(enrolment.pk)

    course_completed.connect(receiver, weak=False)
    try:
        registrations = [registered(s, learner) for s in (first, second)]
        with django_capture_on_commit_callbacks(execute=True):
            attendance.attendance_mark(
                session=first, registration=registrations[0], by=trainer
            )
        (requirement,) = completion_requirements(enrolments=[enrolment])[enrolment.pk]
        assert (requirement.done, requirement.required) == (1, 2)
        assert requirement.label == "Attended 1 of 2 sessions"
        assert requirement.in_person_hours == 2 and requirement.online_hours == 0
        enrolment.refresh_from_db()
        assert enrolment.completed_at is None
        with django_capture_on_commit_callbacks(execute=True):
            attendance.attendance_mark(
                session=second,
                registration=registrations[1],
                by=trainer,
                now=second.starts_at,
            )
        with django_capture_on_commit_callbacks(execute=True):
            attendance.attendance_mark(  # again: nothing new
                session=second,
                registration=registrations[1],
                by=trainer,
                now=second.starts_at,
            )
    finally:
        course_completed.disconnect(receiver)
    enrolment.refresh_from_db()
    assert enrolment.completed_at == second.starts_at
    assert completed == [enrolment.pk]
    (requirement,) = completion_requirements(enrolments=[enrolment])[enrolment.pk]
    assert requirement.online_hours == 1.5 and requirement.met


def test_the_rule_asks_three_queries_for_many_enrolments(
    catalogue, under_way, people, django_assert_max_num_queries
):
    course, run = under_way[0], under_way[2]
    plain, _lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    enrolments = []
    for person in people(6):
        enrolments.append(
            course_services.enrolment_create(
                user=person, course=course, option=str(run.pk)
            )
        )
        enrolments.append(course_services.enrolment_create(user=person, course=plain))
        registered(under_way[3], person)
    enrolments = list(
        Enrolment.objects.filter(pk__in=[e.pk for e in enrolments]).select_related(
            "course"
        )
    )
    from events.completion import (
        attendance_requirements,
        courses_whose_runs_ask_for_sessions,
    )

    courses_whose_runs_ask_for_sessions()  # cached for every page after the first
    with django_assert_max_num_queries(3):
        answer = attendance_requirements(enrolments)
    assert len(answer) == 6  # the course with a run, not the plain one
    assert {r[0].label for r in answer.values()} == {"Attended 0 of 2 sessions"}


def test_a_course_without_runs_asking_for_sessions_costs_no_query(
    catalogue, under_way, learner, django_assert_num_queries
):
    """Every lesson page and dashboard asks the rule: for a course none of whose
    runs asks for sessions, the cached set of courses answers; a run saved
    asking for sessions is seen at once."""
    from events.completion import attendance_requirements

    plain, _lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    enrolment = course_services.enrolment_create(user=learner, course=plain)
    enrolment = Enrolment.objects.select_related("course").get(pk=enrolment.pk)
    assert attendance_requirements([enrolment]) == {}  # fills the cache
    with django_assert_num_queries(0):
        assert attendance_requirements([enrolment]) == {}

    run = under_way[2]
    run.course = plain
    run.save()
    (requirement,) = attendance_requirements([enrolment])[enrolment.pk]
    assert requirement.required == run.sessions_required
