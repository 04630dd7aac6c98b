from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.dashboard import (
    LEARNER_DASHBOARD_COMPLETED_COURSE,
    LEARNER_DASHBOARD_PANELS,
)

from . import admin_views
from .models import CertificateTemplate
from .selectors import completed_course_certificates, dashboard_panel

# The learner's dashboard: certificates of courses no longer listed, and each
# completed course's certificate on its card.
hooks.register(LEARNER_DASHBOARD_PANELS, dashboard_panel, order=10)
hooks.register(
    LEARNER_DASHBOARD_COMPLETED_COURSE, completed_course_certificates, order=10
)


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    list_display = ["name", "is_default", "heading"]


register_snippet(CertificateTemplateViewSet)


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    report = admin_views.CertificatesReportView
    return [
        path("certificates/", report.as_view(), name="certificates_admin"),
        path(
            "certificates/results/",
            report.as_view(results_only=True),
            name="certificates_admin_results",
        ),
        path(
            "certificates/<int:pk>/",
            admin_views.certificate_detail,
            name="certificates_admin_detail",
        ),
        path(
            "certificates/<int:pk>/revoke/",
            admin_views.certificate_revoke,
            name="certificates_admin_revoke",
        ),
    ]


class CertificatesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("certificates.view_certificate")


@hooks.register("register_admin_menu_item")
def register_certificates_menu_item():
    return CertificatesMenuItem(
        _("Certificates"),
        reverse("certificates_admin"),
        icon_name="doc-full",
        order=260,
    )
