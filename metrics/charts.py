"""Bar charts as inline SVG, drawn on the server: no JavaScript library to load or
audit, crisp in print, and the same numbers always stand in a table below."""

from html import escape

from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, PADDING_BOTTOM, PADDING_TOP, MARGIN = 640, 200, 28, 16, 16
BAR_COLOUR, AXIS_COLOUR, TEXT_COLOUR = "#0b5563", "#6b6b73", "#1d1d1f"


def bar_chart(rows: list[dict], key: str) -> dict:
    """Geometry for one series; suppressed values ("<5") draw as a stub."""
    values = [row[key] if isinstance(row[key], int) else None for row in rows]
    highest = max([v for v in values if v] or [1])
    slot = WIDTH / max(len(rows), 1)
    usable = HEIGHT - PADDING_BOTTOM - PADDING_TOP
    bars = []
    for index, (row, value) in enumerate(zip(rows, values, strict=True)):
        height = usable * value / highest if value else (3 if value is None else 0)
        bars.append(
            {
                "x": round(index * slot + slot * 0.15, 1),
                "y": round(HEIGHT - PADDING_BOTTOM - height, 1),
                "width": round(slot * 0.7, 1),
                "height": round(height, 1),
                "label": row["month"].strftime("%m/%y"),
                "label_x": round(index * slot + slot / 2, 1),
                "value": row[key],
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "bars": bars,
        "baseline": HEIGHT - PADDING_BOTTOM,
    }


def chart_svg(chart: dict, label: str) -> SafeString:
    """The chart as an SVG element, each bar titled with its month and value.
    Written out here rather than by template loops: three years of four charts
    are over a thousand elements, and the loops took a fifth of the page's time."""
    text = f'text-anchor="middle" font-size="14" fill="{TEXT_COLOUR}"'
    parts = [
        # A margin either side, so the first and last month names are not cut.
        f'<svg viewBox="-{MARGIN} 0 {chart["width"] + 2 * MARGIN} {chart["height"]}" '
        'role="img" '
        f'aria-label="{escape(label)}" style="width:100%;height:auto">',
        f'<line x1="0" x2="{chart["width"]}" y1="{chart["baseline"]}" '
        f'y2="{chart["baseline"]}" stroke="{AXIS_COLOUR}"/>',
    ]
    label_y = chart["height"] - 8
    separator = get_format("THOUSAND_SEPARATOR")
    bars = chart["bars"]
    # Beyond a year, month names every few bars and no numbers over the bars
    # (they would overlap; each bar's title and the table below carry them).
    every = -(-len(bars) // 12)
    for index, bar in enumerate(bars):
        month, value = escape(bar["label"]), bar["value"]
        if isinstance(value, int):  # 12,345 / 12.345 as in the tables
            value = f"{value:,}".replace(",", separator)
        value = escape(str(value))
        x, value_y = bar["label_x"], round(bar["y"] - 3, 1)
        parts.append(
            f'<rect x="{bar["x"]}" y="{bar["y"]}" width="{bar["width"]}" '
            f'height="{bar["height"]}" fill="{BAR_COLOUR}">'
            f"<title>{month}: {value}</title></rect>"
        )
        if index % every == 0:
            parts.append(f'<text x="{x}" y="{label_y}" {text}>{month}</text>')
        if every == 1:
            parts.append(f'<text x="{x}" y="{value_y}" {text}>{value}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (numbers, and text escaped above)
