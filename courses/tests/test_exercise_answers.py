"""Learners' exercise answers: free text, stored as written unless it carries
control characters (then refused, with the reason next to the field, and nothing
stored), and always shown escaped."""

import re
import sys

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses import services
from courses.factories import (
    LessonPageFactory,
    ModulePageFactory,
    build_course,
    exercise_block,
)
from courses.models import ExerciseAnswer

SCRIPT = "<script>alert('x')</script>"
# Unicode "Cc" without tab, line feed and carriage return: C0, DEL, C1.
CONTROL_CHARACTERS = [
    chr(code)
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]
    if chr(code) not in "\t\n\r"
]
CONTROL_MESSAGE = "Your answer contains invisible control characters"


@pytest.fixture
def exercise(catalogue, learner):
    """(lesson, exercise id) of a lesson with an exercise; `learner` is enrolled."""
    course, _ = build_course(parent=catalogue, lessons_per_module=())
    lesson = LessonPageFactory(
        parent=ModulePageFactory(parent=course), body=[exercise_block()]
    )
    services.enrolment_create(user=learner, course=course)
    return lesson, lesson.body[0].id


def save(learner, exercise, text: str) -> ExerciseAnswer:
    lesson, exercise_id = exercise
    return services.exercise_answer_save(
        user=learner, lesson=lesson, exercise_id=exercise_id, text=text
    )


def test_the_check_finds_exactly_the_control_characters():
    """Pure: of all of Unicode, C0, DEL and C1 but tab, line feed and carriage
    return; format characters (zero-width joiner, bidi marks) are text."""
    found = [
        character
        for character in map(chr, range(sys.maxunicode + 1))
        if services._is_control_character(character)
    ]
    assert found == CONTROL_CHARACTERS


def test_every_control_character_is_refused_and_nothing_is_stored(learner, exercise):
    for character in CONTROL_CHARACTERS:
        with pytest.raises(ValidationError) as refused:
            save(learner, exercise, f"My day rate{character} is 400 EUR")
        assert refused.value.code == "control_characters", repr(character)
    assert not ExerciseAnswer.objects.exists()


def test_a_refused_answer_leaves_the_earlier_one_as_it_was(learner, exercise):
    save(learner, exercise, "400 EUR a day")
    # At the edges too: strip() would have removed \x1f before anyone looked.
    for text in ["\x1b[31m500 EUR\x1b[0m", "500 EUR\x1f", "\x00", "\x85500"]:
        with pytest.raises(ValidationError):
            save(learner, exercise, text)
    assert ExerciseAnswer.objects.get().text == "400 EUR a day"


def test_tabs_line_breaks_and_any_script_are_kept(learner, exercise):
    text = (
        "Rate:\t400 EUR\r\nDays:\t12\n"
        "Cena: 400 € — «Čšž» — 日本語 — عربي — 👩‍🎨 (with a zero-width joiner)"
    )
    assert save(learner, exercise, f"  {text}  ").text == text


forbidden = st.sampled_from(CONTROL_CHARACTERS)
allowed_text = st.text(
    alphabet=st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from("\t\n\r"),
    max_size=200,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(before=allowed_text, character=forbidden, after=allowed_text)
def test_any_answer_with_a_control_character_is_refused(
    learner, exercise, before, character, after
):
    with pytest.raises(ValidationError):
        save(learner, exercise, before + character + after)
    assert not ExerciseAnswer.objects.exists()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=allowed_text.filter(lambda text: text.strip()))
def test_any_answer_without_control_characters_is_stored_as_written(
    learner, exercise, text
):
    assert save(learner, exercise, text).text == text.strip()


# An escape sequence, and NUL, which the site refuses with a bare 400 in any
# other request (lms.middleware): a pasted answer gets the message next to it.
@pytest.mark.parametrize("control", ["\x1b[0m", "\x00"])
def test_the_form_shows_the_refusal_next_to_the_field(
    client, learner, exercise, control
):
    lesson, exercise_id = exercise
    save(learner, exercise, "400 EUR a day")
    client.force_login(learner)
    url = reverse("courses:exercise_save", args=[lesson.pk, exercise_id])

    response = client.post(url, {"answer": f"{SCRIPT} 500 EUR{control}"})

    assert response.status_code == 400
    page = response.content.decode()
    field = re.search(rf'<textarea id="answer-{exercise_id}"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in field
    assert f'aria-describedby="answer-{exercise_id}-error"' in field
    error = re.search(
        rf'<p class="errorlist" id="answer-{exercise_id}-error">([^<]*)</p>', page
    )
    assert error and CONTROL_MESSAGE in error.group(1)
    # What they typed comes back for correction, escaped.
    assert SCRIPT not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; 500 EUR" in page
    assert ExerciseAnswer.objects.get().text == "400 EUR a day"


def test_a_refused_answer_comes_back_only_in_its_own_exercise(
    client, learner, catalogue
):
    course, _ = build_course(parent=catalogue, lessons_per_module=())
    lesson = LessonPageFactory(
        parent=ModulePageFactory(parent=course),
        body=[exercise_block(), exercise_block()],
    )
    services.enrolment_create(user=learner, course=course)
    first, second = (block.id for block in lesson.body)
    services.exercise_answer_save(
        user=learner, lesson=lesson, exercise_id=second, text="Second: kept"
    )
    client.force_login(learner)

    response = client.post(
        reverse("courses:exercise_save", args=[lesson.pk, first]),
        {"answer": "First\x07 refused"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    second_field = re.search(
        rf'<textarea id="answer-{second}"[^>]*>([^<]*)</textarea>', page
    )
    assert second_field.group(1) == "Second: kept"
    assert "First\x07 refused" in page


def test_a_saved_answer_with_a_script_is_shown_escaped(client, learner, exercise):
    lesson, exercise_id = exercise
    client.force_login(learner)
    url = reverse("courses:exercise_save", args=[lesson.pk, exercise_id])

    response = client.post(url, {"answer": f"{SCRIPT}\n<b>400</b> EUR"})

    assert response.status_code == 302
    assert ExerciseAnswer.objects.get().text == f"{SCRIPT}\n<b>400</b> EUR"
    page = client.get(lesson.url).content.decode()
    assert SCRIPT not in page and "<b>400</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;400&lt;/b&gt; EUR" in page
