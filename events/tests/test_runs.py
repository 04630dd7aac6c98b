"""Course runs on the course side: choosing a run when enrolling, the run's
sessions on the course page, and who may register for them (events.runs)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from courses import services as course_services
from courses.factories import build_course
from courses.models import Enrolment
from events import services
from events.factories import CourseRunFactory, SessionFactory
from events.models import Registration, RunParticipant
from events.runs import run_join

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalogue):
    course, _lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    return course


def enrol_page(client, course):
    return client.get(course.url).content.decode()


def test_a_course_without_runs_enrols_as_before_and_asks_nothing(
    client, course, learner
):
    client.force_login(learner)
    page = enrol_page(client, course)
    assert "Choose your run" not in page
    response = client.post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 302
    assert Enrolment.objects.get(user=learner, course=course).is_active


def test_enrolling_in_a_course_with_runs_means_choosing_one(
    client, course, learner, people
):
    spring = CourseRunFactory(course=course, title="Spring, Ljubljana", capacity=1)
    autumn = CourseRunFactory(
        course=course,
        title="Autumn, Pécs",
        starts_on=spring.starts_on + datetime.timedelta(days=90),
        ends_on=spring.ends_on + datetime.timedelta(days=90),
    )
    CourseRunFactory(  # ended: not offered
        course=course,
        title="Last year",
        starts_on=timezone.localdate() - datetime.timedelta(days=400),
        ends_on=timezone.localdate() - datetime.timedelta(days=300),
    )
    client.force_login(learner)
    page = enrol_page(client, course)
    assert "Choose your run" in page
    assert "Spring, Ljubljana" in page and "Autumn, Pécs" in page
    assert "Last year" not in page
    assert "1 place left" in page

    # No run chosen: told next to the runs, nothing saved.
    response = client.post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 400
    assert 'id="enrol-choice-error"' in response.content.decode()
    assert "Choose the run you will take the course with." in response.content.decode()
    # A run of another course, or nonsense: the same, nothing saved.
    other = CourseRunFactory(course=build_course(parent=course.get_parent())[0])
    for value in (str(other.pk), "x", "-1", "9" * 30):
        response = client.post(
            reverse("courses:enrol", args=[course.pk]), {"option": value}
        )
        assert response.status_code == 400
    assert not Enrolment.objects.filter(user=learner).exists()

    response = client.post(
        reverse("courses:enrol", args=[course.pk]), {"option": str(spring.pk)}
    )
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=learner, course=course)
    assert enrolment.run_participant.run == spring
    page = enrol_page(client, course)
    assert "Your run: Spring, Ljubljana" in page and "Autumn, Pécs" not in page

    # The spring run is full now: offered but not choosable.
    latecomer = people(1)[0]
    client.force_login(latecomer)
    page = enrol_page(client, course)
    assert "full" in page and "disabled" in page
    response = client.post(
        reverse("courses:enrol", args=[course.pk]), {"option": str(spring.pk)}
    )
    assert response.status_code == 400
    assert "This run is full: choose another." in response.content.decode()
    assert not Enrolment.objects.filter(user=latecomer).exists()
    client.post(reverse("courses:enrol", args=[course.pk]), {"option": str(autumn.pk)})
    assert Enrolment.objects.get(user=latecomer).run_participant.run == autumn


def test_a_single_open_run_is_ticked_and_a_visitor_sees_the_runs(client, course):
    CourseRunFactory(course=course, title="Spring, Ljubljana")
    page = enrol_page(client, course)  # not logged in: the runs, to read
    assert "Spring, Ljubljana" in page and 'type="radio"' not in page
    assert "Run: Spring, Ljubljana" in page


def test_runs_that_ended_leave_a_self_paced_course_open_but_not_one_asking_for_sessions(
    client, course, learner
):
    past = timezone.localdate() - datetime.timedelta(days=30)
    run = CourseRunFactory(
        course=course, starts_on=past, ends_on=past + datetime.timedelta(days=7)
    )
    client.force_login(learner)
    assert "Choose your run" not in enrol_page(client, course)
    run.sessions_required = 2
    run.save()
    page = enrol_page(client, course)
    assert "No run of this course is open for enrolment now." in page
    assert 'action="/en/courses/' not in page or "Enrol</button>" not in page
    with pytest.raises(ValidationError) as refused:
        course_services.enrolment_create(user=learner, course=course)
    assert refused.value.code == "choice_unavailable"


def test_only_the_runs_participants_register_for_its_sessions(
    client, course, learner, people
):
    run = CourseRunFactory(course=course)
    session = SessionFactory(run=run)
    (outsider,) = people(1)
    course_services.enrolment_create(user=learner, course=course, option=str(run.pk))

    # Someone not enrolled sees the session but no button, and the endpoint
    # refuses them with the reason on the course page.
    client.force_login(outsider)
    page = enrol_page(client, course)
    assert f'id="session-{session.pk}"' in page
    assert reverse("events:register", args=[session.pk]) not in page
    assert "choose this run to register" in page
    response = client.post(reverse("events:register", args=[session.pk]), follow=True)
    assert "This session is for the participants of its course run" in (
        response.content.decode()
    )
    assert not Registration.objects.filter(user=outsider).exists()

    client.force_login(learner)
    page = enrol_page(client, course)
    assert reverse("events:register", args=[session.pk]) in page
    client.post(reverse("events:register", args=[session.pk]))
    assert Registration.objects.get(user=learner).status == "registered"

    # An enrolment that left the course is not in the run any more.
    enrolment = Enrolment.objects.get(user=learner)
    course_services.enrolment_withdraw(enrolment=enrolment)
    assert Registration.objects.get(user=learner).status == "cancelled"
    with pytest.raises(ValidationError) as refused:
        services.registration_create(session=session, user=learner)
    assert refused.value.code == "not_in_run"


def test_run_join_moves_between_runs_and_never_overfills(course, people):
    small = CourseRunFactory(course=course, capacity=1)
    roomy = CourseRunFactory(course=course)
    first, second = people(2)
    enrolments = [
        course_services.enrolment_create(
            user=person, course=course, option=str(roomy.pk)
        )
        for person in (first, second)
    ]
    run_join(enrolment=enrolments[0], run_id=small.pk)
    assert RunParticipant.objects.get(enrolment=enrolments[0]).run == small
    with pytest.raises(ValidationError) as full:
        run_join(enrolment=enrolments[1], run_id=small.pk)
    assert full.value.code == "choice"
    assert RunParticipant.objects.get(enrolment=enrolments[1]).run == roomy
    # Joining the run one is in already changes nothing.
    assert run_join(enrolment=enrolments[0], run_id=small.pk).run == small
    assert RunParticipant.objects.filter(run=small).count() == 1


def test_the_chosen_run_sets_the_sessions_to_attend(course, learner):
    from courses.completion import completion_requirements

    asks_one = CourseRunFactory(course=course, sessions_required=1)
    asks_three = CourseRunFactory(course=course, sessions_required=3)
    enrolment = course_services.enrolment_create(
        user=learner, course=course, option=str(asks_three.pk)
    )
    # Registered in the other run's session: the chosen run still decides.
    SessionFactory(run=asks_one)
    enrolment = Enrolment.objects.select_related("course").get(pk=enrolment.pk)
    (requirement,) = completion_requirements(enrolments=[enrolment])[enrolment.pk]
    assert requirement.required == 3


def test_a_course_page_without_runs_asks_nothing_more_of_the_database(
    client, course, learner, django_assert_num_queries
):
    """The hooks answer from the cached set of courses with runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(learner)
    client.get(course.url)  # warms the caches
    with CaptureQueriesContext(connection) as queries:
        client.get(course.url)
    assert not [q for q in queries.captured_queries if "events_" in q["sql"]]


def test_hostile_run_choices_are_refused_next_to_the_runs(client, course, learner):
    from tests.integration.hostile import HOSTILE_SAMPLES

    run = CourseRunFactory(course=course)
    client.force_login(learner)
    for value in [*HOSTILE_SAMPLES, str(run.pk) + "\x00", f" {run.pk}", "1e3"]:
        response = client.post(
            reverse("courses:enrol", args=[course.pk]), {"option": value}
        )
        assert response.status_code == 400, value
        if "\x00" not in value:  # NUL: refused for the whole site before the view
            assert 'id="enrol-choice-error"' in response.content.decode()
    assert not Enrolment.objects.filter(user=learner).exists()


def test_a_learner_enrolled_before_the_course_had_runs_joins_one_by_registering(
    client, course, learner, people
):
    enrolment = course_services.enrolment_create(user=learner, course=course)
    run = CourseRunFactory(course=course, capacity=1, sessions_required=1)
    session = SessionFactory(run=run)
    client.force_login(learner)
    page = enrol_page(client, course)
    assert "Registering for one of a run’s sessions makes it your run." in page
    assert reverse("events:register", args=[session.pk]) in page
    client.post(reverse("events:register", args=[session.pk]))
    assert Registration.objects.get(user=learner).status == "registered"
    assert RunParticipant.objects.get(enrolment=enrolment).run == run
    assert "Your run:" in enrol_page(client, course)

    # Another learner enrolled before the runs: the run is full now, so
    # registering is refused and nothing is saved.
    late = people(1)[0]
    enrolled_late = Enrolment.objects.create(
        user=late, course=course, status=Enrolment.Status.ACTIVE
    )
    with pytest.raises(ValidationError) as refused:
        services.registration_create(session=session, user=late)
    assert refused.value.code == "choice"
    assert not RunParticipant.objects.filter(enrolment=enrolled_late).exists()
    assert not Registration.objects.filter(user=late).exists()


def test_coming_back_to_ones_old_run_counts_its_places(course, people):
    run = CourseRunFactory(course=course, capacity=1)
    leaver, newcomer = people(2)
    enrolment = course_services.enrolment_create(
        user=leaver, course=course, option=str(run.pk)
    )
    course_services.enrolment_withdraw(enrolment=enrolment)
    course_services.enrolment_create(user=newcomer, course=course, option=str(run.pk))
    with pytest.raises(ValidationError) as full:
        course_services.enrolment_create(user=leaver, course=course, option=str(run.pk))
    assert full.value.code in ("choice", "choice_unavailable")
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.WITHDRAWN  # nothing half-saved


def test_a_request_awaiting_approval_shows_its_run_without_registering(
    client, catalogue, learner
):
    course, _lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), enrolment_mode="approval"
    )
    run = CourseRunFactory(course=course, title="Spring, Ljubljana")
    session = SessionFactory(run=run)
    client.force_login(learner)
    client.post(reverse("courses:enrol", args=[course.pk]), {"option": str(run.pk)})
    assert Enrolment.objects.get(user=learner).status == Enrolment.Status.PENDING
    page = enrol_page(client, course)
    assert "Your run: Spring, Ljubljana" in page
    assert "once your request to join the course is accepted" in page
    assert reverse("events:register", args=[session.pk]) not in page


def test_a_refused_enrolment_keeps_the_run_chosen(client, course, learner, people):
    CourseRunFactory(course=course, title="Spring")
    chosen = CourseRunFactory(course=course, title="Autumn", capacity=1)
    course_services.enrolment_create(
        user=people(1)[0], course=course, option=str(chosen.pk)
    )
    client.force_login(learner)
    response = client.post(
        reverse("courses:enrol", args=[course.pk]), {"option": str(chosen.pk)}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f'value="{chosen.pk}" disabled' in page  # full now, shown as such


def test_lessons_done_and_sessions_not_says_so_instead_of_continue(
    client, catalogue, learner
):
    course, lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    run = CourseRunFactory(course=course, sessions_required=1)
    course_services.enrolment_create(user=learner, course=course, option=str(run.pk))
    for lesson in lessons:
        course_services.lesson_complete(user=learner, lesson=lesson)
    assert Enrolment.objects.get(user=learner).completed_at is None
    client.force_login(learner)
    for url in (course.url, reverse("courses:dashboard")):
        page = client.get(url).content.decode()
        assert "You have done every lesson." in page, url
        assert "Continue with lesson" not in page, url
        assert "Attended 0 of 1 session" in page, url
