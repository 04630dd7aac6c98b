"""Trainers and course managers translate courses with Wagtail's *Translate*: a
copy as a draft in the other language's catalogue, through the course review
like any other draft."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, Page

from accounts.factories import UserFactory
from courses import services
from courses.factories import CourseIndexPageFactory, build_course
from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    ModulePage,
)
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


@pytest.fixture
def slovenian_demo_course(demo_course):
    return demo_course.get_translation(Locale.objects.get(language_code="sl"))


def demo_lessons(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).live().order_by("path"))


def language_link(page: str, code: str) -> str:
    nav = page[page.index('class="language-nav"') :]
    return re.search(rf'<a href="([^"]+)" lang="{code}"', nav).group(1)


def test_a_course_is_taken_once_whatever_the_language(
    demo_course, slovenian_demo_course
):
    """A course and its translations are one course: a learner taking it (or
    asking to join, or having completed it) in Slovenian is not enrolled again,
    at 0 % with fresh quiz attempts, in English."""
    learner = UserFactory()
    slovenian = services.enrolment_create(user=learner, course=slovenian_demo_course)

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.enrolment_create(user=learner, course=demo_course)
    assert refused.value.code == "in_translation"
    assert refused.value.messages == ["You are taking this course in Slovenian."]
    assert not Enrolment.objects.filter(user=learner, course=demo_course).exists()

    Enrolment.objects.filter(pk=slovenian.pk).update(completed_at=timezone.now())
    with translation.override("sl"), pytest.raises(ValidationError) as refused:
        services.enrolment_create(user=learner, course=demo_course)
    assert refused.value.messages == ["Ta tečaj ste zaključili v slovenščini."]

    # A learner who left the Slovenian one before finishing may start in English.
    leaver = UserFactory()
    services.enrolment_withdraw(
        enrolment=services.enrolment_create(user=leaver, course=slovenian_demo_course)
    )
    english = services.enrolment_create(user=leaver, course=demo_course)
    assert english.status == Enrolment.Status.ACTIVE
    with pytest.raises(ValidationError, match="in English"):
        services.enrolment_create(user=leaver, course=slovenian_demo_course)


def test_the_course_in_the_other_language_sends_the_learner_to_their_own(
    client, demo_course, slovenian_demo_course
):
    learner = UserFactory()
    services.enrolment_create(user=learner, course=slovenian_demo_course)
    client.force_login(learner)

    page = client.get(demo_course.url).content.decode()

    assert "You are taking this course in Slovenian." in page
    assert (
        f'<a class="button" href="{slovenian_demo_course.url}" lang="sl" hreflang="sl">'
        in page
    )
    assert f"/learn/courses/{demo_course.pk}/enrol/" not in page
    assert "You are taking this course in" not in (
        client.get(slovenian_demo_course.url).content.decode()
    )
    # A forged enrolment is refused with the same words, next to the enrol box.
    with translation.override("en"):
        enrol_url = reverse("courses:enrol", args=[demo_course.pk])
    response = client.post(enrol_url)
    assert response.status_code == 400
    assert "You are taking this course in Slovenian." in response.content.decode()
    assert not Enrolment.objects.filter(user=learner, course=demo_course).exists()


def test_the_language_switcher_on_a_lesson_opens_the_same_lesson(
    client, demo_course, slovenian_demo_course
):
    """A learner taking the course in Slovenian switches a lesson to English:
    the same lesson opens in English to read, with their progress, and says
    where quizzes and completion happen; nothing is recorded in English."""
    learner = UserFactory()
    services.enrolment_create(user=learner, course=slovenian_demo_course)
    slovenian_lessons = demo_lessons(slovenian_demo_course)
    english_lessons = demo_lessons(demo_course)
    services.lesson_complete(user=learner, lesson=slovenian_lessons[0])
    client.force_login(learner)

    page = client.get(slovenian_lessons[1].url).content.decode()
    assert language_link(page, "en") == english_lessons[1].url

    with translation.override("en"):
        response = client.get(english_lessons[1].url)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>{english_lessons[1].title}</h1>" in page
    assert "You are taking this course in Slovenian." in page
    assert f'<a href="{slovenian_lessons[1].url}" lang="sl" hreflang="sl">' in page
    assert reverse("courses:lesson_complete", args=[english_lessons[1].pk]) not in (
        page
    )
    # The lesson done in Slovenian is ticked in the English outline.
    assert 'class="outline__lesson is-done"' in page
    assert language_link(page, "sl") == slovenian_lessons[1].url
    assert not Enrolment.objects.filter(user=learner, course=demo_course).exists()


def test_the_language_switcher_falls_back_to_the_nearest_translated_page(
    client, demo_course, slovenian_demo_course
):
    learner = UserFactory()
    services.enrolment_create(user=learner, course=slovenian_demo_course)
    client.force_login(learner)
    lesson = demo_lessons(slovenian_demo_course)[1]
    lesson.get_translation(demo_course.locale).unpublish()

    # The lesson's module in English, a heading that opens its course.
    page = client.get(lesson.url).content.decode()
    english_module = lesson.get_parent().get_translation(demo_course.locale)
    assert language_link(page, "en") == english_module.url
    response = client.get(english_module.url)
    assert response.status_code == 302 and response.url == demo_course.url

    english_module.unpublish()
    page = client.get(lesson.url).content.decode()
    assert language_link(page, "en") == demo_course.url
    page = client.get(slovenian_demo_course.url).content.decode()
    assert language_link(page, "en") == demo_course.url
