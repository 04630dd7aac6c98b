"""The personal-data ZIP reads without the platform: quiz attempts name the
questions, the answers chosen and whether they were right; self-assessment
responses name each statement, its competence, the answer on the scale and the
scores per competence."""

import io
import json
import zipfile

import pytest

from accounts.factories import UserFactory
from accounts.services import data_export_request
from assessments import demo as assessment_demo
from assessments import services as assessment_services
from assessments.factories import all_answers
from assessments.models import Instrument
from courses import services as course_services
from courses.factories import build_course

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def exported(user, capture) -> dict[str, dict]:
    with capture(execute=True):
        export = data_export_request(user=user)
    export.refresh_from_db()
    with export.file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    return {
        name: json.loads(archive.read(name))
        for name in archive.namelist()
        if name.endswith(".json")
    }


def test_quiz_and_self_assessment_answers_are_named_in_the_export(
    catalogue, django_capture_on_commit_callbacks
):
    learner = UserFactory(full_name="Nina Kralj")
    course, lessons = build_course(
        parent=catalogue, title="Pricing", lessons_per_module=(1,), quizzes=(1,)
    )
    course_services.enrolment_create(user=learner, course=course)
    quiz = lessons[0].quizzes[0]
    day_rate, copyright_ = quiz.value["questions"].bound_blocks
    right = next(
        a for a in day_rate.value["answers"].bound_blocks if a.value["correct"]
    )
    wrong = next(
        a for a in copyright_.value["answers"].bound_blocks if not a.value["correct"]
    )
    course_services.quiz_submit(
        user=learner,
        lesson=lessons[0],
        quiz_id=quiz.id,
        answers={day_rate.id: [right.id], copyright_.id: [wrong.id]},
    )
    instrument = Instrument.objects.get(
        translation_key=assessment_demo.TRANSLATION_KEY, locale__language_code="en"
    )
    response = assessment_services.response_start(user=learner, instrument=instrument)
    answers = all_answers(response, value=4)
    first_item = next(iter(answers))
    answers[first_item] = None  # "not relevant / don't know"
    assessment_services.response_submit(
        user=learner, response=response, answers=answers
    )

    files = exported(learner, django_capture_on_commit_callbacks)

    (attempt,) = files["courses.json"]["enrolments"][0]["quiz_attempts"]
    assert attempt["quiz"] == "Check yourself"
    assert attempt["score"] == 50 and attempt["passed"] is False
    assert attempt["pass_mark"] == 70
    assert attempt["questions"] == [
        {
            "question": "Which costs does a day rate cover?",
            "chosen_answers": ["Time, overheads and profit"],
            "correct": True,
        },
        {
            "question": "Copyright needs registration in the EU.",
            "chosen_answers": ["True"],
            "correct": False,
        },
    ]

    (submitted,) = files["assessments.json"]["responses"]
    definition = response.version.definition
    dimension = definition["areas"][0]["dimensions"][0]
    scale = {point["value"]: point["label"] for point in definition["scale"]}
    statement = submitted["answers"][0]
    assert statement == {
        "statement": dimension["items"][0]["text"],
        "competence": dimension["name"],
        "area": definition["areas"][0]["name"],
        "answer": definition["not_applicable_label"],
        "value": None,
    }
    assert submitted["answers"][1]["answer"] == scale[4]
    assert first_item not in json.dumps(files["assessments.json"])  # no bare ids
    scores = {row["competence"]: row for row in submitted["scores"]}
    assert scores[dimension["name"]]["score"] == 4.0
    assert scores[dimension["name"]]["level"]
    assert len(scores) == sum(len(a["dimensions"]) for a in definition["areas"])
