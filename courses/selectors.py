"""Read-side queries shared by pages, views, services and reports."""

import datetime
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from assessments.entrecomp import BAND_ORDER, COMPETENCE_NAMES
from assessments.selectors import response_result, submitted_responses
from lms.search import search_words

from .completion import (
    CompletionRequirement,
    completion_requirements,
    enrolment_requirements,
)
from .enrolment_choices import course_page_sections, enrolment_choice
from .models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    QuizAttempt,
    Trainer,
)

COURSE_STRUCTURE_SECONDS = 24 * 60 * 60


@dataclass
class LessonEntry:
    lesson: LessonPage
    module: ModulePage
    number: int
    done: bool = False
    locked: bool = False
    current: bool = False


@dataclass
class Outline:
    modules: list[tuple[ModulePage, list[LessonEntry]]] = field(default_factory=list)
    lessons: list[LessonEntry] = field(default_factory=list)

    @property
    def required_ids(self) -> set[int]:
        return {entry.lesson.pk for entry in self.lessons if entry.lesson.required}

    @property
    def total_minutes(self) -> int:
        return sum(entry.lesson.estimated_minutes for entry in self.lessons)

    def entry(self, lesson_id: int) -> LessonEntry | None:
        return next((e for e in self.lessons if e.lesson.pk == lesson_id), None)

    def neighbours(
        self, lesson_id: int
    ) -> tuple[LessonEntry | None, LessonEntry | None]:
        ids = [e.lesson.pk for e in self.lessons]
        if lesson_id not in ids:
            return None, None
        position = ids.index(lesson_id)
        previous = self.lessons[position - 1] if position > 0 else None
        following = self.lessons[position + 1] if position + 1 < len(ids) else None
        return previous, following

    def continue_entry(self, last_lesson_id: int | None = None) -> LessonEntry | None:
        """Where "Continue" leads: the last visited lesson while it is unfinished;
        else the first unfinished required lesson after it (then the earlier
        ones), then unfinished optional ones in the same order; else the first."""
        open_entries = [e for e in self.lessons if not e.done and not e.locked]
        last = self.entry(last_lesson_id) if last_lesson_id else None
        if last is not None and last in open_entries:
            return last
        if last is not None:
            # Start looking just after the last visited lesson, then wrap around.
            after = [e for e in open_entries if e.number > last.number]
            before = [e for e in open_entries if e.number < last.number]
            open_entries = after + before
        for entry in open_entries:
            if entry.lesson.required:
                return entry
        if open_entries:
            return open_entries[0]
        return self.lessons[0] if self.lessons else None


def course_outline(
    *,
    course: CoursePage,
    enrolment: Enrolment | None = None,
    current_lesson_id: int | None = None,
) -> Outline:
    """Modules and live lessons of a course in tree order, with each lesson's state
    for the enrolment. Three queries whatever the size of the course. An
    enrolment in a translation of the course marks the same lessons (by their
    translation key) as done, for a learner reading the other language."""
    if course is None or not course.path:
        return Outline()  # a page being previewed before it was first saved
    modules, lessons = course_structure(course=course)
    done: set = set()
    if enrolment is not None:
        field = (
            "lesson_id"
            if enrolment.course_id == course.pk
            else "lesson__translation_key"
        )
        done = set(
            LessonCompletion.objects.filter(enrolment=enrolment).values_list(
                field, flat=True
            )
        )
    return _outline_assemble(
        course=course,
        modules=modules,
        lessons=lessons,
        is_done=(
            (lambda lesson: lesson.pk in done)
            if enrolment is None or enrolment.course_id == course.pk
            else (lambda lesson: lesson.translation_key in done)
        ),
        current_lesson_id=current_lesson_id,
    )


def course_structure(*, course: CoursePage) -> tuple[list, list]:
    """The live modules and lessons (without their bodies) of a course in tree
    order: the same for every learner, so kept in the cache until a page
    changes (any page saved, published, unpublished, moved or deleted drops it,
    home.site_frame); two queries when it is not there."""
    from home.site_frame import frame_version

    key = f"course-structure:{frame_version()}:{course.pk}"
    structure = cache.get(key)
    if structure is None:
        structure = (
            list(ModulePage.objects.child_of(course).live().order_by("path")),
            list(
                LessonPage.objects.descendant_of(course)
                .live()
                .order_by("path")
                .defer("body")
            ),
        )
        cache.set(key, structure, COURSE_STRUCTURE_SECONDS)
    return structure


def _outline_assemble(
    *, course, modules, lessons, is_done, current_lesson_id=None
) -> Outline:
    live_module_paths = {module.path: module for module in modules}
    outline = Outline()
    entries_by_module: dict[str, list[LessonEntry]] = {m.path: [] for m in modules}
    blocked = False
    for lesson in lessons:
        module = live_module_paths.get(lesson.path[: -LessonPage.steplen])
        if module is None:
            continue  # an unpublished module takes its lessons out of the course
        done = is_done(lesson)
        entry = LessonEntry(
            lesson=lesson,
            module=module,
            number=len(outline.lessons) + 1,
            done=done,
            locked=bool(course.lessons_in_order and blocked),
            current=lesson.pk == current_lesson_id,
        )
        if lesson.required and not done:
            blocked = True
        outline.lessons.append(entry)
        entries_by_module[module.path].append(entry)
    outline.modules = [(m, entries_by_module[m.path]) for m in modules]
    return outline


def course_outlines(*, enrolments: list[Enrolment]) -> dict[int, Outline]:
    """The outline of each enrolment's course with its state, by enrolment id:
    three queries whatever the number of courses (for the dashboard)."""
    courses = {e.course_id: e.course for e in enrolments}
    if not courses:
        return {}
    under_courses = Q()
    for course in courses.values():
        under_courses |= Q(path__startswith=course.path)
    course_by_path = {course.path: course for course in courses.values()}
    modules: dict[str, list] = {path: [] for path in course_by_path}
    for module in ModulePage.objects.filter(under_courses).live().order_by("path"):
        modules.setdefault(module.path[: -ModulePage.steplen], []).append(module)
    lessons: dict[str, list] = {path: [] for path in course_by_path}
    for lesson in (
        LessonPage.objects.filter(under_courses).live().order_by("path").defer("body")
    ):
        lessons.setdefault(lesson.path[: -2 * LessonPage.steplen], []).append(lesson)
    done: dict[int, set[int]] = {e.pk: set() for e in enrolments}
    for enrolment_id, lesson_id in LessonCompletion.objects.filter(
        enrolment__in=enrolments
    ).values_list("enrolment_id", "lesson_id"):
        done[enrolment_id].add(lesson_id)
    return {
        enrolment.pk: _outline_assemble(
            course=enrolment.course,
            modules=modules[enrolment.course.path],
            lessons=lessons[enrolment.course.path],
            is_done=lambda lesson, ids=done[enrolment.pk]: lesson.pk in ids,
        )
        for enrolment in enrolments
    }


def course_required_minutes(*, course: CoursePage) -> int:
    """What completing the course takes: the minutes of its live required
    lessons in live modules (an unpublished module takes its lessons out of the
    course, as in the outline). Two queries."""
    if not course.path:
        return 0  # a course not yet in the tree has no lessons
    lessons = LessonPage.objects.descendant_of(course).live().filter(required=True)
    for module_path in (
        ModulePage.objects.child_of(course).not_live().values_list("path", flat=True)
    ):
        lessons = lessons.exclude(path__startswith=module_path)
    return lessons.aggregate(total=Sum("estimated_minutes"))["total"] or 0


def enrolment_for(*, user, course: CoursePage) -> Enrolment | None:
    if not getattr(user, "is_authenticated", False):
        return None
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is not None:
        # The caller has the course: the completion rules read it from the
        # enrolment (a query otherwise, on every lesson and course page).
        enrolment.course = course
    return enrolment


def enrolment_in_translation(*, user, course: CoursePage) -> Enrolment | None:
    """The learner's enrolment in this course in another language that makes it
    their course: active, awaiting approval or completed. A course and its
    translations are one course: a learner takes it once, in one language."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Enrolment.objects.filter(
            user=user,
            course__translation_key=course.translation_key,
        )
        .filter(
            Q(status__in=(Enrolment.Status.ACTIVE, Enrolment.Status.PENDING))
            | Q(completed_at__isnull=False)
        )
        .exclude(course=course)
        .select_related("course__locale")
        .order_by("-last_activity_at", "-pk")
        .first()
    )


def enrolment_elsewhere_message(enrolment: Enrolment) -> str:
    """What the learner is told on the course in the other language (a sentence
    per language, so each reads naturally in Slovenian too)."""
    language = enrolment.course.locale.language_code
    if enrolment.completed_at is not None:
        messages = {
            "sl": _("You completed this course in Slovenian."),
            "en": _("You completed this course in English."),
        }
    elif enrolment.status == Enrolment.Status.PENDING:
        messages = {
            "sl": _("You have asked to join this course in Slovenian."),
            "en": _("You have asked to join this course in English."),
        }
    else:
        messages = {
            "sl": _("You are taking this course in Slovenian."),
            "en": _("You are taking this course in English."),
        }
    if language in messages:
        return messages[language]
    return _("You are taking this course in another language (%(language)s).") % {
        "language": enrolment.course.locale.get_display_name()
    }


def active_seats(*, course: CoursePage) -> int:
    return Enrolment.objects.filter(
        course=course, status=Enrolment.Status.ACTIVE
    ).count()


def enrolment_closed_reason(*, course: CoursePage, now=None) -> str | None:
    """Why nobody can enrol right now ("not_open", "closed", "full"), or None."""
    now = now or timezone.now()
    if course.enrolment_opens_at and now < course.enrolment_opens_at:
        return "not_open"
    if course.enrolment_closes_at and now >= course.enrolment_closes_at:
        return "closed"
    if course.capacity is not None and active_seats(course=course) >= course.capacity:
        return "full"
    return None


def course_view_state(*, course: CoursePage, user) -> dict:
    """What the course page shows this visitor: outline, enrolment, progress and
    which enrol button (or state) applies."""
    if not course.pk:
        return {
            "outline": Outline(),
            "enrol_state": "open",
            "trainers": [],
            "competences": [],
        }
    enrolment = enrolment_for(user=user, course=course)
    elsewhere = None
    if enrolment and enrolment.status in (
        Enrolment.Status.ACTIVE,
        Enrolment.Status.PENDING,
    ):
        state = "completed" if enrolment.is_completed else enrolment.status
    else:
        elsewhere = enrolment_in_translation(user=user, course=course)
        # Taken in another language: the learner is sent there, not offered a
        # second enrolment (the service refuses one).
        state = "elsewhere" if elsewhere else None
        state = state or enrolment_closed_reason(course=course) or "open"
    outline = course_outline(
        course=course,
        enrolment=(
            enrolment
            if enrolment and enrolment.is_active
            else elsewhere
            if elsewhere and elsewhere.is_active
            else None
        ),
    )
    seats_left = None
    if course.capacity is not None:
        seats_left = max(course.capacity - active_seats(course=course), 0)
    continue_entry = (
        outline.continue_entry(last_lesson_id=enrolment.last_lesson_id)
        if enrolment and enrolment.is_active and not enrolment.is_completed
        else None
    )
    requirements = enrolment_requirements(
        enrolment=enrolment if enrolment and enrolment.is_active else None
    )
    # What enrolling asks to choose (a run), and what other apps show on the
    # page (a run's sessions): courses' hooks, no query when nothing applies.
    choice = enrolment_choice(course=course, user=user) if state == "open" else None
    if choice is not None and not choice.available:
        state = "unavailable"
    sections = course_page_sections(course=course, user=user, enrolment=enrolment)
    needs_assessment = False
    if course.assessment_before and state == "open":
        needs_assessment = not (
            getattr(user, "is_authenticated", False)
            and submitted_responses(user=user).exists()
        )
    return {
        "needs_assessment": needs_assessment,
        "offer_post_assessment": bool(
            course.assessment_after
            and enrolment
            and enrolment.is_completed
            and enrolment.post_response_id is None
        ),
        "outline": outline,
        "enrolment": enrolment,
        # Beside the lessons' progress bar: what completion rules ask too.
        "requirements": requirements,
        "enrolment_elsewhere": elsewhere,
        "enrolment_elsewhere_message": (
            enrolment_elsewhere_message(elsewhere) if elsewhere else ""
        ),
        "enrol_state": state,
        "enrolment_choice": choice,
        "course_sections": sections,
        "seats_left": seats_left,
        "continue_entry": continue_entry,
        "last_entry": (
            outline.entry(enrolment.last_lesson_id) if continue_entry else None
        ),
        "trainers": list(course.trainers.select_related("photo")),
        "competences": list(course.competences.all()),
    }


def catalogue_search(
    *,
    index_page: CourseIndexPage,
    q: str = "",
    competence=None,
    level: str = "",
    sector: str = "",
) -> QuerySet:
    """Published courses of one catalogue, filtered, as a lazy queryset (the
    catalogue pages it); a fixed number of queries per page."""
    from home.serving import any_view_restrictions

    courses: QuerySet = CoursePage.objects.child_of(index_page).live()
    if any_view_restrictions():
        # public() reads every restriction (a query), to leave nothing out
        # when there is none.
        courses = courses.public()
    courses = (
        courses.select_related("cover_image", "locale")
        .prefetch_related(
            "competences",
            Prefetch("trainers", queryset=Trainer.objects.only("id", "name")),
        )
        .order_by("path")
    )
    if competence:
        courses = courses.filter(competences=competence)
    if level:
        courses = courses.filter(level=level)
    if sector:
        # Courses with no sectors listed suit every sector.
        courses = courses.filter(Q(sectors__icontains=f'"{sector}"') | Q(sectors=[]))
    if search_words(q):
        # Every word must match, in any of its forms (lms/search.py).
        matching_ids = [
            page.pk
            for page in CoursePage.objects.child_of(index_page)
            .live()
            .search(q, operator="and")
        ]
        courses = courses.filter(pk__in=matching_ids)
    return courses.distinct()


@dataclass
class DashboardCourse:
    """A course in progress on the dashboard: where the learner was last,
    where "Continue" takes them (the same rule as the course page) and what
    completion rules ask besides the lessons."""

    enrolment: Enrolment
    last_entry: LessonEntry | None
    continue_entry: LessonEntry | None
    requirements: tuple[CompletionRequirement, ...] = ()


def learner_dashboard(*, user) -> dict:
    """The learner's enrolments by state; courses in progress with where to
    continue. A fixed number of queries whatever the number of courses."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .select_related("course__locale", "last_lesson")
        .order_by("-last_activity_at", "-requested_at")
    )
    in_progress = [e for e in enrolments if e.is_active and not e.is_completed]
    outlines = course_outlines(enrolments=in_progress)
    requirements = completion_requirements(enrolments=in_progress)
    return {
        "in_progress": [
            DashboardCourse(
                enrolment=enrolment,
                last_entry=outlines[enrolment.pk].entry(enrolment.last_lesson_id),
                continue_entry=outlines[enrolment.pk].continue_entry(
                    last_lesson_id=enrolment.last_lesson_id
                ),
                requirements=requirements[enrolment.pk],
            )
            for enrolment in in_progress
        ],
        "completed": [e for e in enrolments if e.is_active and e.is_completed],
        "pending": [e for e in enrolments if e.status == Enrolment.Status.PENDING],
        "rejected": [e for e in enrolments if e.status == Enrolment.Status.REJECTED],
    }


# A learner with no attempts left asks the trainers for another at most once a
# day per quiz, and at most this many times a day over all quizzes.
ATTEMPT_REQUEST_INTERVAL = datetime.timedelta(hours=24)
ATTEMPT_REQUESTS_PER_DAY = 5


@dataclass(frozen=True)
class QuizAllowance:
    """Whether the learner may take a quiz now and, if not, from when."""

    can_attempt: bool
    attempts_left: int | None  # None: unlimited
    next_attempt_at: datetime.datetime | None = None  # when the wait ends
    granted: bool = False  # the open attempt is one staff allowed


def quiz_allowance(
    *, quiz_value, attempts: list, grants: list, now: datetime.datetime
) -> QuizAllowance:
    """The attempt rule, in one place for the lesson page, the services and the
    staff's view. A quiz allows `max_attempts` attempts (0: unlimited). Once they
    are used, the learner may take it again when staff allowed another attempt
    after their latest one, or `retry_after_hours` after their latest one (0: not
    without staff). `attempts` and `grants` in time order."""
    limit = quiz_value["max_attempts"]
    if not limit:
        return QuizAllowance(can_attempt=True, attempts_left=None)
    if len(attempts) < limit:
        return QuizAllowance(can_attempt=True, attempts_left=limit - len(attempts))
    latest = attempts[-1].submitted_at
    if any(grant.granted_at >= latest for grant in grants):
        return QuizAllowance(can_attempt=True, attempts_left=1, granted=True)
    hours = quiz_value.get("retry_after_hours") or 0
    if not hours:
        return QuizAllowance(can_attempt=False, attempts_left=0)
    opens = latest + datetime.timedelta(hours=hours)
    if now >= opens:
        return QuizAllowance(can_attempt=True, attempts_left=1)
    return QuizAllowance(can_attempt=False, attempts_left=0, next_attempt_at=opens)


@dataclass
class QuizRecords:
    """A learner's attempts at one quiz, the extra attempts staff allowed and
    the learner's requests for one, each in time order."""

    attempts: list = field(default_factory=list)
    grants: list = field(default_factory=list)
    requests: list = field(default_factory=list)


def quiz_records(
    *, enrolment: Enrolment, lesson: LessonPage | None = None
) -> dict[tuple[int, str], QuizRecords]:
    """QuizRecords by (lesson id, quiz id) for one lesson, or for every lesson of
    the enrolment; three queries, one when there is no attempt (staff allow
    another attempt, and learners ask for one, only after attempts)."""
    from .models import QuizAttemptGrant, QuizAttemptRequest

    records: dict[tuple[int, str], QuizRecords] = {}
    lesson_filter = {"lesson": lesson} if lesson is not None else {}
    for name, model, related in (
        ("attempts", QuizAttempt, ()),
        ("grants", QuizAttemptGrant, ("granted_by",)),
        ("requests", QuizAttemptRequest, ()),
    ):
        if name != "attempts" and not records:
            break
        rows = model.objects.filter(enrolment=enrolment, **lesson_filter)
        if related:  # select_related() with no names would join every relation
            rows = rows.select_related(*related)
        for row in rows:
            key = (row.lesson_id, row.quiz_id)
            getattr(records.setdefault(key, QuizRecords()), name).append(row)
    return records


def recent_attempt_request(records: QuizRecords, now: datetime.datetime):
    """The learner's request for another attempt still standing: made after their
    latest attempt and within the last ATTEMPT_REQUEST_INTERVAL."""
    latest = records.attempts[-1].submitted_at if records.attempts else None
    for request in reversed(records.requests):
        if request.requested_at > now - ATTEMPT_REQUEST_INTERVAL and (
            latest is None or request.requested_at >= latest
        ):
            return request
    return None


def _quiz_view(
    quiz_block, records: QuizRecords, *, now, fresh: bool = False, draft=None
) -> dict:
    """A quiz as the lesson page shows it: questions, the learner's latest attempt
    with feedback on the answers they chose, attempts left. `fresh` opens a new
    try instead (nothing chosen, or the answers of a refused submission in
    `draft`); a try is spent only when it is submitted."""
    value = quiz_block.value
    attempts = records.attempts
    allowance = quiz_allowance(
        quiz_value=value, attempts=attempts, grants=records.grants, now=now
    )
    passed = any(attempt.passed for attempt in attempts)
    fresh = (fresh or draft is not None) and allowance.can_attempt and not passed
    latest = attempts[-1] if attempts and not fresh else None
    chosen_by_question = (draft or {}) if fresh else (latest.answers if latest else {})
    questions = []
    for question in value["questions"].bound_blocks:
        chosen = set(chosen_by_question.get(question.id, []))
        answers = []
        right = set()
        for answer in question.value["answers"].bound_blocks:
            if answer.value["correct"]:
                right.add(answer.id)
            answers.append(
                {
                    "id": answer.id,
                    "text": answer.value["text"],
                    "chosen": answer.id in chosen,
                    "feedback": (
                        answer.value["feedback"]
                        if latest and answer.id in chosen
                        else ""
                    ),
                }
            )
        questions.append(
            {
                "id": question.id,
                "text": question.value["text"],
                "multiple": question.value["kind"] == "multiple",
                "answers": answers,
                "answered_correctly": bool(latest) and chosen == right,
            }
        )
    request = recent_attempt_request(records, now) if attempts else None
    return {
        "id": quiz_block.id,
        "title": value["title"],
        "pass_mark": value["pass_mark"],
        "max_attempts": value["max_attempts"],
        "attempts_used": len(attempts),
        "attempts_left": allowance.attempts_left,
        "can_attempt": allowance.can_attempt,
        "next_attempt_at": allowance.next_attempt_at,
        "granted": allowance.granted,
        # The answers are open to change: a new try, not the last one's review.
        "answering": not passed and allowance.can_attempt and latest is None,
        "latest": latest,
        "best_score": max((a.score for a in attempts), default=None),
        "passed": passed,
        "questions": questions,
        "attempt_request": request,
        "can_ask": not passed and not allowance.can_attempt and request is None,
    }


def lesson_view_state(
    *,
    lesson: LessonPage,
    course: CoursePage | None = None,
    enrolment: Enrolment | None = None,
    outline: Outline | None = None,
    preview: bool = False,
    retry_quiz_id: str | None = None,
    quiz_draft: dict | None = None,
    enrolment_elsewhere: Enrolment | None = None,
) -> dict:
    from .models import ExerciseAnswer

    if course is None and lesson.path:
        course = CoursePage.objects.ancestor_of(lesson).first()
    outline = outline or course_outline(
        course=course, enrolment=enrolment, current_lesson_id=lesson.pk
    )
    entry = outline.entry(lesson.pk)
    previous, following = outline.neighbours(lesson.pk)
    records = quiz_records(enrolment=enrolment, lesson=lesson) if enrolment else {}
    exercise_answers = {}
    if enrolment and any(block.block_type == "exercise" for block in lesson.body):
        exercise_answers = dict(
            ExerciseAnswer.objects.filter(
                enrolment=enrolment, lesson=lesson
            ).values_list("exercise_id", "text")
        )
    now = timezone.now()
    drafts = quiz_draft or {}
    return {
        "course": course,
        "enrolment": enrolment,
        "requirements": enrolment_requirements(enrolment=enrolment),
        "outline": outline,
        "entry": entry,
        "previous_entry": previous,
        "next_entry": following,
        "lesson_done": bool(entry and entry.done),
        "quizzes": {
            q.id: _quiz_view(
                q,
                records.get((lesson.pk, q.id), QuizRecords()),
                now=now,
                fresh=q.id == retry_quiz_id,
                draft=drafts.get(q.id),
            )
            for q in lesson.quizzes
        },
        "exercise_answers": exercise_answers,
        **_lesson_elsewhere(lesson, enrolment_elsewhere),
    }


def _lesson_elsewhere(lesson: LessonPage, enrolment: Enrolment | None) -> dict:
    """For a learner reading a lesson of the course they take in another
    language: what to tell them and the same lesson there (or the course)."""
    if enrolment is None:
        return {"enrolment_elsewhere": None}
    same_lesson = (
        LessonPage.objects.live()
        .filter(translation_key=lesson.translation_key, locale=enrolment.course.locale)
        .first()
    )
    return {
        "enrolment_elsewhere": enrolment,
        "enrolment_elsewhere_message": enrolment_elsewhere_message(enrolment),
        "lesson_elsewhere": same_lesson or enrolment.course,
    }


def is_course_manager(user) -> bool:
    return user.is_superuser or user.has_perm("courses.change_enrolment")


def enrolments_visible_to(user) -> QuerySet:
    """Enrolments a member of staff may see: all of them for course managers,
    those of their own courses for trainers, none for anyone else.

    "Their own" goes through two links that trainers cannot set: the course's
    trainers (live only once a course manager publishes the course) and the
    trainer card's account (set only by holders of "link_trainer_account";
    courses.permissions)."""
    enrolments = Enrolment.objects.all()
    if is_course_manager(user):
        return enrolments
    if user.has_perm("courses.view_enrolment"):
        return enrolments.filter(course__trainers__user=user).distinct()
    return enrolments.none()


def courses_visible_to(user) -> QuerySet:
    courses = CoursePage.objects.order_by("title")
    if is_course_manager(user):
        return courses
    return courses.filter(trainers__user=user).distinct()


def recommended_courses(
    *, weakest: list, user=None, locale=None, limit: int = 6
) -> list:
    """Published courses that train the learner's weakest competences at their band
    or the one above, each with the reason it was suggested. `weakest` is
    [(competence code, band)], weakest first; courses the learner has already
    completed are left out; each course appears once, for its first reason."""
    locale = locale or Locale.get_active()
    completed = set()
    if user is not None and user.is_authenticated:
        completed = set(
            Enrolment.objects.filter(user=user, completed_at__isnull=False).values_list(
                "course_id", flat=True
            )
        )
    codes = [code for code, _band in weakest]
    candidates = list(
        CoursePage.objects.live()
        .public()
        .filter(locale=locale, competences__code__in=codes)
        .exclude(pk__in=completed)
        .prefetch_related("competences")
        .distinct()
        .order_by("title")
    )
    suggestions, seen = [], set()
    for code, band in weakest:
        position = BAND_ORDER.index(band)
        levels = {str(b) for b in BAND_ORDER[position : position + 2]}
        for course in candidates:
            if course.pk in seen or course.level not in levels:
                continue
            if code not in {c.code for c in course.competences.all()}:
                continue
            seen.add(course.pk)
            suggestions.append(
                {"course": course, "competence": COMPETENCE_NAMES[code], "band": band}
            )
    return suggestions[:limit]


def course_learning_gain(*, course: CoursePage) -> dict[str, dict]:
    """Mean change per competence between the "before" and "after" self-assessments
    of the course's learners, with the number of pairs each mean rests on."""
    changes: dict[str, list] = {}
    pairs = Enrolment.objects.filter(
        course=course, pre_response__isnull=False, post_response__isnull=False
    ).select_related("pre_response__version", "post_response__version")
    for enrolment in pairs:
        before = {
            c.code: c.mean
            for area in response_result(enrolment.pre_response).areas
            for c in area.competences
        }
        after = {
            c.code: c.mean
            for area in response_result(enrolment.post_response).areas
            for c in area.competences
        }
        for code, mean in after.items():
            if mean is not None and before.get(code) is not None:
                changes.setdefault(code, []).append(mean - before[code])
    return {
        code: {"mean_change": float(sum(values) / len(values)), "pairs": len(values)}
        for code, values in changes.items()
    }


def attempt_request_recipients(*, course: CoursePage) -> list[str]:
    """Where a learner's request for another quiz attempt goes: the e-mail
    addresses of the accounts linked to the course's trainers; a course with no
    trainer account linked sends it to the course managers, and without those
    to the superusers (someone who can allow the attempt always hears of it)."""
    from accounts.models import User

    from .roles import COURSE_MANAGERS

    people = User.objects.filter(is_active=True).exclude(email="")
    for recipients in (
        people.filter(trainer_profiles__courses=course),
        people.filter(groups__name=COURSE_MANAGERS),
        people.filter(is_superuser=True),
    ):
        emails = list(
            recipients.order_by("email").values_list("email", flat=True).distinct()
        )
        if emails:
            return emails
    return []
