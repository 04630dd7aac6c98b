"""Demo activity: a year of made-up learners working through the demo course, so
that a first `make run` shows learner lists, progress and the participation
dashboard with something in them. Called by `manage.py load_demo` after every
app's demo content (`demo.activity()`); a second run changes nothing.

Everything goes through the services a real learner's clicks go through
(enrolment, lessons, quizzes, self-assessments), each at a moment of the past
year that the demo passes them as `now=`. Nothing here runs outside the demo."""

import datetime
import random
from collections.abc import Iterator

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import BusinessStage, City, CreativeSector, Gender, User
from assessments import services as assessment_services
from assessments.definitions import item_ids, scale_values
from assessments.models import Instrument

from . import services
from .models import CoursePage, LessonPage

# Addresses of a reserved domain: nobody receives their e-mail.
DEMO_LEARNER_DOMAIN = "learners.demo.invalid"
SEED = 2026

FIRST_NAMES = {
    City.LJUBLJANA: ["Ana", "Maja", "Nina", "Tina", "Jure", "Luka", "Matej", "Urša"],
    City.GDANSK: ["Agnieszka", "Kasia", "Marta", "Piotr", "Tomasz", "Zofia"],
    City.GENOVA: ["Chiara", "Giulia", "Marco", "Luca", "Elena", "Paolo"],
    City.LEIPZIG: ["Anna", "Lena", "Jonas", "Felix", "Sophie", "Lukas"],
    City.PECS: ["Anna", "Eszter", "Réka", "Bence", "Dávid", "Gábor"],
    City.OTHER: ["Sara", "Mark", "Eva", "Filip"],
}
LAST_NAMES = {
    City.LJUBLJANA: ["Novak", "Horvat", "Kovač", "Krajnc", "Zupan", "Potočnik"],
    City.GDANSK: ["Nowak", "Kowalska", "Wiśniewski", "Zielińska"],
    City.GENOVA: ["Rossi", "Bianchi", "Ferrari", "Costa"],
    City.LEIPZIG: ["Müller", "Schmidt", "Fischer", "Wagner"],
    City.PECS: ["Nagy", "Kovács", "Tóth", "Szabó"],
    City.OTHER: ["Berg", "Marin", "Novaković"],
}
CITY_WEIGHTS = {
    City.LJUBLJANA: 45,
    City.GDANSK: 12,
    City.GENOVA: 12,
    City.LEIPZIG: 12,
    City.PECS: 12,
    City.OTHER: 7,
}
# "" is a learner who did not say.
GENDER_WEIGHTS = {Gender.FEMALE: 52, Gender.MALE: 33, Gender.NON_BINARY: 3, "": 12}
# Shared studios and co-working spaces, so "organisations reached" counts some
# organisations more than once.
ORGANISATIONS = [
    "Studio Kvadrat",
    "Atelje Ambient",
    "Kolektiv Rog",
    "Zadruga Oblikovalcev",
    "Tovarna Zvoka",
    "Bottega Creativa",
    "Werkstatt Plagwitz",
    "Pracownia Stocznia",
    "Zsolnay Műhely",
]


def _learner(rng: random.Random, number: int, joined: datetime.datetime) -> User:
    city = rng.choices(list(CITY_WEIGHTS), weights=list(CITY_WEIGHTS.values()))[0]
    first, last = rng.choice(FIRST_NAMES[city]), rng.choice(LAST_NAMES[city])
    return User.objects.create_user(
        email=f"learner{number:03d}@{DEMO_LEARNER_DOMAIN}",
        full_name=f"{first} {last}",
        sector=rng.choice(CreativeSector.values),
        city=city,
        organisation=rng.choice(ORGANISATIONS) if rng.random() < 0.55 else "",
        business_stage=rng.choice(BusinessStage.values),
        gender=rng.choices(list(GENDER_WEIGHTS), list(GENDER_WEIGHTS.values()))[0],
        year_of_birth=rng.randint(1965, 2003) if rng.random() < 0.8 else None,
        privacy_consent_at=joined,
        date_joined=joined,
    )


def _assess(
    rng: random.Random,
    user: User,
    instrument: Instrument,
    levels: dict[str, int],
    moment: datetime.datetime,
) -> None:
    """Answer every statement around the learner's level for it (an index into
    the scale, raised after a completed course), and submit."""
    response = assessment_services.response_start(
        user=user, instrument=instrument, now=moment
    )
    definition = response.version.definition
    values = sorted(scale_values(definition))
    answers = {}
    for item in sorted(item_ids(definition)):
        level = levels.setdefault(item, rng.randint(1, len(values) - 2))
        index = level + rng.choice((-1, 0, 0, 1))
        answers[item] = values[max(0, min(len(values) - 1, index))]
    assessment_services.response_submit(
        user=user, response=response, answers=answers, now=moment
    )


def _right_answers(quiz) -> dict[str, list[str]]:
    return {
        question.id: [
            answer.id
            for answer in question.value["answers"].bound_blocks
            if answer.value["correct"]
        ]
        for question in quiz.value["questions"].bound_blocks
    }


def _wrong_answers(quiz) -> dict[str, list[str]]:
    return {
        question.id: [
            next(
                answer.id
                for answer in question.value["answers"].bound_blocks
                if not answer.value["correct"]
            )
        ]
        for question in quiz.value["questions"].bound_blocks
    }


def _do_lesson(
    rng: random.Random, user: User, lesson: LessonPage, moment: datetime.datetime
) -> None:
    services.lesson_visit(user=user, lesson=lesson, now=moment)
    if not lesson.quizzes:
        services.lesson_complete(user=user, lesson=lesson, now=moment)
        return
    for quiz in lesson.quizzes:
        if rng.random() < 0.3:  # a first try that misses
            services.quiz_submit(
                user=user,
                lesson=lesson,
                quiz_id=quiz.id,
                answers=_wrong_answers(quiz),
                now=moment,
            )
        services.quiz_submit(
            user=user,
            lesson=lesson,
            quiz_id=quiz.id,
            answers=_right_answers(quiz),
            now=moment,
        )


def _later(rng: random.Random, moment: datetime.datetime, days: float):
    return moment + datetime.timedelta(days=rng.uniform(0.2, days))


def activity() -> Iterator[str]:
    from .demo import demo_courses  # courses.demo imports this module

    if User.objects.filter(email__endswith=f"@{DEMO_LEARNER_DOMAIN}").exists():
        return
    course = demo_courses()[0]  # the demo course the learners take
    courses = {
        language: CoursePage.objects.live()
        .filter(locale__language_code=language, slug=course.slug(language))
        .first()
        for language in ("sl", "en")
    }
    instruments = {
        language: Instrument.objects.filter(
            live=True, locale__language_code=language
        ).first()
        for language in ("sl", "en")
    }
    if not all(courses.values()) or not all(instruments.values()):
        return
    lessons = {
        language: list(
            LessonPage.objects.live().descendant_of(course).order_by("path").specific()
        )
        for language, course in courses.items()
    }
    rng = random.Random(SEED)  # noqa: S311 - made-up people, the same every time
    now = timezone.now()
    year_ago = now - datetime.timedelta(days=365)
    enrolled = completed = 0
    learners = settings.DEMO_LEARNERS
    for number in range(1, learners + 1):
        # More people join as the word spreads: later months are busier.
        joined = year_ago + datetime.timedelta(days=365 * rng.random() ** 0.7)
        user = _learner(rng, number, joined)
        language = "sl" if rng.random() < 0.7 else "en"
        course, course_lessons = courses[language], lessons[language]
        levels: dict[str, int] = {}
        moment = _later(rng, joined, 3)
        if rng.random() < 0.75 and moment < now:
            _assess(rng, user, instruments[language], levels, moment)
        moment = _later(rng, moment, 10)
        if moment >= now:
            continue
        services.course_visit_record(course=course, user=user, now=moment)
        if rng.random() < 0.15:  # looked at the course, did not enrol
            continue
        moment = _later(rng, moment, 2)
        if moment >= now:
            continue
        enrolment = services.enrolment_create(user=user, course=course, now=moment)
        enrolled += 1
        share = rng.random()
        goal = (
            len(course_lessons)
            if share < 0.45
            else int(len(course_lessons) * rng.random())
        )
        for lesson in course_lessons[:goal]:
            moment = _later(rng, moment, 6)
            if moment >= now:
                break
            try:
                _do_lesson(rng, user, lesson, moment)
            except ValidationError:
                break  # a locked lesson or no attempts left: they stop here
        enrolment.refresh_from_db()
        if enrolment.completed_at:
            completed += 1
            for level in levels:
                levels[level] += rng.choice((0, 1, 1))
            moment = _later(rng, moment, 14)
            if levels and rng.random() < 0.6 and moment < now:
                _assess(rng, user, instruments[language], levels, moment)
        elif rng.random() < 0.25:
            moment = _later(rng, moment, 20)
            if moment < now:
                services.enrolment_withdraw(enrolment=enrolment, now=moment)
    yield (
        f"Created {learners} demo learners over the past year: {enrolled} "
        f"enrolments, {completed} completions."
    )
