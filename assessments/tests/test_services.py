import uuid

import pytest
from django.core.exceptions import ValidationError

from accounts.factories import UserFactory
from assessments import services
from assessments.definitions import item_ids
from assessments.factories import (
    all_answers,
    edit_and_publish,
    first_item,
    step_answers,
)
from assessments.models import InstrumentVersion, Response
from assessments.selectors import response_result

pytestmark = pytest.mark.django_db


def refreshed(response: Response) -> Response:
    return Response.objects.get(pk=response.pk)


# --- starting -----------------------------------------------------------------


def test_start_creates_one_draft_per_instrument(instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    assert response.status == Response.Status.DRAFT
    assert response.version.number == 1
    assert response.version.instrument == instrument
    again = services.response_start(user=learner, instrument=instrument)
    assert again.pk == response.pk


def test_a_draft_is_resumed_in_any_language_of_the_instrument(instruments, learner):
    draft = services.response_start(user=learner, instrument=instruments["sl"])
    assert services.response_start(user=learner, instrument=instruments["en"]) == draft
    assert Response.objects.count() == 1


def test_an_unpublished_instrument_cannot_be_started(instrument, learner):
    instrument.unpublish()
    with pytest.raises(ValidationError, match="not available"):
        services.response_start(user=learner, instrument=instrument)
    assert not Response.objects.exists()


# --- saving answers -------------------------------------------------------------


def test_saving_a_step_merges_answers_and_remembers_the_step(instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    first = step_answers(response, 1, 4)
    services.response_answers_save(
        user=learner, response=response, answers=first, step=1
    )
    second = dict.fromkeys(list(step_answers(response, 2))[:2], "na")
    saved = services.response_answers_save(
        user=learner, response=response, answers=second, step=2
    )
    stored = refreshed(response)
    assert stored.answers == {**first, **dict.fromkeys(second, None)}
    assert stored.last_step == 2
    assert saved.answers == stored.answers


def test_form_values_are_accepted(instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    a, b = list(step_answers(response, 1))[:2]
    services.response_answers_save(
        user=learner, response=response, answers={a: "5", b: "na"}, step=1
    )
    assert refreshed(response).answers == {a: 5, b: None}


@pytest.mark.parametrize("value", [0, 6, -1, "0", "6", "", "abc", "3.5", "٣", True])
def test_values_off_the_scale_are_refused_and_nothing_is_saved(
    instrument, learner, value
):
    response = services.response_start(user=learner, instrument=instrument)
    good, bad = list(step_answers(response, 1))[:2]
    with pytest.raises(ValidationError, match="points of the scale"):
        services.response_answers_save(
            user=learner, response=response, answers={good: 4, bad: value}, step=1
        )
    stored = refreshed(response)
    assert stored.answers == {}
    assert stored.last_step == 0


def test_items_of_another_instrument_are_refused(instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    stranger = str(uuid.uuid4())
    with pytest.raises(ValidationError, match="do not belong"):
        services.response_answers_save(
            user=learner, response=response, answers={stranger: 3}, step=1
        )
    assert refreshed(response).answers == {}


def test_items_of_another_version_are_refused(instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    new_id = str(uuid.uuid4())

    def add_item(raw):
        items = raw[0]["value"]["dimensions"][0]["value"]["items"]
        items.append({"type": "item", "id": new_id, "value": "I can do a new thing."})

    edit_and_publish(instrument, add_item)
    assert new_id in item_ids(instrument.versions.get(number=2).definition)
    with pytest.raises(ValidationError, match="do not belong"):
        services.response_answers_save(
            user=learner, response=response, answers={new_id: 3}, step=1
        )
    assert refreshed(response).answers == {}


def test_unknown_step_is_refused(instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    for step in (0, 4):
        with pytest.raises(ValidationError, match="step does not exist"):
            services.response_answers_save(
                user=learner,
                response=response,
                answers=step_answers(response, 1),
                step=step,
            )
    assert refreshed(response).answers == {}


def test_someone_elses_response_cannot_be_changed(instrument, learner, other_learner):
    response = services.response_start(user=learner, instrument=instrument)
    with pytest.raises(ValidationError, match="belongs to someone else"):
        services.response_answers_save(
            user=other_learner,
            response=response,
            answers=step_answers(response, 1),
            step=1,
        )
    with pytest.raises(ValidationError, match="belongs to someone else"):
        services.response_submit(
            user=other_learner, response=response, answers=all_answers(response)
        )
    stored = refreshed(response)
    assert stored.answers == {}
    assert stored.status == Response.Status.DRAFT


# --- submitting -------------------------------------------------------------------


def test_submit_with_unanswered_items_is_allowed(instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    services.response_answers_save(
        user=learner, response=response, answers=step_answers(response, 1, 4), step=1
    )
    submitted = services.response_submit(
        user=learner, response=response, answers=step_answers(response, 3, 2), step=3
    )
    assert submitted.status == Response.Status.SUBMITTED
    assert submitted.submitted_at is not None
    result = response_result(refreshed(response))
    assert [area.score for area in result.areas] == [4.0, None, 2.0]
    assert len(result.not_enough) == 5


def test_submit_with_no_answers_is_refused(instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    with pytest.raises(ValidationError, match="at least one"):
        services.response_submit(user=learner, response=response)
    assert refreshed(response).status == Response.Status.DRAFT


def test_a_double_submit_is_refused_and_changes_nothing(instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    services.response_submit(
        user=learner, response=response, answers=all_answers(response, 3)
    )
    first = refreshed(response)
    with pytest.raises(ValidationError, match="already submitted"):
        services.response_submit(
            user=learner, response=response, answers=all_answers(response, 5)
        )
    with pytest.raises(ValidationError, match="already submitted"):
        services.response_answers_save(
            user=learner, response=response, answers=all_answers(response, 1), step=1
        )
    again = refreshed(response)
    assert again.answers == first.answers
    assert again.submitted_at == first.submitted_at
    # The next start is a new attempt.
    new = services.response_start(user=learner, instrument=instrument)
    assert new.pk != response.pk and new.status == Response.Status.DRAFT


def test_a_bad_last_step_refuses_the_submit(instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    answers = all_answers(response, 3)
    bad = {**answers, next(iter(answers)): 9}
    with pytest.raises(ValidationError):
        services.response_submit(user=learner, response=response, answers=bad)
    stored = refreshed(response)
    assert stored.status == Response.Status.DRAFT
    assert stored.answers == {}


# --- versions -----------------------------------------------------------------------


def test_publishing_unchanged_content_keeps_the_version(instrument):
    instrument.save_revision().publish()
    assert instrument.versions.count() == 1
    assert services.instrument_version_ensure(instrument=instrument).number == 1


def test_editing_after_responses_creates_a_version_and_keeps_old_answers(
    instrument, learner
):
    old = services.response_start(user=learner, instrument=instrument)
    old_definition = old.version.definition
    services.response_submit(
        user=learner, response=old, answers=all_answers(old, 2), step=3
    )
    old_result = response_result(refreshed(old))

    def reword_and_drop(raw):
        first_item(raw)["value"] = "I can do something quite different."
        # Drop the second item of the first competence.
        items = raw[0]["value"]["dimensions"][0]["value"]["items"]
        del items[1]

    edited = edit_and_publish(instrument, reword_and_drop)
    versions = list(edited.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].definition == old_definition  # frozen
    old = refreshed(old)
    assert old.version.number == 1
    assert response_result(old) == old_result
    assert old.version.definition["areas"][0]["dimensions"][0]["items"][0]["text"] != (
        "I can do something quite different."
    )

    new = services.response_start(user=learner, instrument=edited)
    assert new.version.number == 2
    new_first = new.version.definition["areas"][0]["dimensions"][0]
    assert new_first["items"][0]["text"] == "I can do something quite different."
    assert len(new_first["items"]) == 2
    # The item keeps its id through the rewording.
    assert (
        new_first["items"][0]["id"]
        == old_definition["areas"][0]["dimensions"][0]["items"][0]["id"]
    )


def test_a_draft_stays_on_the_version_it_started(instrument, learner):
    draft = services.response_start(user=learner, instrument=instrument)

    def reword(raw):
        first_item(raw)["value"] = "Reworded."

    edit_and_publish(instrument, reword)
    assert services.response_start(user=learner, instrument=instrument) == draft
    assert refreshed(draft).version.number == 1


def test_versions_are_immutable(instrument):
    version = instrument.versions.get()
    version.definition = {}
    with pytest.raises(TypeError):
        version.save()
    assert InstrumentVersion.objects.get(pk=version.pk).definition["areas"]


def test_each_language_has_its_own_versions(instruments):
    sl, en = instruments["sl"], instruments["en"]
    assert sl.versions.get().definition["language"] == "sl"
    assert en.versions.get().definition["language"] == "en"
    assert item_ids(sl.versions.get().definition) == item_ids(
        en.versions.get().definition
    )


def test_learners_drafts_are_separate(instrument, learner):
    other = UserFactory()
    mine = services.response_start(user=learner, instrument=instrument)
    theirs = services.response_start(user=other, instrument=instrument)
    assert mine.pk != theirs.pk
    assert mine.uuid != theirs.uuid
