import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from accounts.factories import UserFactory
from courses.factories import TrainerFactory, build_course
from courses.roles import COURSE_MANAGERS, TRAINERS
from events import services
from events.factories import CourseRunFactory, SessionFactory, build_event
from events.models import CourseRun, Registration, Session

pytestmark = pytest.mark.django_db

SESSION_FIELDS = {
    "title": "",
    "time_zone": "Europe/Ljubljana",
    "kind": "in_person",
    "meeting_url": "",
    "venue_name": "Cukrarna",
    "address": "Poljanski nasip 40",
    "room": "",
    "city": "ljubljana",
    "latitude": "",
    "longitude": "",
    "capacity": "",
    "trainer": "",
}


def not_found(response, url: str) -> bool:
    """A 404 outside the language prefix comes as LocaleMiddleware's redirect
    to the same path under a prefix (a 404 too)."""
    location = response.get("Location", "")
    return response.status_code == 404 or (
        response.status_code == 302 and location.endswith(url) and location != url
    )


def staff(group_name: str):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def manager(client):
    user = staff(COURSE_MANAGERS)
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin follows the browser
    return user


def run_data(course, sessions: list[dict], **fields) -> dict:
    data = {
        "course": course.pk,
        "title": "Spring 2027, Ljubljana",
        "starts_on": "2027-03-01",
        "ends_on": "2027-05-31",
        "capacity": "20",
        "mode": "blended",
        "sessions_required": "0",
        "sessions-TOTAL_FORMS": str(len(sessions)),
        "sessions-INITIAL_FORMS": str(sum(1 for s in sessions if s.get("id"))),
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for number, session in enumerate(sessions):
        values = {**SESSION_FIELDS, "id": "", "DELETE": "", **session}
        for name, value in values.items():
            data[f"sessions-{number}-{name}"] = value
    return data


def test_a_run_is_set_up_with_its_sessions_in_their_time_zones(
    client, manager, catalogue
):
    course, _lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    response = client.post(
        reverse("events_runs:add"),
        run_data(
            course,
            [
                {"starts_at": "2027-03-10 18:00", "ends_at": "2027-03-10 20:00"},
                {
                    "starts_at": "2027-03-17 18:00",
                    "ends_at": "2027-03-17 20:00",
                    "time_zone": "Europe/London",
                    "city": "other",
                },
            ],
            sessions_required="2",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    run = CourseRun.objects.get(course=course)
    ljubljana, london = run.sessions.order_by("starts_at")
    assert ljubljana.starts_at == datetime.datetime(
        2027, 3, 10, 17, 0, tzinfo=datetime.UTC
    )
    assert london.starts_at == datetime.datetime(
        2027, 3, 17, 18, 0, tzinfo=datetime.UTC
    )
    assert run.sessions_required == 2
    # Shown again in the session's zone.
    page = client.get(reverse("events_runs:edit", args=[run.pk])).content.decode()
    assert "2027-03-17 18:00" in page or "17/03/2027 18:00" in page


def test_overlapping_sessions_of_a_run_are_refused_with_nothing_saved(
    client, manager, catalogue
):
    course, _lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    response = client.post(
        reverse("events_runs:add"),
        run_data(
            course,
            [
                {"starts_at": "2027-03-10 18:00", "ends_at": "2027-03-10 20:00"},
                {"starts_at": "2027-03-10 19:00", "ends_at": "2027-03-10 21:00"},
                {"starts_at": "2027-03-11 19:00", "ends_at": "2027-03-11 18:00"},
            ],
            sessions_required="5",
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "This overlaps another session of this run." in page
    assert "The session must end after it starts." in page
    assert "participants cannot be asked to attend more" in page
    assert not CourseRun.objects.filter(course=course).exists()


def test_trainers_see_and_change_only_their_own_runs(client, catalogue):
    trainer = staff(TRAINERS)
    mine, _ = build_course(parent=catalogue, lessons_per_module=(1,), title="Mine")
    mine.trainers.add(TrainerFactory(user=trainer))
    mine.save_revision().publish()
    other, _ = build_course(parent=catalogue, lessons_per_module=(1,), title="Other")
    my_run = CourseRunFactory(course=mine, title="My run")
    their_run = CourseRunFactory(course=other, title="Their run")
    their_session = SessionFactory(run=their_run)
    client.force_login(trainer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    listing = client.get(reverse("events_runs:index")).content.decode()
    assert "My run" in listing and "Their run" not in listing
    found = client.get(reverse("events_runs:index"), {"q": "Mine"}).content.decode()
    assert "My run" in found
    sessions = client.get(reverse("events_sessions:index"), {"q": "Other"})
    assert sessions.status_code == 200 and "Their run" not in sessions.content.decode()
    assert client.get(reverse("events_runs:edit", args=[my_run.pk])).status_code == 200
    for url in (
        reverse("events_runs:edit", args=[their_run.pk]),
        reverse("events_runs:history", args=[their_run.pk]),
        reverse("events_sessions:edit", args=[their_session.pk]),
        reverse("events_session_cancel", args=[their_session.pk]),
    ):
        assert not_found(client.get(url), url), url
    # The course select offers their own courses only.
    form = client.get(reverse("events_runs:add")).context["form"]
    assert list(form.fields["course"].queryset) == [mine]
    # No event pages for them: the field is not in their session form.
    form = client.get(reverse("events_sessions:add")).context["form"]
    assert "event" not in form.fields
    assert list(form.fields["run"].queryset) == [my_run]


def test_a_session_is_added_to_an_event_in_the_admin(client, manager, events_index):
    event, _sessions = build_event(parent=events_index, sessions=0)
    response = client.get(reverse("events_sessions:add"), {"event": event.pk})
    assert response.context["form"].initial["event"] == event.pk
    data = {
        **SESSION_FIELDS,
        "event": event.pk,
        "run": "",
        "starts_at": "2027-06-01 10:00",
        "ends_at": "2027-06-01 12:00",
        "kind": "online",
        "meeting_url": "http://insecure.example.org",
    }
    refused = client.post(reverse("events_sessions:add"), data)
    assert "must start with https://" in refused.content.decode()
    assert not Session.objects.filter(event=event).exists()

    data["meeting_url"] = "https://meet.example.org/x"
    assert client.post(reverse("events_sessions:add"), data).status_code == 302
    (session,) = Session.objects.filter(event=event)
    assert session.sequence == 0

    data["starts_at"], data["ends_at"] = "2027-06-01 11:00", "2027-06-01 13:00"
    client.post(reverse("events_sessions:edit", args=[session.pk]), data)
    session.refresh_from_db()
    assert session.sequence == 1


def test_capacity_below_the_registered_is_refused_next_to_the_field(
    client, manager, events_index
):
    _event, (session,) = build_event(parent=events_index, capacity=3)
    for user in (UserFactory(), UserFactory()):
        services.registration_create(session=session, user=user)
    response = client.get(reverse("events_sessions:edit", args=[session.pk]))
    form = response.context["form"]
    data = {
        name: ("" if value is None else value)
        for name, value in {
            **{f: form.initial.get(f) for f in form.fields},
            "capacity": 1,
        }.items()
    }
    data["starts_at"] = form.initial["starts_at"].strftime("%Y-%m-%d %H:%M")
    data["ends_at"] = form.initial["ends_at"].strftime("%Y-%m-%d %H:%M")
    response = client.post(reverse("events_sessions:edit", args=[session.pk]), data)
    assert response.status_code == 200
    assert "2 people are registered already" in str(
        response.context["form"].errors["capacity"]
    )
    session.refresh_from_db()
    assert session.capacity == 3
    # The participants are listed on the session's page.
    assert "Registered" in response.content.decode()


def test_cancelling_a_session_asks_for_a_reason_and_emails_everyone(
    client, manager, events_index, django_capture_on_commit_callbacks
):
    _event, (session,) = build_event(parent=events_index, capacity=1)
    people = [UserFactory(), UserFactory()]
    for user in people:
        services.registration_create(session=session, user=user)
    url = reverse("events_session_cancel", args=[session.pk])
    page = client.get(url).content.decode()
    assert "Yes, cancel the session" in page

    refused = client.post(url, {"reason": "   "})
    assert refused.status_code == 200
    session.refresh_from_db()
    assert session.cancelled_at is None

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "The trainer is ill."})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.cancellation_reason == "The trainer is ill."
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in people)
    # A second time: a message, nothing sent.
    again = client.post(url, {"reason": "Again"})
    assert again.status_code == 302 and len(mail.outbox) == 2


def test_a_session_with_registrations_is_not_deleted(client, manager, events_index):
    _event, (session,) = build_event(parent=events_index)
    services.registration_create(session=session, user=UserFactory())
    response = client.post(reverse("events_sessions:delete", args=[session.pk]))
    assert response.status_code == 302
    assert Session.objects.filter(pk=session.pk).exists()
    empty = SessionFactory(event=session.event, starts_at=session.ends_at)
    empty.ends_at = empty.starts_at + datetime.timedelta(hours=1)
    empty.save()
    client.post(reverse("events_sessions:delete", args=[empty.pk]))
    assert not Session.objects.filter(pk=empty.pk).exists()
    assert Registration.objects.count() == 1


def test_a_trainer_edits_the_event_session_they_give(client, events_index):
    trainer = staff(TRAINERS)
    _event, (session,) = build_event(parent=events_index)
    session.trainer = TrainerFactory(user=trainer)
    session.save()
    client.force_login(trainer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    url = reverse("events_sessions:edit", args=[session.pk])
    form = client.get(url).context["form"]
    assert "event" not in form.fields
    data = {**SESSION_FIELDS, "run": "", "trainer": session.trainer.pk}
    data["starts_at"] = form.initial["starts_at"].strftime("%Y-%m-%d %H:%M")
    data["ends_at"] = form.initial["ends_at"].strftime("%Y-%m-%d %H:%M")
    data["room"] = "Hall B"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    session.refresh_from_db()
    assert (session.room, session.event_id, session.sequence) == (
        "Hall B",
        _event.pk,
        1,
    )


def test_the_event_page_editor_lists_its_sessions(client, manager, events_index):
    event, (session,) = build_event(parent=events_index)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    content = page.content.decode()
    assert reverse("events_sessions:edit", args=[session.pk]) in content
    assert f"{reverse('events_sessions:add')}?event={event.pk}" in content


def test_course_managers_may_add_event_pages_to_a_new_listing(
    client, manager, events_index
):
    url = reverse(
        "wagtailadmin_pages:add", args=["events", "eventpage", events_index.pk]
    )
    assert client.get(url).status_code == 200
    trainer = staff(TRAINERS)
    client.force_login(trainer)
    assert client.get(url).status_code in (302, 403)
