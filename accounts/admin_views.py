"""Admin views of accounts: erasing an account on a written request; the
account page."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import account as account_views
from wagtail.users.models import UserProfile

from . import services
from .forms import AdminFullNameForm, StaffAccountEraseForm
from .models import User


def account_erase(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff with the "erase user" permission erase someone else's account,
    giving the written request as the reason (kept in the security log)."""
    if not request.user.has_perm("accounts.erase_user"):
        raise PermissionDenied
    person = get_object_or_404(User, pk=pk)
    if person.pk == request.user.pk:
        raise PermissionDenied
    form = StaffAccountEraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_erase(
                user=person,
                requested_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The account was erased."))
            return HttpResponseRedirect(reverse("wagtailusers_users:index"))
    return TemplateResponse(
        request,
        "accounts/admin/erase.html",
        {
            "person": person,
            "form": form,
            "page_title": _("Erase account"),
            "header_icon": "warning",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse("wagtailusers_users:index"), "label": _("Users")},
                {"url": "", "label": _("Erase account")},
            ],
        },
    )


class FullNameSettingsPanel(account_views.BaseSettingsPanel):
    name = "full_name"
    title = gettext_lazy("Name")
    order = 100
    form_class = AdminFullNameForm


class SignInSettingsPanel(account_views.BaseSettingsPanel):
    """Where the e-mail address, the password and two-factor authentication are
    changed: the site's account pages. It has no fields of its own."""

    name = "sign_in"
    title = gettext_lazy("E-mail address and password")
    order = 110
    template_name = "accounts/admin/sign_in_panel.html"

    def get_form(self) -> forms.Form:
        return forms.Form(prefix=self.name)  # never bound: nothing to save

    def get_context_data(self) -> dict:
        return {"email": self.user.email}


class AccountView(account_views.AccountView):
    """Wagtail's account page without the settings that belong to the log-in.
    There, a new e-mail address became the login at once (no re-authentication,
    no confirmation of the new address, no security event, a case variant of
    another account's address accepted) and a password could be guessed
    without allauth's limit; the site's pages do both through allauth."""

    def get_panels(self) -> list:
        replaced = (
            account_views.NameEmailSettingsPanel,
            account_views.ChangePasswordPanel,
        )
        profile = UserProfile.get_for_user(self.request.user)
        own = [
            panel(self.request, self.request.user, profile)
            for panel in (FullNameSettingsPanel, SignInSettingsPanel)
        ]
        return own + [
            panel for panel in super().get_panels() if not isinstance(panel, replaced)
        ]


# At /cms/account/ in place of Wagtail's (lms/urls.py), behind the same check.
account = require_admin_access(AccountView.as_view())
