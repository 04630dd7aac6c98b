import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Labels in these tests are the English ones."""
    with translation.override("en"):
        yield
