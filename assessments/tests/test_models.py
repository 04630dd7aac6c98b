import copy
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assessments.models import Instrument

pytestmark = pytest.mark.django_db


def copy_of(instrument: Instrument, **changes) -> Instrument:
    fields = {
        field.name: getattr(instrument, field.name)
        for field in Instrument._meta.concrete_fields
        if field.name
        not in ("id", "translation_key", "latest_revision", "live_revision")
    }
    fields["body"] = copy.deepcopy(list(instrument.body.raw_data))
    fields.update(changes)
    return Instrument(**fields)


def clean_body(instrument: Instrument) -> None:
    """Validate the areas as the admin form does."""
    Instrument._meta.get_field("body").stream_block.clean(instrument.body)


def test_the_demo_instrument_is_valid(instrument):
    candidate = copy_of(instrument)
    candidate.full_clean(exclude=["locale"])
    clean_body(candidate)


@pytest.mark.parametrize(
    ("thresholds", "field"),
    [
        (("1.00", "3.5", "4.5"), "threshold_intermediate"),
        (("2.5", "2.5", "4.5"), "threshold_advanced"),
        (("2.5", "4.6", "4.5"), "threshold_expert"),
        (("2.5", "3.5", "5.5"), "threshold_expert"),
    ],
)
def test_bands_must_rise(instrument, thresholds, field):
    intermediate, advanced, expert = (Decimal(v) for v in thresholds)
    candidate = copy_of(
        instrument,
        threshold_intermediate=intermediate,
        threshold_advanced=advanced,
        threshold_expert=expert,
    )
    with pytest.raises(ValidationError) as error:
        candidate.full_clean(exclude=["locale"])
    assert field in error.value.message_dict


def test_a_competence_must_sit_in_its_own_area(instrument):
    candidate = copy_of(instrument)
    # Move "Taking the initiative" (Into action) into the first area.
    moved = candidate.body.raw_data[2]["value"]["dimensions"].pop(0)
    candidate.body.raw_data[0]["value"]["dimensions"].append(moved)
    with pytest.raises(ValidationError) as error:
        clean_body(candidate)
    area_error = error.value.block_errors[0]
    assert "another EntreComp area" in str(area_error.non_block_errors)
    assert "Taking the initiative" in str(area_error.non_block_errors)


def test_a_competence_appears_once(instrument):
    candidate = copy_of(instrument)
    dimensions = candidate.body.raw_data[0]["value"]["dimensions"]
    dimensions.append(copy.deepcopy(dimensions[0]))
    with pytest.raises(ValidationError) as error:
        clean_body(candidate)
    assert "only once: Spotting opportunities" in str(error.value.non_block_errors)


def test_a_competence_needs_three_statements(instrument):
    candidate = copy_of(instrument)
    items = candidate.body.raw_data[0]["value"]["dimensions"][0]["value"]["items"]
    del items[2]
    with pytest.raises(ValidationError) as error:
        clean_body(candidate)
    assert 0 in error.value.block_errors
