"""The services that record a moment take it as `now=` (the demo's year of
history and tests pass one instead of patching the clock): what they store is
the moment passed, on every record they write."""

import datetime

import pytest

from accounts.factories import UserFactory
from certificates.models import Certificate
from courses import services
from courses.factories import build_course, exercise_block, text_block
from courses.models import (
    CourseVisit,
    Enrolment,
    ExerciseAnswer,
    LessonCompletion,
    QuizAttempt,
)

pytestmark = pytest.mark.django_db

# Well in the past, so that nothing can store it by reading the clock.
MOMENT = datetime.datetime(2025, 3, 14, 9, 30, tzinfo=datetime.UTC)
LATER = MOMENT + datetime.timedelta(days=3, hours=2)


def _right_answers(quiz) -> dict[str, list[str]]:
    return {
        question.id: [
            answer.id
            for answer in question.value["answers"].bound_blocks
            if answer.value["correct"]
        ]
        for question in quiz.value["questions"].bound_blocks
    }


def test_enrolling_is_dated_at_the_moment_passed(catalogue, learner):
    course, _lessons = build_course(parent=catalogue)
    enrolment = services.enrolment_create(user=learner, course=course, now=MOMENT)
    enrolment.refresh_from_db()
    assert enrolment.requested_at == MOMENT
    assert enrolment.enrolled_at == MOMENT
    assert enrolment.last_activity_at == MOMENT

    services.enrolment_withdraw(enrolment=enrolment, now=LATER)
    enrolment.refresh_from_db()
    assert enrolment.withdrawn_at == LATER
    # Coming back reuses the record: the first request's date stays.
    services.enrolment_create(user=learner, course=course, now=LATER)
    enrolment.refresh_from_db()
    assert enrolment.requested_at == MOMENT
    assert enrolment.last_activity_at == LATER


def test_a_request_and_its_decision_are_dated_at_the_moments_passed(catalogue, learner):
    course, _lessons = build_course(parent=catalogue, enrolment_mode="approval")
    enrolment = services.enrolment_create(user=learner, course=course, now=MOMENT)
    manager = UserFactory(is_staff=True)
    services.enrolment_decide(
        enrolment=enrolment, approve=True, decided_by=manager, now=LATER
    )
    enrolment.refresh_from_db()
    assert enrolment.requested_at == MOMENT
    assert (enrolment.decided_at, enrolment.enrolled_at) == (LATER, LATER)


def test_completing_lessons_dates_the_completion_and_the_certificate(
    catalogue, learner
):
    course, lessons = build_course(parent=catalogue, lessons_per_module=(1, 1))
    services.enrolment_create(user=learner, course=course, now=MOMENT)
    services.lesson_complete(user=learner, lesson=lessons[0], now=MOMENT)
    enrolment = services.lesson_complete(user=learner, lesson=lessons[1], now=LATER)
    enrolment.refresh_from_db()
    assert list(
        LessonCompletion.objects.filter(enrolment=enrolment)
        .order_by("lesson__path")
        .values_list("completed_at", flat=True)
    ) == [MOMENT, LATER]
    assert enrolment.last_activity_at == LATER
    assert enrolment.completed_at == LATER
    # The certificate the completion earns is created at the completion.
    assert Certificate.objects.get(enrolment=enrolment).created_at == LATER


def test_a_quiz_attempt_is_dated_at_the_moment_passed(catalogue, learner):
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), quizzes=(1,)
    )
    lesson = lessons[0]
    quiz = lesson.quizzes[0]
    services.enrolment_create(user=learner, course=course, now=MOMENT)
    attempt = services.quiz_submit(
        user=learner,
        lesson=lesson,
        quiz_id=quiz.id,
        answers=_right_answers(quiz),
        now=LATER,
    )
    assert QuizAttempt.objects.get(pk=attempt.pk).submitted_at == LATER
    enrolment = Enrolment.objects.get(pk=attempt.enrolment_id)
    assert LessonCompletion.objects.get(enrolment=enrolment).completed_at == LATER
    assert (enrolment.completed_at, enrolment.last_activity_at) == (LATER, LATER)


def test_an_exercise_answer_is_dated_at_each_save(catalogue, learner):
    course, lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    lesson = lessons[0]
    lesson.body = [text_block(), exercise_block()]
    lesson.save_revision().publish()
    exercise_id = lesson.body[1].id
    services.enrolment_create(user=learner, course=course, now=MOMENT)
    services.exercise_answer_save(
        user=learner, lesson=lesson, exercise_id=exercise_id, text="1", now=MOMENT
    )
    assert ExerciseAnswer.objects.get().updated_at == MOMENT
    services.exercise_answer_save(
        user=learner, lesson=lesson, exercise_id=exercise_id, text="2", now=LATER
    )
    answer = ExerciseAnswer.objects.get()
    assert (answer.text, answer.updated_at) == ("2", LATER)


def test_a_visit_counts_on_the_day_of_the_moment_passed(catalogue, learner):
    course, lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    services.course_visit_record(course=course, user=learner, now=MOMENT)
    services.course_visit_record(course=course, user=None, now=LATER)
    assert set(CourseVisit.objects.values_list("day", "user_id")) == {
        (MOMENT.date(), learner.pk),
        (LATER.date(), None),
    }

    enrolment = services.enrolment_create(user=learner, course=course, now=MOMENT)
    services.lesson_visit(user=learner, lesson=lessons[0], now=LATER)
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_id == lessons[0].pk
    assert enrolment.last_activity_at == LATER
