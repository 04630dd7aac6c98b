"""The frame of every page (menu, language links, footer) comes from the cache;
it must change as soon as editors change what it shows."""

import pytest
from django.contrib.auth.models import Group, Permission

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_menu_follows_publishing_unpublishing_and_renaming(client, demo_site):
    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="en")
    assert "Workshops" not in client.get("/en/").content.decode()
    page = home.add_child(
        instance=StandardPage(
            title="Workshops", slug="workshops", show_in_menus=True, live=False
        )
    )
    assert "Workshops" not in client.get("/en/").content.decode()
    page.save_revision().publish()
    assert 'href="/en/workshops/"' in client.get("/en/").content.decode()
    page.title = "Studio workshops"
    page.save_revision().publish()
    assert "Studio workshops" in client.get("/en/").content.decode()
    page.refresh_from_db()
    page.unpublish()
    assert "workshops" not in client.get("/en/").content.decode().lower()


def test_the_footer_follows_the_site_settings(client, demo_site):
    from home.models import SiteSettings

    client.get("/en/")
    settings = SiteSettings.for_site(demo_site)
    settings.organisation_name = "Creative Ljubljana"
    settings.save()
    assert "Run by Creative Ljubljana" in client.get("/en/").content.decode()


def test_the_user_bar_is_for_people_who_may_use_the_admin(client, demo_site):
    learner = UserFactory()
    client.force_login(learner)
    assert "wagtail-userbar" not in client.get("/en/").content.decode()
    editors = Group.objects.create(name="Page editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    learner.groups.add(editors)
    assert "wagtail-userbar" in client.get("/en/").content.decode()
    learner.groups.remove(editors)
    assert "wagtail-userbar" not in client.get("/en/").content.decode()
