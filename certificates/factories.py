import factory
from django.utils import timezone

from accounts.factories import UserFactory
from courses import services as course_services
from courses.factories import build_course

from .models import Certificate, CertificateTemplate


def completed_enrolment(*, parent, user=None, **course_fields):
    """A learner who has just completed a one-lesson course (the certificate is
    created by the course_completed signal, as in real life)."""
    user = user or UserFactory(full_name="Nina Kralj")
    course, lessons = build_course(
        parent=parent, lessons_per_module=(1,), **course_fields
    )
    course_services.enrolment_create(user=user, course=course)
    enrolment = course_services.lesson_complete(user=user, lesson=lessons[0])
    assert enrolment.completed_at is not None
    return enrolment


def certificate_for(enrolment) -> Certificate:
    return Certificate.objects.get(enrolment=enrolment)


def aged(certificate: Certificate, *, seconds: int) -> Certificate:
    Certificate.objects.filter(pk=certificate.pk).update(
        created_at=timezone.now() - timezone.timedelta(seconds=seconds)
    )
    certificate.refresh_from_db()
    return certificate


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    """A certificate text for some courses (not the default unless asked)."""

    name = factory.Sequence(lambda n: f"Template {n}")

    class Meta:
        model = CertificateTemplate
