import pytest


@pytest.fixture(autouse=True)
def _english(english):
    """Reversed URLs carry the /en/ prefix, so pages answer in English."""
