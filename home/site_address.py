"""The Wagtail Site record's address follows the public base URL.

Wagtail's first migration creates its site as `localhost:80`, and every page's
`full_url` (the links in Wagtail's review e-mails, "You can view the page here")
is built from it. While the record still holds that placeholder, it takes the
host and port of WAGTAILADMIN_BASE_URL; an address staff set in *Settings →
Sites* is left alone."""

from urllib.parse import urlsplit

from django.conf import settings

PLACEHOLDER = ("localhost", 80)


def public_address() -> tuple[str, int]:
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return base.hostname or "localhost", base.port or (
        443 if base.scheme == "https" else 80
    )


def site_address_apply(**kwargs) -> int:
    """Give the default site the public address if it still has Wagtail's
    placeholder; returns the number of sites changed (0 or 1)."""
    from wagtail.models import Site

    hostname, port = public_address()
    return (
        Site.objects.filter(
            is_default_site=True, hostname=PLACEHOLDER[0], port=PLACEHOLDER[1]
        )
        .exclude(hostname=hostname, port=port)
        .update(hostname=hostname, port=port)
    )
