"""The satisfaction survey after a session or a run: who is asked, the page,
answering once, the window, the invitations (each once) and the dashboard."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from courses.factories import EnrolmentFactory, build_course
from courses.models import Enrolment
from events import feedback
from events.factories import (
    CourseRunFactory,
    RegistrationFactory,
    RunParticipantFactory,
    SessionFactory,
    build_event,
    in_days,
)
from events.feedback_tasks import (
    feedback_invitations_send,
    feedback_run_notify,
    feedback_session_notify,
)
from events.models import Attendance, FeedbackAnswer, Registration

pytestmark = pytest.mark.django_db

GOOD = {"overall": "4", "usefulness": "5", "would_recommend": "yes", "comment": "Ok"}


def past_session(event, *, days_ago: float = 2, **fields):
    starts = in_days(-days_ago)
    return SessionFactory(
        event=event,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        **fields,
    )


def attended(session, user=None, **fields) -> Registration:
    registration = RegistrationFactory(session=session, user=user, **fields)
    Attendance.objects.create(
        session=session, registration=registration, how=Attendance.How.SHEET
    )
    return registration


@pytest.fixture
def event(events_index):
    event, _sessions = build_event(
        parent=events_index, sessions=0, title="Design meets industry"
    )
    return event


@pytest.fixture
def workshop(event):
    """A session that ended two days ago."""
    return past_session(event)


@pytest.fixture
def run_over(catalogue):
    """A run of a course whose last day was yesterday, with a past session:
    (run, its session)."""
    course, _lessons = build_course(parent=catalogue, title="Pricing creative work")
    run = CourseRunFactory(
        course=course,
        title="Spring, Ljubljana",
        starts_on=in_days(-40).date(),
        ends_on=in_days(-1).date(),
    )
    session = SessionFactory(
        run=run,
        starts_at=in_days(-3),
        ends_at=in_days(-3) + datetime.timedelta(hours=3),
    )
    return run, session


def participant_of(run, user, **fields):
    enrolment = EnrolmentFactory(user=user, course=run.course, **fields)
    return RunParticipantFactory(run=run, enrolment=enrolment)


def survey_url(session) -> str:
    return reverse("events:feedback_session", args=[session.pk])


# --- when a run is over (pure) ---------------------------------------------------


def test_a_run_is_over_at_the_end_of_its_last_day_or_its_last_session():
    from events.models import CourseRun

    run = CourseRun(
        starts_on=datetime.date(2027, 3, 1), ends_on=datetime.date(2027, 3, 31)
    )
    midnight = datetime.datetime.fromisoformat("2027-04-01T00:00:00+02:00")
    assert feedback.run_ended_at(run, None) == midnight
    last = datetime.datetime.fromisoformat("2027-03-20T18:00:00+01:00")
    assert feedback.run_ended_at(run, last) == last
    later = datetime.datetime.fromisoformat("2027-04-03T18:00:00+02:00")
    assert feedback.run_ended_at(run, later) == midnight


def test_the_survey_state_follows_the_end_and_the_window():
    ended = timezone.now()
    survey = feedback.Survey(ended_at=ended)
    assert survey.state(ended - datetime.timedelta(seconds=1)) == feedback.State.NOT_YET
    assert survey.state(ended) == feedback.State.OPEN
    assert survey.state(ended + datetime.timedelta(days=29)) == feedback.State.OPEN
    assert survey.state(ended + datetime.timedelta(days=30)) == feedback.State.CLOSED
    survey.answer = FeedbackAnswer()
    assert survey.state(ended + datetime.timedelta(days=40)) == feedback.State.ANSWERED


# --- who is asked ------------------------------------------------------------------


def test_a_participant_who_attended_gets_the_survey(client, workshop, learner):
    attended(workshop, learner)
    client.force_login(learner)
    response = client.get(survey_url(workshop))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tell us how it went" in page
    assert "Design meets industry" in page
    assert page.count("<fieldset") == 3 and page.count("<legend>") == 3
    assert 'name="overall"' in page and 'name="comment"' in page
    assert response["Cache-Control"] == "private, no-store"


def test_nobody_else_gets_it(client, workshop, learner, people):
    registered_only, other, stranger = people(3)
    attended(workshop, learner)
    RegistrationFactory(session=workshop, user=registered_only)  # a no-show
    for person in (registered_only, stranger):
        client.force_login(person)
        assert client.get(survey_url(workshop)).status_code == 404
        assert client.post(survey_url(workshop), GOOD).status_code == 404
    assert not FeedbackAnswer.objects.exists()
    # Someone who attended another session of the event is not asked about this one.
    attended(past_session(workshop.event, days_ago=5), other)
    client.force_login(other)
    assert client.get(survey_url(workshop)).status_code == 404
    client.logout()
    response = client.get(survey_url(workshop))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_cancelled_session_asks_nobody(client, workshop, learner):
    attended(workshop, learner)
    workshop.cancelled_at = timezone.now()
    workshop.save()
    client.force_login(learner)
    assert client.get(survey_url(workshop)).status_code == 404


def test_the_survey_opens_when_the_session_ends(client, event, learner):
    starts = timezone.now() - datetime.timedelta(minutes=30)
    under_way = SessionFactory(
        event=event, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )
    attended(under_way, learner)
    client.force_login(learner)
    page = client.get(survey_url(under_way)).content.decode()
    assert "The survey opens when it is over" in page
    assert 'name="overall"' not in page
    assert client.post(survey_url(under_way), GOOD).status_code == 400
    assert not FeedbackAnswer.objects.exists()


# --- answering ---------------------------------------------------------------------


def test_an_answer_is_saved_once_and_a_second_one_is_refused(client, workshop, learner):
    registration = attended(workshop, learner)
    client.force_login(learner)
    response = client.post(survey_url(workshop), GOOD)
    assert response.status_code == 302 and response["Location"] == survey_url(workshop)
    answer = FeedbackAnswer.objects.get()
    assert (answer.session, answer.registration) == (workshop, registration)
    assert (answer.overall, answer.usefulness, answer.would_recommend) == (4, 5, True)
    assert (answer.comment, answer.language) == ("Ok", "en")
    page = client.get(survey_url(workshop)).content.decode()
    assert "You have already answered, thank you." in page
    assert 'name="overall"' not in page

    again = client.post(
        survey_url(workshop),
        {"overall": "1", "usefulness": "1", "would_recommend": "no", "comment": "Bad"},
    )
    assert again.status_code == 400
    assert "You have already answered, thank you." in again.content.decode()
    answer.refresh_from_db()
    assert (answer.overall, answer.comment) == (4, "Ok")
    assert FeedbackAnswer.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({**GOOD, "overall": ""}, "overall", "Choose how it was overall, from 1 to 5."),
        ({**GOOD, "overall": "6"}, "overall", "Choose a number from 1 to 5."),
        ({**GOOD, "overall": "0"}, "overall", "Choose a number from 1 to 5."),
        ({**GOOD, "usefulness": "3.5"}, "usefulness", "Choose a number from 1 to 5."),
        ({**GOOD, "would_recommend": "maybe"}, "would_recommend", "Choose yes or no."),
        (
            {k: v for k, v in GOOD.items() if k != "would_recommend"},
            "would_recommend",
            "Choose yes or no.",
        ),
        ({**GOOD, "comment": "x" * 2001}, "comment", "Keep it to 2000 characters"),
        ({**GOOD, "comment": "bell\x07"}, "comment", "Remove the control characters"),
        ({**GOOD, "comment": "nul\x00"}, "comment", "Null characters are not allowed."),
    ],
)
def test_bad_answers_are_refused_next_to_their_field(
    client, workshop, learner, data, field, message
):
    attended(workshop, learner)
    client.force_login(learner)
    response = client.post(survey_url(workshop), data)
    assert response.status_code == 400
    page = response.content.decode()
    errors = page.split(f'id="feedback-{field}_errors"', 1)
    assert len(errors) == 2, page
    assert message in errors[1].split("</ul>", 1)[0]
    assert "Please correct the errors marked below." in page
    assert not FeedbackAnswer.objects.exists()


def test_the_survey_closes_thirty_days_after_the_end(client, event, learner):
    old = past_session(event, days_ago=31)
    attended(old, learner)
    client.force_login(learner)
    page = client.get(survey_url(old)).content.decode()
    assert "This survey is closed" in page and 'name="overall"' not in page
    response = client.post(survey_url(old), GOOD)
    assert response.status_code == 400
    assert "This survey is closed" in response.content.decode()
    assert not FeedbackAnswer.objects.exists()


def test_the_service_refuses_what_the_form_would_and_a_late_second_answer(
    workshop, learner
):
    registration = attended(workshop, learner)
    survey = feedback.survey_for_session(session_id=workshop.pk, user=learner)
    for wrong in (
        {"overall": 0},
        {"overall": True},
        {"usefulness": "5"},
        {"would_recommend": "yes"},
        {"comment": "y" * 2001},
    ):
        values = {"overall": 3, "usefulness": 3, "would_recommend": False, **wrong}
        with pytest.raises(ValidationError) as refusal:
            feedback.feedback_submit(survey=survey, **values)
        assert set(refusal.value.message_dict) == set(wrong)
    # Two pages open at once: the second answer meets the unique key.
    stale = feedback.survey_for_session(session_id=workshop.pk, user=learner)
    feedback.feedback_submit(
        survey=survey, overall=5, usefulness=4, would_recommend=True
    )
    with pytest.raises(ValidationError) as refusal:
        feedback.feedback_submit(
            survey=stale, overall=1, usefulness=1, would_recommend=False
        )
    assert refusal.value.code == "already_answered"
    assert FeedbackAnswer.objects.get().registration == registration
    assert FeedbackAnswer.objects.get().overall == 5


def test_a_guest_answers_through_the_link_in_their_email(client, workshop):
    guest = attended(
        workshop,
        guest_name="Gita Gost",
        guest_email="gita@example.org",
        confirmation_token="a" * 43,
    )
    url = reverse("events:feedback_guest", args=[guest.confirmation_token])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert client.post(url, GOOD).status_code == 302
    assert FeedbackAnswer.objects.get().registration == guest
    assert client.post(url, GOOD).status_code == 400
    # Another token, or a guest who did not come: nothing.
    no_show = RegistrationFactory(
        session=workshop, guest_email="no@example.org", confirmation_token="b" * 43
    )
    for token in ("c" * 43, no_show.confirmation_token):
        assert (
            client.get(reverse("events:feedback_guest", args=[token])).status_code
            == 404
        )


# --- runs -----------------------------------------------------------------------------


def test_a_runs_participants_answer_about_the_run(client, run_over, learner, people):
    run, _session = run_over
    participant = participant_of(run, learner)
    url = reverse("events:feedback_run", args=[run.pk])
    client.force_login(learner)
    page = client.get(url).content.decode()
    assert "Pricing creative work – Spring, Ljubljana" in page
    assert client.post(url, GOOD).status_code == 302
    answer = FeedbackAnswer.objects.get()
    assert (answer.run, answer.run_participant, answer.session) == (
        run,
        participant,
        None,
    )
    # Not a participant, or withdrawn: a 404.
    outsider, withdrawn = people(2)
    participant_of(run, withdrawn, status=Enrolment.Status.WITHDRAWN)
    for person in (outsider, withdrawn):
        client.force_login(person)
        assert client.get(url).status_code == 404


def test_a_run_is_asked_about_once_it_is_over(client, catalogue, learner):
    course, _lessons = build_course(parent=catalogue)
    running = CourseRunFactory(
        course=course, starts_on=in_days(-10).date(), ends_on=in_days(10).date()
    )
    participant_of(running, learner)
    client.force_login(learner)
    url = reverse("events:feedback_run", args=[running.pk])
    assert "The survey opens when it is over" in client.get(url).content.decode()
    # Its last session has ended: it is over, before its last day.
    SessionFactory(
        run=running,
        starts_at=in_days(-1),
        ends_at=in_days(-1) + datetime.timedelta(hours=2),
    )
    assert 'name="overall"' in client.get(url).content.decode()


# --- the invitations ---------------------------------------------------------------


def test_everyone_who_attended_is_invited_once(
    workshop, people, django_capture_on_commit_callbacks
):
    came, no_show = people(2)
    mine = attended(workshop, came, language="sl")
    RegistrationFactory(session=workshop, user=no_show)
    guest = attended(
        workshop,
        guest_name="Gita Gost",
        guest_email="gita@example.org",
        confirmation_token="g" * 43,
    )
    attended(workshop, guest_email="demo@learners.demo.invalid", confirmation_token="d")
    with django_capture_on_commit_callbacks(execute=True):
        feedback_invitations_send()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {came.email, "gita@example.org"}
    mine_mail = by_address[came.email]
    assert "Design meets industry" in mine_mail.subject
    assert "Kako je bilo" in mine_mail.subject  # in the language she registered in
    assert f"/sl/events/sessions/{workshop.pk}/feedback/" in mine_mail.body
    assert f"/en/events/feedback/{'g' * 43}/" in by_address["gita@example.org"].body
    assert mine.notices.filter(kind="feedback").exists()

    # The beat again, a redelivered task: nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert feedback_invitations_send() == 0
    assert feedback_session_notify(mine.pk) is False
    assert feedback_session_notify(guest.pk) is False
    assert len(mail.outbox) == 2


def test_no_invitation_for_an_answered_a_closed_or_a_coming_session(
    event, people, django_capture_on_commit_callbacks
):
    answered, late, early = people(3)
    survey_of = attended(past_session(event, days_ago=1), answered)
    FeedbackAnswer.objects.create(
        session=survey_of.session,
        registration=survey_of,
        overall=3,
        usefulness=3,
        would_recommend=True,
    )
    attended(past_session(event, days_ago=8), late)
    attended(SessionFactory(event=event, starts_at=in_days(-0.01)), early)
    with django_capture_on_commit_callbacks(execute=True):
        assert feedback_invitations_send() == 0
    assert not mail.outbox


def test_a_runs_participants_are_invited_once(
    run_over, people, django_capture_on_commit_callbacks
):
    run, session = run_over
    registered, unregistered = people(2)
    participant_of(run, registered)
    RegistrationFactory(session=session, user=registered)
    # One who registered for none of the run's sessions is asked all the same.
    participant_of(run, unregistered)
    with django_capture_on_commit_callbacks(execute=True):
        assert feedback_invitations_send() == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [registered.email, unregistered.email]
    )
    message = mail.outbox[0]
    assert "Pricing creative work – Spring, Ljubljana" in message.body
    assert f"/en/events/runs/{run.pk}/feedback/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        assert feedback_invitations_send() == 0
    for invited in run.participants.all():
        assert invited.feedback_invited_at is not None
        assert feedback_run_notify(invited.pk) is False  # a redelivered task
    assert len(mail.outbox) == 2


# --- the dashboard -------------------------------------------------------------------


def test_the_dashboard_lists_what_awaits_an_answer(client, event, run_over, learner):
    run, _session = run_over
    participant_of(run, learner)
    session = past_session(event)
    attended(session, learner)
    answered = attended(past_session(event, days_ago=3), learner)
    FeedbackAnswer.objects.create(
        session=answered.session,
        registration=answered,
        overall=4,
        usefulness=4,
        would_recommend=True,
    )
    attended(past_session(event, days_ago=40), learner)  # closed
    client.force_login(learner)
    page = client.get(reverse("courses:dashboard")).content.decode()
    section = page.split('id="feedback-heading"', 1)[1].split("</section>", 1)[0]
    assert section.count('class="card"') == 2
    assert f'href="{survey_url(session)}"' in section
    assert f'href="{reverse("events:feedback_run", args=[run.pk])}"' in section

    FeedbackAnswer.objects.create(
        session=session,
        registration=Registration.objects.get(session=session),
        overall=4,
        usefulness=4,
        would_recommend=True,
    )
    FeedbackAnswer.objects.create(
        run=run,
        run_participant=run.participants.get(),
        overall=4,
        usefulness=4,
        would_recommend=True,
    )
    assert (
        "Tell us how it went"
        not in client.get(reverse("courses:dashboard")).content.decode()
    )


def test_the_dashboard_queries_stay_flat_as_surveys_await(
    client, catalogue, event, learner
):
    def queries() -> int:
        client.get(reverse("courses:dashboard"))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("courses:dashboard")).status_code == 200
        return len(captured)

    # Four runs under way (the courses' cards are there from the start) and
    # one session to answer about.
    runs = []
    for _number in range(4):
        course, _lessons = build_course(parent=catalogue)
        run = CourseRunFactory(
            course=course, starts_on=in_days(-20).date(), ends_on=in_days(5).date()
        )
        participant_of(run, learner)
        runs.append(run)
    attended(past_session(event), learner)
    client.force_login(learner)
    one = queries()
    assert len(feedback.surveys_awaiting(user=learner)) == 1

    # The runs end, four more sessions are over: nine items, no more queries.
    for run in runs:
        run.ends_on = in_days(-1).date()
        run.save()
    for days_ago in range(3, 7):
        attended(past_session(event, days_ago=days_ago), learner)
    assert len(feedback.surveys_awaiting(user=learner)) == 9
    many = queries()
    assert many == one
    page = client.get(reverse("courses:dashboard")).content.decode()
    section = page.split('id="feedback-heading"', 1)[1].split("</section>", 1)[0]
    assert section.count('class="card"') == 9
    with CaptureQueriesContext(connection) as captured:
        feedback.surveys_awaiting(user=learner)
    assert len(captured) == 2


# --- privacy -------------------------------------------------------------------------


def test_the_export_holds_her_answers_and_erasure_keeps_only_the_ratings(
    event, run_over, people, django_capture_on_commit_callbacks
):
    import json

    from accounts import privacy
    from accounts.services import account_erase

    mira, bor = people(2)
    run, _session = run_over
    session = past_session(event)
    answer = feedback.feedback_submit(
        survey=feedback.Survey(
            ended_at=session.ends_at, registration=attended(session, mira)
        ),
        overall=5,
        usefulness=4,
        would_recommend=True,
        comment="Mira liked the pairing with the furniture makers.",
        language="en",
    )
    participant = participant_of(run, mira)
    run_answer = feedback.feedback_submit(
        survey=feedback.survey_for_run(run_id=run.pk, user=mira),
        overall=3,
        usefulness=2,
        would_recommend=False,
        comment="Too short for me, Mira.",
    )
    others = feedback.feedback_submit(
        survey=feedback.Survey(
            ended_at=session.ends_at, registration=attended(session, bor)
        ),
        overall=1,
        usefulness=1,
        would_recommend=False,
        comment="Bor's words",
    )
    assert participant.feedback_answers.get() == run_answer

    (provider,) = [p for p in privacy.providers() if p.name == "events"]
    data = json.loads(json.dumps(provider.export(mira)))
    rows = data["feedback_answers"]
    assert len(rows) == 2
    (on_session,) = [row for row in rows if "session" in row]
    assert on_session["session"] == "Design meets industry"
    assert (on_session["overall"], on_session["usefulness"]) == (5, 4)
    assert on_session["would_recommend"] is True
    assert on_session["comment"].startswith("Mira liked")
    assert on_session["submitted_at"]
    (on_run,) = [row for row in rows if "course_run" in row]
    assert on_run["course_run"] == "Pricing creative work – Spring, Ljubljana"
    assert on_run["comment"] == "Too short for me, Mira."
    assert "Bor" not in json.dumps(data)

    with django_capture_on_commit_callbacks(execute=True):
        account_erase(user=mira, requested_by=mira, reason="own request")
    answer.refresh_from_db()
    run_answer.refresh_from_db()
    others.refresh_from_db()
    assert (answer.comment, run_answer.comment) == ("", "")
    # The ratings stay for the means, pointing at rows that name nobody.
    assert (answer.overall, answer.usefulness, answer.would_recommend) == (5, 4, True)
    assert (run_answer.overall, run_answer.usefulness) == (3, 2)
    assert answer.registration.user_id is None
    assert run_answer.run_participant.enrolment.user_id is None
    assert others.comment == "Bor's words"


def test_a_guests_answer_is_theirs_once_their_address_is_confirmed(workshop):
    import json

    from allauth.account.models import EmailAddress

    from accounts import privacy

    guest = attended(
        workshop,
        guest_name="Gita",
        guest_email="gita@example.org",
        confirmation_token="t" * 43,
    )
    feedback.feedback_submit(
        survey=feedback.survey_for_guest(token=guest.confirmation_token),
        overall=4,
        usefulness=4,
        would_recommend=True,
        comment="As a guest",
    )
    gita = UserFactory(email="gita@example.org")
    EmailAddress.objects.update_or_create(
        user=gita, email="gita@example.org", defaults={"verified": True}
    )
    (provider,) = [p for p in privacy.providers() if p.name == "events"]
    rows = json.loads(json.dumps(provider.export(gita)))["feedback_answers"]
    assert [row["comment"] for row in rows] == ["As a guest"]


def test_erasure_blanks_the_words_of_answers_given_as_a_guest(workshop):
    from allauth.account.models import EmailAddress

    from accounts.services import account_erase

    guest = attended(
        workshop,
        guest_name="Gita",
        guest_email="gita@example.org",
        confirmation_token="g" * 43,
    )
    answer = feedback.feedback_submit(
        survey=feedback.survey_for_guest(token=guest.confirmation_token),
        overall=4,
        usefulness=4,
        would_recommend=True,
        comment="Gita from the studio",
    )
    gita = UserFactory(email="gita@example.org")
    EmailAddress.objects.update_or_create(
        user=gita, email="gita@example.org", defaults={"verified": True}
    )
    account_erase(user=gita, requested_by=gita, reason="own request")
    answer.refresh_from_db()
    assert answer.comment == "" and answer.overall == 4
