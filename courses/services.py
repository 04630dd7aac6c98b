"""Everything that changes a learner's state in a course. Each function is one
transaction, validates before it writes, and raises ValidationError with a message
meant for the learner."""

import unicodedata
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from assessments.selectors import submitted_responses

from .blocks import QuestionKind
from .completion import enrolment_requirements, requirements_met
from .enrolment_choices import enrolment_choice
from .models import (
    CoursePage,
    CourseVisit,
    Enrolment,
    ExerciseAnswer,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    QuizAttemptGrant,
    QuizAttemptRequest,
)
from .models.pages import learning_hours
from .selectors import (
    ATTEMPT_REQUEST_INTERVAL,
    ATTEMPT_REQUESTS_PER_DAY,
    QuizRecords,
    attempt_request_recipients,
    course_outline,
    course_required_minutes,
    enrolment_closed_reason,
    enrolment_elsewhere_message,
    enrolment_in_translation,
    enrolments_visible_to,
    quiz_allowance,
    quiz_records,
    recent_attempt_request,
)
from .signals import course_completed, enrolment_withdrawn

CLOSED_MESSAGES = {
    "not_open": lambda: _("Enrolment for this course has not opened yet."),
    "closed": lambda: _("Enrolment for this course has closed."),
    "full": lambda: _("This course is full."),
}
EXERCISE_ANSWER_MAX_LENGTH = 10_000


ALLOWED_CONTROL_CHARACTERS = frozenset("\t\n\r")


def _is_control_character(character: str) -> bool:
    # Unicode's "Cc": C0 (U+0000-U+001F), DEL and C1 (U+007F-U+009F). Format
    # characters (zero-width joiners in emoji, bidi marks) are text, not these.
    return (
        unicodedata.category(character) == "Cc"
        and character not in ALLOWED_CONTROL_CHARACTERS
    )


def FOREIGN_ANSWERS() -> str:  # noqa: N802 - reads like the message it returns
    return _(
        "The answers sent do not belong to this quiz. Reload the page and try again."
    )


def _locked_course(course_id: int) -> CoursePage:
    # Serialises enrolments in one course so the capacity holds under
    # concurrent requests (PostgreSQL row lock; SQLite's write lock does the same).
    return CoursePage.objects.select_for_update(of=("self",)).get(pk=course_id)


def _locked_course_and_translations(course_id: int) -> CoursePage:
    # A course and its translations are one course for enrolment: lock them all
    # (in id order, so two requests never wait on each other crosswise) so that
    # simultaneous requests in both languages cannot both enrol.
    translation_key = (
        CoursePage.objects.filter(pk=course_id)
        .values_list("translation_key", flat=True)
        .get()
    )
    versions = list(
        CoursePage.objects.select_for_update(of=("self",))
        .filter(translation_key=translation_key)
        .order_by("pk")
    )
    return next(version for version in versions if version.pk == course_id)


def enrolment_create(
    *, user, course: CoursePage, option: str = "", now: datetime | None = None
) -> Enrolment:
    """Enrol the learner (open course) or record a request (approval course).
    Capacity, enrolment window and an existing enrolment are respected; a learner
    who withdrew comes back to the same record, keeping their progress. A course
    and its translations are taken once: a learner who is taking, has asked to
    join or has completed it in another language is refused (and told where).
    A course whose enrolment asks for a choice (a run: the
    `course_enrolment_choice` hook) needs one of its options as `option`; the
    choice is recorded in the same transaction, or nothing is (a refusal with
    code "choice" belongs next to the choice's field).
    `now`: the moment of enrolling (None: now)."""
    if not course.live:
        raise ValidationError(_("This course is not published."), code="not_live")
    with transaction.atomic():
        course = _locked_course_and_translations(course.pk)
        enrolment = Enrolment.objects.filter(user=user, course=course).first()
        if enrolment is None or enrolment.status not in (
            Enrolment.Status.ACTIVE,
            Enrolment.Status.PENDING,
        ):
            elsewhere = enrolment_in_translation(user=user, course=course)
            if elsewhere is not None:
                raise ValidationError(
                    enrolment_elsewhere_message(elsewhere), code="in_translation"
                )
        if enrolment and enrolment.status == Enrolment.Status.ACTIVE:
            raise ValidationError(
                _("You are already enrolled in this course."), code="enrolled"
            )
        if enrolment and enrolment.status == Enrolment.Status.PENDING:
            raise ValidationError(
                _("Your request to join this course is awaiting approval."),
                code="pending",
            )
        reason = enrolment_closed_reason(course=course)
        if reason:
            raise ValidationError(CLOSED_MESSAGES[reason](), code=reason)
        latest_response = submitted_responses(user=user).first()
        if course.assessment_before and latest_response is None:
            raise ValidationError(
                _("This course starts with the self-assessment. Take it, then enrol."),
                code="assessment_required",
            )
        now = now or timezone.now()
        choice = enrolment_choice(course=course, user=user, now=now)
        if choice is not None:
            if not choice.available:
                raise ValidationError(choice.unavailable, code="choice_unavailable")
            # A disabled option (a run full as the page was shown) is the
            # join's to refuse, with its reason.
            if option not in {offered.value for offered in choice.options}:
                raise ValidationError(choice.help_text, code="choice")
        if enrolment is None:
            enrolment = Enrolment(user=user, course=course, requested_at=now)
        if course.assessment_before or course.assessment_after:
            # The "before" of the learning gain: the latest self-assessment, asked
            # for or taken of the learner's own accord. A course that asks only
            # afterwards measures the change for everyone who had taken it.
            enrolment.pre_response = latest_response
        enrolment.withdrawn_at = None
        enrolment.decided_at = None
        enrolment.decided_by = None
        if course.enrolment_mode == "approval":
            enrolment.status = Enrolment.Status.PENDING
            enrolment.requested_at = now
        else:
            enrolment.status = Enrolment.Status.ACTIVE
            enrolment.enrolled_at = enrolment.enrolled_at or now
        enrolment.last_activity_at = now
        enrolment.save()
        if choice is not None:
            choice.join(enrolment=enrolment, value=option, now=now)
        if enrolment.is_active:
            _progress_update(enrolment)
        return enrolment


def enrolment_withdraw(
    *, enrolment: Enrolment, now: datetime | None = None
) -> Enrolment:
    """Leave a course (or cancel a request) at `now` (None: now). The record and
    progress are kept; a completed course stays completed (it cannot be left)."""
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status not in (Enrolment.Status.ACTIVE, Enrolment.Status.PENDING):
            raise ValidationError(
                _("You are not enrolled in this course."), code="not_enrolled"
            )
        if enrolment.completed_at is not None:
            raise ValidationError(
                _(
                    "You have completed this course: it stays among your "
                    "completed courses."
                ),
                code="completed",
            )
        enrolment.status = Enrolment.Status.WITHDRAWN
        enrolment.withdrawn_at = now or timezone.now()
        enrolment.save(update_fields=["status", "withdrawn_at"])
        enrolment_withdrawn.send(
            sender=Enrolment, enrolment=enrolment, now=enrolment.withdrawn_at
        )
        return enrolment


def enrolment_decide(
    *,
    enrolment: Enrolment,
    approve: bool,
    decided_by,
    now: datetime | None = None,
) -> Enrolment:
    """A course manager accepts or declines a request at `now` (None: now); the
    learner is e-mailed either way once the decision is committed. Approval
    respects the capacity."""
    from .tasks import enrolment_decision_notify

    with transaction.atomic():
        course = _locked_course(enrolment.course_id)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status != Enrolment.Status.PENDING:
            raise ValidationError(
                _("This request has already been decided."), code="decided"
            )
        if approve and course.capacity is not None:
            taken = Enrolment.objects.filter(
                course=course, status=Enrolment.Status.ACTIVE
            ).count()
            if taken >= course.capacity:
                raise ValidationError(CLOSED_MESSAGES["full"](), code="full")
        now = now or timezone.now()
        enrolment.status = (
            Enrolment.Status.ACTIVE if approve else Enrolment.Status.REJECTED
        )
        enrolment.decided_at = now
        enrolment.decided_by = decided_by
        if approve:
            enrolment.enrolled_at = enrolment.enrolled_at or now
        enrolment.save()
        if approve:
            _progress_update(enrolment)
        enrolment_decision_notify.delay_on_commit(enrolment.pk)
        return enrolment


def _active_enrolment(*, user, lesson: LessonPage) -> Enrolment:
    course = lesson.get_parent().get_parent()
    enrolment = (
        Enrolment.objects.select_for_update()
        .filter(user=user, course_id=course.pk, status=Enrolment.Status.ACTIVE)
        .first()
    )
    if enrolment is None:
        raise ValidationError(
            _("Enrol in the course to take this lesson."), code="not_enrolled"
        )
    return enrolment


def _assert_unlocked(enrolment: Enrolment, lesson: LessonPage) -> None:
    course = enrolment.course
    if not course.lessons_in_order:
        return
    entry = course_outline(course=course, enrolment=enrolment).entry(lesson.pk)
    if entry is None or entry.locked:
        raise ValidationError(
            _("Complete the earlier lessons of this course first."), code="locked"
        )


def _progress_update(
    enrolment: Enrolment,
    required: set[int] | None = None,
    now: datetime | None = None,
) -> Enrolment:
    """Recount required lessons and those done; record the completion once (at
    `now`, None: now) when every required lesson is done and every completion
    rule's requirement is met (asked only then: courses.completion)."""
    if required is None:
        required = course_outline(course=enrolment.course).required_ids
    done = required & set(
        LessonCompletion.objects.filter(enrolment=enrolment).values_list(
            "lesson_id", flat=True
        )
    )
    enrolment.required_total = len(required)
    enrolment.required_done = len(done)
    fields = ["required_total", "required_done"]
    newly_completed = bool(
        enrolment.is_active
        and enrolment.completed_at is None
        and required
        and done == required
        and requirements_met(enrolment_requirements(enrolment=enrolment))
    )
    if newly_completed:
        enrolment.completed_at = now or timezone.now()
        fields.append("completed_at")
    enrolment.save(update_fields=fields)
    if newly_completed:
        course_completed.send(sender=Enrolment, enrolment=enrolment)
    return enrolment


def enrolment_completion_check(
    *, enrolment: Enrolment, now: datetime | None = None
) -> Enrolment:
    """Complete the enrolment at `now` (None: now) if it is due: every required
    lesson done and every completion rule's requirement met. For the apps whose
    requirement can become met without a lesson being done (events, when it
    records attendance). Idempotent: under the enrolment's row lock it completes
    once and sends `course_completed` once, as the lesson services do; an
    enrolment that is not active, or already completed, is returned unchanged.
    Call it once the change is committed (`transaction.on_commit`): a lesson
    done at the same moment then either sees the change or is seen by it."""
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("course")
            .get(pk=enrolment.pk)
        )
        if not enrolment.is_active or enrolment.completed_at is not None:
            return enrolment
        return _progress_update(enrolment, now=now)


def _touch(enrolment: Enrolment, lesson: LessonPage, now: datetime) -> None:
    enrolment.last_lesson = lesson
    enrolment.last_activity_at = now
    enrolment.save(update_fields=["last_lesson", "last_activity_at"])


def lesson_visit(
    *, user, lesson: LessonPage, enrolment: Enrolment | None = None, now=None
) -> None:
    """Remember where the learner is, for "continue where you left off". Writes
    only when that changes: another lesson, or the first look of the day (the
    day of last activity); reading the same lesson again writes nothing. Pass
    the learner's active `enrolment` in the lesson's course when it is at hand."""
    now = now or timezone.now()
    if enrolment is None:
        enrolment = Enrolment.objects.filter(
            user=user,
            course_id=lesson.get_parent().get_parent().pk,
            status=Enrolment.Status.ACTIVE,
        ).first()
    if enrolment is None or enrolment.status != Enrolment.Status.ACTIVE:
        return
    if (
        enrolment.last_lesson_id == lesson.pk
        and enrolment.last_activity_at is not None
        and timezone.localdate(enrolment.last_activity_at) == timezone.localdate(now)
    ):
        return
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_lesson=lesson, last_activity_at=now
    )
    enrolment.last_lesson_id, enrolment.last_activity_at = lesson.pk, now


def lesson_complete(
    *, user, lesson: LessonPage, now: datetime | None = None
) -> Enrolment:
    """Mark a lesson without a quiz as done at `now` (None: now); a lesson with
    quizzes completes when its quizzes are passed."""
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = _active_enrolment(user=user, lesson=lesson)
        _assert_unlocked(enrolment, lesson)
        if lesson.quizzes:
            raise ValidationError(
                _("This lesson is complete when you pass its quiz."), code="has_quiz"
            )
        LessonCompletion.objects.get_or_create(
            enrolment=enrolment, lesson=lesson, defaults={"completed_at": now}
        )
        _touch(enrolment, lesson, now)
        return _progress_update(enrolment, now=now)


def _score(quiz_value, answers: dict[str, list[str]]) -> int:
    questions = quiz_value["questions"].bound_blocks
    correct = 0
    for question in questions:
        right = {
            a.id for a in question.value["answers"].bound_blocks if a.value["correct"]
        }
        if set(answers.get(question.id, [])) == right:
            correct += 1
    return round(100 * correct / len(questions)) if questions else 0


def _clean_answers(
    quiz_value, submitted: dict[str, Iterable[str]]
) -> dict[str, list[str]]:
    """Keep only answers that belong to this quiz; refuse anything else."""
    questions = {q.id: q for q in quiz_value["questions"].bound_blocks}
    unknown = set(submitted) - set(questions)
    if unknown:
        raise ValidationError(
            FOREIGN_ANSWERS(),
            code="unknown_question",
        )
    cleaned: dict[str, list[str]] = {}
    for question_id, question in questions.items():
        chosen = list(dict.fromkeys(submitted.get(question_id, [])))
        answer_ids = {a.id for a in question.value["answers"].bound_blocks}
        if set(chosen) - answer_ids:
            raise ValidationError(
                FOREIGN_ANSWERS(),
                code="unknown_answer",
            )
        if question.value["kind"] != QuestionKind.MULTIPLE and len(chosen) > 1:
            raise ValidationError(
                _("Choose only one answer for each single-choice question."),
                code="too_many_answers",
            )
        cleaned[question_id] = chosen
    if not any(cleaned.values()):
        raise ValidationError(_("Answer at least one question."), code="empty")
    return cleaned


def quiz_submit(
    *,
    user,
    lesson: LessonPage,
    quiz_id: str,
    answers: dict[str, Iterable[str]],
    now: datetime | None = None,
) -> QuizAttempt:
    """Check a quiz attempt on the server and keep it with its score and time
    (`now`, None: now). Passing every quiz of the lesson completes the lesson."""
    now = now or timezone.now()
    quiz = lesson.quiz(quiz_id)
    if quiz is None:
        raise ValidationError(_("This quiz does not exist."), code="unknown_quiz")
    with transaction.atomic():
        enrolment = _active_enrolment(user=user, lesson=lesson)
        _assert_unlocked(enrolment, lesson)
        cleaned = _clean_answers(quiz.value, answers)
        records = quiz_records(enrolment=enrolment, lesson=lesson).get(
            (lesson.pk, quiz_id), QuizRecords()
        )
        allowance = quiz_allowance(
            quiz_value=quiz.value,
            attempts=records.attempts,
            grants=records.grants,
            now=now,
        )
        if not allowance.can_attempt:
            raise ValidationError(
                _("You have used all %(count)s attempts for this quiz.")
                % {"count": quiz.value["max_attempts"]},
                code="no_attempts_left",
            )
        score = _score(quiz.value, cleaned)
        attempt = QuizAttempt.objects.create(
            enrolment=enrolment,
            lesson=lesson,
            quiz_id=quiz_id,
            answers=cleaned,
            score=score,
            passed=score >= quiz.value["pass_mark"],
            submitted_at=now,
        )
        _touch(enrolment, lesson, now)
        passed_quizzes = set(
            QuizAttempt.objects.filter(
                enrolment=enrolment, lesson=lesson, passed=True
            ).values_list("quiz_id", flat=True)
        )
        if {q.id for q in lesson.quizzes} <= passed_quizzes:
            LessonCompletion.objects.get_or_create(
                enrolment=enrolment, lesson=lesson, defaults={"completed_at": now}
            )
            _progress_update(enrolment, now=now)
        return attempt


def exercise_answer_save(
    *,
    user,
    lesson: LessonPage,
    exercise_id: str,
    text: str,
    now: datetime | None = None,
) -> ExerciseAnswer:
    """Keep the learner's answer to an exercise (replacing their earlier one),
    saved at `now` (None: now).
    Refuses, storing nothing, an empty or too long answer and one with control
    characters (tab, line feed and carriage return are allowed)."""
    if lesson.exercise(exercise_id) is None:
        raise ValidationError(
            _("This exercise does not exist."), code="unknown_exercise"
        )
    if any(_is_control_character(character) for character in text):
        raise ValidationError(
            _(
                "Your answer contains invisible control characters (often pasted "
                "with text from another program). Remove them and save again."
            ),
            code="control_characters",
        )
    text = text.strip()
    if not text:
        raise ValidationError(_("Write your answer before saving."), code="empty")
    if len(text) > EXERCISE_ANSWER_MAX_LENGTH:
        raise ValidationError(
            _("Your answer is too long: at most %(max)s characters.")
            % {"max": EXERCISE_ANSWER_MAX_LENGTH},
            code="too_long",
        )
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = _active_enrolment(user=user, lesson=lesson)
        answer, _created = ExerciseAnswer.objects.update_or_create(
            enrolment=enrolment,
            lesson=lesson,
            exercise_id=exercise_id,
            defaults={"text": text, "updated_at": now},
        )
        _touch(enrolment, lesson, now)
        return answer


def course_progress_recompute(*, course: CoursePage) -> int:
    """After a trainer adds, removes or un-requires a lesson, recount every
    enrolment's progress. Completed enrolments stay completed; one that now has
    every required lesson done (and every completion rule's requirement met) is
    completed. Returns the number recounted."""
    count = 0
    required = course_outline(course=course).required_ids
    enrolment_ids = list(
        Enrolment.objects.filter(
            course=course, status=Enrolment.Status.ACTIVE
        ).values_list("pk", flat=True)
    )
    for enrolment_id in enrolment_ids:
        with transaction.atomic():
            enrolment = (
                Enrolment.objects.select_for_update()
                .select_related("course")
                .get(pk=enrolment_id)
            )
            _progress_update(enrolment, required)
            count += 1
    return count


def course_hours_recount(*, course: CoursePage) -> Decimal:
    """Store the course's hours of learning as its published required lessons
    add up now (learning_hours rounds them), on the live row only: no revision,
    no publishing. Called whenever a lesson or module is saved, published,
    unpublished, moved or deleted, so every page shows the figure the lessons
    give."""
    hours = learning_hours(course_required_minutes(course=course))
    CoursePage.objects.filter(pk=course.pk).exclude(estimated_hours=hours).update(
        estimated_hours=hours
    )
    course.estimated_hours = hours
    return hours


def enrolments_post_assessment_link(*, response) -> int:
    """A self-assessment submitted after completing courses that ask for one
    afterwards becomes their "after" response (with the "before" one, it measures
    learning gain). Returns the number of enrolments linked."""
    if response.user_id is None or response.submitted_at is None:
        return 0
    return Enrolment.objects.filter(
        user_id=response.user_id,
        course__assessment_after=True,
        completed_at__isnull=False,
        completed_at__lte=response.submitted_at,
        post_response__isnull=True,
    ).update(post_response=response)


# How long the cache remembers that a learner's visit of the day is recorded.
COURSE_VISIT_MEMORY_SECONDS = 24 * 60 * 60


def course_visit_record(
    *, course: CoursePage, user, now: datetime | None = None
) -> None:
    """Note that someone opened the course page today (the day of `now`, None:
    now): one row per signed-in learner and day (a second visit that day changes
    nothing), and a daily count for people not signed in, of whom nothing is
    kept. Staff are not counted."""
    signed_in = user is not None and user.is_authenticated
    if signed_in and user.is_staff:
        return
    today = timezone.localdate(now)
    if signed_in:
        # Seen today already (this cache remembers it for the day): nothing to
        # write. Else the database's unique key keeps one row whatever races.
        seen = f"course-visit:{course.pk}:{user.pk}:{today.isoformat()}"
        if cache.get(seen):
            return
        if not CourseVisit.objects.filter(course=course, day=today, user=user).exists():
            CourseVisit.objects.bulk_create(
                [CourseVisit(course=course, day=today, user=user)],
                ignore_conflicts=True,
            )
        cache.set(seen, True, COURSE_VISIT_MEMORY_SECONDS)
        return
    visits = CourseVisit.objects.filter(course=course, day=today, user__isnull=True)
    if not visits.update(anonymous_visits=F("anonymous_visits") + 1):
        # The day's first visit; another request may create the row at once.
        CourseVisit.objects.bulk_create(
            [CourseVisit(course=course, day=today)], ignore_conflicts=True
        )
        visits.update(anonymous_visits=F("anonymous_visits") + 1)


ATTEMPT_REQUEST_MESSAGE_MAX_LENGTH = 1000


def _course_of(lesson: LessonPage) -> CoursePage:
    return lesson.get_parent().get_parent().specific


def _quiz_state(enrolment: Enrolment, lesson: LessonPage, quiz, now):
    records = quiz_records(enrolment=enrolment, lesson=lesson).get(
        (lesson.pk, quiz.id), QuizRecords()
    )
    allowance = quiz_allowance(
        quiz_value=quiz.value,
        attempts=records.attempts,
        grants=records.grants,
        now=now,
    )
    return records, allowance


def quiz_attempt_request(
    *,
    user,
    lesson: LessonPage,
    quiz_id: str,
    message: str,
    now: datetime | None = None,
) -> QuizAttemptRequest:
    """A learner with no attempts left asks the course's trainers for another.
    Refuses, storing nothing, a message with control characters or too long,
    a learner who may take the quiz (or passed it), a second request for the
    quiz within ATTEMPT_REQUEST_INTERVAL (so a double submit sends one e-mail)
    and more than ATTEMPT_REQUESTS_PER_DAY requests a day. The trainers are
    e-mailed once the request is committed."""
    from .tasks import quiz_attempt_request_notify

    quiz = lesson.quiz(quiz_id)
    if quiz is None:
        raise ValidationError(_("This quiz does not exist."), code="unknown_quiz")
    if any(_is_control_character(character) for character in message):
        raise ValidationError(
            _(
                "Your message contains invisible control characters (often pasted "
                "with text from another program). Remove them and send again."
            ),
            code="control_characters",
        )
    message = message.strip()
    if len(message) > ATTEMPT_REQUEST_MESSAGE_MAX_LENGTH:
        raise ValidationError(
            _("Your message is too long: at most %(max)s characters.")
            % {"max": ATTEMPT_REQUEST_MESSAGE_MAX_LENGTH},
            code="too_long",
        )
    now = now or timezone.now()
    with transaction.atomic():
        # The enrolment's row lock serialises a double submit: the second one
        # finds the first request.
        enrolment = _active_enrolment(user=user, lesson=lesson)
        records, allowance = _quiz_state(enrolment, lesson, quiz, now)
        if any(attempt.passed for attempt in records.attempts):
            raise ValidationError(_("You have passed this quiz."), code="passed")
        if allowance.can_attempt:
            raise ValidationError(
                _("You can take this quiz now: no need to ask."), code="can_attempt"
            )
        if recent_attempt_request(records, now) is not None:
            raise ValidationError(
                _("You have already asked the trainer for another attempt."),
                code="already_asked",
            )
        asked_today = QuizAttemptRequest.objects.filter(
            enrolment__user=user, requested_at__gt=now - ATTEMPT_REQUEST_INTERVAL
        ).count()
        if asked_today >= ATTEMPT_REQUESTS_PER_DAY:
            raise ValidationError(
                _(
                    "You have asked for other attempts %(count)s times today. "
                    "Ask again tomorrow."
                )
                % {"count": ATTEMPT_REQUESTS_PER_DAY},
                code="rate_limited",
            )
        if not attempt_request_recipients(course=enrolment.course):
            raise ValidationError(
                _("This course has no trainer to write to yet."), code="nobody"
            )
        attempt_request = QuizAttemptRequest.objects.create(
            enrolment=enrolment,
            lesson=lesson,
            quiz_id=quiz_id,
            message=message,
            requested_at=now,
        )
        quiz_attempt_request_notify.delay_on_commit(attempt_request.pk)
        return attempt_request


def quiz_attempt_grant(
    *,
    enrolment: Enrolment,
    lesson: LessonPage,
    quiz_id: str,
    granted_by,
    now: datetime | None = None,
) -> QuizAttemptGrant:
    """A member of the course's staff (who sees the learner under *Learners*)
    allows a learner with no attempts left one more attempt at a quiz. Recorded
    with who and when; refused when the learner may already take the quiz (so a
    double submit grants one), passed it, or the quiz has no limit. The learner
    is e-mailed once the grant is committed."""
    from .tasks import quiz_attempt_grant_notify

    if not enrolments_visible_to(granted_by).filter(pk=enrolment.pk).exists():
        raise PermissionDenied
    quiz = lesson.quiz(quiz_id)
    if quiz is None or _course_of(lesson).pk != enrolment.course_id:
        raise ValidationError(
            _("This quiz is not part of the learner's course."), code="unknown_quiz"
        )
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("user")
            .get(pk=enrolment.pk)
        )
        if enrolment.user is None or not enrolment.is_active:
            raise ValidationError(
                _("The learner is no longer enrolled in this course."),
                code="not_enrolled",
            )
        records, allowance = _quiz_state(enrolment, lesson, quiz, now)
        name = enrolment.user.full_name
        if any(attempt.passed for attempt in records.attempts):
            raise ValidationError(
                _("%(name)s has passed this quiz.") % {"name": name}, code="passed"
            )
        if allowance.can_attempt:
            raise ValidationError(
                _("%(name)s can already take this quiz.") % {"name": name},
                code="can_attempt",
            )
        grant = QuizAttemptGrant.objects.create(
            enrolment=enrolment,
            lesson=lesson,
            quiz_id=quiz_id,
            granted_by=granted_by,
            granted_at=now,
        )
        quiz_attempt_grant_notify.delay_on_commit(grant.pk)
        return grant


def _absolute(url: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def _claim(model, pk: int) -> bool:
    return bool(
        model.objects.filter(pk=pk, notified_at__isnull=True).update(
            notified_at=timezone.now()
        )
    )


def _send_claimed(model, pk: int, message: EmailMessage) -> None:
    try:
        message.send()
    except Exception:
        # Give the claim back so the task's retry sends it.
        model.objects.filter(pk=pk).update(notified_at=None)
        raise


def quiz_attempt_request_email_send(*, request_id: int) -> bool:
    """E-mail the course's trainers a learner's request for another attempt, at
    most once (claimed before sending, given back if sending fails). The e-mail
    names the learner, course and quiz, links to the admin page where the
    attempt is allowed, and answers go to the learner."""
    attempt_request = (
        QuizAttemptRequest.objects.select_related(
            "enrolment__user", "enrolment__course__locale", "lesson"
        )
        .filter(pk=request_id)
        .first()
    )
    if attempt_request is None or attempt_request.enrolment.user is None:
        return False
    enrolment = attempt_request.enrolment
    recipients = attempt_request_recipients(course=enrolment.course)
    quiz = attempt_request.lesson.quiz(attempt_request.quiz_id)
    if not recipients or quiz is None or not _claim(QuizAttemptRequest, request_id):
        return False
    with translation.override(enrolment.course.locale.language_code):
        context = {
            "learner": enrolment.user,
            "course": enrolment.course,
            "lesson": attempt_request.lesson,
            "quiz_title": quiz.value["title"],
            "message": attempt_request.message,
            "admin_url": _absolute(
                reverse("courses_learners_quizzes", args=[enrolment.pk])
                + f"#quiz-{attempt_request.lesson_id}-{quiz.id}"
            ),
        }
        subject = render_to_string(
            "courses/email/attempt_request_subject.txt", context
        ).strip()
        body = render_to_string("courses/email/attempt_request_message.txt", context)
    _send_claimed(
        QuizAttemptRequest,
        request_id,
        EmailMessage(subject, body, None, recipients, reply_to=[enrolment.user.email]),
    )
    return True


def quiz_attempt_grant_email_send(*, grant_id: int) -> bool:
    """Tell the learner, at most once, that they may take the quiz again."""
    grant = (
        QuizAttemptGrant.objects.select_related(
            "enrolment__user", "enrolment__course__locale", "lesson"
        )
        .filter(pk=grant_id)
        .first()
    )
    if grant is None or grant.enrolment.user is None:
        return False
    quiz = grant.lesson.quiz(grant.quiz_id)
    if quiz is None or not _claim(QuizAttemptGrant, grant_id):
        return False
    enrolment = grant.enrolment
    with translation.override(enrolment.course.locale.language_code):
        context = {
            "learner": enrolment.user,
            "course": enrolment.course,
            "quiz_title": quiz.value["title"],
            "lesson_url": _absolute(f"{grant.lesson.url or ''}#quiz-{quiz.id}"),
        }
        subject = render_to_string(
            "courses/email/attempt_granted_subject.txt", context
        ).strip()
        body = render_to_string("courses/email/attempt_granted_message.txt", context)
    _send_claimed(
        QuizAttemptGrant,
        grant_id,
        EmailMessage(subject, body, None, [enrolment.user.email]),
    )
    return True
