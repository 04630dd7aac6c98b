"""Serving a page. Before routing, Wagtail finds the site by the request's host
name, the active locale, the root page's translation into it and that page's
specific object: four queries on every page, the same for every visitor. Here
they are kept in the cache per host name, port and language under the site
frame's version (home.site_frame: dropped when any page is saved, published,
unpublished, moved or deleted, or a site or locale changes), and handed to
Wagtail's own serve view on the request, where it looks for them
(`request._wagtail_site`, `request._wagtail_route_for_request`). Routing itself
and every check of Wagtail's serving (request methods, hooks) are unchanged.
Host names are those ALLOWED_HOSTS lets through (CommonMiddleware asks for the
host before any view).

Wagtail's view-restriction check asks twice on every page (the page's ancestors
and their restrictions), though almost no page has one. The paths of the pages
a restriction may apply from (restricted pages, and aliases of restricted pages
or of aliases) are kept in the cache under the same version (also dropped when
a restriction is saved or deleted); a page below none of them is served without
the two queries, any other exactly as Wagtail does."""

import re

from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.models import Page, PageViewRestriction, Site

from .site_frame import cached_frame

# Wagtail's own pattern (wagtail.urls), less its `_util/` views, which are
# listed after it there and would be taken for a page path here.
SERVE_PATTERN = (
    r"^(?!_util/)((?:[\w\-]+/)*)$"
    if WAGTAIL_APPEND_SLASH
    else r"^(?!_util/)([\w\-/]*)$"
)


def site_and_root(request) -> tuple:
    """The request's site and its root page in the active language (specific),
    or (None, None) when no site answers for the host."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def find() -> tuple:
        site = Site._find_for_request(request)
        if site is None:
            return (None, None)
        return (site, site.root_page.localized.specific)

    if not re.fullmatch(r"[\w.\-\[\]:]*", hostname):
        return find()
    return cached_frame(
        ("serve-root", hostname, port, translation.get_language() or ""), find
    )


def restricted_paths() -> frozenset[str]:
    """Paths of the pages Wagtail's check may find a view restriction from
    (more than it will find is safe: those pages get Wagtail's own check)."""

    def find() -> frozenset[str]:
        restricted = set(PageViewRestriction.objects.values_list("page_id", flat=True))
        paths = set(
            Page.objects.filter(pk__in=restricted).values_list("path", flat=True)
        )
        if restricted:
            aliases = Page.objects.filter(alias_of__isnull=False)
            alias_ids = set(aliases.values_list("pk", flat=True))
            paths.update(
                aliases.filter(alias_of_id__in=restricted | alias_ids).values_list(
                    "path", flat=True
                )
            )
        return frozenset(paths)

    return cached_frame(("view-restricted-paths",), find)


def any_view_restrictions() -> bool:
    """Whether any page has a view restriction (from the cache)."""
    return bool(restricted_paths())


def no_view_restrictions():
    return PageViewRestriction.objects.none()


def skip_view_restrictions_check(page) -> None:
    """Let Wagtail's check find no restriction without asking, when none may
    apply to `page` (it and its ancestors are none of restricted_paths())."""
    paths = restricted_paths()
    steplen = Page.steplen
    if any(
        page.path[:end] in paths for end in range(steplen, len(page.path) + 1, steplen)
    ):
        return
    page.get_view_restrictions = no_view_restrictions


def serve(request, path):
    """Wagtail's serve view, with the site, root page and view restrictions
    found as above."""
    if not hasattr(request, "_wagtail_route_for_request"):
        site, root = site_and_root(request)
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = site
        route = None
        if site is not None and root is not None:
            components = [component for component in path.split("/") if component]
            try:
                route = root.route(request, components)
            except Http404:
                route = None
        if route is not None:
            skip_view_restrictions_check(route[0])
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)
