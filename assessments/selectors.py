"""Read-side queries used by views, other apps (the dashboard, course
recommendations) and reports."""

from dataclasses import dataclass

from django.db.models import QuerySet
from wagtail.models import Locale

from .definitions import Definition, instrument_definition, step_item_ids
from .entrecomp import Band
from .models import Instrument, Response
from .scoring import Result, relabelled, score


def offered_instrument(*, locale: Locale | None = None) -> Instrument | None:
    """The live instrument learners take at /assessment/ in this language (the
    active one by default): a default one first, the oldest first. Falls back to
    the site's default language when the language has none."""
    locales = [locale or Locale.get_active()]
    try:
        default_locale = Locale.get_default()
    except Locale.DoesNotExist:
        default_locale = None
    if default_locale is not None and default_locale not in locales:
        locales.append(default_locale)
    for candidate in locales:
        instrument = (
            Instrument.objects.filter(live=True, locale=candidate)
            .order_by("-is_default", "pk")
            .first()
        )
        if instrument is not None:
            return instrument
    return None


def draft_for(*, user, instrument: Instrument) -> Response | None:
    """The learner's unfinished attempt at the instrument, in any language."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Response.objects.filter(
            user=user,
            instrument_key=instrument.translation_key,
            status=Response.Status.DRAFT,
        )
        .select_related("version")
        .first()
    )


def submitted_responses(*, user) -> QuerySet[Response]:
    """The learner's submitted attempts, newest first, with their versions."""
    return (
        Response.objects.filter(user=user, status=Response.Status.SUBMITTED)
        .select_related("version")
        .order_by("-submitted_at", "-pk")
    )


def response_result(response: Response) -> Result:
    """The result of a response, scored against its own version."""
    return score(response.version.definition, response.answers)


def previous_response(response: Response) -> Response | None:
    """The learner's attempt at the same instrument submitted just before this one
    (none for an anonymised response: its learner erased their account)."""
    if response.submitted_at is None or response.user_id is None:
        return None
    return (
        submitted_responses(user=response.user_id)
        .filter(
            instrument_key=response.instrument_key,
            submitted_at__lt=response.submitted_at,
        )
        .first()
    )


def latest_result(user) -> tuple[Response, Result] | None:
    """The learner's most recent submitted attempt (at any instrument) and its
    result; None if they have not submitted one."""
    if not getattr(user, "is_authenticated", False):
        return None
    response = submitted_responses(user=user).first()
    if response is None:
        return None
    return response, response_result(response)


def weakest_competences(result: Result, n: int = 3) -> list[tuple[str, Band]]:
    """The codes and bands of the n lowest-scoring competences, lowest first
    (ties in the framework's order); competences without enough answers are left
    out, since nothing is known about them."""
    return [
        (competence.code, competence.band)
        for competence in result.weakest(n)
        if competence.band is not None
    ]


def resume_step(response: Response) -> int:
    """Where a learner coming back continues: the first step with an unanswered
    statement, or, when every statement has an answer, the last step they saved."""
    steps = step_item_ids(response.version.definition)
    for number, ids in enumerate(steps, start=1):
        if any(item_id not in response.answers for item_id in ids):
            return number
    return min(max(response.last_step, 1), len(steps))


def can_view_response(*, user, response: Response) -> bool:
    """A result is the learner's own; staff see others' only with the explicit
    `assessments.view_any_response` permission."""
    if not getattr(user, "is_authenticated", False):
        return False
    return response.user_id == user.pk or user.has_perm("assessments.view_any_response")


@dataclass(frozen=True)
class Wording:
    """How one language words an instrument: its title and the names of its
    competences and areas by code."""

    language: str
    title: str
    competences: dict[str, str]
    areas: dict[str, str]

    @classmethod
    def of(cls, definition: Definition) -> "Wording":
        return cls(
            language=definition["language"],
            title=definition["title"],
            competences={
                dimension["competence"]: dimension["name"]
                for area in definition["areas"]
                for dimension in area["dimensions"]
            },
            areas={area["code"]: area["name"] for area in definition["areas"]},
        )

    def result(self, result: Result) -> Result:
        return relabelled(result, competences=self.competences, areas=self.areas)


def instrument_wording(*, response: Response, language: str) -> Wording:
    """The response's instrument as its translation into `language` words it
    (the same instrument: one translation_key, competences matched by code), so
    a result reads in the page's language whatever language it was answered in.
    The response's own wording when that is the language or there is no such
    translation."""
    own = Wording.of(response.version.definition)
    if own.language == language:
        return own
    translation = (
        Instrument.objects.filter(
            translation_key=response.instrument_key,
            locale__language_code=language,
            live=True,
        )
        .order_by("pk")
        .first()
    )
    if translation is None:
        return own
    version = translation.versions.order_by("-number").first()
    definition = version.definition if version else instrument_definition(translation)
    wording = Wording.of(definition)
    # A competence or area the translation lacks keeps its own name (and the
    # page marks the names with one language, so keep the whole wording then).
    if not (
        set(own.competences) <= set(wording.competences)
        and set(own.areas) <= set(wording.areas)
    ):
        return own
    return wording
