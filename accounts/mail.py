"""What every account e-mail says about where it comes from: the academy's name
in the message's language and links on the public address (WAGTAILADMIN_BASE_URL),
never on the Host header of the request that caused it."""

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils.translation import gettext


class AcademySite:
    """Stands in for Django's Sites record in allauth's templates
    (`current_site.name`, `current_site.domain`)."""

    @property
    def name(self) -> str:
        return gettext("Creative Cities Academy")

    @property
    def domain(self) -> str:
        return urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc

    def __str__(self) -> str:
        return self.domain


def public_url(url: str) -> str:
    """`url` (absolute or a path) on the site's public address."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    parts = urlsplit(url)
    return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))


def mail_context(context: dict[str, Any]) -> dict[str, Any]:
    """allauth's context for a message, with the academy as its site and every
    link it built from the request moved onto the public address."""
    result = {
        key: public_url(value)
        if isinstance(value, str) and value.startswith(("http://", "https://"))
        else value
        for key, value in context.items()
    }
    result["current_site"] = AcademySite()
    result["site_url"] = public_url("/")
    return result
