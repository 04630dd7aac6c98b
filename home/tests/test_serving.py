"""Pages are served with the site and its root page from the cache
(home.serving): what editors change must show at once, and a page costs few
queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import translation

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def queries_of(client, path: str) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_home_page_of_a_signed_in_learner_costs_at_most_six_queries(
    client, demo_site
):
    client.force_login(UserFactory())
    assert queries_of(client, "/en/") <= 6  # issue 14's goal
    assert queries_of(client, "/sl/") <= 6


def test_the_session_survives_a_cleared_cache(client, demo_site):
    """Sessions are read from the cache but kept in the database."""
    from django.core.cache import cache

    learner = UserFactory()
    client.force_login(learner)
    client.get("/en/")
    cache.clear()
    assert client.get("/en/").wsgi_request.user == learner


def test_each_language_gets_its_own_home_page(client, demo_site):
    assert "Business skills for creative people" in client.get("/en/").content.decode()
    assert "Podjetniška znanja za ustvarjalce" in client.get("/sl/").content.decode()
    assert "Business skills for creative people" in client.get("/en/").content.decode()


def test_changes_to_the_home_page_and_its_children_show_at_once(client, demo_site):
    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="en")
    client.get("/en/")
    home.hero_heading = "Grow your creative studio"
    home.save_revision().publish()
    assert "Grow your creative studio" in client.get("/en/").content.decode()

    page = home.add_child(instance=StandardPage(title="Workshops", slug="workshops"))
    assert client.get("/en/workshops/").status_code == 200
    page.unpublish()
    assert client.get("/en/workshops/").status_code == 404
    page.refresh_from_db()
    page.save_revision().publish()
    page.refresh_from_db()
    page.slug = "studio-workshops"
    page.save_revision().publish()
    assert client.get("/en/workshops/").status_code == 404
    assert client.get("/en/studio-workshops/").status_code == 200


def test_an_unpublished_home_page_is_not_served(client, demo_site):
    from home.models import HomePage

    assert client.get("/en/").status_code == 200
    HomePage.objects.get(locale__language_code="en").unpublish()
    # Wagtail falls back to the site's root page (Slovenian) for a language
    # whose translation is not live, as it does without the cache.
    assert "Podjetniška znanja za ustvarjalce" in client.get("/en/").content.decode()


def test_a_host_no_site_answers_for_falls_back_to_the_default_site(client, demo_site):
    response = client.get("/en/", HTTP_HOST="elsewhere.example.org")
    assert response.status_code == 200
    assert "Business skills for creative people" in response.content.decode()


def test_wagtails_own_utility_views_are_not_taken_for_pages(demo_site):
    with translation.override("en"):
        assert resolve("/en/_util/login/").url_name == "wagtailcore_login"
        assert resolve("/en/about/").url_name == "wagtail_serve"


def test_view_restrictions_still_apply_to_the_page_its_children_and_aliases(
    client, demo_site
):
    from wagtail.models import PageViewRestriction

    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="en")
    page = home.add_child(instance=StandardPage(title="Members", slug="members"))
    page.add_child(instance=StandardPage(title="Notes", slug="notes"))
    assert client.get("/en/members/").status_code == 200
    assert client.get("/en/members/notes/").status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/en/members/").status_code == 302
    assert client.get("/en/members/notes/").status_code == 302
    # An alias has its source's restrictions.
    page.create_alias(parent=home, update_slug="members-copy")
    assert client.get("/en/members-copy/").status_code == 302
    learner = UserFactory()
    client.force_login(learner)
    assert client.get("/en/members/notes/").status_code == 200
    client.logout()
    restriction.delete()
    assert client.get("/en/members/notes/").status_code == 200
    assert client.get("/en/members-copy/").status_code == 200


def test_a_page_without_restrictions_is_served_without_asking_for_them(
    client, demo_site
):
    client.get("/en/about/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/about/").status_code == 200
    sql = " ".join(query["sql"] for query in queries)
    assert '"wagtailcore_pageviewrestriction"."page_id" IN' not in sql
    assert '"alias_of_id" FROM "wagtailcore_page"' not in sql
