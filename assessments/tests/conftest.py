import pytest
from django.utils import translation

from accounts.factories import UserFactory
from assessments import demo
from assessments.models import Instrument


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def instruments(db) -> dict[str, Instrument]:
    """The demo instrument, published in Slovenian and English."""
    for _line in demo.load():
        pass
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
