from django.http import HttpRequest

from .models import Certificate


def certificates_of(user) -> list[Certificate]:
    return list(
        Certificate.objects.filter(user=user)
        .exclude(status=Certificate.Status.FAILED)
        .order_by("-completed_at")
    )


def dashboard_panel(request: HttpRequest) -> dict | None:
    certificates = certificates_of(request.user)
    if not certificates:
        return None
    return {
        "template": "certificates/dashboard_panel.html",
        "certificates": certificates,
    }
