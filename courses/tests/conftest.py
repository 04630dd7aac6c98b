import pytest

from accounts.factories import UserFactory


@pytest.fixture(autouse=True)
def _english(english):
    """Reversed URLs carry the /en/ prefix, so pages answer in English."""


@pytest.fixture
def learner(db):
    return UserFactory(full_name="Ana Novak")
