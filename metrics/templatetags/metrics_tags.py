from html import escape

from django import template
from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def table_rows(rows) -> SafeString:
    """A table's body rows, the first cell a row header. Built here rather than
    with template loops (or format_html per cell): the dashboard shows a few
    thousand cells, and those took a third of the page's time."""
    separator = get_format("THOUSAND_SEPARATOR")

    def cell_html(cell) -> str:
        """Counts with the language's thousands separator (12,345 / 12.345);
        number_format() looks the format up again for every cell."""
        if isinstance(cell, int) and not isinstance(cell, bool):
            return f"{cell:,}".replace(",", separator)
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
