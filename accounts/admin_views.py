"""Admin views of accounts: erasing an account on a written request."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from . import services
from .forms import StaffAccountEraseForm
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
