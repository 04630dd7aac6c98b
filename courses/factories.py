"""Factories for courses: a catalogue, courses with modules and lessons, quizzes."""

import uuid
from decimal import Decimal

import factory
import wagtail_factories

from accounts.factories import UserFactory

from .models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    ModulePage,
    Trainer,
)


def quiz_block(*, title="Check yourself", pass_mark=70, max_attempts=0, questions=None):
    """Raw StreamField data for a quiz. Each question is (kind, text, answers) with
    answers as (text, correct). Block ids are returned in the data for tests."""
    questions = questions or [
        (
            "single",
            "Which costs does a day rate cover?",
            [("Only materials", False), ("Time, overheads and profit", True)],
        ),
        (
            "true_false",
            "Copyright needs registration in the EU.",
            [("True", False), ("False", True)],
        ),
    ]
    return {
        "type": "quiz",
        "id": str(uuid.uuid4()),
        "value": {
            "title": title,
            "pass_mark": pass_mark,
            "max_attempts": max_attempts,
            "questions": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {
                        "kind": kind,
                        "text": text,
                        "answers": [
                            {
                                "type": "item",
                                "id": str(uuid.uuid4()),
                                "value": {
                                    "text": a,
                                    "correct": c,
                                    "feedback": f"Feedback on {a}",
                                },
                            }
                            for a, c in answers
                        ],
                    },
                }
                for kind, text, answers in questions
            ],
        },
    }


def exercise_block(*, title="Your pricing", prompt="Work out your day rate."):
    return {
        "type": "exercise",
        "id": str(uuid.uuid4()),
        "value": {"title": title, "prompt": prompt},
    }


def text_block(text="<p>Lesson text.</p>"):
    return {"type": "text", "id": str(uuid.uuid4()), "value": text}


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Courses"
    slug = factory.Sequence(lambda n: f"courses-{n}")

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    summary = "A practical course for creative people."

    class Meta:
        model = CoursePage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")

    class Meta:
        model = ModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    estimated_minutes = 10
    required = True
    body = factory.LazyFunction(lambda: [text_block()])

    class Meta:
        model = LessonPage


def build_course(*, parent, lessons_per_module=(2, 2), quizzes=(), **course_fields):
    """A published course under `parent` with modules of the given sizes.
    `quizzes` lists lesson numbers (1-based) that carry a quiz. Returns
    (course, lessons in order)."""
    course = CoursePageFactory(parent=parent, **course_fields)
    lessons = []
    for size in lessons_per_module:
        module = ModulePageFactory(parent=course)
        for _ in range(size):
            number = len(lessons) + 1
            body = [text_block()]
            if number in quizzes:
                body.append(quiz_block())
            lessons.append(LessonPageFactory(parent=module, body=body))
    course.refresh_from_db()  # the hours its lessons add up to
    return course, lessons


class EnrolmentFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    status = Enrolment.Status.ACTIVE

    class Meta:
        model = Enrolment


class TrainerFactory(factory.django.DjangoModelFactory):
    """A trainer's card (in the default language unless `locale` is given),
    linked to an account when `user` is."""

    name = factory.Sequence(lambda n: f"Trainer {n}")

    class Meta:
        model = Trainer


class StandInCompletionRule:
    """A completion rule for tests (the kind events registers): the learners of
    `courses` must attend `required` sessions. Register it for a test with
    `with rule.registered():`; `attend()` records a session, `calls` counts how
    often the hook was asked."""

    key = "test.attendance"

    def __init__(self, *courses, required: int = 2):
        self.course_ids = {course.pk for course in courses}
        self.required = required
        self.sessions: dict[int, list[tuple[Decimal, bool]]] = {}
        self.calls = 0

    def registered(self):
        from wagtail import hooks

        from .completion import COURSE_COMPLETION_RULES

        return hooks.register_temporarily(COURSE_COMPLETION_RULES, self)

    def attend(self, enrolment, *, hours="2", in_person: bool = True) -> None:
        self.sessions.setdefault(enrolment.pk, []).append((Decimal(hours), in_person))

    def __call__(self, enrolments):
        from .completion import CompletionRequirement

        self.calls += 1
        answer = {}
        for enrolment in enrolments:
            if enrolment.course_id not in self.course_ids:
                continue
            sessions = self.sessions.get(enrolment.pk, [])
            answer[enrolment.pk] = [
                CompletionRequirement(
                    key=self.key,
                    label=f"Attended {len(sessions)} of {self.required} sessions",
                    done=len(sessions),
                    required=self.required,
                    url="/sessions/",
                    online_hours=sum(h for h, room in sessions if not room),
                    in_person_hours=sum(h for h, room in sessions if room),
                )
            ]
        return answer
