from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _


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
