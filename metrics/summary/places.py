"""Counts by place, derived from a month's learner sets and the learners' sector and
city, so the dashboard's sector and city filters read a few small rows instead of
intersecting every set with the learners they leave.

A learner's (sector, city) counts in four cells: the exact one, "their sector, any
city", "any sector, their city" and "any sector, any city" (`EVERYWHERE`); events
of erased accounts and of staff only in the last."""

import datetime
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..models import CellCount, LearnerSet
from . import codec
from .codec import COMPETENCE_CODES, MISSING, NOT_GIVEN
from .kinds import ALL_COURSES, AT_LEAST_ONCE, CELL_KINDS, PLACE_DIMENSIONS, SetKind

Cell = tuple[str, str]  # (sector, city)
Places = dict[int, Cell]  # {learner: (sector, city)}
ANY = "*"
EVERYWHERE: Cell = (ANY, ANY)


def places_read(rows: Iterable[LearnerSet] | None = None) -> Places:
    """{learner: (sector, city)} from the profile sets (the stored ones unless
    `rows` are given)."""
    if rows is None:
        rows = LearnerSet.objects.filter(
            month__isnull=True, kind__in=PLACE_DIMENSIONS
        ).only("kind", "key", "members")
    sector: dict[int, str] = {}
    city: dict[int, str] = {}
    for row in rows:
        if row.kind in PLACE_DIMENSIONS:
            found = sector if row.kind == SetKind.SECTOR else city
            found.update(dict.fromkeys(codec.members_decode(row.members), row.key))
    return {
        user_id: (value, city.get(user_id, NOT_GIVEN))
        for user_id, value in sector.items()
    }


def cells(place: Cell | None) -> tuple[Cell, ...]:
    """The cells an event of a learner from `place` counts in (None: erased,
    or staff)."""
    if place is None:
        return (EVERYWHERE,)
    sector, city = place
    return (place, (sector, ANY), (ANY, city), EVERYWHERE)


def cells_compute(
    month: datetime.date, rows: Iterable[LearnerSet], places: Places
) -> tuple[list[CellCount], list[LearnerSet]]:
    """A month's counts by place, from its learner sets: every course's events,
    and for all courses the durations (kept sorted) and learning-gain totals by
    place (except "everywhere", which the sets without a place already hold)."""
    counts: list[CellCount] = []
    by_place: list[LearnerSet] = []
    competences = len(COMPETENCE_CODES)
    for row in rows:
        if row.level != AT_LEAST_ONCE:
            continue
        if row.course_id != ALL_COURSES and row.kind in CELL_KINDS:
            found: Counter = Counter(map(places.get, codec.members_decode(row.members)))
            tally: Counter = Counter({EVERYWHERE: row.unlinked})
            for place, number in found.items():
                for cell in cells(place):
                    tally[cell] += number
            counts += [
                CellCount(
                    month=month,
                    kind=row.kind,
                    course_id=row.course_id,
                    sector=cell[0],
                    city=cell[1],
                    count=number,
                )
                for cell, number in tally.items()
                if number
            ]
        elif row.course_id == ALL_COURSES and row.kind == SetKind.COMPLETED:
            users, seconds = codec.pairs_decode(bytes(row.pairs))
            runs: dict[Cell, array] = defaultdict(lambda: array(codec.NUMBERS))
            for user_id, value in zip(users, seconds, strict=True):
                for cell in cells(places.get(user_id))[:-1]:
                    runs[cell].append(value)
            by_place += [
                codec.learner_set(
                    (),
                    month=month,
                    kind=SetKind.DURATIONS_PLACE,
                    key=codec.cell_key(cell),
                    pairs=codec.durations_encode(run),
                )
                for cell, run in runs.items()
            ]
        elif row.course_id == ALL_COURSES and row.kind == SetKind.GAIN:
            records = codec.gain_records_decode(bytes(row.pairs))
            sums: dict[Cell, tuple[list[int], list[int]]] = defaultdict(
                lambda: ([0] * competences, [0] * competences)
            )
            for user_id, changes in codec.gain_records(records):
                for cell in cells(places.get(user_id))[:-1]:
                    totals, numbers = sums[cell]
                    for index, change in enumerate(changes):
                        if change != MISSING:
                            totals[index] += change
                            numbers[index] += 1
            by_place += [
                codec.learner_set(
                    (),
                    month=month,
                    kind=SetKind.GAIN_PLACE,
                    key=codec.cell_key(cell),
                    pairs=codec.gain_totals_encode(totals, numbers),
                )
                for cell, (totals, numbers) in sums.items()
            ]
    return counts, by_place
