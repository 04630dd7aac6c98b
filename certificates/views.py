from allauth.core.internal import ratelimit
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language_from_request, override
from django.utils.translation import gettext_lazy as _

from .models import Certificate, verification_code_normalise


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=60,
        help_text=_("Printed at the bottom right of the certificate, e.g. 7K2QD-…"),
    )

    def clean_code(self) -> str:
        # Checked in the stored form, passed on as typed: the result page names
        # the code the visitor gave, not our reading of it.
        typed = self.cleaned_data["code"].strip()
        code = verification_code_normalise(typed)
        if len(code.replace("-", "")) != 30 or not code.replace("-", "").isalnum():
            raise forms.ValidationError(
                _("A verification code has 30 letters and digits in groups of five.")
            )
        return typed


def _rate_limited(request: HttpRequest) -> bool:
    """Counts the look-up with allauth's rate limiter: the same cache, the same
    client address (its adapter's, behind a proxy too) and the same rate format,
    read from `CERTIFICATES_RATE_LIMITS`. The public `allauth.core.ratelimit`
    never limits a GET and reads only allauth's own settings, so this calls the
    function it wraps."""
    return not ratelimit.consume(
        request,
        app="certificates",
        action="verify",
        config=settings.CERTIFICATES_RATE_LIMITS,
        limit_get=True,
    )


def verify_form(request: HttpRequest) -> HttpResponse:
    form = VerifyForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("certificates:verify", code=form.cleaned_data["code"])
    return render(request, "certificates/verify_form.html", {"form": form})


def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: is this certificate genuine? Rate-limited so codes cannot be
    harvested by guessing (which 150 random bits make hopeless anyway)."""
    if _rate_limited(request):
        response = render(request, "certificates/verify_limited.html", status=429)
        response["Retry-After"] = "60"
        return response
    normalised = verification_code_normalise(code)
    certificate = (
        Certificate.objects.filter(verification_code=normalised)
        .exclude(status__in=[Certificate.Status.PENDING, Certificate.Status.FAILED])
        .first()
    )
    status = 200 if certificate else 404
    return render(
        request,
        "certificates/verify.html",
        {"certificate": certificate, "code": code, "form": VerifyForm()},
        status=status,
    )


@login_required
def download(request: HttpRequest, code: str) -> FileResponse:
    """The PDF, for its holder and for staff who may manage certificates."""
    certificate = Certificate.objects.filter(verification_code=code).first()
    if certificate is None or not certificate.pdf:
        raise Http404
    is_holder = certificate.user_id == request.user.pk
    is_staff = request.user.has_perm("certificates.view_certificate")
    if not (is_holder or is_staff):
        raise Http404
    if certificate.status == Certificate.Status.REVOKED and not is_staff:
        raise Http404
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.verification_code}.pdf",
        content_type="application/pdf",
    )


def verify_redirect(request: HttpRequest, code: str) -> HttpResponse:
    """/verify/<code>/ (printed on the PDF) → the page in the visitor's language."""
    with override(get_language_from_request(request)):
        return redirect(reverse("certificates:verify", kwargs={"code": code}))
