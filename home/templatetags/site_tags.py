import dataclasses

from django import template
from django.conf import settings
from django.forms import BoundField
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Locale, Page, Site

from home.models import SiteSettings
from home.site_frame import (
    LanguageLink,
    MenuItem,
    SiteFrame,
    cached_frame,
    frame_version,
    may_access_admin,
)

register = template.Library()


def _locale_home(request) -> Page | None:
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    try:
        return root.get_translation(Locale.get_active())
    except (Page.DoesNotExist, Locale.DoesNotExist):
        return root


@register.simple_tag(takes_context=True)
def locale_home(context) -> Page | None:
    """The home page in the language being shown."""
    request = context.get("request")
    cache = getattr(request, "_locale_home_cache", None) if request else None
    if cache is None:
        cache = _locale_home(request)
        if request is not None:
            request._locale_home_cache = cache
    return cache


@register.simple_tag(takes_context=True)
def menu_pages(context) -> list[Page]:
    home = locale_home(context)
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu().specific(defer=True))


def _translations_by_language(page: Page) -> dict[str, Page]:
    """For each language, the page in it: this page's live translation, else the
    nearest ancestor's (a lesson not yet translated leads to its course, then
    the catalogue, then the home page). Two queries."""
    lineage = list(
        page.get_ancestors(inclusive=True)
        .filter(depth__gt=1)
        .values_list("translation_key", flat=True)
    )
    nearness = {key: position for position, key in enumerate(lineage)}
    found: dict[str, Page] = {}
    for candidate in (
        Page.objects.filter(translation_key__in=lineage).live().select_related("locale")
    ):
        code = candidate.locale.language_code
        best = found.get(code)
        if best is None or (
            nearness[candidate.translation_key] > nearness[best.translation_key]
        ):
            found[code] = candidate
    return found


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """A link per interface language to this same page in that language: the
    translated Wagtail page where there is one (else the nearest translated
    page above it), the same view under the other language prefix otherwise."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = _translations_by_language(page)
    links = []
    for code, _name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        elif page is not None:
            home = (
                Page.objects.filter(depth=2, locale__language_code=code).live().first()
            )
            url = home.get_url(request) if home else f"/{code}/"
        else:
            url = (
                translate_url(request.get_full_path(), code) if request else f"/{code}/"
            )
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def privacy_notice_url(context) -> str:
    request = context.get("request")
    site_settings = SiteSettings.for_request(request)
    page = site_settings.privacy_notice
    if page is None:
        return ""
    return (page.localized or page).get_url(request) or ""


def _frame_build(context, site) -> SiteFrame:
    request = context.get("request")
    home = locale_home(context)
    site_settings = SiteSettings.for_request(request) if site else None
    return SiteFrame(
        home_url=(home.get_url(request) if home else "") or "/",
        menu=[
            MenuItem(pk=page.pk, title=page.title, url=page.get_url(request) or "")
            for page in menu_pages(context)
        ],
        languages=[LanguageLink(**link) for link in language_links(context)],
        privacy_url=privacy_notice_url(context) if site else "",
        organisation_name=site_settings.organisation_name if site_settings else "",
        contact_email=site_settings.contact_email if site_settings else "",
    )


@register.simple_tag(takes_context=True)
def site_frame(context) -> SiteFrame:
    """What the frame of every page (base.html) shows: the same for everyone
    who sees this page in this language, so kept in the cache (home.site_frame)."""
    request = context.get("request")
    page = context.get("page")
    site = Site.find_for_request(request) if request else None
    if site is None or getattr(request, "is_preview", False):
        return _frame_build(context, site)
    if isinstance(page, Page) and page.pk:
        return cached_frame(
            (site.pk, get_language(), page.pk), lambda: _frame_build(context, site)
        )
    # Another view: its language links lead to the same view in each language.
    frame = cached_frame(
        (site.pk, get_language(), "-"), lambda: _frame_build(context, site)
    )
    languages = [LanguageLink(**link) for link in language_links(context)]
    return dataclasses.replace(frame, languages=languages)


@register.simple_tag
def pages_version() -> str:
    """Changes whenever any page is saved, published, unpublished, moved or
    deleted: a key for fragments that show pages or links to them."""
    return frame_version()


@register.simple_tag(takes_context=True)
def userbar(context) -> str:
    """Wagtail's user bar for the people who may use the admin; for everyone
    else nothing, without asking the database (home.site_frame)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not may_access_admin(user):
        return ""
    return wagtailuserbar(context)


@register.inclusion_tag("includes/form_field.html")
def form_field(field: BoundField) -> dict:
    """One form field with its label, help and errors tied to the input, so a
    screen reader announces the message next to where the input was given."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    widget_type = field.widget_type
    return {
        "field": field,
        "widget": field.as_widget(attrs=attrs),
        "is_checkbox": widget_type == "checkbox",
        "is_multiple": widget_type in {"radioselect", "checkboxselectmultiple"},
    }
