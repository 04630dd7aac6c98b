"""Ids no object can have, in every URL of the site that takes one (walked from
the URL resolver, admin included): letters, signs, decimals, other scripts'
digits, numbers beyond the database's range. The answer is a 4xx (404 where the
id names an object), never a 5xx; Wagtail's choosers answered 500 on "abc"
until lms.middleware.ObjectIdMiddleware."""

import fnmatch
import re
import uuid
from urllib.parse import quote

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, URLPattern, reverse
from django.urls.converters import IntConverter
from django.utils import translation

from accounts.factories import UserFactory

from .url_walk import named_patterns, status_of

pytestmark = pytest.mark.django_db

BAD_IDS = [
    "abc",
    "1x",
    "-1",
    "1.5",
    "0x1",
    "1e3",
    " 1",
    "١٢٣",  # Arabic-Indic digits: int() reads them, a database does not
    "99999999999999999999",
    str(2**63),
    str(2**31),
]
# A parameter holds an object id when it is a number or is named like one.
ID_NAME = re.compile(r"(^|_)(pk|id)(_[a-z])?$")
PLACEHOLDER = "7070707"
SAMPLES = {
    "IntConverter": 1,
    "SlugConverter": "sample",
    "UUIDConverter": uuid.UUID("00000000-0000-4000-8000-000000000000"),
}
# Wagtail's deliberate "test a server error" page, and log-outs.
SKIPPED = {"wagtailadmin_error_test", "wagtailadmin_logout", "account_logout"}
# Views that take the chosen objects' ids from the query string.
QUERY_ID_VIEWS = ["*chosen_multiple", "wagtailadmin_api:*:find"]


def id_parameters(pattern: URLPattern) -> list[str]:
    converters = getattr(pattern.pattern, "converters", {})
    if converters:
        return [
            name
            for name, converter in converters.items()
            if isinstance(converter, IntConverter) or ID_NAME.search(name)
        ]
    return [name for name in pattern.pattern.regex.groupindex if ID_NAME.search(name)]


def _sample_kwargs(pattern: URLPattern) -> dict:
    converters = getattr(pattern.pattern, "converters", {})
    if converters:
        return {
            name: SAMPLES.get(type(converter).__name__, "1")
            for name, converter in converters.items()
        }
    return dict.fromkeys(pattern.pattern.regex.groupindex, "1")


def urls_with_bad_ids() -> list[tuple[str, str, str, str]]:
    """(URL name, parameter, bad id, URL) for every id parameter of every URL and every
    value of BAD_IDS; where the URL pattern itself refuses the value, it is put
    into the address anyway (the resolver must not crash either)."""
    urls = []
    with translation.override("en"):
        for name, pattern in named_patterns():
            if name in SKIPPED:
                continue
            for parameter in id_parameters(pattern):
                kwargs = _sample_kwargs(pattern)
                for bad in BAD_IDS:
                    try:
                        url = reverse(name, kwargs={**kwargs, parameter: bad})
                    except NoReverseMatch:
                        try:
                            url = reverse(
                                name, kwargs={**kwargs, parameter: PLACEHOLDER}
                            )
                        except NoReverseMatch:
                            break  # the other parameters' samples do not fit
                        url = url.replace(PLACEHOLDER, quote(bad))
                    urls.append((name, parameter, bad, url))
    return urls


def no_row_can_have(value: str) -> bool:
    """Not a whole number, or beyond the database's range. (" 1" and "١٢٣" are
    numbers to Python and to Django: they may name a row.)"""
    try:
        return not 0 <= int(value) < 2**63
    except ValueError:
        return True


def query_id_urls() -> list[tuple[str, str]]:
    """The views that take ids from the query, with each id no row can have."""
    with translation.override("en"):
        return [
            (name, f"{reverse(name)}?id={quote(bad)}")
            for name, pattern in named_patterns()
            if any(fnmatch.fnmatchcase(name, view) for view in QUERY_ID_VIEWS)
            and not getattr(pattern.pattern, "converters", {})
            for bad in BAD_IDS
            if no_row_can_have(bad)
        ]


@pytest.fixture
def superuser(client):
    # A superuser passes every permission check, so each view gets to its query.
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def test_the_walk_finds_the_choosers_and_the_admin():
    names = {name for name, *_rest in urls_with_bad_ids()}
    assert {
        "wagtailimages_chooser:chosen",
        "wagtaildocs_chooser:chosen",
        "wagtailsnippetchoosers_courses_trainer:chosen",
        "wagtailadmin_pages:edit",
        "wagtailusers_users:edit",
        "certificates_admin_detail",
        "certificates_admin_revoke",
        "courses:enrol",
    } <= names
    assert len([name for name in names if name.startswith("wagtail")]) > 100
    assert {name for name, _url in query_id_urls()} >= {
        "wagtailimages_chooser:chosen_multiple",
        "wagtailadmin_choose_page_chosen_multiple",
        "wagtailadmin_api:pages:find",
    }


@pytest.mark.parametrize("method", ["get", "post"])
def test_no_url_answers_a_bad_id_with_a_server_error(
    client, demo_course, superuser, method
):
    problems = []
    for name, parameter, _bad, url in urls_with_bad_ids():
        client.force_login(superuser)  # a view may have ended the session
        try:
            response = getattr(client, method)(url)
        except Exception as error:  # the test client re-raises what was a 500
            problems.append(f"{method} {url} ({name}, {parameter}): {error!r}")
            continue
        if response.status_code >= 500:
            problems.append(f"{method} {url} ({name}): {response.status_code}")
    assert not problems, "\n".join(problems)


def test_choosers_answer_404_for_an_id_that_is_not_a_number(
    client, demo_course, superuser
):
    chosen = [
        (name, url)
        for name, _parameter, bad, url in urls_with_bad_ids()
        if fnmatch.fnmatchcase(name, "*:chosen")
        and url.startswith(settings.ADMIN_PATH_PREFIX)
        and no_row_can_have(bad)
    ]
    assert len(chosen) >= 5  # images, documents, three snippet models
    for name, url in chosen:
        assert status_of(client.get(url), url) == 404, (name, url)


def test_chosen_ids_in_the_query_answer_404_when_they_are_not_numbers(
    client, demo_course, superuser
):
    for name, url in query_id_urls():
        response = client.get(url)
        assert status_of(response, url) == 404, (name, url, response.status_code)


def test_a_good_id_still_chooses(client, superuser):
    import wagtail_factories
    from wagtail.models import Collection

    image = wagtail_factories.ImageFactory(collection=Collection.get_first_root_node())
    url = reverse("wagtailimages_chooser:chosen", args=[image.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert str(response.json()["result"]["id"]) == str(image.pk)
    multiple = reverse("wagtailimages_chooser:chosen_multiple")
    assert client.get(f"{multiple}?id={image.pk}").status_code == 200


def test_ids_beyond_the_database_range_answer_404(client, demo_course, superuser):
    # SQLite raised OverflowError on this one (a 500).
    with translation.override("en"):
        url = reverse("metrics_course_report", args=[10**20])
    assert url.startswith(settings.ADMIN_PATH_PREFIX)
    assert status_of(client.get(url), url) == 404


def test_the_page_tree_root_cannot_be_chosen(client, demo_site, superuser):
    """It is never offered; Wagtail answered 500 for it (the root has no parent)."""
    from wagtail.models import Page

    with translation.override("en"):
        multiple = reverse("wagtailadmin_choose_page_chosen_multiple")
    root, home = Page.get_first_root_node(), Page.objects.get(depth=2, slug="domov")
    for url in (f"{multiple}?id={root.pk}", f"{multiple}?id={home.pk}&id={root.pk}"):
        assert status_of(client.get(url), url) == 404
    assert client.get(f"{multiple}?id={home.pk}").status_code == 200
