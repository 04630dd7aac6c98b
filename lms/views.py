"""Wagtail's password forms for private pages and documents, with the address
they go back to kept to a path on this site.

Wagtail hands any relative `return_url` to redirect(), which first tries it as a
URL name: a value without "/" or "." ("home", or a tampered hidden field) made
the right password answer 500. Here such a value is replaced before Wagtail's
own view runs (lms/urls.py routes the two URLs here, under Wagtail's names)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import views as page_views
from wagtail.documents.views import serve as document_views
from wagtail.models import Page


def _keep_return_url_on_site(request: HttpRequest, fallback: str) -> None:
    if request.method != "POST":
        return
    return_url = request.POST.get("return_url", "")
    on_site = return_url.startswith("/") and url_has_allowed_host_and_scheme(
        return_url,
        allowed_hosts={request.get_host()},
        require_https=request.is_secure(),
    )
    if not on_site:
        request.POST = request.POST.copy()
        request.POST["return_url"] = fallback


def page_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    page = Page.objects.filter(pk=page_id).first()
    fallback = (page.get_url(request) if page else None) or "/"
    _keep_return_url_on_site(request, fallback)
    return page_views.authenticate_with_password(
        request, page_view_restriction_id, page_id
    )


def document_password(request: HttpRequest, restriction_id: int) -> HttpResponse:
    _keep_return_url_on_site(request, resolve_url(settings.LOGIN_REDIRECT_URL))
    return document_views.authenticate_with_password(request, restriction_id)
