"""Hostile input on every public form and endpoint (hypothesis): very long
strings, control characters, wrong types, missing fields, HTML and script. Each
answers with a clear 4xx or a form error, never a 5xx, and stores nothing it
should not; what learners write is shown escaped."""

import unicodedata

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from accounts.factories import UserFactory
from accounts.models import User
from courses import services as course_services
from courses.factories import (
    LessonPageFactory,
    ModulePageFactory,
    TrainerFactory,
    build_course,
    exercise_block,
    quiz_block,
    text_block,
)
from courses.models import ExerciseAnswer

from .hostile import (
    FUZZ,
    HOSTILE_SAMPLES,
    SCRIPT,
    assert_answers_cleanly,
    field_value,
    form_data,
    hostile_text,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def lesson_with_tasks(catalogue):
    """An enrolled learner and a lesson with an exercise and a quiz."""
    course, _lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    module = ModulePageFactory(parent=course)
    exercise, quiz = exercise_block(), quiz_block()
    lesson = LessonPageFactory(parent=module, body=[text_block(), exercise, quiz])
    learner = UserFactory(full_name="Fuzz Learner")
    course_services.enrolment_create(user=learner, course=course)
    return learner, lesson, exercise["id"], quiz["id"]


@FUZZ
@given(data=form_data(["email", "full_name", "password1", "password2", "sector"]))
def test_signup_refuses_hostile_input(client, demo_site, data):
    before = User.objects.count()
    response = client.post(reverse("account_signup"), data)
    assert_answers_cleanly(response)
    # No consent in any of these: nothing is ever created.
    assert User.objects.count() == before


@FUZZ
@given(data=form_data(["login", "password", "remember"]))
def test_login_refuses_hostile_input(client, demo_site, data):
    response = client.post(reverse("account_login"), data)
    assert_answers_cleanly(response)
    assert "_auth_user_id" not in client.session


@FUZZ
@given(data=form_data(["email"]))
def test_password_reset_refuses_hostile_input(client, demo_site, data):
    assert_answers_cleanly(client.post(reverse("account_reset_password"), data))


@FUZZ
@given(code=hostile_text)
def test_certificate_verification_refuses_hostile_codes(client, demo_site, code):
    assert_answers_cleanly(
        client.get(reverse("certificates:verify_form"), {"code": code})
    )
    path_code = code.replace("/", "").strip() or "x"
    try:
        url = reverse("certificates:verify", args=[path_code])
    except Exception:  # a code the URL itself cannot carry
        return
    response = client.get(url)
    assert_answers_cleanly(response)
    assert SCRIPT.encode() not in response.content


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
hostile_upload = st.one_of(
    st.binary(max_size=3000),
    st.binary(max_size=3000).map(lambda tail: PNG_SIGNATURE + tail),
    hostile_text.map(lambda text: ('{"@context": ' + text).encode("utf-8")),
    hostile_text.map(lambda text: f"eyJhbGciOiJub25lIn0.{text}.".encode()),
)


@FUZZ
@given(
    text=hostile_text,
    content=hostile_upload,
    name=st.sampled_from(["credential.json", "badge.png", "../../x.jwt", "x" * 300]),
    given_fields=st.sampled_from([("file",), ("text",), ("file", "text"), ()]),
)
def test_credential_upload_refuses_hostile_input(
    client, demo_site, text, content, name, given_fields
):
    """The /verify/ upload (POST, multipart): hostile files and pasted text get
    a message next to the field, never a 5xx, and nothing is echoed unescaped."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {}
    if "file" in given_fields:
        data["credential_file"] = SimpleUploadedFile(name, content)
    if "text" in given_fields:
        data["credential_text"] = text
    response = client.post(reverse("certificates:verify_form"), data)
    assert_answers_cleanly(response)
    assert SCRIPT.encode() not in response.content


@FUZZ
@given(data=form_data(["language", "next"]))
def test_language_switch_refuses_hostile_input(client, demo_site, data):
    response = client.post(reverse("set_language"), data)
    assert_answers_cleanly(response)
    assert "evil" not in response.get("Location", "")


@FUZZ
@given(data=form_data(["full_name", "sector", "city", "organisation", "year_of_birth"]))
def test_profile_refuses_hostile_input(client, demo_site, data):
    user = UserFactory(full_name="Stable Name")
    client.force_login(user)
    response = client.post(reverse("accounts:profile"), data)
    assert_answers_cleanly(response)
    user.refresh_from_db()
    assert "\x00" not in user.full_name
    if response.status_code == 200:  # refused: nothing changed
        assert user.full_name == "Stable Name"


@FUZZ
@given(data=form_data(["password", "confirm"]))
def test_account_deletion_refuses_hostile_input(client, demo_site, data):
    user = UserFactory()
    client.force_login(user)
    assert_answers_cleanly(client.post(reverse("accounts:delete"), data))
    assert User.objects.filter(pk=user.pk).exists()


@FUZZ
@given(answer=hostile_text, exercise_suffix=st.sampled_from(["", "-nope", "x" * 60]))
def test_exercise_answers_refuse_hostile_input(
    client, lesson_with_tasks, answer, exercise_suffix
):
    learner, lesson, exercise_id, _quiz_id = lesson_with_tasks
    client.force_login(learner)
    url = reverse("courses:exercise_save", args=[lesson.pk, exercise_id])
    url = url.rstrip("/") + exercise_suffix + "/"
    response = client.post(url, {"answer": answer})
    assert_answers_cleanly(response)
    for stored in ExerciseAnswer.objects.filter(enrolment__user=learner):
        # No control characters but tab, line feed and carriage return.
        assert not [
            character
            for character in stored.text
            if unicodedata.category(character) == "Cc" and character not in "\t\n\r"
        ]
        assert len(stored.text) <= 10_000


@FUZZ
@given(
    answers=st.dictionaries(
        st.one_of(st.just("q-"), st.text(max_size=40).map(lambda key: f"q-{key}")),
        field_value,
        max_size=5,
    )
)
def test_quiz_submission_refuses_hostile_input(client, lesson_with_tasks, answers):
    learner, lesson, _exercise_id, quiz_id = lesson_with_tasks
    client.force_login(learner)
    url = reverse("courses:quiz_submit", args=[lesson.pk, quiz_id])
    assert_answers_cleanly(client.post(url, answers))


@pytest.fixture
def learner_out_of_attempts(catalogue):
    """A learner who used the one attempt of a quiz without a cool-down, in a
    course whose trainer has an account, and a course manager."""
    from django.contrib.auth.models import Group

    from courses.roles import COURSE_MANAGERS

    course, _lessons = build_course(parent=catalogue, lessons_per_module=())
    quiz = quiz_block(max_attempts=1)
    quiz["value"]["retry_after_hours"] = 0
    lesson = LessonPageFactory(parent=ModulePageFactory(parent=course), body=[quiz])
    course.trainers.add(TrainerFactory(name="T", user=UserFactory()))
    course.save_revision().publish()
    learner = UserFactory(full_name="Fuzz Learner")
    enrolment = course_services.enrolment_create(user=learner, course=course)
    first = lesson.quizzes[0].value["questions"].bound_blocks[0]
    course_services.quiz_submit(
        user=learner,
        lesson=lesson,
        quiz_id=quiz["id"],
        answers={first.id: [first.value["answers"].bound_blocks[0].id]},
    )
    manager = UserFactory()
    manager.groups.add(Group.objects.get(name=COURSE_MANAGERS))
    return learner, manager, enrolment, lesson, quiz["id"]


@FUZZ
@given(
    data=form_data(["message"]), quiz_suffix=st.sampled_from(["", "-nope", "x" * 70])
)
def test_attempt_requests_refuse_hostile_input(
    client, learner_out_of_attempts, data, quiz_suffix
):
    from courses.models import QuizAttemptRequest

    learner, _manager, _enrolment, lesson, quiz_id = learner_out_of_attempts
    client.force_login(learner)
    url = reverse("courses:quiz_attempt_ask", args=[lesson.pk, quiz_id + quiz_suffix])
    assert_answers_cleanly(client.post(url, data))
    stored = list(QuizAttemptRequest.objects.all())
    assert len(stored) <= 1  # one a day per quiz, whatever comes in
    for request in stored:
        assert request.quiz_id == quiz_id
        assert len(request.message) <= 1000
        assert not [
            character
            for character in request.message
            if unicodedata.category(character) == "Cc" and character not in "\t\n\r"
        ]


@FUZZ
@given(
    data=form_data(["quiz_id", "lesson_id", "granted_by"]),
    quiz_suffix=st.sampled_from(["", "-nope", "x" * 70]),
    lesson_offset=st.sampled_from([0, 1, 10**6]),
)
def test_attempt_grants_refuse_hostile_input(
    client, learner_out_of_attempts, data, quiz_suffix, lesson_offset
):
    from courses.models import QuizAttemptGrant

    _learner, manager, enrolment, lesson, quiz_id = learner_out_of_attempts
    client.force_login(manager)
    url = reverse(
        "courses_learners_attempt_grant",
        args=[enrolment.pk, lesson.pk + lesson_offset, quiz_id + quiz_suffix],
    )
    assert_answers_cleanly(client.post(url, data))
    grants = list(QuizAttemptGrant.objects.all())
    assert len(grants) <= 1  # a second one is refused: the attempt is open
    for grant in grants:
        assert (grant.lesson_id, grant.quiz_id) == (lesson.pk, quiz_id)
        assert grant.granted_by == manager


@FUZZ
@given(course_id=st.integers(min_value=0, max_value=2**31 - 1))
def test_enrolment_with_unknown_courses_is_refused(client, demo_site, course_id):
    client.force_login(UserFactory())
    response = client.post(reverse("courses:enrol", args=[course_id]))
    assert_answers_cleanly(response)


@pytest.fixture
def assessment_draft(demo_site):
    from assessments import demo as assessment_demo
    from assessments import services as assessment_services
    from assessments.models import Instrument

    instrument = Instrument.objects.get(
        translation_key=assessment_demo.TRANSLATION_KEY, locale__language_code="en"
    )
    learner = UserFactory()
    draft = assessment_services.response_start(user=learner, instrument=instrument)
    return learner, draft


@FUZZ
@given(
    answers=st.dictionaries(
        st.one_of(
            st.sampled_from(["item-", "action"]),
            st.text(max_size=40).map(lambda key: f"item-{key}"),
        ),
        field_value,
        max_size=6,
    ),
    step=st.sampled_from([0, 1, 2, 99]),
)
def test_self_assessment_steps_refuse_hostile_input(
    client, assessment_draft, answers, step
):
    from assessments.models import Response

    learner, draft = assessment_draft
    client.force_login(learner)
    response = client.post(
        reverse("assessments:step", args=[draft.uuid, step]), answers
    )
    assert_answers_cleanly(response)
    stored = Response.objects.get(pk=draft.pk)
    # Whatever was accepted is on the scale (1..5) or "not relevant" (None).
    assert all(value in (None, 1, 2, 3, 4, 5) for value in stored.answers.values())


@FUZZ
@given(data=form_data(["email", "action_add", "action_remove", "action_primary"]))
def test_email_management_refuses_hostile_input(client, demo_site, data):
    user = UserFactory()
    client.force_login(user)
    assert_answers_cleanly(client.post(reverse("account_email"), data))
    user.refresh_from_db()
    assert "\x00" not in user.email


def test_exercise_answers_are_shown_escaped(client, lesson_with_tasks):
    learner, lesson, exercise_id, _quiz_id = lesson_with_tasks
    client.force_login(learner)
    client.post(
        reverse("courses:exercise_save", args=[lesson.pk, exercise_id]),
        {"answer": SCRIPT},
    )
    assert ExerciseAnswer.objects.get(enrolment__user=learner).text == SCRIPT

    page = client.get(lesson.url).content.decode()

    assert SCRIPT not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_trainers_rich_text_is_sanitised_by_wagtail():
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

    # What the editor sends is reduced to Wagtail's whitelist before it is stored.
    stored = EditorHTMLConverter(
        features=["bold", "italic", "link"]
    ).to_database_format(f"<p>Hello</p>{SCRIPT}<p onclick='x()'>Hi <b>there</b></p>")
    assert "<script" not in stored and "onclick" not in stored
    assert "Hello" in stored and "<b>there</b>" in stored


@pytest.fixture
def certificate_and_manager(catalogue):
    """An issued-state certificate (not rendered: the page only reads the record)
    and a course manager who may revoke it."""
    from django.contrib.auth.models import Group

    from certificates.factories import certificate_for, completed_enrolment
    from certificates.models import Certificate
    from courses.roles import COURSE_MANAGERS

    certificate = certificate_for(completed_enrolment(parent=catalogue))
    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.ISSUED
    )
    manager = UserFactory()
    manager.groups.add(Group.objects.get(name=COURSE_MANAGERS))
    return certificate, manager


@FUZZ
@given(data=form_data(["reason", "action"]))
def test_certificate_revocation_refuses_hostile_input(
    client, certificate_and_manager, data
):
    """The revoke confirmation: a hostile or missing reason gets the message at
    the field and revokes nothing; one that is accepted is stored as given."""
    from certificates.models import Certificate

    certificate, manager = certificate_and_manager
    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.ISSUED, revoked_at=None, revocation_reason=""
    )
    client.force_login(manager)
    url = reverse("certificates_admin_revoke", args=[certificate.pk])
    response = client.post(url, data)
    assert_answers_cleanly(response)
    certificate.refresh_from_db()
    if response.status_code != 302:  # refused, with the reason at its field
        assert response.status_code == 200
        assert certificate.status == Certificate.Status.ISSUED
        assert "error-message" in response.content.decode()
    else:
        assert certificate.status == Certificate.Status.REVOKED
        assert certificate.revocation_reason == data["reason"].strip()
        assert "\x00" not in certificate.revocation_reason


@pytest.fixture
def open_event(demo_site):
    """An event open to guests, with one session of two places, in an events
    listing under the English home page."""
    from events.factories import EventIndexPageFactory, build_event
    from home.models import HomePage

    listing = EventIndexPageFactory(
        parent=HomePage.objects.get(locale__language_code="en"), slug="events-fuzz"
    )
    event, (session,) = build_event(parent=listing, capacity=2, open_to_guests=True)
    return listing, event, session


@FUZZ
@given(data=form_data(["city", "event_type", "month", "page"]))
def test_the_events_listing_refuses_hostile_filters(client, open_event, data):
    listing, _event, _session = open_event
    for url in (listing.url, listing.url + "past/"):
        response = client.get(url, data)
        assert_answers_cleanly(response)
        assert SCRIPT.encode() not in response.content


@FUZZ
@given(data=form_data(["name", "email"]))
def test_guest_registration_refuses_hostile_input(client, open_event, data):
    from django.core.validators import validate_email
    from django.test import override_settings

    from events.models import Registration

    _listing, _event, session = open_event
    url = reverse("events:guest_register", args=[session.pk])
    # Every example reaches the form (the rate limit has its own test).
    with override_settings(EVENTS_RATE_LIMITS={}):
        response = client.post(url, data)
    assert_answers_cleanly(response)
    assert SCRIPT.encode() not in response.content
    for registration in Registration.objects.filter(session=session):
        assert registration.status == Registration.Status.PENDING
        assert 0 < len(registration.guest_name) <= 150
        assert not [
            character
            for character in registration.guest_name
            if unicodedata.category(character) == "Cc"
        ]
        validate_email(registration.guest_email)


@FUZZ
@given(
    token=hostile_text,
    action=st.one_of(st.sampled_from(["confirm", "cancel", ""]), hostile_text),
)
def test_guest_registration_links_refuse_hostile_tokens(
    client, open_event, token, action
):
    path_token = token.replace("/", "").strip() or "x"
    try:
        url = reverse("events:guest_registration", args=[path_token])
    except Exception:  # a token the URL itself cannot carry
        return
    assert_answers_cleanly(client.get(url))
    assert_answers_cleanly(client.post(url, {"action": action}))


@FUZZ
@given(token=hostile_text)
def test_calendar_feeds_refuse_hostile_tokens(client, open_event, token):
    """A made-up token opens no feed: 404 (or 400, 429), never a calendar."""
    path_token = token.replace("/", "").strip() or "x"
    try:
        url = reverse("calendar_feed", args=[path_token])
    except Exception:  # a token the URL itself cannot carry
        return
    response = client.get(url)
    assert_answers_cleanly(response)
    assert response.status_code in (400, 404, 429)


# Ids nobody has, from the edges of the id column's range: the id walk
# (test_object_ids.py) tries its representative bad values on every URL; these
# add what an id that parses but names nothing gets.
UNKNOWN_IDS = (0, 1, 987_654, 2**31 - 1, 2**31, 2**63 - 1)


def test_calendar_entries_of_unknown_sessions_are_not_found(client, open_event):
    for session_id in UNKNOWN_IDS:
        response = client.get(reverse("events:session_ics", args=[session_id]))
        assert_answers_cleanly(response)
        if session_id != open_event[2].pk:
            assert response.status_code == 404


def test_registering_for_unknown_sessions_is_refused(client, open_event):
    client.force_login(UserFactory())
    for session_id in UNKNOWN_IDS:
        for name in (
            "events:register",
            "events:cancel",
            "events:guest_register",
            "events:attend_online",
            "events:attendance_sheet",
        ):
            response = client.post(reverse(name, args=[session_id]))
            assert_answers_cleanly(response)
            assert response.status_code == 404, name
        for name in (
            "events:check_in_screen",
            "events:check_in_screen_state",
            "events:sign_in_sheet_pdf",
            "events:sign_in_sheet_xlsx",
        ):
            response = client.get(reverse(name, args=[session_id]))
            assert response.status_code == 404, name
        url = reverse("events:check_in", args=[session_id, "abcdefghijkmnpqr"])
        assert_answers_cleanly(client.get(url))


@pytest.fixture
def session_under_way(open_event):
    """The open event's session moved to now (check-in open), given by a
    trainer, with one registered participant: (session, trainer, participant)."""
    import datetime

    from django.contrib.auth.models import Group
    from django.utils import timezone

    from courses.roles import TRAINERS
    from events.factories import RegistrationFactory
    from events.models import Session

    _listing, _event, session = open_event
    starts = timezone.now() - datetime.timedelta(minutes=5)
    trainer = UserFactory()
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    Session.objects.filter(pk=session.pk).update(
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        kind="online",
        meeting_url="https://meet.example.org/fuzz",
        trainer=TrainerFactory(user=trainer),
    )
    session.refresh_from_db()
    participant = UserFactory()
    RegistrationFactory(session=session, user=participant)
    return session, trainer, participant


@FUZZ
@given(code=hostile_text)
def test_check_in_refuses_hostile_codes(client, session_under_way, code):
    """The QR code's URL and the online code: anything but the code of the
    moment is refused with a page, and nothing is recorded."""
    from events.models import Attendance

    session, _trainer, participant = session_under_way
    client.force_login(participant)
    path_code = code.replace("/", "").strip() or "x"
    try:
        url = reverse("events:check_in", args=[session.pk, path_code])
    except Exception:  # a code the URL itself cannot carry
        url = None
    if url is not None:
        assert_answers_cleanly(client.get(url))
    response = client.post(
        reverse("events:attend_online", args=[session.pk]), {"code": code}
    )
    assert_answers_cleanly(response)
    assert SCRIPT.encode() not in response.content
    assert not Attendance.objects.filter(session=session).exists()


@FUZZ
@given(
    data=form_data(["action", "registration", "attendance", "name"]),
    action=st.sampled_from(["tick", "untick", "walk_in", "remove_walk_in"]),
)
def test_the_attendance_sheet_refuses_hostile_input(
    client, session_under_way, data, action
):
    """The trainer's sheet: hostile ids and names get a message, never a 5xx;
    a walk-in's name is stored trimmed, without control characters."""
    from events.models import Attendance

    session, trainer, _participant = session_under_way
    client.force_login(trainer)
    data = {"action": action, **data}
    response = client.post(reverse("events:attendance_sheet", args=[session.pk]), data)
    assert_answers_cleanly(response)
    assert SCRIPT.encode() not in response.content
    for attendance in Attendance.objects.filter(session=session):
        if attendance.is_walk_in:
            assert 0 < len(attendance.walk_in_name) <= 150
            assert not [
                character
                for character in attendance.walk_in_name
                if unicodedata.category(character) == "Cc"
            ]


FORMULAS = ('=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx")


def test_the_sign_in_sheet_prints_hostile_names_as_text(client, session_under_way):
    """The funders' sign-in sheet: names and organisations are whatever people
    typed (every hostile sample and formula at once, on one sheet: a PDF is
    half a second); the PDF and the XLSX print them as text (a formula is
    neutralised), and a hostile `version` is a 400, never a 5xx."""
    import io

    from openpyxl import load_workbook

    from events.factories import RegistrationFactory

    session, trainer, participant = session_under_way
    for number, text in enumerate([*HOSTILE_SAMPLES, *FORMULAS, "Ž" * 150]):
        person = UserFactory(
            full_name=text.replace("\x00", "")[:150] or f"Person {number}",
            organisation=(FORMULAS[number % len(FORMULAS)] + text).replace("\x00", "")[
                :200
            ],
        )
        RegistrationFactory(session=session, user=person)
    client.force_login(trainer)
    for extension in ("pdf", "xlsx"):
        url = reverse(f"events:sign_in_sheet_{extension}", args=[session.pk])
        for version in [*HOSTILE_SAMPLES, "Blank", "record ", "1"]:
            refused = client.get(url, {"version": version})
            assert_answers_cleanly(refused)
            assert refused.status_code == 400
            assert SCRIPT.encode() not in refused.content
        response = client.get(url, {"version": "record"})
        assert response.status_code == 200
        if extension == "pdf":
            assert response.content.startswith(b"%PDF")
            assert SCRIPT.encode() not in response.content
    workbook = load_workbook(io.BytesIO(response.content)).active
    for row in workbook.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))


@FUZZ
@given(data=form_data(["reason"]))
def test_session_cancellation_refuses_hostile_input(client, open_event, data):
    """The admin's cancel confirmation: a hostile or missing reason gets the
    message at the field and cancels nothing; one accepted is stored as given."""
    from django.contrib.auth.models import Group

    from courses.roles import COURSE_MANAGERS
    from events.models import Session

    _listing, _event, session = open_event
    Session.objects.filter(pk=session.pk).update(
        cancelled_at=None, cancellation_reason=""
    )
    manager = UserFactory()
    manager.groups.add(Group.objects.get(name=COURSE_MANAGERS))
    client.force_login(manager)
    response = client.post(reverse("events_session_cancel", args=[session.pk]), data)
    assert_answers_cleanly(response)
    session.refresh_from_db()
    if response.status_code != 302:  # refused, with the reason at its field
        assert response.status_code == 200
        assert session.cancelled_at is None
    else:
        assert session.cancelled_at is not None
        assert session.cancellation_reason == data["reason"].strip()
        assert "\x00" not in session.cancellation_reason


@pytest.fixture
def attended_session(open_event):
    """The open event's session moved to yesterday, attended by a participant
    and by a guest: (session, participant, guest's registration)."""
    import datetime

    from django.utils import timezone

    from events.factories import RegistrationFactory
    from events.models import Attendance, Session

    _listing, _event, session = open_event
    starts = timezone.now() - datetime.timedelta(days=1)
    Session.objects.filter(pk=session.pk).update(
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )
    session.refresh_from_db()
    participant = UserFactory()
    guest = RegistrationFactory(
        session=session, guest_email="guest@example.org", confirmation_token="g" * 43
    )
    for registration in (RegistrationFactory(session=session, user=participant), guest):
        Attendance.objects.create(
            session=session, registration=registration, how=Attendance.How.SHEET
        )
    return session, participant, guest


@FUZZ
@given(data=form_data(["overall", "usefulness", "would_recommend", "comment"]))
def test_the_satisfaction_survey_refuses_hostile_input(client, attended_session, data):
    """The survey (a participant's and a guest's): hostile answers get a
    message at their field, never a 5xx; an answer accepted holds ratings 1
    to 5 and words of at most 2,000 characters without control characters."""
    from events.models import FeedbackAnswer

    session, participant, guest = attended_session
    FeedbackAnswer.objects.all().delete()  # each example answers afresh
    client.force_login(participant)
    for url in (
        reverse("events:feedback_session", args=[session.pk]),
        reverse("events:feedback_guest", args=[guest.confirmation_token]),
    ):
        response = client.post(url, data)
        assert_answers_cleanly(response)
        assert SCRIPT.encode() not in response.content
    for answer in FeedbackAnswer.objects.all():
        assert 1 <= answer.overall <= 5 and 1 <= answer.usefulness <= 5
        assert len(answer.comment) <= 2000
        assert not [
            character
            for character in answer.comment
            if unicodedata.category(character) == "Cc" and character not in "\t\n\r"
        ]
    assert FeedbackAnswer.objects.count() <= 2


@FUZZ
@given(token=hostile_text)
def test_survey_links_refuse_hostile_tokens(client, attended_session, token):
    path_token = token.replace("/", "").strip() or "x"
    try:
        url = reverse("events:feedback_guest", args=[path_token])
    except Exception:  # a token the URL itself cannot carry
        return
    response = client.get(url)
    assert_answers_cleanly(response)
    if path_token != attended_session[2].confirmation_token:
        assert response.status_code in (400, 404)
    assert_answers_cleanly(client.post(url, {"overall": "3"}))


def test_surveys_of_unknown_sessions_and_runs_are_not_found(client, attended_session):
    client.force_login(UserFactory())
    for object_id in UNKNOWN_IDS:
        for name in ("events:feedback_session", "events:feedback_run"):
            url = reverse(name, args=[object_id])
            assert client.get(url).status_code == 404
            assert client.post(url, {"overall": "3"}).status_code == 404
