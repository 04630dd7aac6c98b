"""`manage.py load_demo` gives a first run a year of made-up learners: made
through the learners' own services, dated in the past year, certificates issued
with their PDFs, nothing e-mailed, and a second run adds nothing. The events
demo comes with them (the same load): an evening in each partner city in its
own time zone, a fair, a run with three workshops, past sessions with their
participants and upcoming ones, one of them full with a waitlist."""

import datetime
from collections import Counter

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from accounts.models import User
from assessments.models import Response
from certificates.credentials.schema import validate
from certificates.models import Certificate
from courses.demo_activity import DEMO_LEARNER_DOMAIN
from courses.models import Enrolment, LessonCompletion, QuizAttempt
from courses.selectors import course_outline
from events.models import (
    CourseRun,
    EventIndexPage,
    EventPage,
    EventType,
    Registration,
    Session,
)
from events.selectors import waitlist_position
from metrics.summary.filters import Filters
from metrics.summary.participation import headline, learning_gain
from tests.helpers import CELERY_BACKEND, all_waiting

pytestmark = pytest.mark.django_db(transaction=True)

# A quarter of the demo's learners: enough for every month and for the learning
# gain to show, in a quarter of the time (the demo's code is the same).
LEARNERS = 48


def load_demo() -> str:
    """As `make run` runs it: tasks would go to the broker, Wagtail's too."""
    from io import StringIO

    from lms.celery import app

    out = StringIO()
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        with override_settings(TASKS=CELERY_BACKEND):
            call_command("load_demo", stdout=out)
    finally:
        app.conf.task_always_eager = eager
    return out.getvalue()


@override_settings(DEMO_LEARNERS=LEARNERS)
def test_the_demo_has_a_year_of_learners_made_through_the_services(wagtail_tree):
    started = timezone.now()
    today = timezone.localdate()
    period = Filters(start=today - datetime.timedelta(days=370), end=today)
    # The dashboard was opened before: its months are summarised, empty.
    before = {row["key"]: row["value"] for row in headline(period)}
    assert before["registered"] in (0, "<5")

    from lms.celery import app

    app.control.purge()
    output = load_demo()  # certificates are rendered by eager Celery tasks here
    # Nothing is left for the worker: it is free for a first sign-up's mail.
    assert all_waiting() == 0

    learners = User.objects.filter(email__endswith=f"@{DEMO_LEARNER_DOMAIN}")
    assert learners.count() == LEARNERS
    assert f"Created {LEARNERS} demo learners" in output
    year_ago = started - datetime.timedelta(days=366)
    joined = list(learners.values_list("date_joined", flat=True))
    assert all(year_ago <= moment < started for moment in joined)
    # Spread over the year, not all in one month.
    assert len({(moment.year, moment.month) for moment in joined}) >= 10

    enrolments = Enrolment.objects.filter(user__in=learners)
    completed = enrolments.filter(completed_at__isnull=False)
    assert completed.exists() and enrolments.filter(completed_at=None).exists()
    assert enrolments.filter(withdrawn_at__isnull=False).exists()
    for enrolment in completed.select_related("course"):
        required = course_outline(course=enrolment.course).required_ids
        done = set(
            LessonCompletion.objects.filter(enrolment=enrolment).values_list(
                "lesson_id", flat=True
            )
        )
        assert required <= done
        assert enrolment.enrolled_at < enrolment.completed_at < started
    assert QuizAttempt.objects.filter(passed=False).exists()  # some first tries miss
    assert not LessonCompletion.objects.filter(completed_at__gte=started).exists()
    assert not QuizAttempt.objects.filter(submitted_at__gte=started).exists()
    assert not enrolments.filter(requested_at__gte=started).exists()
    assert not (
        Response.objects.filter(user__in=learners)
        .filter(started_at__gte=started)
        .exists()
    )
    assert (
        Response.objects.filter(user__in=learners, submitted_at__isnull=False)
        .filter(submitted_at__lt=started)
        .count()
        > LEARNERS / 2
    )

    certificates = Certificate.objects.filter(user__in=learners)
    assert certificates.count() == completed.count()
    for certificate in certificates:
        assert certificate.status == Certificate.Status.ISSUED
        assert certificate.pdf.read(4) == b"%PDF"
        # Created when the course was completed, issued a little later.
        assert certificate.created_at == certificate.completed_at
        assert (
            certificate.completed_at
            < certificate.issued_at
            < certificate.completed_at + datetime.timedelta(hours=1)
        )
        # Each with its Open Badges credential, valid by 1EdTech's schema.
        (credential,) = certificate.credentials.all()
        assert validate(credential.document) == []
        assert credential.jwt
    assert mail.outbox == []  # nobody behind these addresses

    # The dashboard counts them at once (metrics.demo summarised again).
    figures = {row["key"]: row["value"] for row in headline(period)}
    assert figures["registered"] == LEARNERS
    assert figures["certificates"] == certificates.count()
    pairs = enrolments.filter(pre_response__isnull=False, post_response__isnull=False)
    assert pairs.count() >= 5  # enough for the learning gain to show
    gain = {row["code"]: row for row in learning_gain(period)}
    assert all(row["pairs"] == pairs.count() for row in gain.values())

    events_demo_checks(started, learners)

    # A second run adds nothing.
    counts = (
        User.objects.count(),
        Enrolment.objects.count(),
        Certificate.objects.count(),
        *events_demo_counts(),
    )
    second = load_demo()
    assert "demo learners" not in second
    assert "demo event" not in second and "course run" not in second
    assert (
        User.objects.count(),
        Enrolment.objects.count(),
        Certificate.objects.count(),
        *events_demo_counts(),
    ) == counts


# The partner cities' evenings, each in its city's time zone.
CITY_ZONES = {
    "gdansk": "Europe/Warsaw",
    "genova": "Europe/Rome",
    "leipzig": "Europe/Berlin",
    "ljubljana": "Europe/Ljubljana",
    "pecs": "Europe/Budapest",
}


def events_demo_counts() -> tuple[int, ...]:
    from wagtail.models import Revision

    from events.models import Attendance, FeedbackAnswer, RunParticipant

    return (
        Session.objects.count(),
        Registration.objects.count(),
        CourseRun.objects.count(),
        RunParticipant.objects.count(),
        Attendance.objects.count(),
        FeedbackAnswer.objects.count(),
        Revision.page_revisions.filter(
            content_type__model__in=["eventpage", "eventindexpage"]
        ).count(),
    )


def events_demo_checks(started: datetime.datetime, learners) -> None:
    """The events demo as a first `make run` shows it (events/demo.py)."""
    for language in ("sl", "en"):
        (listing,) = EventIndexPage.objects.live().filter(
            locale__language_code=language
        )
        assert listing.show_in_menus  # the header's "Dogodki" / "Events"
        events = EventPage.objects.live().child_of(listing)
        sessions = Session.objects.filter(event__in=events)
        evenings = sessions.filter(event__event_type=EventType.NETWORKING)
        assert dict(evenings.values_list("city", "time_zone")) == CITY_ZONES
        assert evenings.count() == len(CITY_ZONES)
        fair = events.get(event_type=EventType.FAIR_PRESENTATION)
        assert fair.open_to_guests and fair.sessions.count() == 2
        assert sessions.filter(starts_at__lt=started).exists()
        assert sessions.filter(starts_at__gt=started).exists()
        # One coming session is full, with people waiting in order.
        full = [
            session
            for session in sessions.filter(starts_at__gt=started)
            if session.registrations.filter(status="registered").count()
            == session.effective_capacity
        ]
        assert len(full) == 1
        waiting = full[0].registrations.filter(status="waitlisted")
        assert sorted(waitlist_position(r) for r in waiting) == list(
            range(1, waiting.count() + 1)
        )
        assert waiting.count() >= 2
    # The Slovenian and English pages are translations of each other.
    keys = EventPage.objects.values_list("translation_key", flat=True)
    assert all(count == 2 for count in Counter(keys).values())

    (run,) = CourseRun.objects.filter(
        course__slug="poslovni-modeli-za-ustvarjalno-prakso"
    )
    workshops = list(run.sessions.order_by("starts_at"))
    assert len(workshops) == 3
    assert {session.city for session in workshops} == {"ljubljana"}
    assert workshops[0].starts_at < started < workshops[1].starts_at

    registrations = Registration.objects.filter(user__in=learners)
    assert registrations.count() > 100
    # Through the service, each before its session and before the load.
    assert not registrations.exclude(status__in=["registered", "waitlisted"]).exists()
    for registration in registrations.select_related("session", "user"):
        assert registration.user.date_joined < registration.created_at < started
        assert registration.created_at < registration.session.starts_at
    for session in Session.objects.filter(starts_at__lt=started):
        assert session.registrations.exists()  # the past ones had people
    # The run's sessions are its participants': enrolled in its course, with
    # places left in the run for whoever tries the demo.
    members = run.participants.filter(enrolment__user__in=learners)
    assert members.count() == workshops[0].registrations.count()
    assert (
        not Registration.objects.filter(session__run=run)
        .exclude(user__enrolments__run_participant__run=run)
        .exists()
    )
    assert members.count() < run.capacity
    # The past sessions: most of the registered came, some answered the
    # survey, after the session and as the people they are.
    from events.models import Attendance, FeedbackAnswer

    for session in Session.objects.filter(ends_at__lt=started):
        registered = session.registrations.filter(status="registered").count()
        present = Attendance.objects.filter(session=session).count()
        assert 0 < present <= registered
    answers = FeedbackAnswer.objects.select_related("registration__session")
    assert answers.count() > 10
    for answer in answers:
        assert answer.registration.attendances.exists()
        assert answer.submitted_at > answer.registration.session.ends_at
        assert 1 <= answer.overall <= 5
