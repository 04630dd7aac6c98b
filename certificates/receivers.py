from django.dispatch import receiver

from courses.signals import course_completed

from .services import certificate_create


@receiver(course_completed)
def create_certificate_on_completion(sender, enrolment, **kwargs) -> None:
    # Created at the moment of completion, which the demo's history sets.
    certificate_create(enrolment=enrolment, now=enrolment.completed_at)
