"""Properties of scoring, checked with hypothesis on generated instruments and
answers, plus a few worked examples."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments.entrecomp import BAND_ORDER, COMPETENCES, Area, Band
from assessments.scoring import (
    MIN_ANSWERS,
    NOISE,
    CompetenceChange,
    Trend,
    band_for,
    compare,
    score,
    shown,
)

SCALE = [1, 2, 3, 4, 5]
THRESHOLDS = {"intermediate": "2.5", "advanced": "3.5", "expert": "4.5"}
MISSING = "missing"


def make_definition(shape: list[list[int]], thresholds=THRESHOLDS) -> dict:
    """A definition with len(shape) areas; shape[a][d] items in dimension d."""
    codes = iter(COMPETENCES)
    areas = []
    for area_index, dimensions in enumerate(shape):
        area_dimensions = []
        for item_count in dimensions:
            code, _area, _name = next(codes)
            area_dimensions.append(
                {
                    "competence": code,
                    "name": code.replace("_", " "),
                    "description": "",
                    "items": [
                        {"id": f"{code}-{number}", "text": f"I can {number}"}
                        for number in range(item_count)
                    ],
                }
            )
        areas.append(
            {
                "code": list(Area)[area_index % 3].value,
                "name": f"Area {area_index}",
                "dimensions": area_dimensions,
            }
        )
    return {
        "schema": 1,
        "language": "en",
        "title": "Test instrument",
        "introduction": "",
        "scale": [{"value": value, "label": str(value)} for value in SCALE],
        "not_applicable_label": "n/a",
        "thresholds": thresholds,
        "areas": areas,
    }


shapes = st.lists(
    st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=5),
    min_size=1,
    max_size=3,
)
answer_choices = st.sampled_from([MISSING, None, *SCALE])


@st.composite
def definitions_and_answers(draw):
    definition = make_definition(draw(shapes))
    answers = {}
    for area in definition["areas"]:
        for dimension in area["dimensions"]:
            for item in dimension["items"]:
                choice = draw(answer_choices)
                if choice != MISSING:
                    answers[item["id"]] = choice
    return definition, answers


def dimension_answers(definition, answers, code):
    for area in definition["areas"]:
        for dimension in area["dimensions"]:
            if dimension["competence"] == code:
                return [answers.get(item["id"], MISSING) for item in dimension["items"]]
    raise AssertionError(code)


@given(definitions_and_answers())
def test_scores_stay_on_the_scale(case):
    definition, answers = case
    result = score(definition, answers)
    for item in (*result.competences, *result.areas):
        if item.mean is not None:
            assert 1 <= item.mean <= 5
            assert 1 <= item.score <= 5


@given(definitions_and_answers())
def test_competence_score_is_the_mean_of_its_answered_items(case):
    definition, answers = case
    for competence in score(definition, answers).competences:
        given_values = dimension_answers(definition, answers, competence.code)
        on_scale = [v for v in given_values if v not in (None, MISSING)]
        assert competence.answered == len(on_scale)
        if len(on_scale) < MIN_ANSWERS:
            assert competence.mean is None
            assert competence.score is None
            assert competence.band is None
        else:
            assert competence.mean == Fraction(sum(on_scale), len(on_scale))
            assert competence.band == band_for(competence.mean, THRESHOLDS)


@given(definitions_and_answers())
def test_not_applicable_never_changes_a_score(case):
    definition, answers = case
    before = score(definition, answers)
    # Mark every unanswered item "not relevant / don't know".
    with_na = dict(answers)
    for area in definition["areas"]:
        for dimension in area["dimensions"]:
            for item in dimension["items"]:
                with_na.setdefault(item["id"], None)
    after = score(definition, with_na)
    assert [c.mean for c in before.competences] == [c.mean for c in after.competences]
    assert [a.mean for a in before.areas] == [a.mean for a in after.areas]
    assert all(c.unanswered == 0 for c in after.competences)


@given(definitions_and_answers(), st.randoms(use_true_random=False))
def test_scores_do_not_depend_on_the_order_of_answers(case, random):
    definition, answers = case
    expected = score(definition, answers)
    # Shuffle the answers among the items of each competence, and the dict order.
    shuffled = {}
    for area in definition["areas"]:
        for dimension in area["dimensions"]:
            ids = [item["id"] for item in dimension["items"]]
            values = [answers.get(item_id, MISSING) for item_id in ids]
            random.shuffle(values)
            for item_id, value in zip(ids, values, strict=True):
                if value != MISSING:
                    shuffled[item_id] = value
    keys = list(shuffled)
    random.shuffle(keys)
    shuffled = {key: shuffled[key] for key in keys}
    result = score(definition, shuffled)
    assert [c.mean for c in result.competences] == [
        c.mean for c in expected.competences
    ]
    assert [a.mean for a in result.areas] == [a.mean for a in expected.areas]


@given(definitions_and_answers())
def test_area_score_is_the_mean_of_its_competence_scores(case):
    definition, answers = case
    for area in score(definition, answers).areas:
        means = [c.mean for c in area.competences if c.mean is not None]
        if means:
            assert area.mean == sum(means) / len(means)
            assert area.band == band_for(area.mean, THRESHOLDS)
        else:
            assert area.mean is None
            assert area.band is None


thresholds_strategy = (
    st.lists(
        st.decimals(min_value="1.01", max_value="5", places=2),
        min_size=3,
        max_size=3,
        unique=True,
    )
    .map(sorted)
    .map(
        lambda v: {
            "intermediate": str(v[0]),
            "advanced": str(v[1]),
            "expert": str(v[2]),
        }
    )
)
scores = st.fractions(min_value=1, max_value=5)


@given(scores, scores, thresholds_strategy)
def test_band_never_falls_as_the_score_rises(low, high, thresholds):
    low, high = sorted([low, high])
    assert BAND_ORDER.index(band_for(low, thresholds)) <= BAND_ORDER.index(
        band_for(high, thresholds)
    )


@given(scores, scores)
def test_change_smaller_than_the_noise_is_about_the_same(before, after):
    change = CompetenceChange(
        code="vision", name="Vision", area="ideas", before=before, after=after
    )
    # Judged on the scores as shown, so the words match the numbers.
    assert change.delta == shown(after) - shown(before)
    if abs(shown(after) - shown(before)) < NOISE:
        assert change.trend == Trend.SAME
    elif after > before:
        assert change.trend == Trend.HIGHER
    else:
        assert change.trend == Trend.LOWER


def test_a_worked_example():
    definition = make_definition([[3, 3], [3]])
    # vision..: spotting_opportunities (4, 5, n/a), creativity (2, unanswered, n/a)
    answers = {
        "spotting_opportunities-0": 4,
        "spotting_opportunities-1": 5,
        "spotting_opportunities-2": None,
        "creativity-0": 2,
        "creativity-2": None,
        "vision-0": 2,
        "vision-1": 3,
        "vision-2": 3,
    }
    result = score(definition, answers)
    spotting, creativity, vision = result.competences
    assert spotting.score == 4.5 and spotting.band == Band.EXPERT
    assert (spotting.answered, spotting.not_applicable, spotting.unanswered) == (
        2,
        1,
        0,
    )
    assert creativity.score is None and creativity.band is None
    assert creativity.unanswered == 1
    assert vision.mean == Fraction(8, 3) and vision.band == Band.INTERMEDIATE
    first_area, second_area = result.areas
    assert first_area.score == 4.5  # creativity has no score, so it is left out
    assert second_area.mean == Fraction(8, 3)
    assert [c.code for c in result.not_enough] == ["creativity"]
    assert [c.code for c in result.weakest(1)] == ["vision"]
    assert [c.code for c in result.strongest(1)] == ["spotting_opportunities"]


@pytest.mark.parametrize(
    ("mean", "band"),
    [
        (Fraction(1), Band.FOUNDATION),
        (Fraction(244, 100), Band.FOUNDATION),
        (Fraction(245, 100), Band.INTERMEDIATE),  # shown as 2.5
        (Fraction(5, 2), Band.INTERMEDIATE),
        (Fraction(52, 15), Band.ADVANCED),  # 3.4667, shown as 3.5
        (Fraction(7, 2), Band.ADVANCED),
        (Fraction(9, 2), Band.EXPERT),
        (Fraction(5), Band.EXPERT),
    ],
)
def test_the_band_follows_the_score_as_shown(mean, band):
    assert band_for(mean, THRESHOLDS) == band


def test_area_mean_on_a_threshold_is_exact():
    # 7/3 and 8/3 average to exactly 2.5: Intermediate, whatever floats would say.
    definition = make_definition([[3, 3]])
    answers = {
        "spotting_opportunities-0": 2,
        "spotting_opportunities-1": 2,
        "spotting_opportunities-2": 3,
        "creativity-0": 2,
        "creativity-1": 3,
        "creativity-2": 3,
    }
    (area,) = score(definition, answers).areas
    assert area.mean == Fraction(5, 2)
    assert area.band == Band.INTERMEDIATE


@pytest.mark.parametrize(
    "answers",
    [
        {"unknown-item": 3},
        {"vision-0": 0},
        {"vision-0": 6},
        {"vision-0": True},
        {"vision-0": "3"},
    ],
)
def test_bad_answers_are_refused(answers):
    with pytest.raises(ValueError):
        score(make_definition([[3, 3, 3]]), answers)


def test_compare_matches_competences_by_code():
    earlier_definition = make_definition([[3, 3]])
    later_definition = make_definition([[3, 3, 3]])
    earlier = score(
        earlier_definition,
        {
            "spotting_opportunities-0": 2,
            "spotting_opportunities-1": 2,
            "creativity-0": 3,
            "creativity-1": 3,
        },
    )
    later = score(
        later_definition,
        {
            "spotting_opportunities-0": 4,
            "spotting_opportunities-1": 3,
            "creativity-0": 3,
            "creativity-1": 4,
            "vision-0": 5,
            "vision-1": 5,
        },
    )
    changes = {change.code: change for change in compare(earlier, later)}
    assert changes["spotting_opportunities"].trend == Trend.HIGHER
    assert changes["spotting_opportunities"].delta == Fraction(3, 2)
    assert changes["creativity"].trend == Trend.HIGHER  # +0.5 reaches the noise
    assert changes["vision"].trend == Trend.UNKNOWN
    assert changes["vision"].before is None


def test_a_change_is_judged_on_the_scores_as_shown():
    # 3.0 -> 3.4667 reads as 3.0 -> 3.5: a change of half a point, so "higher".
    change = CompetenceChange(
        code="vision",
        name="Vision",
        area="ideas",
        before=Fraction(3),
        after=Fraction(52, 15),
    )
    assert change.delta == Fraction(1, 2)
    assert change.trend == Trend.HIGHER
    rounded_up = CompetenceChange(
        code="vision",
        name="Vision",
        area="ideas",
        before=Fraction(3),
        after=Fraction(67, 15),  # 4.4667, shown as 4.5
    )
    assert rounded_up.trend == Trend.HIGHER
    assert (
        CompetenceChange(
            code="vision",
            name="Vision",
            area="ideas",
            before=Fraction(3),
            after=Fraction(344, 100),
        ).trend
        == Trend.SAME
    )
