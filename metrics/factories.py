"""Records at chosen moments for the participation tests: learners who joined on a
day, enrolments begun and completed on given days (with a certificate), submitted
self-assessments, and an analyst to read the dashboard. The services record the
moment they run, so these back-date what the figures count."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.factories import UserFactory
from assessments.factories import submitted_response
from certificates.models import Certificate
from courses.models import Enrolment

from .roles import ANALYSTS


def at(day: datetime.date, hour: int = 12) -> datetime.datetime:
    """A moment of `day` in the platform's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def learner(joined: datetime.date, **fields):
    """A learner who signed up on `joined`."""
    user = UserFactory(**fields)
    type(user).objects.filter(pk=user.pk).update(date_joined=at(joined))
    user.refresh_from_db()
    return user


def enrol(
    user,
    course,
    enrolled: datetime.date,
    completed: datetime.date | None = None,
    status=Enrolment.Status.ACTIVE,
    certificate: str | None = None,
) -> Enrolment:
    """An enrolment of two required lessons begun (and asked for) on `enrolled`,
    completed on `completed`; with a certificate of status `certificate` issued
    an hour after completion."""
    enrolment = Enrolment.objects.create(
        user=user,
        course=course,
        status=status,
        enrolled_at=at(enrolled),
        completed_at=at(completed) if completed else None,
        required_total=2,
        required_done=2 if completed else 0,
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(requested_at=at(enrolled))
    if certificate:
        Certificate.objects.create(
            enrolment=enrolment,
            user=user,
            holder_name="x",
            course_title=course.title,
            hours=1,
            completed_at=at(completed),
            language="en",
            issuer_name="RCKE",
            status=certificate,
            issued_at=at(completed, 13),
        )
    return enrolment


def assessment_submitted(user, instrument, *, default=3, scores=None):
    """A whole self-assessment submitted now: every statement `default`, except
    the competences in `scores` ({code: value})."""
    return submitted_response(
        user=user, instrument=instrument, value=default, scores=scores
    )


def analyst():
    """A member of staff in the "Analysts" group."""
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=ANALYSTS))
    return user
