"""Trainers and course managers translate courses with Wagtail's *Translate*: a
copy as a draft in the other language's catalogue, through the course review
like any other draft."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page

from accounts.factories import UserFactory
from courses import services
from courses.factories import CourseIndexPageFactory, build_course
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.roles import COURSE_MANAGERS, TRAINERS
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def staff(group_name: str):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def translate_url(page: Page) -> str:
    return reverse("simple_translation:submit_page_translation", args=[page.pk])


@pytest.fixture
def slovenian_course(demo_course):
    """A new course of three lessons in the Slovenian catalogue (whose English
    translation is the demo's English catalogue)."""
    catalogue = CourseIndexPage.objects.get(locale__language_code="sl")
    course, _lessons = build_course(
        parent=catalogue, lessons_per_module=(2, 1), title="Cenik za ilustratorje"
    )
    return course


def test_the_demo_catalogues_and_courses_are_translations_of_each_other(
    demo_course,
):
    english, slovenian = (
        Locale.objects.get(language_code="en"),
        Locale.objects.get(language_code="sl"),
    )
    for model in (CourseIndexPage, CoursePage, ModulePage, LessonPage):
        for page in model.objects.filter(locale=slovenian):
            translation = page.get_translation_or_none(english)
            assert translation is not None, page
            assert translation.get_parent().specific == (
                page.get_parent().specific.get_translation(english)
            )


@pytest.mark.parametrize("group_name", [TRAINERS, COURSE_MANAGERS])
def test_course_staff_translate_a_course_with_its_lessons_into_a_draft(
    client, slovenian_course, group_name
):
    user = staff(group_name)
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    english = Locale.objects.get(language_code="en")

    form = client.get(translate_url(slovenian_course))
    assert form.status_code == 200
    response = client.post(
        translate_url(slovenian_course),
        {"locales": [english.pk], "include_subtree": "on"},
    )

    assert response.status_code == 302
    translated = slovenian_course.get_translation(english)
    assert translated.get_parent().specific == CourseIndexPage.objects.get(
        locale=english
    )
    copies = translated.get_descendants(inclusive=True)
    assert copies.count() == 1 + 2 + 3  # course, two modules, three lessons
    assert not copies.filter(live=True).exists()  # drafts, not on the site yet
    assert client.get(
        reverse("wagtailadmin_pages:edit", args=[translated.pk])
    ).status_code == (200)
    # Publishing goes through the course review, as for any draft.
    assert translated.permissions_for_user(user).can_publish() == (
        group_name == COURSE_MANAGERS
    )


def test_trainers_translate_only_pages_they_may_edit(client, demo_course):
    client.force_login(staff(TRAINERS))
    home = HomePage.objects.get(locale__language_code="sl")
    news = home.add_child(instance=StandardPage(title="Novice", slug="novice"))
    english = Locale.objects.get(language_code="en")

    response = client.post(translate_url(news), {"locales": [english.pk]})

    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert news.get_translation_or_none(english) is None


def test_learners_and_analysts_cannot_translate(client, slovenian_course):
    english = Locale.objects.get(language_code="en")
    for user in (UserFactory(), staff("Analysts"), None):
        client.logout()
        if user:
            client.force_login(user)
        response = client.post(
            translate_url(slovenian_course),
            {"locales": [english.pk], "include_subtree": "on"},
        )
        assert response.status_code in (302, 403)
    assert slovenian_course.get_translation_or_none(english) is None


def test_a_language_the_parent_is_not_translated_into_is_refused_with_a_message(
    client, demo_course
):
    """Wagtail's form disables that language; a post that sends it anyway gets
    the form back with what to do, and nothing is copied (it was a 500)."""
    client.force_login(staff(TRAINERS))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    home = HomePage.objects.get(locale__language_code="sl")
    untranslated = CourseIndexPageFactory(parent=home, slug="delavnice")
    course, _ = build_course(parent=untranslated)
    english = Locale.objects.get(language_code="en")

    response = client.post(
        translate_url(course), {"locales": [english.pk], "include_subtree": "on"}
    )

    assert response.status_code == 302 and response.url == translate_url(course)
    form = client.get(response.url).content.decode()
    assert "Translate the parent page first." in form
    assert course.get_translation_or_none(english) is None
    assert not Page.objects.filter(locale=english, title=course.title).exists()


def test_the_course_in_another_language_sends_an_enrolled_learner_back(
    client, demo_course
):
    """Each language version keeps its own enrolments; switching language on a
    course you are taking must not look as if you had never started."""
    slovenian = demo_course.get_translation(Locale.objects.get(language_code="sl"))
    learner = UserFactory()
    services.enrolment_create(user=learner, course=slovenian)
    client.force_login(learner)

    page = client.get(demo_course.url).content.decode()

    assert "You are taking this course in another language (Slovenian)" in page
    assert f'<a href="{slovenian.url}" lang="sl" hreflang="sl">' in page
    assert "You are taking this course in another language" not in (
        client.get(slovenian.url).content.decode()
    )
