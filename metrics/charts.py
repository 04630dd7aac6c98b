"""Bar charts drawn on the server: no JavaScript library to load or audit, crisp in
print, and the same numbers always stand in a table below. The geometry is
computed here; `metrics.html.chart_svg` writes it out as inline SVG."""

WIDTH, HEIGHT, PADDING_BOTTOM, PADDING_TOP = 640, 200, 28, 16
# A suppressed value ("<5") draws as a stub this high.
STUB_HEIGHT = 3


def bar_chart(rows: list[dict], key: str) -> dict:
    """Geometry for one series; suppressed values ("<5") draw as a stub."""
    values = [row[key] if isinstance(row[key], int) else None for row in rows]
    highest = max([v for v in values if v] or [1])
    slot = WIDTH / max(len(rows), 1)
    usable = HEIGHT - PADDING_BOTTOM - PADDING_TOP
    bars = []
    for index, (row, value) in enumerate(zip(rows, values, strict=True)):
        if value:
            height = usable * value / highest
        else:
            height = STUB_HEIGHT if value is None else 0
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
