import pytest

from accounts.factories import UserFactory


@pytest.fixture(autouse=True)
def _english(english):
    """Reversed URLs carry the /en/ prefix, so pages answer in English."""


@pytest.fixture
def events_index(db):
    """An English events listing of the test's own under the demo home page."""
    from events.factories import EventIndexPageFactory
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="en")
    return EventIndexPageFactory(parent=home, slug="events-test")


@pytest.fixture
def learner(db):
    return UserFactory(full_name="Ana Novak")


@pytest.fixture
def people(db):
    """`people(n)`: n new participants."""

    def make(count: int) -> list:
        return [UserFactory() for _ in range(count)]

    return make
