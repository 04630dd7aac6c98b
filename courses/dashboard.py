"""Panels other apps add to the learner dashboard (certificates, the latest
self-assessment), so the courses app need not know about them."""

from collections.abc import Callable

from django.http import HttpRequest

# Each provider returns {"template": ..., **context} or None to show nothing.
PanelProvider = Callable[[HttpRequest], dict | None]
_providers: list[tuple[int, PanelProvider]] = []

# Each provider of what a completed course's card shows besides the course (a
# certificate, for example) gets the completed enrolments at once and returns
# {enrolment id: {"template": ..., **context}} for those it has something for.
CompletedCourseProvider = Callable[[HttpRequest, list], dict[int, dict]]
_completed_providers: list[tuple[int, CompletedCourseProvider]] = []


def register_panel(provider: PanelProvider, *, order: int = 100) -> None:
    if all(existing is not provider for _order, existing in _providers):
        _providers.append((order, provider))
        _providers.sort(key=lambda item: item[0])


def panels(request: HttpRequest) -> list[dict]:
    return [panel for _order, provider in _providers if (panel := provider(request))]


def register_completed_course_extra(
    provider: CompletedCourseProvider, *, order: int = 100
) -> None:
    if all(existing is not provider for _order, existing in _completed_providers):
        _completed_providers.append((order, provider))
        _completed_providers.sort(key=lambda item: item[0])


def completed_course_extras(request: HttpRequest, enrolments: list) -> dict[int, list]:
    """What other apps show on each completed course's card, by enrolment id."""
    extras: dict[int, list] = {enrolment.pk: [] for enrolment in enrolments}
    if not enrolments:
        return extras
    for _order, provider in _completed_providers:
        for enrolment_id, extra in provider(request, enrolments).items():
            extras.setdefault(enrolment_id, []).append(extra)
    return extras
