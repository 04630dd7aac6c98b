"""The dashboard's HTML that is built in Python rather than by templates, for speed:
the filter form's select lists, the tables' body rows and the bar charts as inline
SVG. Each escapes every text it is given (course titles, labels, values); the tests
in metrics/tests/test_html.py hold them to it."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.formats import get_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

MARGIN = 16
BAR_COLOUR, AXIS_COLOUR, TEXT_COLOUR = "#0b5563", "#6b6b73", "#1d1d1f"
# Beyond this many bars, month names every few bars and no numbers over them.
BARS_LABELLED = 12


class QuickSelect(forms.Select):
    """A select list built in Python. Django renders every option through a
    template, which cost a quarter of the dashboard's time with a few hundred
    courses and months to choose from."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(key), mark_safe(" selected") if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


def _thousands(count: int, separator: str) -> str:
    """12,345 / 12.345 as the language writes it; number_format() looks the
    format up again for every cell."""
    return f"{count:,}".replace(",", separator)


def table_rows(rows) -> SafeString:
    """A table's body rows, the first cell a row header. Built here rather than
    with template loops (or format_html per cell): the dashboard shows a few
    thousand cells, and those took a third of the page's time."""
    separator = get_format("THOUSAND_SEPARATOR")

    def cell_html(cell) -> str:
        if isinstance(cell, int) and not isinstance(cell, bool):
            return _thousands(cell, separator)
        if hasattr(cell, "__html__"):
            return cell.__html__()
        return escape(str(cell))

    return mark_safe(  # noqa: S308 (every cell escaped by cell_html)
        "".join(
            f'<tr><th scope="row">{cell_html(row[0])}</th>'
            + "".join(f"<td>{cell_html(cell)}</td>" for cell in row[1:])
            + "</tr>"
            for row in rows
        )
    )


def chart_svg(chart: dict, label: str) -> SafeString:
    """A bar chart (`charts.bar_chart`) as an SVG element, each bar titled with its
    month and value. Written out here rather than by template loops: three years
    of four charts are over a thousand elements, and the loops took a fifth of
    the page's time."""
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
    every = -(-len(bars) // BARS_LABELLED)
    for index, bar in enumerate(bars):
        month, value = escape(bar["label"]), bar["value"]
        if isinstance(value, int):  # as in the tables
            value = _thousands(value, separator)
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
