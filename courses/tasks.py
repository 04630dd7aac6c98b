from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .models import CoursePage, Enrolment
from .services import (
    course_progress_recompute,
    quiz_attempt_grant_email_send,
    quiz_attempt_request_email_send,
)


@shared_task(
    name="courses.enrolment_decision_notify",
    autoretry_for=(OSError,),
    retry_backoff=30,
    max_retries=5,
)
def enrolment_decision_notify(enrolment_id: int) -> None:
    """E-mail the learner that their request was accepted or declined, in the
    course's language."""
    enrolment = (
        Enrolment.objects.select_related("user", "course", "course__locale")
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None or enrolment.user is None or enrolment.decided_at is None:
        return
    with translation.override(enrolment.course.locale.language_code):
        context = {
            "enrolment": enrolment,
            "course": enrolment.course,
            "course_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + (enrolment.course.url or ""),
            "approved": enrolment.status == Enrolment.Status.ACTIVE,
        }
        subject = render_to_string(
            "courses/email/decision_subject.txt", context
        ).strip()
        body = render_to_string("courses/email/decision_message.txt", context)
    send_mail(subject, body, None, [enrolment.user.email])


@shared_task(name="courses.course_progress_recompute")
def course_progress_recompute_task(course_id: int) -> int:
    """Recount the progress of a course's learners after its lessons changed.
    Idempotent: counting twice gives the same figures."""
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        return 0
    return course_progress_recompute(course=course)


@shared_task(
    name="courses.quiz_attempt_request_notify",
    autoretry_for=(OSError,),
    retry_backoff=30,
    max_retries=5,
)
def quiz_attempt_request_notify(request_id: int) -> bool:
    """E-mail the course's trainers a learner's request for another quiz
    attempt. Idempotent: the e-mail is claimed before it is sent."""
    return quiz_attempt_request_email_send(request_id=request_id)


@shared_task(
    name="courses.quiz_attempt_grant_notify",
    autoretry_for=(OSError,),
    retry_backoff=30,
    max_retries=5,
)
def quiz_attempt_grant_notify(grant_id: int) -> bool:
    """E-mail the learner that staff allowed another quiz attempt. Idempotent:
    the e-mail is claimed before it is sent."""
    return quiz_attempt_grant_email_send(grant_id=grant_id)
