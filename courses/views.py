from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from assessments.selectors import latest_result
from lms.middleware import validates_text_input

from . import services
from .dashboard import completed_course_extras
from .dashboard import panels as dashboard_panels
from .models import CourseIndexPage, CoursePage, Enrolment, LessonPage
from .selectors import course_outline, learner_dashboard

QUIZ_FIELD_PREFIX = "q-"


def _live_course(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


def _live_lesson(lesson_id: int) -> LessonPage:
    return get_object_or_404(LessonPage.objects.live(), pk=lesson_id)


def _rerender(request: HttpRequest, page, errors: dict, **context) -> HttpResponse:
    """Show the page again with the error next to the form that caused it
    (`errors` by form, see the pages' get_context)."""
    response = page.serve(request, block_errors=errors, **context)
    if hasattr(response, "render"):
        response.render()
    response.status_code = 400
    return response


@login_required
@require_POST
def enrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    try:
        enrolment = services.enrolment_create(
            user=request.user, course=course, option=request.POST.get("option", "")
        )
    except ValidationError as error:
        # A missing or refused choice (a run) is said next to the options.
        form = "enrol_choice" if error.code == "choice" else "enrol"
        # What was chosen stays chosen on the page shown again.
        errors = {form: error.messages[0], "option": request.POST.get("option", "")}
        return _rerender(request, course, errors)
    if enrolment.status == Enrolment.Status.PENDING:
        messages.success(
            request, _("Your request has been sent. We will e-mail you the answer.")
        )
    else:
        messages.success(request, _("You are enrolled. Enjoy the course!"))
    return HttpResponseRedirect(course.get_url(request))


@login_required
@require_POST
def withdraw(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    enrolment = Enrolment.objects.filter(user=request.user, course=course).first()
    if enrolment is None:
        raise Http404
    try:
        services.enrolment_withdraw(enrolment=enrolment)
    except ValidationError as error:
        return _rerender(request, course, {"enrol": error.messages[0]})
    messages.success(
        request, _("You have left the course. Your progress is kept if you come back.")
    )
    return HttpResponseRedirect(course.get_url(request))


@login_required
@require_POST
def lesson_complete(request: HttpRequest, lesson_id: int) -> HttpResponse:
    lesson = _live_lesson(lesson_id)
    started = timezone.now()
    try:
        enrolment = services.lesson_complete(user=request.user, lesson=lesson)
    except ValidationError as error:
        return _rerender(request, lesson, {"complete": error.messages[0]})
    course = lesson.get_parent().get_parent()
    if _completed_now(request, enrolment, started):
        return HttpResponseRedirect(course.get_url(request))
    _previous, following = course_outline(course=course.specific).neighbours(lesson.pk)
    target = following.lesson if following else course
    return HttpResponseRedirect(target.get_url(request))


def _completed_now(request: HttpRequest, enrolment: Enrolment, since) -> bool:
    """Say so when this step completed the course (not just go on to an optional
    lesson as if nothing had happened)."""
    if enrolment.completed_at is None or enrolment.completed_at < since:
        return False
    messages.success(
        request,
        _("Well done: you have completed “%(title)s”!")
        % {"title": enrolment.course.title},
    )
    return True


@login_required
@require_POST
def quiz_submit(request: HttpRequest, lesson_id: int, quiz_id: str) -> HttpResponse:
    lesson = _live_lesson(lesson_id)
    answers = {
        key[len(QUIZ_FIELD_PREFIX) :]: request.POST.getlist(key)
        for key in request.POST
        if key.startswith(QUIZ_FIELD_PREFIX)
    }
    started = timezone.now()
    try:
        attempt = services.quiz_submit(
            user=request.user, lesson=lesson, quiz_id=quiz_id, answers=answers
        )
    except ValidationError as error:
        # The refused try stays open with what was chosen (nothing was spent).
        return _rerender(
            request,
            lesson,
            {f"quiz-{quiz_id}": error.messages[0]},
            quiz_draft={quiz_id: answers},
        )
    _completed_now(request, attempt.enrolment, started)
    return HttpResponseRedirect(f"{lesson.get_url(request)}#quiz-{quiz_id}")


@validates_text_input
@login_required
@require_POST
def quiz_attempt_ask(
    request: HttpRequest, lesson_id: int, quiz_id: str
) -> HttpResponse:
    """A learner with no attempts left asks the trainers for another one."""
    lesson = _live_lesson(lesson_id)
    try:
        services.quiz_attempt_request(
            user=request.user,
            lesson=lesson,
            quiz_id=quiz_id,
            message=request.POST.get("message", ""),
        )
    except ValidationError as error:
        if error.code == "already_asked":
            # A second click on "Send": the first one went; say so, send nothing.
            messages.info(request, _("Your request has already been sent."))
            return HttpResponseRedirect(f"{lesson.get_url(request)}#quiz-{quiz_id}")
        return _rerender(request, lesson, {f"ask-{quiz_id}": error.messages[0]})
    messages.success(
        request,
        _(
            "Your request has been sent to the trainer. We will e-mail you when "
            "they allow another attempt."
        ),
    )
    return HttpResponseRedirect(f"{lesson.get_url(request)}#quiz-{quiz_id}")


@validates_text_input
@login_required
@require_POST
def exercise_save(
    request: HttpRequest, lesson_id: int, exercise_id: str
) -> HttpResponse:
    lesson = _live_lesson(lesson_id)
    try:
        services.exercise_answer_save(
            user=request.user,
            lesson=lesson,
            exercise_id=exercise_id,
            text=request.POST.get("answer", ""),
        )
    except ValidationError as error:
        return _rerender(
            request, lesson, {f"exercise-{exercise_id}": error.messages[0]}
        )
    messages.success(request, _("Your answer has been saved."))
    return HttpResponseRedirect(f"{lesson.get_url(request)}#exercise-{exercise_id}")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    context = learner_dashboard(user=request.user)
    catalogue = (
        CourseIndexPage.objects.live().filter(locale=Locale.get_active()).first()
    )
    context["catalogue_url"] = catalogue.get_url(request) if catalogue else ""
    context["panels"] = dashboard_panels(request)
    extras = completed_course_extras(request, context["completed"])
    context["completed"] = [
        {"enrolment": enrolment, "extras": extras.get(enrolment.pk, [])}
        for enrolment in context["completed"]
    ]
    context["latest_assessment"] = latest_result(request.user)
    return render(request, "courses/dashboard.html", context)
