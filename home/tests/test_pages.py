import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_root_sends_visitors_to_their_language(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response.url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="sl").url == "/sl/"


@pytest.mark.parametrize(
    ("path", "lang", "heading", "other_language_link"),
    [
        ("/sl/", "sl", "Podjetniška znanja za ustvarjalce", 'href="/en/"'),
        ("/en/", "en", "Business skills for creative people", 'href="/sl/"'),
    ],
)
def test_home_page_in_both_languages(
    client, demo_site, path, lang, heading, other_language_link
):
    html = client.get(path).content.decode()
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert other_language_link in html
    assert '<main id="main"' in html
    assert 'href="#main"' in html  # skip link


def test_language_switcher_links_to_the_translated_page(client, demo_site):
    html = client.get("/sl/o-akademiji/").content.decode()
    assert "O akademiji" in html
    assert 'href="/en/about/"' in html
    assert "About the academy" in client.get("/en/about/").content.decode()


def test_footer_links_to_the_privacy_notice_of_the_current_language(client, demo_site):
    assert 'href="/en/privacy/"' in client.get("/en/").content.decode()
    assert 'href="/sl/zasebnost/"' in client.get("/sl/").content.decode()


def test_editor_changes_to_the_home_page_show_on_the_site(client, demo_site):
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="en")
    home.hero_heading = "Grow your creative business"
    home.save_revision().publish()
    assert "Grow your creative business" in client.get("/en/").content.decode()


def count_queries(client, path: str) -> int:
    client.get(path)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def test_home_page_queries_do_not_grow_with_menu_pages(client, demo_site):
    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="en")
    before = count_queries(client, "/en/")
    for number in range(20):
        home.add_child(
            instance=StandardPage(
                title=f"Page {number}", slug=f"page-{number}", show_in_menus=True
            )
        )
    html = client.get("/en/").content.decode()
    assert "Page 19" in html
    assert count_queries(client, "/en/") == before


def test_load_demo_is_idempotent(demo_site):
    from wagtail.models import Page, Revision

    from home import demo

    pages, revisions = Page.objects.count(), Revision.objects.count()
    list(demo.load())
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_page_titles_name_the_site_once(client, demo_site):
    home = client.get("/sl/").content.decode()
    about = client.get("/sl/o-akademiji/").content.decode()
    assert "<title>Akademija Kreativna mesta</title>" in home
    assert "<title>O akademiji · Akademija Kreativna mesta</title>" in about


@pytest.mark.parametrize(
    ("path", "present", "absent"),
    [
        ("/en/", ["Gdańsk, Genoa, Leipzig"], ["Gdansk", "Genova"]),
        ("/sl/", ["Gdańsk, Genova, Leipzig"], ["Gdansk", "Genoa"]),
    ],
)
def test_partner_cities_are_spelled_as_each_language_writes_them(
    client, demo_site, path, present, absent
):
    html = client.get(path).content.decode()
    for text in present:
        assert text in html
    for text in absent:
        assert text not in html


@pytest.mark.parametrize(
    ("language", "links"),
    [
        (
            "en",
            {
                "Take the self-assessment": "/en/assessment/",
                "Browse the courses": "/en/courses/",
                "Verify a certificate": "/en/verify/",
            },
        ),
        (
            "sl",
            {
                "Začnite samooceno": "/sl/assessment/",
                "Oglejte si tečaje": "/sl/tecaji/",
                "Preverite potrdilo": "/sl/verify/",
            },
        ),
    ],
)
def test_feature_cards_link_where_a_visitor_can_go(
    client, demo_course, language, links
):
    import re

    html = client.get(f"/{language}/").content.decode()
    features = html.split('<ul class="feature-grid">')[1].split("</ul>")[0]
    found = dict(
        (text, href)
        for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', features)
    )
    assert found == links
    for href in links.values():
        assert client.get(href).status_code == 200  # not signed in
