import pytest
from django.utils import translation

from courses.factories import CourseIndexPageFactory
from home.models import HomePage


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def catalogue(demo_site):
    home = HomePage.objects.get(locale__language_code="en")
    return CourseIndexPageFactory(parent=home, slug="catalogue")
