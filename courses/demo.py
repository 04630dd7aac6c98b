"""Demo content for the courses app: the course catalogue in Slovenian and
English (`demo/<language>/catalogue.md`) and each course of `demo/<course>/`
(`course.yaml`, one Markdown file per lesson and language). Called by
`manage.py load_demo`; a second run changes nothing."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db.models.signals import post_save
from wagtail.signals import page_published

from assessments.models import Competence
from home.demo import CATALOGUE, home_features_link
from home.models import HomePage
from lms import demo

from .blocks import RICH_TEXT_FEATURES
from .demo_activity import activity  # noqa: F401 - load_demo's second step
from .models import CourseIndexPage, CoursePage, LessonPage, ModulePage, Trainer
from .receivers import hours_after_publishing, hours_after_save_or_delete
from .services import course_hours_recount

DEMO_DIR = Path(__file__).parent / "demo"
# Blocks a lesson's front matter may hold, added after its text in this order.
LESSON_END_BLOCKS = ("exercise", "quiz")
# Fields of course.yaml that are not the course page's own.
COURSE_OUTLINE_KEYS = {"competences", "trainers", "modules", *demo.LANGUAGES}


@dataclass(frozen=True)
class DemoCourse:
    """A course's folder: its outline (course.yaml) and its lesson files,
    {language: {(module number, lesson number): path}}."""

    directory: Path
    outline: dict
    lessons: dict[str, dict[tuple[int, int], Path]]

    def slug(self, language: str) -> str:
        return self.outline[language]["slug"]


def demo_courses() -> list[DemoCourse]:
    """Every course under `demo/`, in the order of their folders."""
    courses = []
    for outline_path in sorted(DEMO_DIR.glob("*/course.yaml")):
        directory = outline_path.parent
        outline = demo.yaml_read(outline_path)
        lessons: dict[str, dict[tuple[int, int], Path]] = {}
        for language in demo.LANGUAGES:
            for path in sorted((directory / language).glob("*.md")):
                module, lesson, *_slug = path.stem.split("-")
                if not (module.isdigit() and lesson.isdigit()):
                    raise demo.DemoContentError(
                        f"{path}: a lesson's file is named "
                        "<module number>-<lesson number>-<slug>.md"
                    )
                lessons.setdefault(language, {})[(int(module), int(lesson))] = path
        courses.append(DemoCourse(directory, outline, lessons))
    return courses


def _lesson_fields(path: Path) -> dict:
    page_file = demo.page_file_read(path)
    front = page_file.fields
    body = demo.stream_from_markdown(
        page_file, text_block="text", features=RICH_TEXT_FEATURES
    )
    body += [
        {"type": kind, "value": front[kind]}
        for kind in LESSON_END_BLOCKS
        if kind in front
    ]
    return {
        "title": front["title"],
        "slug": front["slug"],
        "estimated_minutes": front["minutes"],
        "required": front.get("required", True),
        "body": body,
    }


def _trainers(course: DemoCourse, language: str) -> list[Trainer]:
    """The course's trainer cards in `language`, translations of the Slovenian
    ones; a changed biography is brought up to date."""
    locale = demo.locale(language)
    trainers = []
    for card in course.outline.get("trainers", []):
        trainer = Trainer.objects.filter(name=card["name"], locale=locale).first()
        if trainer is None:
            original = Trainer.objects.filter(
                name=card["name"], locale__language_code=demo.LANGUAGES[0]
            ).first()
            trainer = demo.translation_link(
                Trainer(name=card["name"], locale=locale), original
            )
        if trainer.pk is None or trainer.bio != card["bio"][language]:
            trainer.bio = card["bio"][language]
            trainer.save()
        trainers.append(trainer)
    return trainers


def _course_put(
    course: DemoCourse,
    language: str,
    catalogue: CourseIndexPage,
    original: CoursePage | None,
) -> tuple[CoursePage, bool]:
    """The course, its modules and lessons in `language` (translations of
    `original`'s, by position); returns the course and whether anything was
    written. Its hours are counted once, with every lesson in place, rather
    than at each lesson's saves (what courses.receivers does for an editor)."""
    with (
        demo.receivers_suspended(
            post_save, hours_after_save_or_delete, (LessonPage, ModulePage)
        ),
        demo.receivers_suspended(page_published, hours_after_publishing, (None,)),
    ):
        page, changed = _course_pages_put(course, language, catalogue, original)
    course_hours_recount(course=page)
    return page, changed


def _course_pages_put(
    course: DemoCourse,
    language: str,
    catalogue: CourseIndexPage,
    original: CoursePage | None,
) -> tuple[CoursePage, bool]:
    outline = course.outline
    texts = outline[language]
    fields = {
        "title": texts["title"],
        "slug": texts["slug"],
        "summary": texts["summary"],
        "learning_outcomes": [
            {"type": "outcome", "value": text} for text in texts.get("outcomes", [])
        ],
        **{
            key: value
            for key, value in outline.items()
            if key not in COURSE_OUTLINE_KEYS
        },
        "trainers": _trainers(course, language),
        "competences": list(
            Competence.objects.filter(code__in=outline.get("competences", []))
        ),
    }
    page, changed = demo.page_put(
        parent=catalogue,
        page_class=CoursePage,
        fields=fields,
        translation_of=original,
        source=course.directory / "course.yaml",
    )
    originals = _originals(original)
    for module_number, module_texts in enumerate(outline["modules"], start=1):
        module, module_changed = demo.page_put(
            parent=page,
            page_class=ModulePage,
            fields={
                key: module_texts[language][key] for key in ("title", "slug", "summary")
            },
            translation_of=originals.get((module_number, None)),
            source=course.directory / "course.yaml",
        )
        changed |= module_changed
        lesson_paths = course.lessons.get(language, {})
        for (number, lesson_number), path in sorted(lesson_paths.items()):
            if number != module_number:
                continue
            _lesson, lesson_changed = demo.page_put(
                parent=module,
                page_class=LessonPage,
                fields=_lesson_fields(path),
                translation_of=originals.get((module_number, lesson_number)),
                source=path,
            )
            changed |= lesson_changed
    return page, changed


def _originals(course: CoursePage | None) -> dict[tuple, LessonPage | ModulePage]:
    """The modules and lessons of `course` by position: (module, None) for a
    module, (module, lesson) for a lesson, numbered from 1."""
    if course is None:
        return {}
    originals = {}
    for module_number, module in enumerate(course.get_children().specific(), start=1):
        originals[(module_number, None)] = module
        for lesson_number, lesson in enumerate(module.get_children(), start=1):
            originals[(module_number, lesson_number)] = lesson
    return originals


def load() -> Iterator[str]:
    courses = demo_courses()
    originals: dict[str, CoursePage | None] = {}
    catalogue = None  # the Slovenian one, once made
    for language in demo.LANGUAGES:
        home = HomePage.objects.get(locale__language_code=language, depth=2)
        page_file = demo.page_file_read(DEMO_DIR / language / "catalogue.md")
        catalogue, _changed = demo.page_put(
            parent=home,
            page_class=CourseIndexPage,
            fields=page_file.fields,
            translation_of=catalogue,
            existing=CourseIndexPage.objects.child_of(home).first(),
            source=page_file.path,
        )
        for course in courses:
            existed = (
                CoursePage.objects.child_of(catalogue)
                .filter(slug=course.slug(language))
                .exists()
            )
            page, changed = _course_put(
                course, language, catalogue, originals.get(course.directory.name)
            )
            originals.setdefault(course.directory.name, page)
            if not existed:
                yield f"Created the demo course “{page.title}” ({language})."
            elif changed:
                yield f"Updated the demo course “{page.title}” ({language})."
    # The home page's "Courses" feature links to the catalogue, now that it is.
    yield from home_features_link(destinations={CATALOGUE: catalogue})
