"""Give the course roles their rights on each new events listing; forget the
cached courses whose runs ask for sessions when a run changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from courses.models import Enrolment
from courses.signals import enrolment_withdrawn

from .models import CourseRun, EventIndexPage, Session
from .signals import session_changed


@receiver(post_save, sender=EventIndexPage)
def grant_event_roles(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        from .roles import event_index_permissions_grant

        event_index_permissions_grant(index_page=instance)


@receiver(post_save, sender=CourseRun)
@receiver(post_delete, sender=CourseRun)
def forget_courses_whose_runs_ask_for_sessions(sender, **kwargs) -> None:
    from .completion import runs_changed

    runs_changed()


@receiver(session_changed, sender=Session)
def email_calendar_update(sender, session, changed, **kwargs) -> None:
    """The registered get the updated calendar entry, once the change is
    committed (events.tasks.session_changed_notify)."""
    from .tasks import session_changed_notify

    session_changed_notify.delay_on_commit(session.pk, session.sequence)


@receiver(enrolment_withdrawn, sender=Enrolment)
def cancel_run_places(sender, enrolment, now, **kwargs) -> None:
    """A learner who leaves the course leaves their run's sessions that have
    not started: the places go to the waitlist (events.runs)."""
    from .runs import run_places_release

    run_places_release(enrolment=enrolment, now=now)
