"""Quiz attempts: "Try again" opens a fresh try that spends nothing; a learner out
of attempts waits for the quiz's cool-down or asks the trainers, who allow
another attempt from the learner's page in the admin (recorded, e-mailed)."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from courses import services
from courses.factories import (
    LessonPageFactory,
    ModulePageFactory,
    TrainerFactory,
    build_course,
)
from courses.factories import quiz_block as make_quiz_block
from courses.models import QuizAttempt, QuizAttemptGrant, QuizAttemptRequest
from courses.privacy import CoursesProvider
from courses.roles import COURSE_MANAGERS, TRAINERS
from tests.helpers import status_of

pytestmark = pytest.mark.django_db


def html(response) -> str:
    return response.content.decode()


def quiz_block(*, max_attempts=0, retry_after_hours=0):
    block = make_quiz_block(max_attempts=max_attempts)
    block["value"]["retry_after_hours"] = retry_after_hours
    return block


def staff(group_name: str, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def trainer_user(db):
    return staff(TRAINERS, full_name="Tina Trainer", email="tina@example.com")


def course_with_quiz(catalogue, *, trainer=None, title="Pricing", **quiz_fields):
    course, _ = build_course(parent=catalogue, lessons_per_module=(), title=title)
    if trainer is not None:
        course.trainers.add(TrainerFactory(name=trainer.full_name, user=trainer))
        course.save_revision().publish()
    lesson = LessonPageFactory(
        parent=ModulePageFactory(parent=course), body=[quiz_block(**quiz_fields)]
    )
    return course, lesson, lesson.quizzes[0]


def answers(quiz, *, correct: bool) -> dict[str, list[str]]:
    return {
        question.id: [
            next(
                answer.id
                for answer in question.value["answers"].bound_blocks
                if answer.value["correct"] == correct
            )
        ]
        for question in quiz.value["questions"].bound_blocks
    }


def post_data(quiz, *, correct: bool) -> dict[str, list[str]]:
    return {f"q-{key}": value for key, value in answers(quiz, correct=correct).items()}


def fail(learner, lesson, quiz, times=1):
    for _time in range(times):
        services.quiz_submit(
            user=learner,
            lesson=lesson,
            quiz_id=quiz.id,
            answers=answers(quiz, correct=False),
        )


# Item 10: "Try again".


def test_try_again_opens_a_fresh_try_and_spends_no_attempt(client, catalogue, learner):
    course, lesson, quiz = course_with_quiz(catalogue, max_attempts=3)
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    submit = reverse("courses:quiz_submit", args=[lesson.pk, quiz.id])
    client.post(submit, post_data(quiz, correct=False))

    review = html(client.get(lesson.url))
    assert "You scored 0%" in review and "2 attempts left." in review
    # The failed try is shown with its answers, not sent again: no submit
    # button, the answers cannot be changed, "Try again" opens a new try.
    assert "Check my answers" not in review
    assert review.count(" checked disabled") == 2
    try_again = re.search(r'<a class="button" href="([^"]+)">Try again</a>', review)
    assert try_again, review
    assert QuizAttempt.objects.count() == 1

    fresh = html(client.get(try_again.group(1).replace("&amp;", "&")))
    assert QuizAttempt.objects.count() == 1  # opening it spends nothing
    assert "2 attempts left." in fresh
    assert " checked" not in fresh and "disabled" not in fresh
    assert "Feedback on" not in fresh and "You scored" not in fresh
    assert "Check my answers" in fresh

    client.post(submit, post_data(quiz, correct=True))
    assert QuizAttempt.objects.count() == 2
    assert "You passed with 100%" in html(client.get(lesson.url))


def test_a_refused_try_stays_open_with_what_was_chosen(client, catalogue, learner):
    course, lesson, quiz = course_with_quiz(catalogue, max_attempts=3)
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    fail(learner, lesson, quiz)
    first_question = quiz.value["questions"].bound_blocks[0]
    both = [answer.id for answer in first_question.value["answers"].bound_blocks]

    response = client.post(
        reverse("courses:quiz_submit", args=[lesson.pk, quiz.id]),
        {f"q-{first_question.id}": both},
    )

    assert response.status_code == 400
    page = html(response)
    assert "Choose only one answer" in page
    assert page.count(" checked") == 2 and "disabled" not in page
    assert "Check my answers" in page
    assert QuizAttempt.objects.count() == 1


# Item 11 (c): the cool-down.


def test_after_the_last_attempt_another_opens_after_the_quiz_cool_down(
    client, catalogue, learner
):
    course, lesson, quiz = course_with_quiz(
        catalogue, max_attempts=1, retry_after_hours=24
    )
    services.enrolment_create(user=learner, course=course)
    fail(learner, lesson, quiz)
    with pytest.raises(ValidationError, match="used all 1 attempts"):
        fail(learner, lesson, quiz)
    client.force_login(learner)
    page = html(client.get(lesson.url))
    assert "You have used all attempts for this quiz." in page
    assert "Another attempt opens on" in page
    assert "Try again" not in page

    # A day later (the attempt is dated back instead of patching the clock).
    QuizAttempt.objects.update(
        submitted_at=timezone.now() - datetime.timedelta(hours=25)
    )
    page = html(client.get(lesson.url))
    assert "1 attempt left." in page and "Try again" in page
    fail(learner, lesson, quiz)
    with pytest.raises(ValidationError, match="used all 1 attempts"):
        fail(learner, lesson, quiz)
    assert QuizAttempt.objects.count() == 2


def test_existing_quizzes_get_a_day_of_cool_down(catalogue):
    import json

    from django.db import connection

    from courses.models import LessonPage

    _course, lesson, _quiz = course_with_quiz(catalogue, max_attempts=2)
    stored = make_quiz_block(max_attempts=2)  # as saved before the field existed
    assert "retry_after_hours" not in stored["value"]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE courses_lessonpage SET body = %s WHERE page_ptr_id = %s",
            [json.dumps([stored]), lesson.pk],
        )
    quiz = LessonPage.objects.get(pk=lesson.pk).quizzes[0]
    assert quiz.value["retry_after_hours"] == 24


# Item 11 (b): the learner asks the trainers.


def test_learner_out_of_attempts_asks_the_trainer_once(
    client,
    catalogue,
    learner,
    trainer_user,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    course, lesson, quiz = course_with_quiz(
        catalogue, trainer=trainer_user, title="Money for makers", max_attempts=2
    )
    enrolment = services.enrolment_create(user=learner, course=course)
    fail(learner, lesson, quiz, times=2)
    client.force_login(learner)
    page = html(client.get(lesson.url))
    assert "Ask the trainer for another attempt" in page
    ask = reverse("courses:quiz_attempt_ask", args=[lesson.pk, quiz.id])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask, {"message": "I misread question 2."}, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(ask, {"message": "I misread question 2."}, follow=True)

    assert "Your request has been sent to the trainer." in html(response)
    assert "Your request has already been sent." in html(again)
    assert QuizAttemptRequest.objects.count() == 1
    assert len(mailoutbox) == 1  # nothing sent twice
    mail = mailoutbox[0]
    assert mail.to == ["tina@example.com"]
    assert mail.reply_to == [learner.email]
    assert "Ana Novak" in mail.subject and "Check yourself" in mail.subject
    for text in (
        "Ana Novak",
        learner.email,
        "Money for makers",
        "“Check yourself”",
        lesson.title,
        "I misread question 2.",
        reverse("courses_learners_quizzes", args=[enrolment.pk]),
    ):
        assert text in mail.body, text
    assert "&#x27;" not in mail.body and "&quot;" not in mail.body
    page = html(client.get(lesson.url))
    assert "You asked the trainer for another attempt on" in page
    assert "Send to the trainer" not in page


@pytest.mark.parametrize(
    ("message", "error"),
    [
        ("Please\x1b[31m", "invisible control characters"),
        ("x" * 1001, "at most 1000 characters"),
    ],
)
def test_a_bad_message_is_refused_next_to_the_form(
    client, catalogue, learner, trainer_user, mailoutbox, message, error
):
    course, lesson, quiz = course_with_quiz(
        catalogue, trainer=trainer_user, max_attempts=1
    )
    services.enrolment_create(user=learner, course=course)
    fail(learner, lesson, quiz)
    client.force_login(learner)
    response = client.post(
        reverse("courses:quiz_attempt_ask", args=[lesson.pk, quiz.id]),
        {"message": message},
    )
    assert response.status_code == 400
    page = html(response)
    assert error in page and 'aria-invalid="true"' in page
    assert not QuizAttemptRequest.objects.exists() and not mailoutbox


def test_asking_is_refused_with_attempts_left_and_limited_per_day(
    catalogue, learner, trainer_user
):
    course, lesson, quiz = course_with_quiz(
        catalogue, trainer=trainer_user, max_attempts=1
    )
    enrolment = services.enrolment_create(user=learner, course=course)
    with pytest.raises(ValidationError, match="You can take this quiz now"):
        services.quiz_attempt_request(
            user=learner, lesson=lesson, quiz_id=quiz.id, message=""
        )
    fail(learner, lesson, quiz)
    now = timezone.now()
    for number in range(5):  # five other requests today
        QuizAttemptRequest.objects.create(
            enrolment=enrolment,
            lesson=lesson,
            quiz_id=f"other-{number}",
            requested_at=now,
        )
    with pytest.raises(ValidationError, match="5 times today"):
        services.quiz_attempt_request(
            user=learner, lesson=lesson, quiz_id=quiz.id, message=""
        )
    # A day later the learner may ask again.
    services.quiz_attempt_request(
        user=learner,
        lesson=lesson,
        quiz_id=quiz.id,
        message="",
        now=now + datetime.timedelta(hours=25),
    )


def test_a_course_without_trainer_accounts_sends_the_request_to_course_managers(
    catalogue, learner, mailoutbox, django_capture_on_commit_callbacks
):
    manager = staff(COURSE_MANAGERS, email="maja@example.com")
    course, lesson, quiz = course_with_quiz(catalogue, max_attempts=1)
    services.enrolment_create(user=learner, course=course)
    fail(learner, lesson, quiz)
    with django_capture_on_commit_callbacks(execute=True):
        services.quiz_attempt_request(
            user=learner, lesson=lesson, quiz_id=quiz.id, message=""
        )
    assert [mail.to for mail in mailoutbox] == [[manager.email]]
    assert "They wrote no message." in mailoutbox[0].body


def test_the_request_e_mail_task_sends_at_most_once(
    catalogue, learner, trainer_user, mailoutbox, django_capture_on_commit_callbacks
):
    from courses.tasks import quiz_attempt_request_notify

    course, lesson, quiz = course_with_quiz(
        catalogue, trainer=trainer_user, max_attempts=1
    )
    services.enrolment_create(user=learner, course=course)
    fail(learner, lesson, quiz)
    with django_capture_on_commit_callbacks(execute=True):
        request = services.quiz_attempt_request(
            user=learner, lesson=lesson, quiz_id=quiz.id, message=""
        )
    assert quiz_attempt_request_notify(request.pk) is False  # a redelivery
    assert len(mailoutbox) == 1


# Item 11 (a): staff allow another attempt.


def test_trainer_allows_another_attempt_from_the_learners_page(
    client,
    catalogue,
    learner,
    trainer_user,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    course, lesson, quiz = course_with_quiz(
        catalogue, trainer=trainer_user, max_attempts=2
    )
    enrolment = services.enrolment_create(user=learner, course=course)
    fail(learner, lesson, quiz, times=2)
    client.force_login(trainer_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    learners = html(client.get(reverse("courses_learners")))
    page_url = reverse("courses_learners_quizzes", args=[enrolment.pk])
    assert f'href="{page_url}"' in learners

    page = html(client.get(page_url))
    assert "Check yourself" in page and "2 of 2" in page and "No attempts left" in page
    grant = reverse(
        "courses_learners_attempt_grant", args=[enrolment.pk, lesson.pk, quiz.id]
    )
    assert f'action="{grant}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(grant, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(grant, follow=True)  # a double click

    assert "may take “Check yourself” once more" in html(response)
    assert "can already take this quiz" in html(again)
    record = QuizAttemptGrant.objects.get()  # one, with who and when
    assert record.granted_by == trainer_user and record.enrolment == enrolment
    assert record.quiz_id == quiz.id and record.granted_at is not None
    page = html(client.get(page_url))
    assert "Extra attempt allowed on" in page and "Tina Trainer" in page
    assert "An extra attempt is open" in page or "an extra attempt is open" in page
    learners = html(client.get(reverse("courses_learners")))
    assert re.search(r"<td[^>]*>\s*1\s*</td>", learners)  # Extra attempts allowed
    assert [mail.to for mail in mailoutbox] == [[learner.email]]
    assert lesson.url in mailoutbox[0].body

    fail(learner, lesson, quiz)  # the extra attempt is used
    with pytest.raises(ValidationError, match="used all 2 attempts"):
        fail(learner, lesson, quiz)
    assert QuizAttempt.objects.count() == 3


def test_staff_of_other_courses_cannot_allow_attempts(
    client, catalogue, learner, trainer_user
):
    other_trainer = staff(TRAINERS, full_name="Oto Other")
    course, lesson, quiz = course_with_quiz(
        catalogue, trainer=trainer_user, max_attempts=1
    )
    enrolment = services.enrolment_create(user=learner, course=course)
    fail(learner, lesson, quiz)
    client.force_login(other_trainer)
    page_url = reverse("courses_learners_quizzes", args=[enrolment.pk])
    grant = reverse(
        "courses_learners_attempt_grant", args=[enrolment.pk, lesson.pk, quiz.id]
    )
    # A 404 outside the language prefix comes as a redirect to /sl/ (a 404 too).
    assert status_of(client.get(page_url), page_url) == 404
    assert status_of(client.post(grant), grant) == 404
    client.force_login(learner)
    assert client.post(grant).status_code in (302, 403)
    with pytest.raises(PermissionDenied):
        services.quiz_attempt_grant(
            enrolment=enrolment, lesson=lesson, quiz_id=quiz.id, granted_by=learner
        )
    assert not QuizAttemptGrant.objects.exists()


def test_course_managers_allow_attempts_in_any_course_but_not_for_other_quizzes(
    catalogue, learner
):
    manager = staff(COURSE_MANAGERS)
    course, lesson, quiz = course_with_quiz(catalogue, max_attempts=1)
    _other, other_lesson, other_quiz = course_with_quiz(catalogue, max_attempts=1)
    enrolment = services.enrolment_create(user=learner, course=course)
    with pytest.raises(ValidationError, match="can already take"):
        services.quiz_attempt_grant(
            enrolment=enrolment, lesson=lesson, quiz_id=quiz.id, granted_by=manager
        )
    fail(learner, lesson, quiz)
    with pytest.raises(ValidationError, match="not part of the learner's course"):
        services.quiz_attempt_grant(
            enrolment=enrolment,
            lesson=other_lesson,
            quiz_id=other_quiz.id,
            granted_by=manager,
        )
    services.quiz_attempt_grant(
        enrolment=enrolment, lesson=lesson, quiz_id=quiz.id, granted_by=manager
    )
    assert QuizAttemptGrant.objects.count() == 1


# Personal data.


def test_requests_and_extra_attempts_are_exported_and_requests_erased(
    catalogue, learner, trainer_user
):
    course, lesson, quiz = course_with_quiz(
        catalogue, trainer=trainer_user, max_attempts=1
    )
    enrolment = services.enrolment_create(user=learner, course=course)
    fail(learner, lesson, quiz)
    services.quiz_attempt_request(
        user=learner, lesson=lesson, quiz_id=quiz.id, message="One more, please."
    )
    services.quiz_attempt_grant(
        enrolment=enrolment, lesson=lesson, quiz_id=quiz.id, granted_by=trainer_user
    )

    exported = CoursesProvider().export(learner)
    assert exported["quiz_attempt_requests"][0]["message"] == "One more, please."
    assert exported["quiz_attempt_requests"][0]["quiz"] == "Check yourself"
    assert exported["extra_quiz_attempts_allowed_to_you"][0]["quiz"] == "Check yourself"
    staff_export = CoursesProvider().export(trainer_user)
    assert len(staff_export["extra_quiz_attempts_you_allowed"]) == 1
    assert "Ana Novak" not in str(staff_export)

    CoursesProvider().erase(learner)
    assert not QuizAttemptRequest.objects.exists()
    assert QuizAttemptGrant.objects.count() == 1  # kept with the enrolment


@pytest.mark.parametrize(
    "task_name",
    ["courses.quiz_attempt_request_notify", "courses.quiz_attempt_grant_notify"],
)
def test_attempt_e_mails_go_to_the_mail_queue(task_name):
    from lms.celery import app

    assert app.amqp.router.route({}, task_name)["queue"].name == "mail"


def test_a_lessons_quiz_records_read_only_their_own_tables(catalogue, learner):
    """The lesson page reads the learner's attempts, grants and requests on every
    visit: plain rows (the grant's granter aside), no join to the enrolment's
    course, the lesson's page and their locales and content types."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from courses.selectors import quiz_records

    course, lesson, quiz = course_with_quiz(catalogue, max_attempts=1)
    enrolment = services.enrolment_create(user=learner, course=course)
    fail(learner, lesson, quiz)
    QuizAttemptRequest.objects.create(
        enrolment=enrolment,
        lesson=lesson,
        quiz_id=quiz.id,
        message="Please",
        requested_at=timezone.now(),
    )
    with CaptureQueriesContext(connection) as queries:
        records = quiz_records(enrolment=enrolment, lesson=lesson)
    assert [len(r.attempts) for r in records.values()] == [1]
    assert [len(r.requests) for r in records.values()] == [1]
    attempts, grants, requests = (q["sql"] for q in queries)
    assert "JOIN" not in attempts.upper()
    assert "JOIN" not in requests.upper()
    # The granter is shown to the learner; nothing else is joined.
    assert "JOIN" in grants and "wagtailcore_page" not in grants
