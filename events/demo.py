"""Demo content for the events app, from the Creative Cities partnership's own
history: the events listing of each language (`demo/<language>/listing.md`),
one page per event and language (`demo/<language>/<event>.md`), and when and
where their sessions take place (`demo/schedule.yaml`, once for both
languages), with a run of the demo course and its three workshops in
Ljubljana. Called by `manage.py load_demo`; a second run changes nothing.

Sessions are created and changed through `services.session_save`, as the
admin does (its checks stop the load with a message naming the file). Their
days in the schedule count from the day the events demo was first loaded (the
Slovenian listing's first publication), so that a fresh `make run` has events
to come and a later run, on another day, moves nothing.

`activity()` registers the demo learners (courses.demo_activity) for the
sessions through `services.registration_create`, each at a moment before the
session (`now=`), as many as the schedule's `registrations` says: past
sessions with their participants, and upcoming ones filling up, one of them
full with a waitlist."""

import datetime
import random
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import User
from courses.demo import demo_courses
from courses.demo_activity import DEMO_LEARNER_DOMAIN, SEED
from courses.models import CoursePage, Trainer
from home.models import HomePage
from lms import demo

from . import services
from .models import DEFAULT_TIME_ZONE, CourseRun, EventIndexPage, EventPage, Session

DEMO_DIR = Path(__file__).parent / "demo"
SCHEDULE = DEMO_DIR / "schedule.yaml"
LISTING = "listing.md"
# The page fields an event's front matter may hold (the body is its Markdown).
EVENT_FIELDS = ("title", "slug", "event_type", "summary", "open_to_guests")
# What a session of the schedule may say, as Session's fields.
SESSION_FIELDS = (
    "title",
    "time_zone",
    "kind",
    "meeting_url",
    "venue_name",
    "address",
    "room",
    "city",
    "latitude",
    "longitude",
    "capacity",
)
COORDINATE = Decimal("0.000001")
# How long before a session the demo learners' registrations come in.
REGISTRATION_WINDOW = datetime.timedelta(days=21)


def in_language(value: Any, language: str) -> Any:
    """A schedule value: the same for every language, or one per language
    (`{sl: …, en: …}`)."""
    if isinstance(value, dict) and set(value) <= set(demo.LANGUAGES):
        return value.get(language)
    return value


def _clock(value: Any, source: Path) -> datetime.time:
    """ "18:30" (or the minutes an unquoted 18:30 is to YAML) as a time."""
    if isinstance(value, int):
        return datetime.time(*divmod(value, 60))
    try:
        return datetime.time.fromisoformat(str(value))
    except ValueError as error:
        raise demo.DemoContentError(
            f'{source.name}: {value!r} is not a time such as "18:30"'
        ) from error


def _moment(anchor: datetime.date, entry: dict, key: str, source: Path):
    zone = zoneinfo.ZoneInfo(entry.get("time_zone", DEFAULT_TIME_ZONE))
    day = anchor + datetime.timedelta(days=entry["day"])
    return datetime.datetime.combine(day, _clock(entry[key], source), tzinfo=zone)


def anchor_day(listing: EventIndexPage) -> datetime.date:
    """The day the schedule's `day` counts from: the day the (Slovenian)
    listing was first published, in Ljubljana."""
    published = listing.first_published_at or timezone.now()
    return published.astimezone(zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)).date()


def _trainer(name: str | None, locale_id: int) -> Trainer | None:
    if not name:
        return None
    return Trainer.objects.filter(name=name, locale_id=locale_id).first()


def session_values(
    entry: dict, *, language: str, anchor: datetime.date, locale_id: int
) -> dict:
    """A schedule entry as the fields of a session of the page (or run) in
    `language`."""
    values = {
        name: in_language(entry[name], language)
        for name in SESSION_FIELDS
        if name in entry
    }
    for name in ("latitude", "longitude"):
        if values.get(name) is not None:
            values[name] = Decimal(str(values[name])).quantize(COORDINATE)
    values["starts_at"] = _moment(anchor, entry, "start", SCHEDULE)
    values["ends_at"] = _moment(anchor, entry, "end", SCHEDULE)
    trainer = _trainer(entry.get("trainer"), locale_id)
    values["trainer_id"] = trainer.pk if trainer else None
    return values


def _sessions(owner: dict) -> list[Session]:
    """The sessions of an event page or a run, in the order they were made:
    the schedule's order."""
    return list(Session.objects.filter(**owner).order_by("pk"))


def _sessions_put(
    entries: list[dict],
    *,
    owner: dict,
    language: str,
    anchor: datetime.date,
    locale_id: int,
) -> bool:
    """The sessions of `owner` ({"event": page} or {"run": run}) as the
    schedule says, by position; returns whether anything was written. A
    session an editor cancelled is left as it is, and none is deleted."""
    existing = _sessions(owner)
    changed = False
    for position, entry in enumerate(entries):
        values = session_values(
            entry, language=language, anchor=anchor, locale_id=locale_id
        )
        session = existing[position] if position < len(existing) else Session(**owner)
        if session.pk and (
            session.is_cancelled
            or all(getattr(session, name) == value for name, value in values.items())
        ):
            continue
        for name, value in values.items():
            setattr(session, name, value)
        try:
            services.session_save(session=session)
        except ValidationError as error:
            (of,) = owner.values()
            raise demo.DemoContentError(
                f"{SCHEDULE.name}: session {position + 1} of “{of}” "
                f"({language}): {'; '.join(error.messages)}"
            ) from error
        changed = True
    return changed


def _listings() -> Iterator[tuple[str, EventIndexPage, bool, bool]]:
    """(language, listing, created, changed) for each language, the Slovenian
    first; the others are its translations."""
    original = None
    for language in demo.LANGUAGES:
        home = HomePage.objects.get(locale__language_code=language, depth=2)
        page_file = demo.page_file_read(DEMO_DIR / language / LISTING)
        existing = EventIndexPage.objects.child_of(home).first()
        listing, changed = demo.page_put(
            parent=home,
            page_class=EventIndexPage,
            fields=page_file.fields,
            translation_of=original,
            existing=existing,
            source=page_file.path,
        )
        original = original or listing
        yield language, listing, existing is None, changed


def event_files() -> dict[str, dict[str, Path]]:
    """{event name: {language: its page file}}: every file but the listing."""
    files = demo.translation_files(DEMO_DIR)
    files.pop(LISTING, None)
    return {Path(name).stem: paths for name, paths in files.items()}


def _event_fields(path: Path) -> dict:
    page_file = demo.page_file_read(path)
    features = EventPage._meta.get_field("body").features
    fields = {name: page_file.fields[name] for name in EVENT_FIELDS[:4]}
    fields["open_to_guests"] = bool(page_file.fields.get("open_to_guests", False))
    fields["body"] = (
        demo.richtext_from_markdown(page_file.body, features=features, path=path)
        if page_file.body
        else ""
    )
    return fields


def _run_course(outline: dict) -> CoursePage:
    (course,) = [c for c in demo_courses() if c.directory.name == outline["course"]]
    language = outline["language"]
    return CoursePage.objects.get(
        locale__language_code=language, slug=course.slug(language)
    )


def _runs(schedule: dict) -> Iterator[tuple[dict, CourseRun | None, CoursePage]]:
    """(the schedule's run, the run made of it or None, its course), by
    position among the runs of the same course."""
    seen: dict[int, int] = {}
    for outline in schedule.get("runs", []):
        course = _run_course(outline)
        position = seen.get(course.pk, 0)
        seen[course.pk] = position + 1
        runs = list(CourseRun.objects.filter(course=course).order_by("pk"))
        yield outline, runs[position] if position < len(runs) else None, course


def _run_put(
    outline: dict, run: CourseRun | None, course: CoursePage, anchor: datetime.date
) -> tuple[CourseRun, bool]:
    fields = {
        "title": outline["title"],
        "starts_on": anchor + datetime.timedelta(days=outline["starts"]),
        "ends_on": anchor + datetime.timedelta(days=outline["ends"]),
        "capacity": outline.get("capacity"),
        "mode": outline.get("mode", CourseRun._meta.get_field("mode").default),
        "sessions_required": outline.get("sessions_required", 0),
    }
    trainers = [
        trainer
        for name in outline.get("trainers", [])
        if (trainer := _trainer(name, course.locale_id))
    ]
    if run is not None and (
        all(getattr(run, name) == value for name, value in fields.items())
        and {t.pk for t in run.trainers.all()} == {t.pk for t in trainers}
    ):
        return run, False
    run = run or CourseRun(course=course)
    for name, value in fields.items():
        setattr(run, name, value)
    try:
        run.full_clean()
    except ValidationError as error:
        raise demo.DemoContentError(
            f"{SCHEDULE.name}: run “{outline['title']}”: {'; '.join(error.messages)}"
        ) from error
    run.trainers.set(trainers)
    run.save()
    return run, True


def load() -> Iterator[str]:
    schedule = demo.yaml_read(SCHEDULE)
    files = event_files()
    originals: dict[str, EventPage] = {}
    anchor = None
    for language, listing, created, changed in _listings():
        anchor = anchor or anchor_day(listing)
        if created:
            yield f"Created the events listing “{listing.title}” ({language})."
        elif changed:
            yield f"Updated the events listing “{listing.title}” ({language})."
        for name, paths in files.items():
            if language not in paths:
                continue
            existed = (
                EventPage.objects.child_of(listing)
                .filter(locale=listing.locale)
                .filter(slug=demo.page_file_read(paths[language]).fields["slug"])
                .exists()
            )
            page, page_changed = demo.page_put(
                parent=listing,
                page_class=EventPage,
                fields=_event_fields(paths[language]),
                translation_of=originals.get(name),
                source=paths[language],
            )
            originals.setdefault(name, page)
            sessions_changed = _sessions_put(
                schedule["events"].get(name, []),
                owner={"event": page},
                language=language,
                anchor=anchor,
                locale_id=page.locale_id,
            )
            if not existed:
                yield f"Created the demo event “{page.title}” ({language})."
            elif page_changed or sessions_changed:
                yield f"Updated the demo event “{page.title}” ({language})."
    for outline, run, course in _runs(schedule):
        run, run_changed = _run_put(outline, run, course, anchor)
        sessions_changed = _sessions_put(
            outline.get("sessions", []),
            owner={"run": run},
            language=outline["language"],
            anchor=anchor,
            locale_id=course.locale_id,
        )
        if run_changed or sessions_changed:
            yield f"Put in place the course run “{run}” and its sessions."


# --- activity -----------------------------------------------------------------


@dataclass(frozen=True)
class DemoSession:
    """A session the schedule describes and how many demo learners register."""

    session: Session
    registrations: int


def demo_sessions() -> list[DemoSession]:
    """The schedule's sessions as they are in the database (those made), with
    their wanted registrations, events first, then runs."""
    schedule = demo.yaml_read(SCHEDULE)
    found: list[DemoSession] = []

    def add(entries: list[dict], owner: dict, language: str) -> None:
        for entry, session in zip(entries, _sessions(owner), strict=False):
            wanted = in_language(entry.get("registrations", 0), language) or 0
            found.append(DemoSession(session, wanted))

    listings = {
        language: EventIndexPage.objects.filter(
            locale__language_code=language, depth=3
        ).first()
        for language in demo.LANGUAGES
    }
    for name, paths in event_files().items():
        for language, path in paths.items():
            if listings[language] is None:
                continue
            slug = demo.page_file_read(path).fields["slug"]
            page = EventPage.objects.child_of(listings[language]).filter(slug=slug)
            page = page.first()
            if page is not None:
                add(schedule["events"].get(name, []), {"event": page}, language)
    for outline, run, _course in _runs(schedule):
        if run is not None:
            add(outline.get("sessions", []), {"run": run}, outline["language"])
    return found


def _register(item: DemoSession, learners: list[User], now: datetime.datetime) -> int:
    """Register `item.registrations` demo learners for its session, people of
    its city first, each at a moment of the three weeks before it (or before
    now, for one to come), in that order: the first ones get the places, the
    others the waitlist."""
    session = item.session
    rng = random.Random(f"{SEED}-{session.uid}")  # noqa: S311 - made-up people
    end = min(session.starts_at - datetime.timedelta(days=1), now)
    start = end - REGISTRATION_WINDOW
    moments = sorted(
        start + (end - start) * rng.random() for _ in range(item.registrations)
    )
    pool = sorted(learners, key=lambda user: (user.city != session.city, rng.random()))
    made = 0
    for moment in moments:
        learner = next((user for user in pool if user.date_joined < moment), None)
        if learner is None:
            continue
        pool.remove(learner)
        services.registration_create(
            session=session,
            user=learner,
            language=session.language_code,
            now=moment,
        )
        made += 1
    return made


def _run_members(run: CourseRun, learners: list[User], wanted: int) -> list[User]:
    """`wanted` of the demo learners taking the run's course (enrolled,
    completed or not), put in the run in the order they enrolled; those in it
    already stay. The rest of the run's places are for whoever tries the
    demo."""
    from courses.models import Enrolment

    from .runs import run_join

    enrolments = list(
        Enrolment.objects.filter(
            course=run.course, user__in=learners, status=Enrolment.Status.ACTIVE
        )
        .select_related("user", "run_participant")
        .order_by("enrolled_at", "pk")
    )
    members = []
    for enrolment in enrolments:
        if not hasattr(enrolment, "run_participant"):
            if len(members) >= wanted:
                continue
            joined = enrolment.enrolled_at or enrolment.requested_at
            try:
                run_join(enrolment=enrolment, run_id=run.pk, now=joined)
            except ValidationError:  # enrolled after the run, or it is full
                continue
        elif enrolment.run_participant.run_id != run.pk:
            continue
        members.append(enrolment.user)
    return members


def activity() -> Iterator[str]:
    learners = list(
        User.objects.filter(email__endswith=f"@{DEMO_LEARNER_DOMAIN}").order_by("pk")
    )
    if not learners:
        return
    now = timezone.now()
    made = 0
    members: dict[int, list[User]] = {}
    for item in demo_sessions():
        # A session anyone registered for already is left as it is.
        if item.registrations and not item.session.registrations.exists():
            pool = learners
            if item.session.run_id is not None:
                # A run's sessions are for its participants.
                run = item.session.run
                if run.pk not in members:
                    wanted = max(
                        other.registrations
                        for other in demo_sessions()
                        if other.session.run_id == run.pk
                    )
                    members[run.pk] = _run_members(run, learners, wanted)
                pool = members[run.pk]
            made += _register(item, pool, now)
    if made:
        yield f"Registered demo learners for the demo's sessions: {made} registrations."
    present, answers = _attendance_and_answers(now)
    if present:
        yield (
            f"Recorded the demo's past attendance: {present} present, "
            f"{answers} survey answers."
        )


# Most of the registered came; about half of those answered the survey.
ATTENDED_SHARE = 0.82
ANSWERED_SHARE = 0.55
COMMENTS = {
    "sl": [
        "Končno konkretni primeri iz prakse, ne samo teorija.",
        "Več časa bi si želela za vprašanja na koncu.",
        "Odlično, da smo spoznali ljudi iz industrije.",
        "Koristno, vendar je bilo za začetnike malo prehitro.",
        "",
        "",
    ],
    "en": [
        "Finally real cases, not just theory.",
        "I would have liked more time for questions at the end.",
        "Great to meet people from the industry.",
        "Useful, though a little fast for beginners.",
        "",
        "",
    ],
}


def _attendance_and_answers(now: datetime.datetime) -> tuple[int, int]:
    """For the schedule's sessions that are over and have no attendance yet:
    most of the registered ticked on the sheet by the trainer around the
    start, and about half of those answering the survey within three days
    (through the services, at those moments). Returns (present, answers)."""
    from .attendance import attendance_mark
    from .feedback import feedback_submit, survey_for_session
    from .models import Registration

    present = answers = 0
    for item in demo_sessions():
        session = item.session
        if not session.has_ended(now) or session.attendances.exists():
            continue
        rng = random.Random(f"{SEED}-present-{session.uid}")  # noqa: S311 - made-up
        trainer = session.trainer.user if session.trainer else None
        registrations = session.registrations.filter(
            status=Registration.Status.REGISTERED, user__isnull=False
        ).select_related("user")
        language = session.language_code
        for registration in registrations.order_by("pk"):
            if rng.random() >= ATTENDED_SHARE:
                continue
            attendance_mark(
                session=session,
                registration=registration,
                by=trainer,
                now=session.starts_at
                + datetime.timedelta(minutes=rng.randint(-15, 20)),
            )
            present += 1
            if rng.random() >= ANSWERED_SHARE:
                continue
            survey = survey_for_session(session_id=session.pk, user=registration.user)
            feedback_submit(
                survey=survey,
                overall=rng.choice([3, 4, 4, 5, 5, 5]),
                usefulness=rng.choice([2, 3, 4, 4, 5, 5]),
                would_recommend=rng.random() < 0.85,
                comment=rng.choice(COMMENTS.get(language, COMMENTS["en"])),
                language=language,
                now=session.ends_at + datetime.timedelta(hours=rng.randint(2, 72)),
            )
            answers += 1
    return present, answers
