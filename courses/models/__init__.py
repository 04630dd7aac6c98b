from .pages import CourseIndexPage, CoursePage, EnrolmentMode, LessonPage, ModulePage
from .records import (
    CourseVisit,
    Enrolment,
    ExerciseAnswer,
    LessonCompletion,
    QuizAttempt,
    QuizAttemptGrant,
    QuizAttemptRequest,
)
from .snippets import Trainer

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "CourseVisit",
    "Enrolment",
    "EnrolmentMode",
    "ExerciseAnswer",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
    "QuizAttempt",
    "QuizAttemptGrant",
    "QuizAttemptRequest",
    "Trainer",
]
