import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Locale

from assessments import services
from assessments.entrecomp import Band
from assessments.factories import all_answers, step_answers
from assessments.selectors import (
    latest_result,
    offered_instrument,
    previous_response,
    resume_step,
    weakest_competences,
)

pytestmark = pytest.mark.django_db


def submit(learner, instrument, answers_for):
    response = services.response_start(user=learner, instrument=instrument)
    return services.response_submit(
        user=learner, response=response, answers=answers_for(response)
    )


def test_offered_instrument_follows_the_language(instruments):
    assert (
        offered_instrument(locale=Locale.objects.get(language_code="sl"))
        == (instruments["sl"])
    )
    assert (
        offered_instrument(locale=Locale.objects.get(language_code="en"))
        == (instruments["en"])
    )


def test_offered_instrument_falls_back_to_the_default_language(instruments):
    instruments["en"].unpublish()
    english = Locale.objects.get(language_code="en")
    assert offered_instrument(locale=english) == instruments["sl"]
    instruments["sl"].unpublish()
    assert offered_instrument(locale=english) is None


def test_resume_at_the_first_step_with_unanswered_items(instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    assert resume_step(response) == 1
    response = services.response_answers_save(
        user=learner, response=response, answers=step_answers(response, 1), step=1
    )
    assert resume_step(response) == 2
    # Step 3 complete but step 2 not: back to step 2.
    response = services.response_answers_save(
        user=learner, response=response, answers=step_answers(response, 3), step=3
    )
    assert resume_step(response) == 2
    # "Not relevant" is an answer.
    na = dict.fromkeys(step_answers(response, 2), None)
    response = services.response_answers_save(
        user=learner, response=response, answers=na, step=2
    )
    # Everything answered: the last step visited.
    assert resume_step(response) == 2


def test_latest_result_and_weakest_competences(instrument, learner):
    assert latest_result(learner) is None
    assert latest_result(AnonymousUser()) is None
    submit(learner, instrument, lambda r: all_answers(r, 2))

    def second(response):
        answers = all_answers(response, 4)
        ids = list(answers)
        # Spotting opportunities 1.0, Creativity 1.7, Vision too few answers,
        # Valuing ideas 3.0, Ethical thinking 1.7 (a tie with Creativity).
        answers.update(dict.fromkeys(ids[0:3], 1))
        answers.update({ids[3]: 1, ids[4]: 2, ids[5]: 2})
        answers.update({ids[6]: 1, ids[7]: None, ids[8]: None})
        answers.update(dict.fromkeys(ids[9:12], 3))
        answers.update({ids[12]: 2, ids[13]: 2, ids[14]: 1})
        return answers

    newest = submit(learner, instrument, second)
    response, result = latest_result(learner)
    assert response == newest
    assert result.competence("spotting_opportunities").score == 1.0
    assert weakest_competences(result) == [
        ("spotting_opportunities", Band.FOUNDATION),
        ("creativity", Band.FOUNDATION),
        ("ethical_sustainable_thinking", Band.FOUNDATION),
    ]
    assert weakest_competences(result, n=5)[3:] == [
        ("valuing_ideas", Band.INTERMEDIATE),
        ("self_awareness", Band.ADVANCED),
    ]
    assert "vision" not in dict(weakest_competences(result, n=15))


def test_previous_response_is_the_attempt_before(instruments, learner, other_learner):
    first = submit(learner, instruments["sl"], lambda r: all_answers(r, 2))
    submit(other_learner, instruments["sl"], lambda r: all_answers(r, 3))
    second = submit(learner, instruments["en"], lambda r: all_answers(r, 4))
    assert previous_response(second) == first  # another language, same series
    assert previous_response(first) is None
