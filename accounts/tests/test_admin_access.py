"""accounts.admin_access: the Wagtail admin views Wagtail opens to every admin
user, narrowed to the roles that need them (the whole matrix is in
tests/integration/test_role_matrix.py)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.factories import UserFactory
from courses.roles import COURSE_MANAGERS, TRAINERS

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/cms/reports/site-history/"


def member(group_name: str):
    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return user


def test_site_history_is_for_those_who_publish(client, catalogue):
    trainer, manager = member(TRAINERS), member(COURSE_MANAGERS)

    client.force_login(trainer)
    assert SITE_HISTORY not in client.get(reverse("wagtailadmin_home")).content.decode()
    refused = client.get(SITE_HISTORY)
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")

    client.force_login(manager)
    assert SITE_HISTORY in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(SITE_HISTORY).status_code == 200


def test_analysts_do_not_get_the_editors_tools(client, demo_site):
    analyst = member("Analysts")
    client.force_login(analyst)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    for name in ("wagtailadmin_choose_page", "wagtailadmin_api:pages:listing"):
        url = reverse(name)
        # The admin's background requests get a plain 403.
        background = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
        assert background.status_code == 403, name
        assert client.get(url).url == reverse("wagtailadmin_home"), name


def test_editors_keep_their_tools(client, catalogue):
    client.force_login(member(TRAINERS))
    for name in ("wagtailadmin_choose_page", "wagtailadmin_api:pages:listing"):
        assert client.get(reverse(name)).status_code == 200, name
