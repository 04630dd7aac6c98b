"""The frame of every page (home link, menu, language links, privacy notice and
organisation in the footer) is the same for every visitor of a page in a
language, and costs a dozen queries to work out. It is worked out once per site,
page and language and kept in the cache, until a page is published, unpublished,
moved or deleted, or the site settings change: those bump one version number in
the cache, which drops every frame at once. Nothing personal is kept: the menu
lists public pages only, the same for everyone."""

import uuid
from dataclasses import dataclass, field

from django.core.cache import cache

VERSION_KEY = "site-frame:version"
FRAME_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class MenuItem:
    pk: int
    title: str
    url: str


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool


@dataclass(frozen=True)
class SiteFrame:
    home_url: str = "/"
    menu: list[MenuItem] = field(default_factory=list)
    languages: list[LanguageLink] = field(default_factory=list)
    privacy_url: str = ""
    organisation_name: str = ""
    contact_email: str = ""


def frame_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY) or ""
    return version


def site_frames_invalidate(**_kwargs) -> None:
    """Drop every cached frame (a receiver of the signals in home.apps)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def cached_frame(key_parts: tuple, build) -> SiteFrame:
    """The frame for `key_parts` (site, language, page) from the cache, or
    `build()` kept there."""
    key = "site-frame:{}:{}".format(frame_version(), ":".join(map(str, key_parts)))
    frame = cache.get(key)
    if frame is None:
        frame = build()
        cache.set(key, frame, FRAME_SECONDS)
    return frame


ADMIN_ACCESS_VERSION_KEY = "admin-access:version"


def may_access_admin(user) -> bool:
    """Whether `user` may open Wagtail's admin (and so sees its user bar), kept
    in the cache per user: asking costs two permission queries on every page,
    and almost every visitor is a learner who may not. Any change of accounts,
    groups or permissions drops every answer (home.apps)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    version = cache.get(ADMIN_ACCESS_VERSION_KEY)
    if version is None:
        cache.add(ADMIN_ACCESS_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(ADMIN_ACCESS_VERSION_KEY) or ""
    key = f"admin-access:{version}:{user.pk}"
    allowed = cache.get(key)
    if allowed is None:
        allowed = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, allowed, FRAME_SECONDS)
    return allowed


def admin_access_invalidate(**_kwargs) -> None:
    cache.set(ADMIN_ACCESS_VERSION_KEY, uuid.uuid4().hex, None)
