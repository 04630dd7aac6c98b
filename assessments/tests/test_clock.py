"""The self-assessment services take the moment of the action as `now=` (the
demo's history and tests pass one instead of patching the clock): the response
stores the moment passed."""

import datetime

import pytest

from assessments import services
from assessments.factories import step_answers
from assessments.models import Response

pytestmark = pytest.mark.django_db

# Well in the past, so that nothing can store it by reading the clock.
MOMENT = datetime.datetime(2025, 3, 14, 9, 30, tzinfo=datetime.UTC)
SAVED = MOMENT + datetime.timedelta(minutes=12)
SUBMITTED = MOMENT + datetime.timedelta(days=1, minutes=40)


def test_a_response_is_dated_at_each_moment_passed(instrument, learner):
    response = services.response_start(user=learner, instrument=instrument, now=MOMENT)
    stored = Response.objects.get(pk=response.pk)
    assert (stored.started_at, stored.updated_at) == (MOMENT, MOMENT)

    services.response_answers_save(
        user=learner,
        response=response,
        answers=step_answers(response, 1),
        step=1,
        now=SAVED,
    )
    stored.refresh_from_db()
    assert (stored.started_at, stored.updated_at) == (MOMENT, SAVED)

    services.response_submit(
        user=learner,
        response=response,
        answers=step_answers(response, 2),
        step=2,
        now=SUBMITTED,
    )
    stored.refresh_from_db()
    assert stored.status == Response.Status.SUBMITTED
    assert stored.started_at == MOMENT
    assert (stored.updated_at, stored.submitted_at) == (SUBMITTED, SUBMITTED)


def test_without_a_moment_it_is_now(instrument, learner):
    before = datetime.datetime.now(tz=datetime.UTC)
    response = services.response_start(user=learner, instrument=instrument)
    submitted = services.response_submit(
        user=learner, response=response, answers=step_answers(response, 1)
    )
    stored = Response.objects.get(pk=submitted.pk)
    assert before <= stored.started_at <= stored.updated_at
    assert stored.updated_at == stored.submitted_at
