"""Keep learners' progress right when trainers change a published course, and
give the course roles their permissions on each new catalogue."""

from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from assessments.signals import response_submitted

from .models import CourseIndexPage, CoursePage, Enrolment, LessonPage, ModulePage

# Up to this many learners the recount runs right after the editor's change is
# committed; bigger courses are recounted by a worker.
INLINE_RECOUNT_LIMIT = 200


def _course_of(page) -> CoursePage | None:
    return CoursePage.objects.ancestor_of(page).first()


def schedule_progress_recount(course_id: int) -> None:
    from .services import course_progress_recompute
    from .tasks import course_progress_recompute_task

    def recount() -> None:
        active = Enrolment.objects.filter(
            course_id=course_id, status=Enrolment.Status.ACTIVE
        ).count()
        if active > INLINE_RECOUNT_LIMIT:
            course_progress_recompute_task.delay(course_id)
        elif active:
            course = CoursePage.objects.filter(pk=course_id).first()
            if course is not None:
                course_progress_recompute(course=course)

    transaction.on_commit(recount)


@receiver(page_published)
@receiver(page_unpublished)
def recount_after_content_change(sender, instance, **kwargs) -> None:
    if isinstance(instance, LessonPage | ModulePage):
        course = _course_of(instance)
        if course is not None:
            schedule_progress_recount(course.pk)


@receiver(pre_delete, sender=LessonPage)
@receiver(pre_delete, sender=ModulePage)
def recount_after_delete(sender, instance, **kwargs) -> None:
    course = _course_of(instance)
    if course is not None:
        schedule_progress_recount(course.pk)


@receiver(post_save, sender=CourseIndexPage)
def grant_course_roles(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        from .roles import catalogue_permissions_grant

        catalogue_permissions_grant(index_page=instance)


@receiver(response_submitted)
def link_post_assessment(sender, response, **kwargs) -> None:
    from .services import enrolments_post_assessment_link

    enrolments_post_assessment_link(response=response)
