import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone

from accounts.factories import UserFactory
from assessments.models import Competence
from courses import services
from courses.factories import (
    LessonPageFactory,
    ModulePageFactory,
    build_course,
    exercise_block,
    quiz_block,
)
from courses.models import Enrolment, QuizAttempt

pytestmark = pytest.mark.django_db


def html(response) -> str:
    return response.content.decode()


def test_catalogue_lists_published_courses_with_filters(client, catalogue):
    finance, _ = build_course(
        parent=catalogue, title="Money for makers", level="foundation"
    )
    finance.competences.set([Competence.objects.get(code="financial_literacy")])
    finance.sectors = ["crafts"]
    finance.save_revision().publish()
    vision, _ = build_course(parent=catalogue, title="Seeing further", level="advanced")
    vision.competences.set([Competence.objects.get(code="vision")])
    vision.save_revision().publish()
    draft, _ = build_course(parent=catalogue, title="Unfinished draft", live=False)

    page = html(client.get(catalogue.url))
    assert "Money for makers" in page and "Seeing further" in page
    assert "Unfinished draft" not in page

    by_competence = html(
        client.get(catalogue.url, {"competence": "financial_literacy"})
    )
    assert "Money for makers" in by_competence and "Seeing further" not in by_competence
    by_level = html(client.get(catalogue.url, {"level": "advanced"}))
    assert "Seeing further" in by_level and "Money for makers" not in by_level
    # A course without sectors suits every sector.
    by_sector = html(client.get(catalogue.url, {"sector": "music"}))
    assert "Seeing further" in by_sector and "Money for makers" not in by_sector
    assert "Money for makers" in html(client.get(catalogue.url, {"sector": "crafts"}))
    searched = html(client.get(catalogue.url, {"q": "makers"}))
    assert "Money for makers" in searched and "Seeing further" not in searched


def test_catalogue_leaves_out_courses_with_a_view_restriction(client, catalogue):
    from wagtail.models import PageViewRestriction

    build_course(parent=catalogue, title="Open to all")
    private, _ = build_course(parent=catalogue, title="Members only")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    page = html(client.get(catalogue.url))
    assert "Open to all" in page and "Members only" not in page
    filtered = html(client.get(catalogue.url, {"q": "members"}))
    assert "Members only" not in filtered


def test_catalogue_explains_bad_filters(client, catalogue):
    build_course(parent=catalogue, title="Money for makers")
    response = client.get(catalogue.url, {"level": "wizard", "q": "x" * 500})
    assert response.status_code == 200
    page = html(response)
    assert 'id="id_level_errors"' in page and 'id="id_q_errors"' in page
    assert "Money for makers" in page


def test_course_page_shows_outline_trainer_and_enrol_button(client, catalogue, learner):
    course, lessons = build_course(parent=catalogue)
    page = html(client.get(course.url))
    assert lessons[0].title in page and "10 min" in page
    assert "Log in to enrol" in page

    client.force_login(learner)
    page = html(client.get(course.url))
    assert reverse("courses:enrol", args=[course.pk]) in page


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"capacity": 0}, "This course is full."),
        ({"enrolment_mode": "approval"}, "Ask to join"),
    ],
)
def test_course_page_states(client, catalogue, learner, fields, text):
    course, _ = build_course(parent=catalogue, **fields)
    client.force_login(learner)
    assert text in html(client.get(course.url))


def test_enrol_and_withdraw_through_the_site(client, catalogue, learner):
    course, lessons = build_course(parent=catalogue)
    client.force_login(learner)
    response = client.post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 302
    page = html(client.get(course.url))
    assert "You are enrolled" in page
    assert "0% complete" in page
    assert "Start the first lesson" in page

    client.post(reverse("courses:withdraw", args=[course.pk]))
    assert Enrolment.objects.get(user=learner).status == "withdrawn"


def test_enrolling_in_a_full_course_shows_why_next_to_the_button(
    client, catalogue, learner
):
    course, _ = build_course(parent=catalogue, capacity=1)
    services.enrolment_create(user=UserFactory(), course=course)
    client.force_login(learner)
    response = client.post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 400
    assert '<p class="errorlist" role="alert">This course is full.</p>' in html(
        response
    )
    assert not Enrolment.objects.filter(user=learner).exists()


def test_enrol_needs_post_and_login(client, catalogue):
    course, _ = build_course(parent=catalogue)
    assert client.post(reverse("courses:enrol", args=[course.pk])).status_code == 302
    client.force_login(UserFactory())
    assert client.get(reverse("courses:enrol", args=[course.pk])).status_code == 405
    assert client.post(reverse("courses:enrol", args=[999999])).status_code == 404


def test_lessons_are_for_enrolled_learners(client, catalogue, learner):
    course, lessons = build_course(parent=catalogue)
    assert "/accounts/login/" in client.get(lessons[0].url).url
    client.force_login(learner)
    assert client.get(lessons[0].url).url == course.url
    services.enrolment_create(user=learner, course=course)
    response = client.get(lessons[0].url)
    assert response.status_code == 200
    assert "Lesson 1 of 4" in html(response)
    assert Enrolment.objects.get(user=learner).last_lesson_id == lessons[0].pk


def test_locked_lessons_send_the_learner_to_the_first_unfinished_one(
    client, catalogue, learner
):
    course, lessons = build_course(parent=catalogue, lessons_in_order=True)
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    assert client.get(lessons[2].url).url == lessons[0].url
    client.post(reverse("courses:lesson_complete", args=[lessons[0].pk]))
    assert client.get(lessons[1].url).status_code == 200


def test_marking_complete_moves_to_the_next_lesson_and_the_progress_bar(
    client, catalogue, learner
):
    course, lessons = build_course(parent=catalogue)
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    response = client.post(reverse("courses:lesson_complete", args=[lessons[0].pk]))
    assert response.url == lessons[1].url
    page = html(client.get(lessons[1].url))
    assert "25% complete" in page
    assert 'aria-valuenow="25"' in page


def test_the_last_lesson_says_the_course_is_complete(client, catalogue, learner):
    """Not on to an optional lesson as if nothing had happened."""
    course, lessons = build_course(parent=catalogue, lessons_per_module=(2,))
    optional = LessonPageFactory(parent=lessons[0].get_parent(), required=False)
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    first = client.post(reverse("courses:lesson_complete", args=[lessons[0].pk]))
    assert first.url == lessons[1].url
    assert "you have completed" not in html(client.get(first.url))

    last = client.post(reverse("courses:lesson_complete", args=[lessons[1].pk]))

    assert last.url == course.url  # not the optional lesson after it
    assert optional.url != course.url
    page = html(client.get(last.url))
    assert f"Well done: you have completed “{course.title}”!" in page


def test_quiz_failure_then_pass_with_feedback(client, catalogue, learner):
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), quizzes=(1,)
    )
    lesson = lessons[0]
    quiz = lesson.quizzes[0]
    questions = quiz.value["questions"].bound_blocks
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    url = reverse("courses:quiz_submit", args=[lesson.pk, quiz.id])

    def answer(correct: bool) -> dict:
        return {
            f"q-{q.id}": [
                a.id
                for a in q.value["answers"].bound_blocks
                if a.value["correct"] == correct
            ][0]
            for q in questions
        }

    form = html(client.get(lesson.url))
    # Back at the quiz after posting, also when the answer is refused.
    assert f'action="{url}#quiz-{quiz.id}"' in form
    response = client.post(url, answer(False))
    assert response.status_code == 302
    page = html(client.get(lesson.url))
    assert "You scored 0%" in page
    assert "Feedback on Only materials" in page

    client.post(url, answer(True))
    page = html(client.get(lesson.url))
    assert "You passed with 100%" in page
    assert "You have completed this lesson." in page
    assert "Well done: you have completed" in page  # the only lesson
    assert Enrolment.objects.get(user=learner).completed_at is not None


def test_attempts_left_are_not_shown_once_the_quiz_is_passed(
    client, catalogue, learner
):
    course, _ = build_course(parent=catalogue, lessons_per_module=())
    lesson = LessonPageFactory(
        parent=ModulePageFactory(parent=course), body=[quiz_block(max_attempts=3)]
    )
    quiz = lesson.quizzes[0]
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    assert "3 attempts left." in html(client.get(lesson.url))

    right = {
        question.id: [
            answer.id
            for answer in question.value["answers"].bound_blocks
            if answer.value["correct"]
        ]
        for question in quiz.value["questions"].bound_blocks
    }
    services.quiz_submit(user=learner, lesson=lesson, quiz_id=quiz.id, answers=right)

    page = html(client.get(lesson.url))
    assert "You passed with 100%" in page
    assert "attempts left" not in page and "attempt left" not in page


def test_tampered_quiz_post_is_refused_next_to_the_quiz(client, catalogue, learner):
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), quizzes=(1,)
    )
    lesson, quiz = lessons[0], lessons[0].quizzes[0]
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    response = client.post(
        reverse("courses:quiz_submit", args=[lesson.pk, quiz.id]), {"q-forged": "x"}
    )
    assert response.status_code == 400
    assert "do not belong to this quiz" in html(response)
    assert not QuizAttempt.objects.exists()
    response = client.post(reverse("courses:quiz_submit", args=[lesson.pk, "nope"]), {})
    assert response.status_code == 400


def test_quiz_by_someone_not_enrolled_is_refused(client, catalogue):
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), quizzes=(1,)
    )
    lesson, quiz = lessons[0], lessons[0].quizzes[0]
    client.force_login(UserFactory())
    response = client.post(
        reverse("courses:quiz_submit", args=[lesson.pk, quiz.id]), {}
    )
    assert response.status_code in (302, 400)
    assert not QuizAttempt.objects.exists()


def test_exercise_answer_is_saved_and_escaped(client, catalogue, learner):
    course, _ = build_course(parent=catalogue, lessons_per_module=())
    lesson = LessonPageFactory(
        parent=ModulePageFactory(parent=course), body=[exercise_block()]
    )
    exercise_id = lesson.body[0].id
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    url = reverse("courses:exercise_save", args=[lesson.pk, exercise_id])
    client.post(url, {"answer": "<script>alert(1)</script> 320 € a day"})
    page = html(client.get(lesson.url))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 320 € a day" in page
    assert "<script>alert(1)" not in page

    response = client.post(url, {"answer": "   "})
    assert response.status_code == 400
    assert "Write your answer before saving." in html(response)
    # The form posts to its own place on the page, so the message is in view.
    assert f'action="{url}#exercise-{exercise_id}"' in html(response)


def test_dashboard_lists_my_courses(client, catalogue, learner):
    active, lessons = build_course(parent=catalogue, title="Pricing your work")
    pending, _ = build_course(
        parent=catalogue, title="Agents", enrolment_mode="approval"
    )
    done, done_lessons = build_course(
        parent=catalogue, title="Finished", lessons_per_module=(1,)
    )
    services.enrolment_create(user=learner, course=active)
    services.lesson_complete(user=learner, lesson=lessons[0])
    services.enrolment_create(user=learner, course=pending)
    services.enrolment_create(user=learner, course=done)
    services.lesson_complete(user=learner, lesson=done_lessons[0])
    client.force_login(learner)

    page = html(client.get(reverse("courses:dashboard")))
    assert "Pricing your work" in page and "25% complete" in page
    assert "Awaiting approval" in page and "Agents" in page
    assert "Completed courses" in page and "Finished" in page


def test_dashboard_after_the_only_course_is_completed(client, catalogue, learner):
    done, lessons = build_course(
        parent=catalogue, title="Finished", lessons_per_module=(1,)
    )
    services.enrolment_create(user=learner, course=done)
    services.lesson_complete(user=learner, lesson=lessons[0])
    client.force_login(learner)

    page = html(client.get(reverse("courses:dashboard")))

    assert "You are not taking a course yet." not in page
    assert "No course in progress: the ones you completed are listed below." in page
    assert "Completed courses" in page and "Finished" in page


def continue_link(page: str) -> str:
    return re.search(r'<a class="button" href="([^"]+)">Continue with lesson', page)


def test_continue_opens_the_lesson_to_continue_as_last_visited_says(
    client, catalogue, learner
):
    """The "Continue" button opens the last visited lesson while it is
    unfinished, else the next unfinished required lesson after it; "Last
    visited" names the same lessons, on the dashboard and on the course page."""
    course, lessons = build_course(
        parent=catalogue, title="Pricing your work", lessons_per_module=(3, 2)
    )
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    dashboard = reverse("courses:dashboard")
    page = html(client.get(dashboard))
    assert f'<a class="button" href="{lessons[0].url}">Start the first lesson' in page

    for lesson in lessons[:3]:
        services.lesson_complete(user=learner, lesson=lesson)
    client.get(lessons[1].url)  # back to re-read lesson 2, which is done
    for url in (dashboard, course.url):
        page = html(client.get(url))
        assert (
            f'Last visited: lesson 2, <span lang="en">{lessons[1].title}</span> (done)'
            in page
        )
        assert f'Up next: lesson 4, <span lang="en">{lessons[3].title}</span>' in page
        assert continue_link(page).group(1) == lessons[3].url

    client.get(lessons[4].url)  # lesson 5 opened, not finished
    for url in (dashboard, course.url):
        page = html(client.get(url))
        assert (
            f'Last visited: lesson 5, <span lang="en">{lessons[4].title}</span></p>'
            in page
        )
        assert "Up next" not in page
        assert continue_link(page).group(1) == lessons[4].url

    services.lesson_complete(user=learner, lesson=lessons[4])
    page = html(client.get(dashboard))  # lesson 4, before it, is still to do
    assert continue_link(page).group(1) == lessons[3].url


def test_a_completed_course_offers_review_not_continue_or_leave(
    client, catalogue, learner
):
    course, lessons = build_course(
        parent=catalogue, title="Finished", lessons_per_module=(1,)
    )
    enrolment = services.enrolment_create(user=learner, course=course)
    services.lesson_complete(user=learner, lesson=lessons[0])
    enrolment.refresh_from_db()
    client.force_login(learner)

    page = html(client.get(reverse("courses:dashboard")))
    date = formats.date_format(
        timezone.localtime(enrolment.completed_at), "DATE_FORMAT"
    )
    assert f"Completed on {date}" in page
    assert f'<a href="{course.url}">Review the course<span' in page
    assert "Continue" not in page and "Leave this course" not in page

    page = html(client.get(course.url))
    assert f"You completed this course on {date}." in page
    assert "Continue" not in page and "Leave this course" not in page
    response = client.post(reverse("courses:withdraw", args=[course.pk]))
    assert response.status_code == 400
    assert "it stays among your completed courses" in html(response)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE


def test_dashboard_requires_login(client, demo_site):
    assert "/accounts/login/" in client.get(reverse("courses:dashboard")).url


# --- query budgets -----------------------------------------------------------


def count_queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_catalogue_queries_do_not_grow_with_courses(client, catalogue):
    build_course(parent=catalogue, lessons_per_module=(1,))
    one = count_queries(client, catalogue.url)
    # Ten times as many: a query per course would show as nine more.
    for _ in range(9):
        build_course(parent=catalogue, lessons_per_module=(1,))
    assert count_queries(client, catalogue.url) == one


def test_course_page_queries_do_not_grow_with_lessons_or_learners(
    client, catalogue, learner
):
    course, lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    one = count_queries(client, course.url)
    module = lessons[0].get_parent()
    for _ in range(9):
        LessonPageFactory(parent=module)
    for _ in range(9):
        services.enrolment_create(user=UserFactory(), course=course)
    assert count_queries(client, course.url) == one


def test_lesson_page_queries_do_not_grow_with_lessons_or_learners(
    client, catalogue, learner
):
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), quizzes=(1,)
    )
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    one = count_queries(client, lessons[0].url)
    module = lessons[0].get_parent()
    for _ in range(9):
        LessonPageFactory(parent=module)
    for _ in range(9):
        services.enrolment_create(user=UserFactory(), course=course)
    assert count_queries(client, lessons[0].url) == one


def test_an_enrolled_learners_lesson_reads_its_course_once(client, catalogue, learner):
    """The completion rules (events' attendance) read the enrolment's course:
    the one the page found, not a second query for it."""
    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), quizzes=(1,)
    )
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    client.get(lessons[0].url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(lessons[0].url).status_code == 200
    course_reads = [q for q in queries if '"courses_coursepage"' in q["sql"]]
    assert len(course_reads) == 1, [q["sql"][:120] for q in course_reads]


def test_dashboard_queries_do_not_grow_with_courses(client, catalogue, learner):
    def take(count: int, *, complete: bool) -> None:
        for _ in range(count):
            course, lessons = build_course(parent=catalogue, lessons_per_module=(2,))
            services.enrolment_create(user=learner, course=course)
            services.lesson_complete(user=learner, lesson=lessons[0])
            if complete:
                services.lesson_complete(user=learner, lesson=lessons[1])

    take(1, complete=False)
    take(1, complete=True)
    client.force_login(learner)
    one = count_queries(client, reverse("courses:dashboard"))
    take(5, complete=False)
    take(5, complete=True)
    assert count_queries(client, reverse("courses:dashboard")) == one


def test_editors_preview_lessons_and_courses_without_enrolling(catalogue):
    from courses.factories import quiz_block
    from courses.models import LessonPage

    course, lessons = build_course(
        parent=catalogue, lessons_per_module=(1,), quizzes=(1,)
    )
    saved = lessons[0].make_preview_request()
    assert saved.status_code == 200
    assert "Check yourself" in saved.content.decode()

    unsaved = LessonPage(title="Draft lesson", slug="draft", body=[quiz_block()])
    assert "Draft lesson" in unsaved.make_preview_request().content.decode()
    assert course.make_preview_request().status_code == 200


def test_catalogue_pages_through_many_courses_keeping_filters(client, catalogue):
    for number in range(30):  # courses without lessons: the catalogue lists them
        build_course(
            parent=catalogue,
            title=f"Course {number:02d}",
            level="foundation",
            lessons_per_module=(),
        )
    first = client.get(catalogue.url, {"level": "foundation"}).content.decode()
    assert "30 courses" in first and "Page 1 of 2" in first
    assert "Course 23" in first and "Course 24" not in first
    assert "level=foundation&amp;page=2" in first
    second = client.get(
        catalogue.url, {"level": "foundation", "page": 2}
    ).content.decode()
    assert "Course 29" in second and "Course 00" not in second
    assert client.get(catalogue.url, {"page": "nonsense"}).status_code == 200


WRITES = ("INSERT", "UPDATE", "DELETE")


def writes_of(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


def test_a_plain_get_that_changes_nothing_writes_nothing(client, catalogue, learner):
    from courses.models import CourseVisit

    course, lessons = build_course(parent=catalogue, lessons_per_module=(2,))
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    client.get(course.url)  # the visit of the day is recorded once
    assert CourseVisit.objects.filter(course=course, user=learner).count() == 1
    assert writes_of(client, course.url) == []
    assert CourseVisit.objects.filter(course=course, user=learner).count() == 1

    client.get(lessons[0].url)  # where the learner is: recorded once
    assert Enrolment.objects.get(user=learner).last_lesson_id == lessons[0].pk
    assert writes_of(client, lessons[0].url) == []
    # Another lesson is a change: it is remembered at once.
    assert writes_of(client, lessons[1].url) != []
    assert Enrolment.objects.get(user=learner).last_lesson_id == lessons[1].pk


def test_the_visit_of_the_day_is_recorded_once_even_without_the_cache(
    client, catalogue, learner
):
    from django.core.cache import cache

    from courses.models import CourseVisit

    course, _ = build_course(parent=catalogue, lessons_per_module=(1,))
    client.force_login(learner)
    client.get(course.url)
    cache.clear()  # a restarted cache: the database still knows
    client.get(course.url)
    assert CourseVisit.objects.filter(course=course, user=learner).count() == 1


def test_a_learner_sees_their_progress_at_once_after_completing_a_lesson(
    client, catalogue, learner
):
    course, lessons = build_course(parent=catalogue, lessons_per_module=(2,))
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    assert "0% complete" in html(client.get(lessons[0].url))
    client.post(reverse("courses:lesson_complete", args=[lessons[0].pk]))
    page = html(client.get(lessons[0].url))
    assert "50% complete" in page and "You have completed this lesson." in page
    assert "50% complete" in html(client.get(course.url))


def test_deep_paths_route_as_wagtail_routes_them(client, catalogue, learner):
    course, lessons = build_course(parent=catalogue, lessons_per_module=(2,))
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    assert client.get(lessons[0].url).status_code == 200
    assert client.get(lessons[0].url + "nothing-here/").status_code == 404
    assert client.get(course.url + "no-module/no-lesson/").status_code == 404
    lessons[1].unpublish()
    assert client.get(lessons[1].url).status_code == 404
    module = lessons[0].get_parent()
    # A module is a heading of the outline: its address leads to the course.
    assert client.get(module.url).url == course.url


def test_the_unfiltered_catalogue_follows_publishing_and_trainer_cards(
    client, catalogue
):
    from courses.models import Trainer

    course, _ = build_course(parent=catalogue, title="Money for makers")
    trainer = Trainer.objects.create(name="Tina Trainer", locale=course.locale)
    course.trainers.set([trainer])
    course.save_revision().publish()
    assert "Tina Trainer" in html(client.get(catalogue.url))
    build_course(parent=catalogue, title="Seeing further")
    assert "Seeing further" in html(client.get(catalogue.url))
    trainer.name = "Tina Novak"
    trainer.save()
    assert "Tina Novak" in html(client.get(catalogue.url))
    course.unpublish()
    assert "Money for makers" not in html(client.get(catalogue.url))
