"""Panels other apps add to the learner dashboard (certificates, the latest
self-assessment), so the courses app need not know about them."""

from collections.abc import Callable

from django.http import HttpRequest

# Each provider returns {"template": ..., **context} or None to show nothing.
PanelProvider = Callable[[HttpRequest], dict | None]
_providers: list[tuple[int, PanelProvider]] = []


def register_panel(provider: PanelProvider, *, order: int = 100) -> None:
    if all(existing is not provider for _order, existing in _providers):
        _providers.append((order, provider))
        _providers.sort(key=lambda item: item[0])


def panels(request: HttpRequest) -> list[dict]:
    return [panel for _order, provider in _providers if (panel := provider(request))]
