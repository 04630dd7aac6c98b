from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied

from .admin_access import admin_view_allowed


class StaffMFARequiredMiddleware:
    """Everyone who may enter the Wagtail admin must have two-factor
    authentication turned on first (settings.MFA_REQUIRED_FOR_STAFF). Until then,
    every admin page sends them to set it up; the public site stays open to them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if self._must_set_up_mfa(request):
            messages.warning(
                request,
                _(
                    "Turn on two-factor authentication to use the administration: "
                    "staff accounts need it."
                ),
            )
            return redirect("mfa_index")
        return self.get_response(request)

    @staticmethod
    def _must_set_up_mfa(request: HttpRequest) -> bool:
        if not getattr(settings, "MFA_REQUIRED_FOR_STAFF", False):
            return False
        if not request.path_info.startswith(settings.ADMIN_PATH_PREFIX):
            return False
        # The admin's log-out stays reachable.
        if request.path_info.startswith(f"{settings.ADMIN_PATH_PREFIX}logout/"):
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        if not (user.is_staff or user.has_perm("wagtailadmin.access_admin")):
            return False
        return not is_mfa_enabled(user)


class AdminViewAccessMiddleware:
    """Applies accounts.admin_access to the admin views Wagtail leaves open to
    every admin user. A refusal looks like Wagtail's own: back to the admin home
    with "Sorry, you do not have permission to access this area." (403 for the
    admin's background requests)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(settings.ADMIN_PATH_PREFIX):
            return None
        user = getattr(request, "user", None)
        match = request.resolver_match
        if user is None or not user.is_authenticated or match is None:
            return None  # Wagtail sends visitors to the log-in
        if admin_view_allowed(user, match.view_name, view_kwargs):
            return None
        return permission_denied(request)
