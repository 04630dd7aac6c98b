"""Scoring a self-assessment: pure functions of a version's definition and the
learner's answers, with no database access.

- A competence's score is the mean of its answered items on the 1–5 scale;
  "not relevant / don't know" (None) and unanswered items are left out.
- With fewer than MIN_ANSWERS answered items a competence has no score ("not
  enough answers"), never a number.
- An area's score is the mean of the scores of its competences that have one; an
  area where none has a score has none either.
- The band follows from the score and the version's thresholds.

Means are kept as exact fractions. Bands and changes are judged on the score as
the learner reads it, rounded half up to one decimal (`shown`): a score shown as
3.5 is in the band that starts at 3.5, and a change shown as +0.5 is a change."""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from fractions import Fraction
from math import floor

from .definitions import Definition, Thresholds, item_ids, scale_values
from .entrecomp import Band

MIN_ANSWERS = 2

NOISE = Fraction(1, 2)
"""The smallest change in a score we call a change. Self-ratings on a five-point
scale move by about half a point between two sittings without anything having
changed (mood, the day's work, reading an item differently), and with three items
a competence's mean moves in steps of a third. A difference smaller than half a
scale point is therefore shown as "about the same", not as progress or decline."""

Answers = Mapping[str, int | None]


def shown(mean: Fraction | float) -> Fraction:
    """The mean as the learner reads it: rounded half up to one decimal."""
    return Fraction(floor(Fraction(mean) * 10 + Fraction(1, 2)), 10)


def band_for(mean: Fraction | float, thresholds: Thresholds) -> Band:
    """The band of a mean: the highest band whose threshold the mean, as shown,
    reaches."""
    score = shown(mean)
    if score >= Fraction(thresholds["expert"]):
        return Band.EXPERT
    if score >= Fraction(thresholds["advanced"]):
        return Band.ADVANCED
    if score >= Fraction(thresholds["intermediate"]):
        return Band.INTERMEDIATE
    return Band.FOUNDATION


def _mean(values: list[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


@dataclass(frozen=True)
class CompetenceResult:
    code: str
    area: str
    name: str
    mean: Fraction | None
    band: Band | None
    answered: int
    not_applicable: int
    items: int

    @property
    def score(self) -> float | None:
        return None if self.mean is None else float(self.mean)

    @property
    def unanswered(self) -> int:
        return self.items - self.answered - self.not_applicable

    @property
    def enough(self) -> bool:
        return self.mean is not None


@dataclass(frozen=True)
class AreaResult:
    code: str
    name: str
    mean: Fraction | None
    band: Band | None
    competences: tuple[CompetenceResult, ...]

    @property
    def score(self) -> float | None:
        return None if self.mean is None else float(self.mean)


@dataclass(frozen=True)
class Result:
    areas: tuple[AreaResult, ...]

    @property
    def competences(self) -> tuple[CompetenceResult, ...]:
        return tuple(c for area in self.areas for c in area.competences)

    def competence(self, code: str) -> CompetenceResult | None:
        return next((c for c in self.competences if c.code == code), None)

    @property
    def not_enough(self) -> tuple[CompetenceResult, ...]:
        return tuple(c for c in self.competences if c.mean is None)

    def weakest(self, n: int) -> list[CompetenceResult]:
        """The n competences with the lowest scores, lowest first; ties keep the
        instrument's order. Competences without a score are left out."""
        scored = [c for c in self.competences if c.mean is not None]
        return sorted(scored, key=lambda c: c.mean)[:n]

    def strongest(self, n: int) -> list[CompetenceResult]:
        """The n competences with the highest scores, highest first."""
        scored = [c for c in self.competences if c.mean is not None]
        return sorted(scored, key=lambda c: -c.mean)[:n]


def score(definition: Definition, answers: Answers) -> Result:
    """Score answers against the definition they were given to.

    Raises ValueError for an item the definition does not have or a value off its
    scale: callers validate learner input first (see services)."""
    known = item_ids(definition)
    values = scale_values(definition)
    for item_id, value in answers.items():
        if item_id not in known:
            raise ValueError(f"unknown item {item_id!r}")
        if value is not None and (isinstance(value, bool) or value not in values):
            raise ValueError(f"value {value!r} is off the scale")
    thresholds = definition["thresholds"]
    areas = []
    for area in definition["areas"]:
        competences = []
        for dimension in area["dimensions"]:
            given = [
                answers[item["id"]]
                for item in dimension["items"]
                if item["id"] in answers
            ]
            scored = [Fraction(value) for value in given if value is not None]
            mean = _mean(scored) if len(scored) >= MIN_ANSWERS else None
            competences.append(
                CompetenceResult(
                    code=dimension["competence"],
                    area=area["code"],
                    name=dimension["name"],
                    mean=mean,
                    band=None if mean is None else band_for(mean, thresholds),
                    answered=len(scored),
                    not_applicable=len(given) - len(scored),
                    items=len(dimension["items"]),
                )
            )
        means = [c.mean for c in competences if c.mean is not None]
        area_mean = _mean(means) if means else None
        areas.append(
            AreaResult(
                code=area["code"],
                name=area["name"],
                mean=area_mean,
                band=None if area_mean is None else band_for(area_mean, thresholds),
                competences=tuple(competences),
            )
        )
    return Result(areas=tuple(areas))


def relabelled(
    result: Result, *, competences: Mapping[str, str], areas: Mapping[str, str]
) -> Result:
    """The same result with its competences and areas named anew by code (a
    name not given is kept): scores never depend on names."""
    return Result(
        areas=tuple(
            replace(
                area,
                name=areas.get(area.code, area.name),
                competences=tuple(
                    replace(c, name=competences.get(c.code, c.name))
                    for c in area.competences
                ),
            )
            for area in result.areas
        )
    )


class Trend(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"
    SAME = "same"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class CompetenceChange:
    code: str
    name: str
    area: str
    before: Fraction | None
    after: Fraction | None

    @property
    def delta(self) -> Fraction | None:
        """The change between the scores as shown (one decimal each)."""
        if self.before is None or self.after is None:
            return None
        return shown(self.after) - shown(self.before)

    @property
    def trend(self) -> Trend:
        delta = self.delta
        if delta is None:
            return Trend.UNKNOWN
        if abs(delta) < NOISE:
            return Trend.SAME
        return Trend.HIGHER if delta > 0 else Trend.LOWER

    @property
    def before_score(self) -> float | None:
        return None if self.before is None else float(self.before)

    @property
    def after_score(self) -> float | None:
        return None if self.after is None else float(self.after)

    @property
    def delta_score(self) -> float | None:
        delta = self.delta
        return None if delta is None else float(delta)


def compare(before: Result, after: Result) -> list[CompetenceChange]:
    """How each competence changed from one attempt to a later one, matched by
    competence code (so attempts at other versions or languages compare). In the
    order of `after`, then any competences only `before` has."""
    changes = []
    seen = set()
    for competence in after.competences:
        earlier = before.competence(competence.code)
        changes.append(
            CompetenceChange(
                code=competence.code,
                name=competence.name,
                area=competence.area,
                before=earlier.mean if earlier else None,
                after=competence.mean,
            )
        )
        seen.add(competence.code)
    for competence in before.competences:
        if competence.code not in seen:
            changes.append(
                CompetenceChange(
                    code=competence.code,
                    name=competence.name,
                    area=competence.area,
                    before=competence.mean,
                    after=None,
                )
            )
    return changes
