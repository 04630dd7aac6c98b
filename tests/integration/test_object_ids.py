"""Ids no object can have, in every URL of the site that takes one (walked from
the URL resolver, admin included): letters, signs, decimals, other scripts'
digits, numbers beyond the database's range. The answer is a 4xx (404 where the
id names an object), never a 5xx; Wagtail's choosers answered 500 on "abc"
until lms.middleware.ObjectIdMiddleware.

The id check itself is tested against every bad id (pure, no request); the walk
tries each URL with a word and a number beyond the range, and one more bad id
in turn, so that every bad id reaches several URLs of every kind."""

import fnmatch
import functools
import re
import uuid
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db.models import BigAutoField, UUIDField
from django.http import Http404
from django.urls import NoReverseMatch, URLPattern, reverse
from django.urls.converters import IntConverter
from django.utils import translation

from accounts.factories import UserFactory
from lms.middleware import _check_id, _is_row_id
from tests.helpers import signed_in, site_patterns, status_of

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
# Every URL gets these (a word, a number beyond any row), and BAD_IDS in turn.
ALWAYS_TRIED = ["abc", str(2**63)]
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


def bad_ids_for(number: int) -> list[str]:
    """The bad ids tried in the `number`th id parameter of the walk: ALWAYS_TRIED
    and one more of BAD_IDS, in turn."""
    rest = [bad for bad in BAD_IDS if bad not in ALWAYS_TRIED]
    return [*ALWAYS_TRIED, rest[number % len(rest)]]


@functools.cache
def urls_with_bad_ids() -> tuple[tuple[str, str, str, str], ...]:
    """(URL name, parameter, bad id, URL) for every id parameter of every URL, with
    the bad ids of bad_ids_for(); where the URL pattern itself refuses the value,
    it is put into the address anyway (the resolver must not crash either)."""
    urls = []
    number = 0
    with translation.override("en"):
        for name, pattern in site_patterns():
            if name in SKIPPED:
                continue
            for parameter in id_parameters(pattern):
                kwargs = _sample_kwargs(pattern)
                number += 1
                for bad in bad_ids_for(number):
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
    return tuple(urls)


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
            for name, pattern in site_patterns()
            if any(fnmatch.fnmatchcase(name, view) for view in QUERY_ID_VIEWS)
            and not getattr(pattern.pattern, "converters", {})
            for bad in BAD_IDS
            if no_row_can_have(bad)
        ]


def test_the_id_check_refuses_exactly_the_ids_no_row_can_have():
    """Pure: lms.middleware's check against every bad id, for an integer key (a
    404 exactly when no row can have the value) and a UUID key (a 404 for all)."""
    for bad in [*BAD_IDS, "0", "1", str(2**63 - 1)]:
        assert _refused(BigAutoField(primary_key=True), bad) == no_row_can_have(bad)
        assert _refused(UUIDField(primary_key=True), bad), bad
    assert not _refused(UUIDField(primary_key=True), str(SAMPLES["UUIDConverter"]))
    for number in (-1, 2**63, 10**20):
        assert not _is_row_id(number)
    assert _is_row_id(0) and _is_row_id(2**63 - 1)


def _refused(pk_field, value: str) -> bool:
    try:
        _check_id(pk_field, value)
    except Http404:
        return True
    return False


def test_the_walk_tries_every_bad_id():
    tried = {bad for _name, _parameter, bad, _url in urls_with_bad_ids()}
    assert tried == set(BAD_IDS)
    per_url = {}
    for name, parameter, bad, _url in urls_with_bad_ids():
        per_url.setdefault((name, parameter), set()).add(bad)
    assert all(set(ALWAYS_TRIED) <= bads for bads in per_url.values())


@pytest.fixture
def superuser(db, client):
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


# The walk in parts, so that pytest-xdist's processes share it.
PARTS = 4


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("method", ["get", "post"])
def test_no_url_answers_a_bad_id_with_a_server_error(
    client, demo_course, superuser, method, part
):
    problems = []
    for name, parameter, _bad, url in urls_with_bad_ids()[part::PARTS]:
        signed_in(client, superuser)  # a view may have ended the session
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
