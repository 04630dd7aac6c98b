import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.factories import UserFactory
from courses import services
from courses.factories import build_course
from courses.models import Enrolment, LessonCompletion, QuizAttempt
from courses.signals import course_completed

pytestmark = pytest.mark.django_db


@pytest.fixture
def completions():
    received = []

    def listener(sender, enrolment, **kwargs):
        received.append(enrolment.pk)

    course_completed.connect(listener)
    yield received
    course_completed.disconnect(listener)


def right_answers(lesson, quiz):
    return {
        q.id: [a.id for a in q.value["answers"].bound_blocks if a.value["correct"]]
        for q in quiz.value["questions"].bound_blocks
    }


def wrong_answers(lesson, quiz):
    return {
        q.id: [a.id for a in q.value["answers"].bound_blocks if not a.value["correct"]][
            :1
        ]
        for q in quiz.value["questions"].bound_blocks
    }


def test_open_course_enrols_at_once(catalogue, learner):
    course, lessons = build_course(parent=catalogue)
    enrolment = services.enrolment_create(user=learner, course=course)
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert (enrolment.required_done, enrolment.required_total) == (0, 4)


def test_approval_course_records_a_request(catalogue, learner):
    course, _ = build_course(parent=catalogue, enrolment_mode="approval")
    enrolment = services.enrolment_create(user=learner, course=course)
    assert enrolment.status == Enrolment.Status.PENDING
    with pytest.raises(ValidationError, match="awaiting approval"):
        services.enrolment_create(user=learner, course=course)


def test_capacity_is_enforced(catalogue):
    course, _ = build_course(parent=catalogue, capacity=2)
    for _i in range(2):
        services.enrolment_create(user=UserFactory(), course=course)
    with pytest.raises(ValidationError, match="full"):
        services.enrolment_create(user=UserFactory(), course=course)
    assert Enrolment.objects.filter(course=course).count() == 2


def test_enrolment_window_is_respected(catalogue, learner):
    now = timezone.now()
    later, _ = build_course(
        parent=catalogue, enrolment_opens_at=now + timezone.timedelta(days=1)
    )
    over, _ = build_course(
        parent=catalogue, enrolment_closes_at=now - timezone.timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="not opened yet"):
        services.enrolment_create(user=learner, course=later)
    with pytest.raises(ValidationError, match="has closed"):
        services.enrolment_create(user=learner, course=over)
    assert not Enrolment.objects.exists()


def test_withdraw_keeps_the_record_and_re_enrolling_keeps_progress(catalogue, learner):
    course, lessons = build_course(parent=catalogue)
    enrolment = services.enrolment_create(user=learner, course=course)
    services.lesson_complete(user=learner, lesson=lessons[0])

    services.enrolment_withdraw(enrolment=enrolment)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.WITHDRAWN
    assert enrolment.withdrawn_at is not None
    with pytest.raises(ValidationError):
        services.lesson_complete(user=learner, lesson=lessons[1])

    again = services.enrolment_create(user=learner, course=course)
    assert again.pk == enrolment.pk
    assert again.status == Enrolment.Status.ACTIVE
    assert again.required_done == 1


def test_withdrawing_frees_a_place(catalogue, learner):
    course, _ = build_course(parent=catalogue, capacity=1)
    enrolment = services.enrolment_create(user=learner, course=course)
    services.enrolment_withdraw(enrolment=enrolment)
    services.enrolment_create(user=UserFactory(), course=course)
    with pytest.raises(ValidationError, match="full"):
        services.enrolment_create(user=learner, course=course)


def test_manager_approves_and_rejects_with_an_email(
    catalogue, django_capture_on_commit_callbacks
):
    course, _ = build_course(parent=catalogue, enrolment_mode="approval", capacity=1)
    manager = UserFactory(is_superuser=True, is_staff=True)
    first = services.enrolment_create(user=UserFactory(email="a@x.si"), course=course)
    second = services.enrolment_create(user=UserFactory(email="b@x.si"), course=course)

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_decide(enrolment=first, approve=True, decided_by=manager)
    first.refresh_from_db()
    assert first.status == Enrolment.Status.ACTIVE and first.decided_by == manager
    assert mail.outbox[-1].to == ["a@x.si"]
    assert "accepted" in mail.outbox[-1].body

    with pytest.raises(ValidationError, match="full"):
        services.enrolment_decide(enrolment=second, approve=True, decided_by=manager)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_decide(enrolment=second, approve=False, decided_by=manager)
    second.refresh_from_db()
    assert second.status == Enrolment.Status.REJECTED
    assert mail.outbox[-1].to == ["b@x.si"]
    assert "not accepted" in mail.outbox[-1].body
    with pytest.raises(ValidationError, match="already been decided"):
        services.enrolment_decide(enrolment=second, approve=True, decided_by=manager)


def test_completing_every_required_lesson_completes_the_course_once(
    catalogue, learner, completions
):
    course, lessons = build_course(parent=catalogue, lessons_per_module=(2, 1))
    lessons[2].required = False
    lessons[2].save_revision().publish()
    enrolment = services.enrolment_create(user=learner, course=course)

    services.lesson_complete(user=learner, lesson=lessons[0])
    enrolment.refresh_from_db()
    assert enrolment.progress_percent == 50 and enrolment.completed_at is None

    services.lesson_complete(user=learner, lesson=lessons[1])
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert enrolment.progress_percent == 100
    assert completions == [enrolment.pk]

    completed_at = enrolment.completed_at
    services.lesson_complete(user=learner, lesson=lessons[1])
    services.lesson_complete(user=learner, lesson=lessons[2])
    enrolment.refresh_from_db()
    assert enrolment.completed_at == completed_at
    assert completions == [enrolment.pk]
    assert LessonCompletion.objects.filter(enrolment=enrolment).count() == 3


def test_lessons_in_order_locks_later_lessons(catalogue, learner):
    course, lessons = build_course(parent=catalogue, lessons_in_order=True)
    services.enrolment_create(user=learner, course=course)
    with pytest.raises(ValidationError, match="earlier lessons"):
        services.lesson_complete(user=learner, lesson=lessons[1])
    services.lesson_complete(user=learner, lesson=lessons[0])
    services.lesson_complete(user=learner, lesson=lessons[1])


def test_quiz_lesson_completes_when_the_quiz_is_passed(catalogue, learner):
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), quizzes=(1,)
    )
    lesson = lessons[0]
    quiz = lesson.quizzes[0]
    services.enrolment_create(user=learner, course=course)

    with pytest.raises(ValidationError, match="pass its quiz"):
        services.lesson_complete(user=learner, lesson=lesson)

    failed = services.quiz_submit(
        user=learner,
        lesson=lesson,
        quiz_id=quiz.id,
        answers=wrong_answers(lesson, quiz),
    )
    assert (failed.score, failed.passed) == (0, False)
    assert not LessonCompletion.objects.exists()

    passed = services.quiz_submit(
        user=learner,
        lesson=lesson,
        quiz_id=quiz.id,
        answers=right_answers(lesson, quiz),
    )
    assert (passed.score, passed.passed) == (100, True)
    assert LessonCompletion.objects.filter(lesson=lesson).exists()
    assert Enrolment.objects.get(user=learner).completed_at is not None
    assert QuizAttempt.objects.count() == 2


def test_quiz_partial_score(catalogue, learner):
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), quizzes=(1,)
    )
    lesson, quiz = lessons[0], lessons[0].quizzes[0]
    services.enrolment_create(user=learner, course=course)
    answers = right_answers(lesson, quiz)
    second = list(answers)[1]
    answers[second] = wrong_answers(lesson, quiz)[second]
    attempt = services.quiz_submit(
        user=learner, lesson=lesson, quiz_id=quiz.id, answers=answers
    )
    assert attempt.score == 50 and not attempt.passed


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (lambda a, q: {**a, "not-a-question": ["x"]}, "do not belong to this quiz"),
        (
            lambda a, q: {k: ["forged-answer-id"] for k in a},
            "do not belong to this quiz",
        ),
        (lambda a, q: {k: v * 2 + ["other"] for k, v in a.items()}, "do not belong"),
        (lambda a, q: {}, "at least one question"),
    ],
)
def test_tampered_quiz_answers_are_refused_and_change_nothing(
    catalogue, learner, tamper, message
):
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), quizzes=(1,)
    )
    lesson, quiz = lessons[0], lessons[0].quizzes[0]
    services.enrolment_create(user=learner, course=course)
    with pytest.raises(ValidationError, match=message):
        services.quiz_submit(
            user=learner,
            lesson=lesson,
            quiz_id=quiz.id,
            answers=tamper(right_answers(lesson, quiz), quiz),
        )
    assert not QuizAttempt.objects.exists()
    assert not LessonCompletion.objects.exists()


def test_two_answers_to_a_single_choice_question_are_refused(catalogue, learner):
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), quizzes=(1,)
    )
    lesson, quiz = lessons[0], lessons[0].quizzes[0]
    services.enrolment_create(user=learner, course=course)
    first = quiz.value["questions"].bound_blocks[0]
    every_answer = [a.id for a in first.value["answers"].bound_blocks]
    with pytest.raises(ValidationError, match="only one answer"):
        services.quiz_submit(
            user=learner,
            lesson=lesson,
            quiz_id=quiz.id,
            answers={first.id: every_answer},
        )
    assert not QuizAttempt.objects.exists()


def test_attempts_limit(catalogue, learner):
    from courses.factories import LessonPageFactory, ModulePageFactory, quiz_block

    course, _ = build_course(parent=catalogue, lessons_per_module=())
    module = ModulePageFactory(parent=course)
    lesson = LessonPageFactory(parent=module, body=[quiz_block(max_attempts=2)])
    quiz = lesson.quizzes[0]
    services.enrolment_create(user=learner, course=course)
    for _i in range(2):
        services.quiz_submit(
            user=learner,
            lesson=lesson,
            quiz_id=quiz.id,
            answers=wrong_answers(lesson, quiz),
        )
    with pytest.raises(ValidationError, match="used all 2 attempts"):
        services.quiz_submit(
            user=learner,
            lesson=lesson,
            quiz_id=quiz.id,
            answers=right_answers(lesson, quiz),
        )
    assert QuizAttempt.objects.count() == 2


def test_quiz_of_a_course_the_learner_is_not_enrolled_in_is_refused(catalogue, learner):
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), quizzes=(1,)
    )
    lesson, quiz = lessons[0], lessons[0].quizzes[0]
    with pytest.raises(ValidationError, match="Enrol in the course"):
        services.quiz_submit(
            user=learner,
            lesson=lesson,
            quiz_id=quiz.id,
            answers=right_answers(lesson, quiz),
        )
    with pytest.raises(ValidationError, match="does not exist"):
        services.quiz_submit(user=learner, lesson=lesson, quiz_id="nope", answers={})
    assert not QuizAttempt.objects.exists()


def test_exercise_answer_is_kept_and_replaced(catalogue, learner):
    from courses.factories import LessonPageFactory, ModulePageFactory, exercise_block

    course, _ = build_course(parent=catalogue, lessons_per_module=())
    lesson = LessonPageFactory(
        parent=ModulePageFactory(parent=course), body=[exercise_block()]
    )
    exercise_id = lesson.body[0].id
    services.enrolment_create(user=learner, course=course)
    services.exercise_answer_save(
        user=learner, lesson=lesson, exercise_id=exercise_id, text="80 € a day"
    )
    answer = services.exercise_answer_save(
        user=learner, lesson=lesson, exercise_id=exercise_id, text="  320 € a day  "
    )
    assert answer.text == "320 € a day"
    for bad, message in [("", "Write your answer"), ("x" * 10_001, "too long")]:
        with pytest.raises(ValidationError, match=message):
            services.exercise_answer_save(
                user=learner, lesson=lesson, exercise_id=exercise_id, text=bad
            )
    with pytest.raises(ValidationError, match="does not exist"):
        services.exercise_answer_save(
            user=learner, lesson=lesson, exercise_id="x", text="a"
        )
    assert lesson.exercise_answers.get().text == "320 € a day"


def test_content_changes_recount_progress_and_completed_stays_completed(
    catalogue, django_capture_on_commit_callbacks, completions
):
    from courses.factories import LessonPageFactory

    course, lessons = build_course(parent=catalogue, lessons_per_module=(2, 1))
    finisher, halfway = UserFactory(), UserFactory()
    services.enrolment_create(user=finisher, course=course)
    services.enrolment_create(user=halfway, course=course)
    for lesson in lessons:
        services.lesson_complete(user=finisher, lesson=lesson)
    services.lesson_complete(user=halfway, lesson=lessons[0])
    services.lesson_complete(user=halfway, lesson=lessons[1])

    # A new required lesson: the finisher stays completed, the other now has 2 of 4.
    with django_capture_on_commit_callbacks(execute=True):
        new = LessonPageFactory(parent=lessons[2].get_parent(), live=False)
        new.save_revision().publish()
    done = Enrolment.objects.get(user=finisher)
    assert done.completed_at is not None and done.progress_percent == 100
    assert done.required_total == 4
    other = Enrolment.objects.get(user=halfway)
    assert (other.required_done, other.required_total) == (2, 4)

    # Lessons 3 and 4 no longer required: the second learner completes now.
    for lesson in (lessons[2], new):
        lesson.refresh_from_db()
        lesson.required = False
        with django_capture_on_commit_callbacks(execute=True):
            lesson.save_revision().publish()
    other.refresh_from_db()
    assert (other.required_done, other.required_total) == (2, 2)
    assert other.completed_at is not None
    assert completions.count(other.pk) == 1

    # Removing a lesson recounts too.
    with django_capture_on_commit_callbacks(execute=True):
        lessons[1].delete()
    other.refresh_from_db()
    assert (other.required_done, other.required_total) == (1, 1)


def test_big_courses_are_recounted_by_a_worker_task(
    catalogue, monkeypatch, django_capture_on_commit_callbacks
):
    from courses import receivers
    from courses.factories import LessonPageFactory

    monkeypatch.setattr(receivers, "INLINE_RECOUNT_LIMIT", 0)
    course, lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    learner = UserFactory()
    services.enrolment_create(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        LessonPageFactory(
            parent=lessons[0].get_parent(), live=False
        ).save_revision().publish()
    # CELERY_TASK_ALWAYS_EAGER in the test settings runs the task here.
    assert Enrolment.objects.get(user=learner).required_total == 2
