"""Geometry of the result's radar chart, drawn as inline SVG on the server
(templates/assessments/includes/radar_chart.html): one spoke per competence,
grouped by area, with the previous attempt overlaid.

The centre is at (0, 0); the viewBox is sized to the labels, whose widths are
estimated from their length, so long names in any language stay inside.

Named spokes need a wide chart: squeezed into a phone's width their labels shrink
to about 7 px. So the chart also comes with numbered spokes (`numbered=True`),
shown on narrow screens, where the numbers stay readable and the result table,
whose rows carry the same numbers, names them."""

import math
import textwrap
from dataclasses import dataclass

from .scoring import Result

RADIUS = 150  # the radius of the top of the scale
SCALE_MAX = 5
LABEL_GAP = 12
LABEL_WIDTH = 16  # characters per line of a spoke's label
FONT_SIZE = 14
LINE_HEIGHT = 16
CHARACTER_WIDTH = 0.56 * FONT_SIZE  # an average glyph of a sans-serif face
MARGIN = 8


def _point(angle: float, radius: float) -> tuple[float, float]:
    return (
        round(radius * math.cos(angle), 1),
        round(radius * math.sin(angle), 1),
    )


def _radius(score: float | None) -> float:
    # A competence without a score sits at the centre, below the scale.
    return 0 if score is None else RADIUS * score / SCALE_MAX


def _points(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{x},{y}" for x, y in points)


@dataclass(frozen=True)
class Spoke:
    code: str
    number: int
    end: tuple[float, float]
    label_x: float
    label_y: float
    label_lines: list[str]
    anchor: str


@dataclass(frozen=True)
class Marker:
    x: float
    y: float


@dataclass(frozen=True)
class AreaSector:
    code: str
    name: str
    path: str
    index: int


@dataclass(frozen=True)
class Ring:
    value: int
    points: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class RadarChart:
    view_box: str
    spokes: list[Spoke]
    rings: list[Ring]
    sectors: list[AreaSector]
    current: str
    current_markers: list[Marker]
    previous: str | None
    previous_markers: list[Marker]


@dataclass(frozen=True)
class _Bounds:
    left: float = -RADIUS
    top: float = -RADIUS
    right: float = RADIUS
    bottom: float = RADIUS

    def include(self, left, top, right, bottom) -> "_Bounds":
        return _Bounds(
            min(self.left, left),
            min(self.top, top),
            max(self.right, right),
            max(self.bottom, bottom),
        )


@dataclass
class _Label:
    angle: float
    lines: list[str]
    x: float
    y: float  # the first baseline
    anchor: str
    width: float

    @property
    def height(self) -> float:
        return LINE_HEIGHT * (len(self.lines) - 1)

    @property
    def box(self) -> tuple[float, float, float, float]:
        left = {"start": self.x, "middle": self.x - self.width / 2}.get(
            self.anchor, self.x - self.width
        )
        return (
            left,
            self.y - FONT_SIZE,
            left + self.width,
            self.y + self.height + FONT_SIZE * 0.3,
        )


def _label(angle: float, text: str) -> _Label:
    lines = textwrap.wrap(text, LABEL_WIDTH, break_long_words=False) or [text]
    x, y = _point(angle, RADIUS + LABEL_GAP)
    cos, sin = math.cos(angle), math.sin(angle)
    anchor = "middle" if abs(cos) < 0.1 else ("start" if cos > 0 else "end")
    height = LINE_HEIGHT * (len(lines) - 1)
    # Centred beside the spoke's end at the sides, growing upwards above the
    # centre and downwards below it.
    y += FONT_SIZE * (0.35 + 0.45 * sin) - height * (1 - sin) / 2
    width = max(len(line) for line in lines) * CHARACTER_WIDTH
    return _Label(angle, lines, x, y, anchor, width)


def _overlap(a: _Label, b: _Label) -> float:
    """How far b would have to move vertically to clear a (0 if apart)."""
    a_left, a_top, a_right, a_bottom = a.box
    b_left, b_top, b_right, b_bottom = b.box
    if a_right <= b_left or b_right <= a_left:
        return 0
    return max(0.0, min(a_bottom, b_bottom) - max(a_top, b_top))


def _separate(labels: list[_Label]) -> None:
    """Move labels that run into a neighbour away from the horizontal axis
    (upwards in the top half, downwards in the bottom half) until none do."""
    count = len(labels)
    for _pass in range(4 * count):
        moved = False
        for index in range(count):
            a, b = labels[index], labels[(index + 1) % count]
            gap = _overlap(a, b)
            if gap:
                outer = a if abs(math.sin(a.angle)) > abs(math.sin(b.angle)) else b
                outer.y += (gap + 2) * (1 if math.sin(outer.angle) > 0 else -1)
                moved = True
        if not moved:
            return


def _sector_path(start: float, end: float, radius: float) -> str:
    x1, y1 = _point(start, radius)
    x2, y2 = _point(end, radius)
    large = 1 if end - start > math.pi else 0
    return f"M0,0 L{x1},{y1} A{radius},{radius} 0 {large} 1 {x2},{y2} Z"


def radar_chart(
    *, result: Result, previous: Result | None = None, numbered: bool = False
) -> RadarChart:
    """Coordinates for the chart of `result` (and `previous`, matched by
    competence code). The first spoke points up; spokes go clockwise in the
    instrument's order, so each area's competences sit together. Spokes are
    labelled with the competences' names, or with their numbers (1, 2, …, in
    the same order) when `numbered`."""
    competences = result.competences
    count = len(competences)
    step = 2 * math.pi / count
    angles = [-math.pi / 2 + index * step for index in range(count)]

    labels = [
        _label(angle, str(number) if numbered else competence.name)
        for number, (competence, angle) in enumerate(
            zip(competences, angles, strict=True), start=1
        )
    ]
    _separate(labels)
    bounds = _Bounds()
    spokes = []
    for number, (competence, label) in enumerate(
        zip(competences, labels, strict=True), start=1
    ):
        spokes.append(
            Spoke(
                code=competence.code,
                number=number,
                end=_point(label.angle, RADIUS),
                label_x=label.x,
                label_y=round(label.y, 1),
                label_lines=label.lines,
                anchor=label.anchor,
            )
        )
        bounds = bounds.include(*label.box)
    rings = []
    for value in range(1, SCALE_MAX + 1):
        radius = RADIUS * value / SCALE_MAX
        # Between the first two spokes, clear of the markers on them.
        label_x, label_y = _point(-math.pi / 2 + step / 2, radius - 4)
        rings.append(
            Ring(
                value=value,
                points=_points([_point(angle, radius) for angle in angles]),
                label_x=label_x,
                label_y=label_y + 4,
            )
        )
    sectors = []
    position = 0
    for index, area in enumerate(result.areas):
        size = len(area.competences)
        if size:
            start = angles[position] - step / 2
            end = angles[position + size - 1] + step / 2
            sectors.append(
                AreaSector(
                    code=area.code,
                    name=area.name,
                    path=_sector_path(start, end, RADIUS + 6),
                    index=index % 3 + 1,
                )
            )
        position += size

    current_points = [
        _point(angle, _radius(c.score))
        for c, angle in zip(competences, angles, strict=True)
    ]
    current_markers = [
        Marker(*point)
        for point, c in zip(current_points, competences, strict=True)
        if c.score is not None
    ]
    previous_points: list[tuple[float, float]] = []
    previous_markers: list[Marker] = []
    if previous is not None:
        for competence, angle in zip(competences, angles, strict=True):
            earlier = previous.competence(competence.code)
            earlier_score = earlier.score if earlier else None
            point = _point(angle, _radius(earlier_score))
            previous_points.append(point)
            if earlier_score is not None:
                previous_markers.append(Marker(*point))
    left, top = math.floor(bounds.left - MARGIN), math.floor(bounds.top - MARGIN)
    width = math.ceil(bounds.right + MARGIN) - left
    height = math.ceil(bounds.bottom + MARGIN) - top
    return RadarChart(
        view_box=f"{left} {top} {width} {height}",
        spokes=spokes,
        rings=rings,
        sectors=sectors,
        current=_points(current_points),
        current_markers=current_markers,
        previous=_points(previous_points) if previous_points else None,
        previous_markers=previous_markers,
    )
