from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lms.middleware import validates_text_input

from . import services
from .forms import AccountEraseForm, ProfileForm
from .models import DataExport


def admin_login(request: HttpRequest) -> HttpResponse:
    """/cms/login/, Wagtail's own log-in form, answered by the site's (allauth's)
    instead, so that the admin's log-in keeps the site's rules: a confirmed
    e-mail address, the second factor, one failed-log-in budget per account.
    Nothing sent to it is read but where to go afterwards (a path on this site)."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts=None):
        next_url = settings.ADMIN_PATH_PREFIX
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")


@validates_text_input
@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def privacy(request: HttpRequest) -> HttpResponse:
    """The learner's data: request an export, download the ready ones."""
    if request.method == "POST":
        services.data_export_request(user=request.user)
        messages.success(
            request,
            _(
                "Your data is being prepared. Reload this page in a minute to "
                "download it."
            ),
        )
        return redirect("accounts:privacy")
    exports = DataExport.objects.filter(user=request.user).exclude(
        status=DataExport.Status.EXPIRED
    )[:10]
    return render(request, "accounts/privacy.html", {"exports": exports})


@login_required
def data_export_download(request: HttpRequest, export_id) -> FileResponse:
    """The ZIP, for its owner only (anyone else gets 404: not even existence)."""
    export = DataExport.objects.filter(uuid=export_id, user=request.user).first()
    if export is None or not export.is_downloadable:
        raise Http404
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"creative-cities-academy-data-{export.created_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    """The learner deletes their own account after re-entering the password."""
    form = AccountEraseForm(request.POST or None, user=request.user)
    if request.method == "POST":
        # Password guesses share allauth's re-authentication limit (per user).
        limited = ratelimit.consume_or_429(
            request, action="reauthenticate", user=request.user
        )
        if limited is not None:
            return limited
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_erase(
            user=user, requested_by=user, reason="request by the account holder"
        )
        messages.success(request, _("Your account and your personal data are deleted."))
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form})
