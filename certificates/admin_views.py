"""Staff views: every certificate with its state and error, and the actions on one
(revoke with a reason on a page of its own, re-issue, retry a failed one)."""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from lms.middleware import validates_text_input

from . import services
from .models import Certificate


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=Certificate.Status.choices
    )

    class Meta:
        model = Certificate
        fields = ["status"]


class CertificatesReportView(ReportView):
    page_title = gettext_lazy("Certificates")
    header_icon = "doc-full"
    index_url_name = "certificates_admin"
    index_results_url_name = "certificates_admin_results"
    filterset_class = CertificateFilterSet
    columns = [
        TitleColumn(
            "holder_name",
            label=gettext_lazy("Holder"),
            url_name="certificates_admin_detail",
        ),
        Column("course_title", label=gettext_lazy("Course")),
        Column("get_status_display", label=gettext_lazy("Status")),
        Column("verification_code", label=gettext_lazy("Code")),
        DateColumn("completed_at", label=gettext_lazy("Completed")),
        DateColumn("issued_at", label=gettext_lazy("Issued")),
        Column("error", label=gettext_lazy("Last error")),
    ]
    list_export = [
        "holder_name",
        "course_title",
        "get_status_display",
        "verification_code",
        "completed_at",
        "issued_at",
        "revoked_at",
        "revocation_reason",
        "error",
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("certificates.view_certificate"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"certificates-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        return Certificate.objects.order_by("-created_at")


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for revoking"),
        help_text=gettext_lazy(
            "Kept with the certificate and in the security log; not shown on the "
            "verification page."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": gettext_lazy("Give the reason for revoking."),
        },
    )


def _certificate_label(certificate: Certificate) -> str:
    if certificate.holder_name:
        return str(certificate)
    # Erased holder: no name to start the label with.
    return _("Certificate of an erased account (%(code)s)") % {
        "code": certificate.verification_code
    }


def certificate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("certificates.view_certificate"):
        raise PermissionDenied
    certificate = get_object_or_404(
        Certificate.objects.select_related("revoked_by"), pk=pk
    )
    can_manage = request.user.has_perm("certificates.revoke_certificate")
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        # Revoking has its own page (certificate_revoke), which asks for the
        # reason before anything happens.
        action = request.POST.get("action")
        try:
            if action == "reissue":
                services.certificate_reissue(certificate=certificate)
                messages.success(request, _("The certificate will be issued again."))
                return HttpResponseRedirect(request.path)
            elif action == "retry":
                services.certificate_retry(certificate=certificate)
                messages.success(request, _("The certificate is back in the queue."))
                return HttpResponseRedirect(request.path)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return HttpResponseRedirect(request.path)
    return TemplateResponse(
        request,
        "certificates/admin/detail.html",
        {
            "certificate": certificate,
            "can_manage": can_manage,
            "page_title": certificate.holder_name or _certificate_label(certificate),
            "header_icon": "doc-full",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse("certificates_admin"), "label": _("Certificates")},
                {"url": "", "label": _certificate_label(certificate)},
            ],
        },
    )


@validates_text_input
def certificate_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoking, confirmed: the page says what revoking does and asks for the
    reason; only its form (with a reason) revokes. A certificate that is already
    revoked goes back to its page with a message."""
    if not request.user.has_perm("certificates.revoke_certificate"):
        raise PermissionDenied
    certificate = get_object_or_404(Certificate, pk=pk)
    detail_url = reverse("certificates_admin_detail", args=[certificate.pk])
    if certificate.status == Certificate.Status.REVOKED:
        messages.error(request, _("This certificate is already revoked."))
        return HttpResponseRedirect(detail_url)
    form = RevokeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.certificate_revoke(
                certificate=certificate,
                revoked_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.error(request, error.messages[0])
                return HttpResponseRedirect(detail_url)
        else:
            messages.success(request, _("The certificate was revoked."))
            return HttpResponseRedirect(detail_url)
    title = _("Revoke certificate")
    return TemplateResponse(
        request,
        "certificates/admin/revoke.html",
        {
            "certificate": certificate,
            "form": form,
            "detail_url": detail_url,
            "page_title": title,
            "header_icon": "warning",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse("certificates_admin"), "label": _("Certificates")},
                {"url": detail_url, "label": _certificate_label(certificate)},
                {"url": "", "label": title},
            ],
        },
    )
