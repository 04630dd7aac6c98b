"""Content Security Policy: a strict one for the public site, a looser one for
the Wagtail admin (see the README, "Security")."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin policy
    (CONTENT_SECURITY_POLICY_ADMIN) for paths under the admin prefix; a view's
    own @csp_* decorator still wins."""

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        admin_policy = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None)
        if (
            not report_only
            and parts.config is None
            and admin_policy
            and request.path_info.startswith(settings.CSP_ADMIN_PATH_PREFIX)
        ):
            parts.config = admin_policy["DIRECTIVES"]
        return parts
