"""Demo content for the home app: the front page and the general pages in
Slovenian and English (`demo/<language>/home.md`, `about.md`, `privacy.md`), the
site settings and a demo administrator. Called by `manage.py load_demo`."""

import os
from collections.abc import Iterator
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from lms import demo

from .models import HomePage, SiteSettings, StandardPage
from .site_address import public_address, site_address_apply

DEMO_ADMIN_EMAIL = "admin@academy.example"
DEMO_ADMIN_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "creative-cities-demo")
DEMO_DIR = Path(__file__).parent / "demo"
# A feature that links to this is linked to the course catalogue by courses.demo.
CATALOGUE = "catalogue"

STANDARD_PAGES = ("about.md", "privacy.md")


def _file(name: str, language: str) -> demo.PageFile:
    return demo.page_file_read(DEMO_DIR / language / name)


def _features(page_file: demo.PageFile) -> list[dict]:
    """The features of the home page's file, each with its `link_to` as the
    file says it: a site destination or CATALOGUE."""
    body = demo.stream_from_markdown(
        page_file, text_block="paragraph", features=_paragraph_features()
    )
    return [
        feature
        for block in body
        if block["type"] == "features"
        for feature in block["value"]["features"]
    ]


def _paragraph_features() -> list[str]:
    return (
        HomePage._meta.get_field("body").stream_block.child_blocks["paragraph"].features
    )


def _home_fields(page_file: demo.PageFile, current: HomePage | None) -> dict:
    """The home page's fields from its file. A feature linked to the catalogue
    (by `home_features_link`) or relinked by an editor keeps its link."""
    body = demo.stream_from_markdown(
        page_file, text_block="paragraph", features=_paragraph_features()
    )
    links = {}
    if current is not None:
        for block in current.body:
            if block.block_type == "features":
                for feature in block.value["features"]:
                    links[feature["title"]] = feature
    for block in body:
        if block["type"] != "features":
            continue
        for feature in block["value"]["features"]:
            if feature.get("link_to") == CATALOGUE:
                feature["link_to"] = ""
            chosen = links.get(feature["title"])
            if chosen is not None and (chosen["link_page"] or chosen["link_to"]):
                feature["link_page"] = getattr(chosen["link_page"], "pk", None)
                feature["link_to"] = chosen["link_to"] or ""
                feature["link_text"] = chosen["link_text"] or feature["link_text"]
    fields = {
        name: page_file.fields[name]
        for name in ("title", "slug", "hero_heading", "hero_text", "hero_cta_text")
    }
    return {**fields, "body": body}


def home_features_link(*, destinations: dict[str, Page]) -> Iterator[str]:
    """Link the demo home pages' features that have no link yet as the demo
    content says: to a site destination, or to a page of `destinations` in the
    home page's language (the course catalogue, made by another app's demo).
    Idempotent; leaves a link an editor chose alone."""
    for language in demo.LANGUAGES:
        home = HomePage.objects.filter(locale__language_code=language, depth=2).first()
        if home is None:
            continue
        wanted = {
            feature["title"]: (feature.get("link_text", ""), feature.get("link_to"))
            for feature in _features(_file("home.md", language))
        }
        changed = False
        for block in home.body:
            if block.block_type != "features":
                continue
            for feature in block.value["features"]:
                link = wanted.get(feature["title"])
                if link is None or feature["link_page"] or feature["link_to"]:
                    continue
                link_text, destination = link
                page = destinations.get(destination)
                if page is not None:
                    feature["link_page"] = page.get_translation_or_none(home.locale)
                elif destination not in destinations and destination != CATALOGUE:
                    feature["link_to"] = destination
                else:
                    continue
                feature["link_text"] = feature["link_text"] or link_text
                changed = changed or bool(feature["link_page"] or feature["link_to"])
        if changed:
            with demo.indexed_once():
                home.save_revision().publish()
            yield f"Linked the features of the home page ({language})."


def _home_put(language: str, original: HomePage | None) -> tuple[HomePage, str]:
    """The home page in `language` (a translation of `original`), and what
    was done ("" for nothing)."""
    locale = demo.locale(language)
    root = Page.get_first_root_node()
    current = HomePage.objects.filter(locale=locale, depth=2).first()
    if current is None and original is None:
        # Replace Wagtail's "Welcome" placeholder with our home page.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
    page_file = _file("home.md", language)
    home, changed = demo.page_put(
        parent=root,
        page_class=HomePage,
        fields=_home_fields(page_file, current),
        translation_of=original,
        existing=current,
        locale=locale,
        source=page_file.path,
    )
    name = {"sl": "Slovenian", "en": "English"}[language]
    if current is None:
        return home, f"Created the {name} home page."
    return home, f"Updated the {name} home page." if changed else ""


def _standard_pages(homes: dict[str, HomePage]) -> dict[str, dict[str, StandardPage]]:
    """{file name: {language: page}} of the general pages (about, privacy)."""
    features = StandardPage._meta.get_field("body").features
    pages: dict[str, dict[str, StandardPage]] = {}
    for name in STANDARD_PAGES:
        original = None
        for language in demo.LANGUAGES:
            page_file = _file(name, language)
            fields = {
                key: page_file.fields[key]
                for key in ("title", "slug", "introduction", "show_in_menus")
            }
            fields["body"] = demo.richtext_from_markdown(
                page_file.body, features=features, path=page_file.path
            )
            page, _changed = demo.page_put(
                parent=homes[language],
                page_class=StandardPage,
                fields=fields,
                translation_of=original,
                source=page_file.path,
            )
            original = original or page
            pages.setdefault(name, {})[language] = page
    return pages


def load() -> Iterator[str]:
    home_sl, done = _home_put("sl", None)
    if done:
        yield done

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = public_address()
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home_sl,
            is_default_site=True,
            site_name="Creative Cities Academy",
        )
    elif site.root_page_id != home_sl.pk or site.site_name != "Creative Cities Academy":
        site.root_page = home_sl
        site.site_name = "Creative Cities Academy"
        site.save()
    site_address_apply()

    home_en, done = _home_put("en", home_sl)
    if done:
        yield done

    pages = _standard_pages({"sl": home_sl, "en": home_en})
    about_sl, privacy_sl = pages["about.md"]["sl"], pages["privacy.md"]["sl"]

    for home in (home_sl, home_en):
        # Adding children changed the tree columns in the database; a stale copy
        # would write them back.
        home.refresh_from_db()
        if home.hero_cta_page_id is None:
            home.hero_cta_page = about_sl.get_translation(home.locale)
            with demo.indexed_once():
                home.save_revision().publish()

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.privacy_notice_id != privacy_sl.pk:
        site_settings.privacy_notice = privacy_sl
        site_settings.contact_email = "info@rcke.si"
        site_settings.save()

    User = get_user_model()
    if not User.objects.filter(email=DEMO_ADMIN_EMAIL).exists():
        admin = User.objects.create_superuser(
            email=DEMO_ADMIN_EMAIL,
            password=DEMO_ADMIN_PASSWORD,
            full_name="Demo Administrator",
        )
        EmailAddress.objects.create(
            user=admin, email=DEMO_ADMIN_EMAIL, verified=True, primary=True
        )
        yield "Created the demo administrator."
    yield (
        f"Demo administrator: {DEMO_ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD} "
        "(admin at http://127.0.0.1:8000/cms/)"
    )
