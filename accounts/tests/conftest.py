import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Reversed URLs carry the /en/ prefix, so pages answer in English."""
    with translation.override("en"):
        yield
