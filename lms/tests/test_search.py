"""Full-text search (lms/search.py): any string is a search, word forms find each
other, on whichever database the suite runs (SQLite by default, PostgreSQL on CI)."""

import pytest
from modelsearch.query import And, Not, Or, Phrase, PlainText
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from accounts.factories import UserFactory
from courses.factories import build_course
from lms.search import safe_query, search_terms, search_words, stem

# What visitors type that the databases' query languages read as syntax.
HOSTILE_QUERIES = [
    '"',
    '""',
    "'",
    "*",
    "(",
    ")",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(a b, 2)",
    "-",
    "-model",
    "^",
    "model*",
    'model" OR "x',
    "a:b",
    "title:model",
    "{title}: x",
    "\\",
    "%",
    "_",
    "!",
    "&|",
    "<->",
    ":*",
    "model AND",
    "(cena OR model",
    "ž" * 100,
]


def test_search_words_drop_syntax_and_operators():
    assert search_words('"model" AND (cena* OR ^pricing)') == [
        "model",
        "cena",
        "pricing",
    ]
    assert search_words('" * ( ) - ^ NEAR( : ') == []
    # Lower-case "and" is a word someone may look for; only the operators go.
    assert search_words("rock and roll") == ["rock", "and", "roll"]


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("cena", "sl", "cen"),
        ("ceno", "sl", "cen"),
        ("cenami", "sl", "cen"),
        ("modeli", "sl", "model"),
        ("model", "sl", "model"),
        ("poslovnega", "sl", "poslovn"),
        ("Poslovanje", "sl", "poslovan"),
        ("pricing", "en", "pric"),
        ("prices", "en", "pric"),
        ("price", "en", "pric"),
        ("Models", "en", "model"),
        ("strategies", "en", "strateg"),
        ("designers", "en", "design"),
        ("modelling", "en", "model"),
        ("business", "en", "busines"),
        # Too short to cut: the whole word.
        ("ura", "sl", "ura"),
        ("use", "en", "use"),
        # No rules for a language: lower case only.
        ("Modeli", "de", "modeli"),
        ("Modeli", None, "modeli"),
    ],
)
def test_stem(word, language, expected):
    assert stem(word, language) == expected


def test_search_terms_are_stems_once_each():
    assert search_terms("cena cene model", "sl") == ["cen", "model"]


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_safe_query_leaves_only_words(text):
    query = safe_query(PlainText(text), "sl")
    terms = []

    def collect(node):
        if isinstance(node, PlainText):
            terms.append(node.query_string)
        elif isinstance(node, (And, Or)):
            for sub in node.subqueries:
                collect(sub)
        elif isinstance(node, Not):
            collect(node.subquery)

    if query is not None:
        collect(query)
    assert all(term.isalnum() or "_" in term for term in terms), terms


def test_safe_query_keeps_structure():
    query = safe_query(Or([PlainText('"modeli"'), Phrase('cena "x')]), "sl")
    assert isinstance(query, Or)
    assert query.subqueries[0].query_string == "model"
    assert query.subqueries[1].query_string == "cena x"
    assert safe_query(And([PlainText('"'), PlainText("(")]), "sl") is None


@pytest.mark.django_db
def test_catalogue_takes_any_string(client, catalogue):
    build_course(parent=catalogue, title="Business models", lessons_per_module=(1,))
    for text in HOSTILE_QUERIES:
        response = client.get(catalogue.url, {"q": text})
        assert response.status_code == 200, text


@pytest.mark.django_db
def test_admin_searches_take_any_string(client, demo_site):
    Image.objects.create(title="Portret v studiu", file=get_test_image_file())
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    for path in ("/cms/images/", "/cms/pages/search/", "/cms/documents/"):
        for text in HOSTILE_QUERIES:
            response = client.get(path, {"q": text})
            assert response.status_code == 200, (path, text)
    # The admin speaks Slovenian to this user: Slovenian word forms find each other.
    found = client.get("/cms/images/", {"q": "portreti studia"}).content.decode()
    assert "Portret v studiu" in found


WORD_FORMS = {
    "sl": ["model", "modeli", "cena", "ceno", "CENE", "poslovnih modelov"],
    "en": ["model", "pricing", "prices", "business modelling", "designer"],
}


@pytest.mark.django_db
def test_catalogue_finds_word_forms(client, demo_course):
    from courses.models import CoursePage

    for language, forms in WORD_FORMS.items():
        course = CoursePage.objects.get(locale__language_code=language)
        for text in forms:
            page = client.get(course.get_parent().url, {"q": text}).content.decode()
            assert course.title in page, (language, text)


@pytest.mark.django_db
def test_catalogue_needs_every_word_and_says_what_found_nothing(client, demo_course):
    from courses.models import CoursePage

    course = CoursePage.objects.get(locale__language_code="en")
    catalogue_url = course.get_parent().url
    page = client.get(catalogue_url, {"q": "pricing zebra"}).content.decode()
    assert course.title not in page
    assert "No course matches “pricing zebra”. Try another word" in page
    page = client.get(catalogue_url, {"q": "zebra", "level": "advanced"}).content
    assert "No course matches these filters" in page.decode()


@pytest.mark.django_db
def test_empty_catalogue_says_nothing_is_published(client, catalogue):
    page = client.get(catalogue.url).content.decode()
    assert "No courses have been published in this catalogue yet." in page
    assert "Try fewer filters" not in page
