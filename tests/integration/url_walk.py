"""Walking every URL the resolver knows, for the tests that must cover the whole
site (role matrix, hostile ids): a new URL cannot slip past them."""

from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver


def named_patterns(
    patterns=None, namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    """(namespaced URL name, pattern) for every named URL pattern of the site."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from named_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def status_of(response, url: str) -> int:
    """A 404 outside the language prefix is answered by LocaleMiddleware with a
    redirect to the same path under /sl/ (which is a 404 too)."""
    location = response.get("Location", "").split("?")[0]
    path = url.split("?")[0]
    if response.status_code == 302 and location in (f"/sl{path}", f"/sl{path}/"):
        return 404
    return response.status_code
