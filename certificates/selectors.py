from django.http import HttpRequest

from courses.models import Enrolment

from .models import Certificate


def certificates_of(user) -> list[Certificate]:
    return list(
        Certificate.objects.filter(user=user)
        .exclude(status=Certificate.Status.FAILED)
        .order_by("-completed_at")
    )


def dashboard_panel(request: HttpRequest) -> dict | None:
    """Certificates whose course is not on the dashboard's list of completed
    courses (where each shows its own): those of courses left afterwards."""
    certificates = list(
        Certificate.objects.filter(user=request.user)
        .exclude(status=Certificate.Status.FAILED)
        .exclude(enrolment__status=Enrolment.Status.ACTIVE)
        .order_by("-completed_at")
    )
    if not certificates:
        return None
    return {
        "template": "certificates/dashboard_panel.html",
        "certificates": certificates,
    }


def completed_course_certificates(
    request: HttpRequest, enrolments: list[Enrolment]
) -> dict[int, dict]:
    """The certificate of each completed course on the dashboard (being
    prepared, to download and verify, or revoked), in one query."""
    certificates = Certificate.objects.filter(enrolment__in=enrolments).exclude(
        status=Certificate.Status.FAILED
    )
    return {
        certificate.enrolment_id: {
            "template": "certificates/dashboard_course.html",
            "certificate": certificate,
        }
        for certificate in certificates
    }
