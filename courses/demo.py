"""Demo content for the courses app: the course catalogue in Slovenian and English
and one complete course from `demo_content`. Called by `manage.py load_demo`."""

import uuid
from collections.abc import Iterator

from wagtail.models import Locale, Page, TranslatableMixin

from assessments.models import Competence
from home.demo import home_features_link
from home.models import HomePage

from .demo_activity import activity  # noqa: F401 - load_demo's second step
from .demo_content import DEMO_COURSE
from .models import CourseIndexPage, CoursePage, LessonPage, ModulePage, Trainer

CATALOGUE = {
    "sl": {
        "title": "Tečaji",
        "slug": "tecaji",
        "introduction": (
            "Kratki praktični tečaji podjetniških znanj za ljudi iz kreativnih "
            "industrij. Učite se v svojem tempu; ob zaključku prejmete potrdilo."
        ),
    },
    "en": {
        "title": "Courses",
        "slug": "courses",
        "introduction": (
            "Short, practical courses in business skills for people of the creative "
            "industries. Learn at your own pace; finish with a certificate."
        ),
    },
}


def _block_id() -> str:
    return str(uuid.uuid4())


def _localised(value, language: str):
    """The demo content in one language: every {"sl": ..., "en": ...} pair is
    replaced by its text in `language`."""
    if isinstance(value, dict):
        if set(value) == {"sl", "en"}:
            return value[language]
        return {key: _localised(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [_localised(item, language) for item in value]
    return value


def _list_items(values: list) -> list[dict]:
    return [{"type": "item", "id": _block_id(), "value": value} for value in values]


def _body(blocks: list, language: str) -> list[dict]:
    """The lesson body in Wagtail's raw StreamField form; quiz questions and
    answers get ids, which attempts refer to."""
    raw = []
    for kind, value in blocks:
        value = _localised(value, language)
        if kind == "quiz":
            value["questions"] = _list_items(
                [
                    {**question, "answers": _list_items(question["answers"])}
                    for question in value["questions"]
                ]
            )
        raw.append({"type": kind, "value": value})
    return raw


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _translation_of(original: TranslatableMixin | None) -> dict:
    """The English demo pages are translations of the Slovenian ones (same
    translation key): the language switcher links them, and a trainer's
    *Translate* finds a new course's catalogue already translated."""
    return {"translation_key": original.translation_key} if original else {}


def _catalogue(
    home: HomePage, language: str, original: CourseIndexPage | None
) -> CourseIndexPage:
    existing = CourseIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    content = CATALOGUE[language]
    catalogue = CourseIndexPage(
        title=content["title"],
        slug=content["slug"],
        introduction=content["introduction"],
        show_in_menus=True,
        **_translation_of(original),
    )
    home.add_child(instance=catalogue)
    _publish(catalogue)
    return catalogue


def _course(
    catalogue: CourseIndexPage,
    language: str,
    trainer: Trainer,
    original: CoursePage | None,
) -> CoursePage:
    originals = _originals(original)
    course = CoursePage(
        **_translation_of(original),
        title=DEMO_COURSE["title"][language],
        slug=DEMO_COURSE["slug"][language],
        summary=DEMO_COURSE["summary"][language],
        learning_outcomes=[
            ("outcome", text) for text in DEMO_COURSE["outcomes"][language]
        ],
        level=DEMO_COURSE["level"],
        # Invites learners to take the self-assessment again at the end, so the
        # course measures its learning gain (against any earlier one).
        assessment_after=True,
    )
    catalogue.add_child(instance=course)
    course.trainers.set([trainer])
    course.competences.set(
        Competence.objects.filter(code__in=DEMO_COURSE["competences"])
    )
    _publish(course)
    for module_index, module_content in enumerate(DEMO_COURSE["modules"]):
        module = ModulePage(
            **_translation_of(originals.get((module_index, None))),
            title=module_content["title"][language],
            slug=module_content["slug"][language],
            summary=module_content["summary"][language],
        )
        course.add_child(instance=module)
        _publish(module)
        for lesson_index, lesson_content in enumerate(module_content["lessons"]):
            lesson = LessonPage(
                **_translation_of(originals.get((module_index, lesson_index))),
                title=lesson_content["title"][language],
                slug=lesson_content["slug"][language],
                estimated_minutes=lesson_content["minutes"],
                required=lesson_content["required"],
                body=_body(lesson_content["body"], language),
            )
            module.add_child(instance=lesson)
            _publish(lesson)
    return course


def _originals(course: CoursePage | None) -> dict[tuple, Page]:
    """The modules and lessons of `course` by position: (module, None) for a
    module, (module, lesson) for a lesson."""
    if course is None:
        return {}
    originals = {}
    for module_index, module in enumerate(course.get_children().specific()):
        originals[(module_index, None)] = module
        for lesson_index, lesson in enumerate(module.get_children()):
            originals[(module_index, lesson_index)] = lesson
    return originals


def load() -> Iterator[str]:
    catalogue = course = trainer = None  # the Slovenian ones, once made
    for language in ("sl", "en"):
        locale = Locale.objects.get(language_code=language)
        home = HomePage.objects.get(locale=locale, depth=2)
        catalogue = _catalogue(home, language, original=catalogue)
        trainer, _ = Trainer.objects.get_or_create(
            name=DEMO_COURSE["trainer"]["name"],
            locale=locale,
            defaults={
                "bio": DEMO_COURSE["trainer"]["bio"][language],
                **_translation_of(trainer),
            },
        )
        existing = (
            CoursePage.objects.child_of(catalogue)
            .filter(slug=DEMO_COURSE["slug"][language])
            .first()
        )
        if existing:
            course = existing
            continue
        course = _course(catalogue, language, trainer, original=course)
        yield f"Created the demo course “{course.title}” ({language})."
    # The home page's "Courses" feature links to the catalogue, now that it is.
    yield from home_features_link(destinations={"catalogue": catalogue})
