from django.dispatch import receiver

from courses.signals import course_completed

from .services import certificate_create


@receiver(course_completed)
def create_certificate_on_completion(sender, enrolment, **kwargs) -> None:
    certificate_create(enrolment=enrolment)
