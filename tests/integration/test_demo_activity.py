"""`manage.py load_demo` gives a first run a year of made-up learners: made
through the learners' own services, dated in the past year, certificates issued
with their PDFs, nothing e-mailed, and a second run adds nothing."""

import datetime

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

    # A second run adds nothing.
    counts = (
        User.objects.count(),
        Enrolment.objects.count(),
        Certificate.objects.count(),
    )
    assert "demo learners" not in load_demo()
    assert (
        User.objects.count(),
        Enrolment.objects.count(),
        Certificate.objects.count(),
    ) == counts
