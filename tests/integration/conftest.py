import pytest
from django.utils import translation


@pytest.fixture
def english():
    """Messages in English, for tests that read them (opt in with
    `pytest.mark.usefixtures("english")`)."""
    with translation.override("en"):
        yield
