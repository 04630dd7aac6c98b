"""What courses hold about a person, for accounts' privacy registry."""

from collections.abc import Iterable
from typing import Any

from accounts.privacy import ExportFile


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _quiz_attempt(attempt) -> dict[str, Any]:
    """A quiz attempt as the person can read it: each question's text, the
    answers they chose (their texts), whether that was right, and the score.
    Texts come from the lesson as it is now; a question or answer removed since
    keeps its id."""
    quiz = attempt.lesson.quiz(attempt.quiz_id)
    questions = (
        {q.id: q.value for q in quiz.value["questions"].bound_blocks} if quiz else {}
    )
    # In the quiz's order (the stored answers' order is the database's).
    order = [q for q in questions if q in attempt.answers]
    order += sorted(set(attempt.answers) - set(questions))
    answered = []
    for question_id in order:
        chosen, question = attempt.answers[question_id], questions.get(question_id)
        if question is None:
            answered.append({"question_id": question_id, "chosen_answer_ids": chosen})
            continue
        answers = {a.id: a.value for a in question["answers"].bound_blocks}
        right = {answer_id for answer_id, a in answers.items() if a["correct"]}
        answered.append(
            {
                "question": question["text"],
                "chosen_answers": [
                    answers[a]["text"] if a in answers else a for a in chosen
                ],
                "correct": set(chosen) == right,
            }
        )
    return {
        "lesson": attempt.lesson.title,
        "quiz": quiz.value["title"] if quiz else attempt.quiz_id,
        "questions": answered,
        "score": attempt.score,  # per cent
        "pass_mark": quiz.value["pass_mark"] if quiz else None,
        "passed": attempt.passed,
        "submitted_at": _when(attempt.submitted_at),
    }


def _exercise_answer(answer) -> dict[str, Any]:
    exercise = answer.lesson.exercise(answer.exercise_id)
    return {
        "lesson": answer.lesson.title,
        "exercise": exercise.value["title"] if exercise else answer.exercise_id,
        "task": exercise.value["prompt"] if exercise else None,
        "text": answer.text,
        "updated_at": _when(answer.updated_at),
    }


def _attempt_records(user) -> dict[str, Any]:
    """The person's requests for another quiz attempt and the extra attempts
    they were allowed; for staff, the extra attempts they allowed (the quiz and
    when, without the learner)."""
    from .models import QuizAttemptGrant, QuizAttemptRequest

    def quiz_title(record) -> str:
        quiz = record.lesson.quiz(record.quiz_id)
        return quiz.value["title"] if quiz else record.quiz_id

    related = ("enrolment__course", "lesson")
    return {
        "quiz_attempt_requests": [
            {
                "course": request.enrolment.course.title,
                "lesson": request.lesson.title,
                "quiz": quiz_title(request),
                "message": request.message,
                "requested_at": _when(request.requested_at),
            }
            for request in QuizAttemptRequest.objects.filter(enrolment__user=user)
            .select_related(*related)
            .order_by("requested_at", "pk")
        ],
        "extra_quiz_attempts_allowed_to_you": [
            {
                "course": grant.enrolment.course.title,
                "lesson": grant.lesson.title,
                "quiz": quiz_title(grant),
                "allowed_at": _when(grant.granted_at),
            }
            for grant in QuizAttemptGrant.objects.filter(enrolment__user=user)
            .select_related(*related)
            .order_by("granted_at", "pk")
        ],
        "extra_quiz_attempts_you_allowed": [
            {
                "course": grant.enrolment.course.title,
                "lesson": grant.lesson.title,
                "quiz": quiz_title(grant),
                "allowed_at": _when(grant.granted_at),
            }
            for grant in QuizAttemptGrant.objects.filter(granted_by=user)
            .select_related(*related)
            .order_by("granted_at", "pk")
        ],
    }


class CoursesProvider:
    """Enrolments with their progress, lesson completions, quiz attempts and
    exercise answers; the days the person opened a course's page; the trainer
    profiles linked to the account.

    Erasing deletes exercise answers (free text written by the person); the
    enrolments, completions and quiz attempts (choices, scores) stay for the
    anonymous participation statistics, unlinked from the person when the user row
    is deleted (Enrolment.user is SET_NULL). A trainer profile is published
    editorial content: it stays, unlinked from the account. Course visits are
    deleted (the anonymous daily counts of visitors who were not signed in stay).
    Requests for another quiz attempt (the person's own words) are deleted; the
    extra attempts they were allowed stay with the unlinked enrolment, and those
    a member of staff allowed lose the link to them (granted_by is SET_NULL)."""

    name = "courses"
    models = (
        "courses.Enrolment",
        "courses.Trainer",
        "courses.CourseVisit",
        "courses.QuizAttemptRequest",
        "courses.QuizAttemptGrant",
    )

    def export(self, user) -> dict[str, Any]:
        from .models import CourseVisit, Enrolment, Trainer

        enrolments = (
            Enrolment.objects.filter(user=user)
            .select_related("course")
            .prefetch_related(
                "lesson_completions__lesson",
                "quiz_attempts__lesson",
                "exercise_answers__lesson",
            )
            .order_by("requested_at", "pk")
        )
        return {
            "enrolments": [
                {
                    "course": enrolment.course.title,
                    "status": enrolment.status,
                    "requested_at": _when(enrolment.requested_at),
                    "enrolled_at": _when(enrolment.enrolled_at),
                    "withdrawn_at": _when(enrolment.withdrawn_at),
                    "completed_at": _when(enrolment.completed_at),
                    "last_activity_at": _when(enrolment.last_activity_at),
                    "progress_percent": enrolment.progress_percent,
                    "lessons_completed": [
                        {
                            "lesson": completion.lesson.title,
                            "completed_at": _when(completion.completed_at),
                        }
                        for completion in enrolment.lesson_completions.all()
                    ],
                    "quiz_attempts": [
                        _quiz_attempt(attempt)
                        for attempt in enrolment.quiz_attempts.all()
                    ],
                    "exercise_answers": [
                        _exercise_answer(answer)
                        for answer in enrolment.exercise_answers.all()
                    ],
                }
                for enrolment in enrolments
            ],
            "course_page_visits": [
                {"course": visit.course.title, "day": visit.day.isoformat()}
                for visit in CourseVisit.objects.filter(user=user)
                .select_related("course")
                .order_by("day", "pk")
            ],
            "trainer_profiles": [
                {"name": trainer.name, "bio": trainer.bio}
                for trainer in Trainer.objects.filter(user=user)
            ],
            **_attempt_records(user),
        }

    def export_files(self, user) -> Iterable[ExportFile]:
        return []

    def erase(self, user) -> None:
        from .models import CourseVisit, ExerciseAnswer, QuizAttemptRequest

        ExerciseAnswer.objects.filter(enrolment__user=user).delete()
        QuizAttemptRequest.objects.filter(enrolment__user=user).delete()
        CourseVisit.objects.filter(user=user).delete()
