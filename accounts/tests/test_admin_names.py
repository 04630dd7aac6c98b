"""The admin shows the platform's groups, workflow and site by names in the
reader's language, while the stored names stay English (the code finds them by
name)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from accounts.admin_names import admin_name
from accounts.factories import UserFactory
from courses.factories import build_course
from courses.roles import COURSE_MANAGERS, COURSE_REVIEW_WORKFLOW, TRAINERS
from metrics.roles import ANALYSTS

pytestmark = pytest.mark.django_db

SLOVENIAN = {
    "Trainers": "Izvajalci",
    "Course managers": "Upravljavci tečajev",
    "Analysts": "Analitiki",
    "Course review": "Pregled tečaja",
    "Course manager review": "Pregled upravljavca tečajev",
    "Creative Cities Academy": "Akademija Kreativna mesta",
}


def admin_client(client, language: str):
    user = UserFactory(is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def labels(html: str) -> list[str]:
    """The text of each <label> and link in the page, whitespace collapsed."""
    found = re.findall(r"<(?:label|a)\b[^>]*>(.*?)</(?:label|a)>", html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", text).split()) for text in found]


def title(html: str) -> str:
    return " ".join(re.search(r"<title>(.*?)</title>", html, re.S)[1].split())


@pytest.mark.parametrize("language", ["sl", "en"])
def test_groups_list_and_group_page_name_the_groups_in_the_admins_language(
    client, catalogue, language
):
    client = admin_client(client, language)
    names = {
        english: SLOVENIAN[english] if language == "sl" else english
        for english in (TRAINERS, COURSE_MANAGERS, ANALYSTS)
    }

    listing = client.get(reverse("wagtailusers_groups:index")).content.decode()
    for name in names.values():
        assert name in labels(listing)
    if language == "sl":
        assert "Trainers" not in labels(listing)

    trainers = Group.objects.get(name=TRAINERS)
    edit = client.get(reverse("wagtailusers_groups:edit", args=[trainers.pk]))
    page = edit.content.decode()
    assert f": {names[TRAINERS]} - " in title(page)
    # The name field edits the stored name, which the code relies on.
    assert 'name="name" value="Trainers"' in page


@pytest.mark.parametrize("language", ["sl", "en"])
def test_the_user_form_and_user_list_name_the_groups_in_the_admins_language(
    client, language
):
    client = admin_client(client, language)
    learner = UserFactory()
    expected = SLOVENIAN[COURSE_MANAGERS] if language == "sl" else COURSE_MANAGERS

    edit = client.get(reverse("wagtailusers_users:edit", args=[learner.pk]))
    assert expected in labels(edit.content.decode())
    add = client.get(reverse("wagtailusers_users:add"))
    assert expected in labels(add.content.decode())
    listing = client.get(reverse("wagtailusers_users:index"))
    assert expected in labels(listing.content.decode())
    if language == "sl":
        assert COURSE_MANAGERS not in labels(edit.content.decode())


def test_choosing_a_group_by_its_slovenian_name_adds_the_stored_group(client):
    client = admin_client(client, "sl")
    learner = UserFactory(full_name="Ana Novak")
    trainers = Group.objects.get(name=TRAINERS)
    form = client.get(reverse("wagtailusers_users:edit", args=[learner.pk]))
    assert form.status_code == 200
    data = {
        "email": learner.email,
        "full_name": learner.full_name,
        "sector": learner.sector,
        "city": learner.city,
        "organisation": learner.organisation,
        "business_stage": learner.business_stage,
        "gender": learner.gender,
        "year_of_birth": learner.year_of_birth or "",
        "is_active": "on",
        "groups": [trainers.pk],
    }
    response = client.post(
        reverse("wagtailusers_users:edit", args=[learner.pk]),
        {key: value for key, value in data.items() if value is not None},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(learner.groups.values_list("name", flat=True)) == [TRAINERS]
    assert Group.objects.filter(name=TRAINERS).exists()


@pytest.mark.parametrize("language", ["sl", "en"])
def test_workflow_list_and_submit_button_name_the_course_review(
    client, catalogue, language
):
    client = admin_client(client, language)
    workflow = Workflow.objects.get(name=COURSE_REVIEW_WORKFLOW)
    review = SLOVENIAN["Course review"] if language == "sl" else "Course review"
    task = (
        SLOVENIAN["Course manager review"]
        if language == "sl"
        else "Course manager review"
    )

    listing = client.get(reverse("wagtailadmin_workflows:index")).content.decode()
    assert review in labels(listing)
    assert f'<h4 class="workflow-tasks__name">{task}</h4>' in listing
    assert workflow.name == "Course review"  # stored as it was

    course, _ = build_course(parent=catalogue)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    submit = (
        "Pošlji v Pregled tečaja" if language == "sl" else "Submit to Course review"
    )
    assert submit in " ".join(editor.content.decode().split())


@pytest.mark.parametrize("language", ["sl", "en"])
def test_admin_home_and_titles_name_the_academy_in_the_admins_language(
    client, demo_site, language
):
    client = admin_client(client, language)
    academy = (
        SLOVENIAN["Creative Cities Academy"]
        if language == "sl"
        else ("Creative Cities Academy")
    )
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    heading = re.search(r'<h1 class="w-h1 w-mt-0">(.*?)</h1>', home, re.S)[1]
    assert " ".join(heading.split()) == academy
    assert title(home).endswith(f"- {academy}")


def test_names_staff_gave_are_shown_as_given():
    assert admin_name("Festival team") == "Festival team"
    assert admin_name(None) is None
