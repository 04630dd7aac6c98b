"""The holder's own page: "My certificates", every certificate of the signed-in
person with its state, its downloads and the ways to share it."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Locale

from courses.models import CourseIndexPage

from .models import Certificate, Credential
from .open_badges import certificate_settings
from .rendering import verification_url
from .sharing import linkedin_add_to_profile_url


@dataclass(frozen=True)
class HeldCertificate:
    """A certificate as its holder sees it. Sharing (the verification link,
    LinkedIn, the credential) is offered for an issued certificate only: a
    revoked one would be shared to say "no longer valid"."""

    certificate: Certificate
    has_credential: bool
    verify_url: str = ""
    linkedin_url: str = ""


def held_certificates(user) -> list[HeldCertificate]:
    """Every certificate of `user`, latest earned first, in one query whatever
    their number (the credential's presence is a subquery; what the page prints
    is the certificate's own copy of the course and the issuer)."""
    certificates = (
        Certificate.objects.filter(user=user)
        .annotate(
            has_credential=Exists(Credential.objects.filter(certificate=OuterRef("pk")))
        )
        .order_by("-completed_at", "-pk")
    )
    held = []
    for certificate in certificates:
        if certificate.status == Certificate.Status.ISSUED:
            held.append(
                HeldCertificate(
                    certificate=certificate,
                    has_credential=certificate.has_credential,
                    verify_url=verification_url(certificate.verification_code),
                    linkedin_url=linkedin_add_to_profile_url(certificate),
                )
            )
        else:
            held.append(HeldCertificate(certificate, certificate.has_credential))
    return held


@login_required
def my_certificates(request: HttpRequest) -> HttpResponse:
    """The holder's certificates (never anyone else's: the query is by the
    signed-in user), or a pointer to the catalogue when there are none."""
    held = held_certificates(request.user)
    context: dict = {"held": held}
    if not held:
        catalogue = (
            CourseIndexPage.objects.live().filter(locale=Locale.get_active()).first()
        )
        context["catalogue_url"] = catalogue.get_url(request) if catalogue else ""
    if any(item.certificate.status == Certificate.Status.REVOKED for item in held):
        # Whom a holder asks about a revocation: the issuer's address.
        context["contact_email"] = certificate_settings().issuer_email_or_default()
    return render(request, "certificates/my_certificates.html", context)
