import json
import logging

from allauth.core.internal import ratelimit
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language_from_request, override
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from lms.middleware import validates_text_input

from . import verification
from .credentials import baking
from .credentials.keys import KeyFileError, load_keyring
from .credentials.keys import did_document as keys_did_document
from .credentials.verify import Verdict
from .models import Certificate, Credential, verification_code_normalise
from .open_badges import (
    STATUS_LIST_NUMBER,
    STATUS_LIST_TTL_SECONDS,
    achievement_document,
    badge_png,
    certificate_settings,
    course_with_achievement,
    current_credential,
    our_did,
    status_list_document,
)

logger = logging.getLogger(__name__)


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


class CredentialUploadForm(forms.Form):
    """A credential someone shows us: a file (JSON, JWT or baked PNG) or pasted
    text (JSON or JWT), one of the two."""

    credential_file = forms.FileField(
        label=_("Credential file or badge image"),
        required=False,
        widget=forms.FileInput(
            attrs={
                "accept": ".json,.jwt,.txt,.png,application/json,"
                "application/vc+ld+json,application/vc+jwt,image/png"
            }
        ),
    )
    credential_text = forms.CharField(
        label=_("Or paste the credential's text"),
        required=False,
        help_text=_("Its JSON, or its JWT (a long line of letters, digits and dots)."),
        widget=forms.Textarea(
            attrs={"rows": 5, "spellcheck": "false", "autocomplete": "off"}
        ),
    )

    def __init__(self, *args, too_large: bool = False, **kwargs) -> None:
        """`too_large`: the request was refused by its size, its body unread;
        the form says so next to the file."""
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        self.fields["credential_file"].help_text = _(
            "The credential's file (.json or .jwt) or its badge image (.png), at "
            "most %(limit)s."
        ) % {"limit": verification.max_upload_label()}

    @staticmethod
    def too_large_message() -> str:
        return _(
            "This is larger than %(limit)s, far more than any credential: check "
            "that you chose the right file."
        ) % {"limit": verification.max_upload_label()}

    def clean_credential_file(self):
        uploaded = self.cleaned_data["credential_file"]
        if uploaded is not None and uploaded.size > verification.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(self.too_large_message(), code="too_large")
        return uploaded

    def clean_credential_text(self) -> str:
        text = self.cleaned_data["credential_text"]
        if len(text.encode("utf-8", "surrogatepass")) > verification.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(self.too_large_message(), code="too_large")
        return text

    def clean(self) -> dict:
        cleaned = super().clean()
        uploaded = cleaned.get("credential_file")
        text = cleaned.get("credential_text")
        if self.too_large:
            self.add_error("credential_file", self.too_large_message())
            return cleaned
        if self.errors:
            return cleaned
        if uploaded is not None and text:
            # Which one was meant cannot be told: checking the other would
            # answer a question that was not asked.
            self.add_error(
                "credential_text",
                _(
                    "You chose a file and pasted text: check one at a time. Empty "
                    "this box to check the file, or remove the file to check the "
                    "text."
                ),
            )
        elif uploaded is None and not text:
            self.add_error(
                "credential_file",
                _("Choose a credential file or a badge image, or paste a credential."),
            )
        return cleaned

    def presented(self) -> tuple[str, bytes | str]:
        """(the field it came in, what was given) of a valid form."""
        uploaded = self.cleaned_data["credential_file"]
        if uploaded is not None:
            return "credential_file", uploaded.read()
        return "credential_text", self.cleaned_data["credential_text"]


def _verify_form_page(
    request: HttpRequest,
    *,
    form: VerifyForm | None = None,
    upload_form: CredentialUploadForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "certificates/verify_form.html",
        {
            "form": form or VerifyForm(),
            "upload_form": upload_form or CredentialUploadForm(),
        },
        status=status,
    )


def _limited_page(request: HttpRequest) -> HttpResponse:
    response = render(request, "certificates/verify_limited.html", status=429)
    response["Retry-After"] = "60"
    return response


@validates_text_input  # its forms say what is wrong next to the field
@csrf_exempt  # checked in _verify_presented, once the body's size is known
@require_http_methods(["GET", "HEAD", "POST"])
def verify_form(request: HttpRequest) -> HttpResponse:
    """Look a certificate up by its code (GET: to its page), or check a
    credential someone shows us (POST: a file or pasted text)."""
    if request.method == "POST":
        return _verify_upload(request)
    form = VerifyForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("certificates:verify", code=form.cleaned_data["code"])
    return _verify_form_page(request, form=form)


def _verify_upload(request: HttpRequest) -> HttpResponse:
    """Counted like a look-up; a body larger than the limit is refused by its
    Content-Length, before anything of it is read (CSRF's check would read it,
    hence the exemption of the view and the check here)."""
    if _rate_limited(request):
        return _limited_page(request)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    limit = verification.MAX_UPLOAD_BYTES + verification.MULTIPART_OVERHEAD_BYTES
    if length > limit:
        upload_form = CredentialUploadForm(data={}, too_large=True)
        upload_form.is_valid()  # its message, next to the file
        return _verify_form_page(request, upload_form=upload_form, status=400)
    return _verify_presented(request)


@csrf_protect
def _verify_presented(request: HttpRequest) -> HttpResponse:
    upload_form = CredentialUploadForm(request.POST, request.FILES)
    if not upload_form.is_valid():
        return _verify_form_page(request, upload_form=upload_form, status=400)
    field, presented = upload_form.presented()
    try:
        checked = verification.credential_verify(presented)
    except KeyFileError:
        logger.exception("No signing key ring: presented credentials cannot be checked")
        upload_form.add_error(
            None,
            _("We cannot check credentials at the moment. Please try again later."),
        )
        return _verify_form_page(request, upload_form=upload_form, status=503)
    if checked.verdict is Verdict.UNREADABLE:
        upload_form.add_error(field, checked.reason_sentence)
        return _verify_form_page(request, upload_form=upload_form, status=400)
    return render(
        request, "certificates/verify_result.html", {"checked": checked}, status=200
    )


def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: is this certificate genuine? Rate-limited so codes cannot be
    harvested by guessing (which 150 random bits make hopeless anyway)."""
    if _rate_limited(request):
        return _limited_page(request)
    normalised = verification_code_normalise(code)
    certificate = (
        Certificate.objects.filter(verification_code=normalised)
        .exclude(status__in=[Certificate.Status.PENDING, Certificate.Status.FAILED])
        .first()
    )
    status = 200 if certificate else 404
    # Its credential (as issued; revoked ones too, their status bit says so),
    # unless the holder's erasure blanked it.
    credential = None
    if certificate is not None and not certificate.holder_erased:
        credential = current_credential(certificate)
    return render(
        request,
        "certificates/verify.html",
        {
            "certificate": certificate,
            "credential": credential,
            "code": code,
            "form": VerifyForm(),
        },
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


# --- Open Badges credentials (outside the language prefix: lms/urls.py) -------

CREDENTIAL_JSON = "application/vc+ld+json"
CREDENTIAL_JWT = "application/vc+jwt"
# A credential never changes once signed; its status lives in the status list.
CREDENTIAL_CACHE_SECONDS = 3600


def _rate_limited_response(request: HttpRequest) -> HttpResponse | None:
    if not _rate_limited(request):
        return None
    response = HttpResponse(
        "Too many requests.", status=429, content_type="text/plain; charset=utf-8"
    )
    response["Retry-After"] = "60"
    return response


class Gone(Exception):
    """The credential existed and was erased with its holder."""


def _credential_of(code: str) -> tuple[Certificate, Credential]:
    """The certificate with this code and the credential it answers with: the
    one issued last, as issued (a revoked certificate's too: its status bit
    says so). 404 while pending, 410 once its holder erased it (nothing of the
    person is kept to answer with)."""
    certificate = (
        Certificate.objects.filter(verification_code=verification_code_normalise(code))
        .exclude(status__in=[Certificate.Status.PENDING, Certificate.Status.FAILED])
        .select_related("enrolment")
        .first()
    )
    credential = current_credential(certificate) if certificate else None
    if credential is None:
        raise Http404
    if certificate.holder_erased or not credential.jwt:
        raise Gone
    return certificate, credential


def _credential_response(request: HttpRequest, code: str, answer) -> HttpResponse:
    limited = _rate_limited_response(request)
    if limited is not None:
        return limited
    try:
        certificate, credential = _credential_of(code)
    except Gone:
        return HttpResponse(
            "This credential was erased with its holder's account; it is revoked.",
            status=410,
            content_type="text/plain; charset=utf-8",
        )
    return _public(answer(certificate, credential), CREDENTIAL_CACHE_SECONDS)


def _public(response: HttpResponse, max_age: int) -> HttpResponse:
    """A public document of ours: any cache may keep it `max_age` seconds, and
    any site may read it (verifiers run in browsers)."""
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _named(response: HttpResponse, filename: str) -> HttpResponse:
    """Shown in the browser, saved under `filename`."""
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def credential_json(request: HttpRequest, code: str) -> HttpResponse:
    """The credential with its embedded proof."""

    def answer(certificate, credential):
        body = json.dumps(credential.document, ensure_ascii=False, indent=2)
        return _named(
            HttpResponse(body, content_type=f"{CREDENTIAL_JSON}; charset=utf-8"),
            f"credential-{certificate.verification_code}.json",
        )

    return _credential_response(request, code, answer)


def credential_jwt(request: HttpRequest, code: str) -> HttpResponse:
    """The credential as a compact JWS (OB 3.0 §8.2)."""

    def answer(certificate, credential):
        return _named(
            HttpResponse(credential.jwt, content_type=CREDENTIAL_JWT),
            f"credential-{certificate.verification_code}.jwt",
        )

    return _credential_response(request, code, answer)


def credential_badge(request: HttpRequest, code: str) -> HttpResponse:
    """The badge with the credential's JSON baked in (OB 3.0 §5.3). The course's
    badge is drawn once and kept; baking it is copying a few chunks."""

    def answer(certificate, credential):
        png = badge_png(
            title=certificate.course_title,
            issuer=certificate.issuer_name,
            language=certificate.language,
        )
        text = json.dumps(credential.document, ensure_ascii=False)
        return _named(
            HttpResponse(baking.bake(png, text), content_type="image/png"),
            f"badge-{certificate.verification_code}.png",
        )

    return _credential_response(request, code, answer)


def achievement(request: HttpRequest, course_id: int) -> HttpResponse:
    """The Achievement a course's credentials name as their achievement's id."""
    course = course_with_achievement(course_id)
    if course is None:
        raise Http404
    response = JsonResponse(
        achievement_document(course), json_dumps_params={"ensure_ascii": False}
    )
    return _public(response, 3600)


def achievement_badge(request: HttpRequest, course_id: int) -> HttpResponse:
    """The course's badge image, unbaked (the Achievement's image)."""
    course = course_with_achievement(course_id)
    if course is None:
        raise Http404
    issuer = certificate_settings().issuer_name_for(course.locale.language_code)
    png = badge_png(
        title=course.title, issuer=issuer, language=course.locale.language_code
    )
    return _public(HttpResponse(png, content_type="image/png"), 86400)


def status_list(request: HttpRequest, number: int) -> HttpResponse:
    """The signed revocation list. Verifiers fetch it for every check, so it is
    not rate-limited; it is cached briefly, here and by them."""
    if number != STATUS_LIST_NUMBER:
        raise Http404
    try:
        document = status_list_document()
    except KeyFileError:
        raise Http404 from None
    response = HttpResponse(
        json.dumps(document, indent=2),
        content_type=f"{CREDENTIAL_JSON}; charset=utf-8",
    )
    return _public(response, STATUS_LIST_TTL_SECONDS)


def did_document(request: HttpRequest) -> HttpResponse:
    """`/.well-known/did.json`: every public key of the ring, the retired ones
    too, so that credentials signed before a rotation keep verifying."""
    try:
        ring = load_keyring()
    except KeyFileError:
        raise Http404 from None
    response = HttpResponse(
        json.dumps(keys_did_document(ring, our_did()), indent=2),
        content_type="application/did+json",
    )
    return _public(response, 3600)
