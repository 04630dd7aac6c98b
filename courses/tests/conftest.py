import pytest
from django.utils import translation

from accounts.factories import UserFactory


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def learner(db):
    return UserFactory(full_name="Ana Novak")
