import pytest

from accounts.factories import UserFactory
from assessments import demo
from assessments.models import Instrument


@pytest.fixture(autouse=True)
def _english(english):
    """Reversed URLs carry the /en/ prefix, so pages answer in English."""


@pytest.fixture
def instruments(db) -> dict[str, Instrument]:
    """The demo instrument, published in Slovenian and English (the session's
    demo: a lookup)."""
    return {
        instrument.locale.language_code: instrument
        for instrument in Instrument.objects.filter(
            translation_key=demo.TRANSLATION_KEY
        ).select_related("locale")
    }


@pytest.fixture
def instrument(instruments) -> Instrument:
    return instruments["en"]


@pytest.fixture
def learner(db):
    return UserFactory(full_name="Ana Novak")


@pytest.fixture
def other_learner(db):
    return UserFactory(full_name="Bor Kos")
