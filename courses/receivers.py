"""Keep learners' progress and the course's hours right when trainers change a
published course, and give the course roles their permissions on each new
catalogue."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from assessments.signals import response_submitted

from .models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    ModulePage,
    Trainer,
)

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


def _hours_recount(page) -> None:
    from .services import course_hours_recount

    # The page itself may be the course (a module moved under it), as a plain Page.
    course = CoursePage.objects.ancestor_of(page, inclusive=True).first()
    if course is not None:
        course_hours_recount(course=course)


# The hours follow the lessons' rows at once (in the same transaction): a saved
# lesson (created, or published: the row holds the live version), one published
# or unpublished (also as part of a subtree, where Wagtail saves plain pages),
# or deleted. A draft leaves the row, and so the hours, as they were.
@receiver(post_save, sender=LessonPage)
@receiver(post_save, sender=ModulePage)
@receiver(post_delete, sender=LessonPage)
@receiver(post_delete, sender=ModulePage)
def hours_after_save_or_delete(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        _hours_recount(instance)


@receiver(page_published)
@receiver(page_unpublished)
def hours_after_publishing(sender, instance, **kwargs) -> None:
    if isinstance(instance, LessonPage | ModulePage):
        _hours_recount(instance)


@receiver(post_page_move)
def hours_after_move(sender, instance, parent_page_before, parent_page_after, **kw):
    if issubclass(sender, LessonPage | ModulePage):
        _hours_recount(parent_page_before)
        _hours_recount(parent_page_after)


@receiver(post_save, sender=CourseIndexPage)
def grant_course_roles(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        from .roles import catalogue_permissions_grant

        catalogue_permissions_grant(index_page=instance)


@receiver(response_submitted)
def link_post_assessment(sender, response, **kwargs) -> None:
    from .services import enrolments_post_assessment_link

    enrolments_post_assessment_link(response=response)


@receiver(post_save, sender=Trainer, dispatch_uid="courses.trainer_saved_pages")
@receiver(post_delete, sender=Trainer, dispatch_uid="courses.trainer_deleted_pages")
def trainer_changed(sender, **kwargs) -> None:
    # Catalogue cards show trainers' names from fragments cached until a page
    # changes (home.site_frame): a trainer card's change counts as one.
    from home.site_frame import site_frames_invalidate

    site_frames_invalidate()
