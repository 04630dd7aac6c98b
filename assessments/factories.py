"""Factories for the assessments tests: answers to an instrument's statements, a
submitted self-assessment, an instrument edited and published as an editor would.
The demo instrument (`assessments.demo`) is in every test's database."""

import copy

from assessments.definitions import step_item_ids
from assessments.models import Instrument


def step_answers(response, step: int, value=3) -> dict:
    """An answer of `value` to every statement of one step (1-based)."""
    ids = step_item_ids(response.version.definition)[step - 1]
    return dict.fromkeys(ids, value)


def all_answers(response, value=3) -> dict:
    answers = {}
    for ids in step_item_ids(response.version.definition):
        answers.update(dict.fromkeys(ids, value))
    return answers


def edit_and_publish(instrument: Instrument, change) -> Instrument:
    """Change the instrument's areas as an editor would and publish: `change`
    receives the raw StreamField data (a list of area blocks) and edits it."""
    instrument = Instrument.objects.get(pk=instrument.pk)
    raw = copy.deepcopy(list(instrument.body.raw_data))
    change(raw)
    instrument.body = raw
    instrument.save_revision().publish()
    return Instrument.objects.get(pk=instrument.pk)


def first_item(raw: list) -> dict:
    return raw[0]["value"]["dimensions"][0]["value"]["items"][0]


def submitted_response(
    *, user, instrument: Instrument, value=3, scores: dict | None = None
):
    """A self-assessment of `user`, every statement answered `value` except the
    competences in `scores` ({code: value}), submitted through the services as a
    learner would."""
    from assessments import services

    response = services.response_start(user=user, instrument=instrument)
    answers = all_answers(response, value)
    for area in response.version.definition["areas"]:
        for dimension in area["dimensions"]:
            if dimension["competence"] in (scores or {}):
                for item in dimension["items"]:
                    answers[item["id"]] = scores[dimension["competence"]]
    return services.response_submit(user=user, response=response, answers=answers)
