"""A creative finds the demo course, enrols, reads lessons, fails a quiz, opens a
fresh try (nothing spent) and passes it, watches the progress bar move and
completes the course, in a real Chromium; axe checks the catalogue, course,
lesson and dashboard pages in both languages. The certificate's baked badge is
then checked at /verify/: genuine and valid, and after a course manager revokes
it in the admin, genuine but revoked."""

import re
import time

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from pypdf import PdfReader
from wagtail.models import Locale

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from certificates.models import Certificate
from courses.models import Enrolment, LessonPage, QuizAttempt
from courses.roles import COURSE_MANAGERS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user, language="en") -> None:
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/dashboard/")


def quiz_answers(lesson_title: str, language: str) -> list:
    lesson = LessonPage.objects.get(title=lesson_title, locale__language_code=language)
    return list(lesson.quizzes[0].value["questions"])


def answer_quiz(page, questions: list[dict], language: str, *, correctly: bool) -> None:
    fieldsets = page.locator("section.quiz fieldset")
    for index, question in enumerate(questions):
        fieldset = fieldsets.nth(index)
        for answer in question["answers"]:
            choose = answer["correct"] if correctly else not answer["correct"]
            option = fieldset.get_by_label(answer["text"], exact=True)
            if choose:
                option.check()
                if question["kind"] != "multiple" and not correctly:
                    break
            elif question["kind"] == "multiple":
                option.uncheck()
    page.locator("section.quiz button[type=submit]").click()


def upload_at_verify(page, path) -> str:
    """Upload a credential file at /verify/ and return the verdict's heading."""
    page.goto("/en/verify/")
    page.get_by_label("Credential file or badge image").set_input_files(path)
    page.get_by_role("button", name="Check the credential").click()
    heading = page.get_by_role("status").get_by_role("heading").inner_text()
    return heading.strip().lstrip("✓✗!").strip()  # after its (hidden) sign


def progress_value(page) -> int:
    return int(
        page.locator(".lesson__outline [role=progressbar]").get_attribute(
            "aria-valuenow"
        )
    )


# The lesson blocks' outer elements (templates/courses/blocks/).
BLOCKS = (
    "section.quiz",
    "section.exercise",
    ".callout",
    ".document-link",
    ".lesson-image",
    ".quote",
    ".lesson-video",
    "table",
)


@pytest.mark.worker
def test_learner_completes_the_demo_course_and_gets_a_certificate(
    page, demo_course, assert_accessible, celery_worker_process, live_server
):
    learner = UserFactory(full_name="Nina Kralj")
    log_in(page, learner)
    assert_accessible(page)  # the dashboard, before any course

    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Courses"
    ).click()
    assert_accessible(page)
    page.get_by_label("Search").fill("business models")
    page.get_by_role("button", name="Show courses").click()
    title = demo_course.title
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Enrol").click()
    expect(page.get_by_text("You are enrolled")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Start the first lesson").click()

    failed_once = False
    seen_progress = [0]
    checked_shapes = set()
    for _step in range(20):
        # axe on the first lesson of each make-up (which kinds of block it
        # has): the others are the same templates around other text.
        shape = tuple(page.locator(f"main {kind}").count() > 0 for kind in BLOCKS)
        if shape not in checked_shapes:
            assert_accessible(page)
            checked_shapes.add(shape)
        lesson_title = page.locator("h1").inner_text()
        if page.locator("section.quiz").count():
            questions = quiz_answers(lesson_title, "en")
            if not failed_once:
                answer_quiz(page, questions, "en", correctly=False)
                expect(page.get_by_text(re.compile(r"You scored \d+%"))).to_be_visible()
                assert page.locator("fieldset.is-wrong").count() >= 1
                assert_accessible(page)
                spent = QuizAttempt.objects.filter(enrolment__user=learner).count()
                # "Try again" opens a fresh try: answers cleared, nothing spent.
                page.get_by_role("link", name="Try again").click()
                page.wait_for_load_state()
                assert page.locator("section.quiz input:checked").count() == 0
                assert page.locator("section.quiz input:disabled").count() == 0
                expect(
                    page.get_by_role("button", name="Check my answers")
                ).to_be_visible()
                assert (
                    QuizAttempt.objects.filter(enrolment__user=learner).count() == spent
                )
                assert_accessible(page)
                failed_once = True
            answer_quiz(page, questions, "en", correctly=True)
            expect(
                page.get_by_text(re.compile(r"You passed with \d+%"))
            ).to_be_visible()
            seen_progress.append(progress_value(page))
            following = page.locator("a[rel=next]")
            if not following.count():
                break
            following.click()
        elif page.get_by_role("button", name="Mark as complete").count():
            page.get_by_role("button", name="Mark as complete").click()
            page.wait_for_load_state()
            if page.locator(".lesson__outline").count():
                seen_progress.append(progress_value(page))
        else:
            break
        if Enrolment.objects.get(user=learner).completed_at:
            break

    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.completed_at is not None
    assert failed_once
    assert (
        seen_progress == sorted(seen_progress) and seen_progress[-1] > seen_progress[1]
    )

    page.goto("/en/dashboard/")
    expect(page.get_by_role("heading", name="Completed courses")).to_be_visible()
    expect(page.get_by_role("link", name=title, exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Completed on "))).to_be_visible()
    assert page.get_by_role("link", name=re.compile("^Review the course")).count()
    assert not page.get_by_role("link", name=re.compile("^Continue")).count()
    assert_accessible(page)

    # The worker renders the certificate; the dashboard offers it when it is ready.
    download_link = page.get_by_role(
        "link", name=re.compile("Download the certificate")
    )
    deadline = time.monotonic() + 90
    while not download_link.count() and time.monotonic() < deadline:
        page.wait_for_timeout(500)
        page.reload()
    assert download_link.count() == 1, "the certificate never appeared on the dashboard"
    assert_accessible(page)
    with page.expect_download() as download_info:
        download_link.click()
    pdf = PdfReader(download_info.value.path())
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "Nina Kralj" in text and title in text
    code = re.search(
        r"Verification code: ?([0-9A-Z]{5}(?:-[0-9A-Z]{5}){5})", text
    ).group(1)

    page.goto(f"/verify/{code}/")
    expect(page.get_by_text("Valid certificate")).to_be_visible()
    expect(page.get_by_text("Nina Kralj")).to_be_visible()
    assert_accessible(page)
    page.goto("/en/verify/")
    assert_accessible(page)  # the look-up and the credential upload forms
    page.get_by_label("Verification code").fill(code.lower())
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_text("Valid certificate")).to_be_visible()

    # The baked badge from My certificates proves itself at /verify/ (issue 15):
    # what a client does with the badge a freelancer sent them.
    page.goto("/en/certificates/")
    with page.expect_download() as badge_download:
        page.get_by_role("link", name=re.compile(r"^Badge \(PNG")).click()
    badge = badge_download.value.path()
    assert badge.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    verdict = upload_at_verify(page, badge)
    assert verdict == "Genuine and valid"
    expect(page.get_by_text("Nina Kralj").first).to_be_visible()
    assert_accessible(page)

    # A course manager revokes it in the admin; the same badge is then still
    # ours and unchanged, but revoked.
    certificate = Certificate.objects.get(verification_code=code)
    manager = UserFactory(is_staff=True)
    manager.groups.add(Group.objects.get(name=COURSE_MANAGERS))
    staff = page.context.browser.new_context(base_url=live_server.url)
    staff_page = staff.new_page()
    staff_page.goto("/cms/login/")
    staff_page.locator("#id_login").fill(manager.email)
    staff_page.locator("#id_password").fill(DEFAULT_PASSWORD)
    staff_page.locator("form.form button[type=submit]").click()
    staff_page.wait_for_url("**/cms/")
    staff_page.goto(f"/cms/certificates/{certificate.pk}/revoke/")
    staff_page.locator("#id_reason").fill("Issued for the wrong course run")
    staff_page.locator("button.serious[type=submit]").click()
    staff_page.wait_for_url(f"**/cms/certificates/{certificate.pk}/")
    staff.close()
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert upload_at_verify(page, badge) == "Genuine but revoked"

    # The same pages in Slovenian.
    page.goto("/sl/dashboard/")
    expect(page.get_by_role("heading", name="Moje učenje")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("navigation", name="Glavna navigacija").get_by_role(
        "link", name="Tečaji"
    ).click()
    assert_accessible(page)
    slovenian_course = demo_course.get_translation(
        Locale.objects.get(language_code="sl")
    )
    page.get_by_role("link", name=slovenian_course.title).click()
    # Completed in English, the course is not offered again in Slovenian.
    expect(page.get_by_text("Ta tečaj ste zaključili v angleščini.")).to_be_visible()
    assert not page.get_by_role("button", name="Vpis").count()
    assert page.locator(".enrol-box a.button[hreflang=en]").count() == 1
    assert_accessible(page)
    # Its lessons open to read in Slovenian, and the switcher keeps the lesson.
    page.locator(".outline a").first.click()
    assert page.locator("html").get_attribute("lang") == "sl"
    slovenian_lesson = page.locator("h1").inner_text()
    assert_accessible(page)
    page.get_by_role("navigation", name="Jezik").get_by_role(
        "link", name="English"
    ).click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        page.locator("h1").inner_text()
        == LessonPage.objects.get(title=slovenian_lesson, locale__language_code="sl")
        .get_translation(demo_course.locale)
        .title
    )
