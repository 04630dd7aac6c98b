from django import template
from django.utils.formats import get_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def table_rows(rows) -> SafeString:
    """A table's body rows, the first cell a row header. Built here rather than
    with template loops: the dashboard shows a few thousand cells, and nested
    template loops took a third of the page's time."""
    separator = get_format("THOUSAND_SEPARATOR")

    def number(cell):
        """Counts with the language's thousands separator (12,345 / 12.345);
        number_format() looks the format up again for every cell."""
        if isinstance(cell, int) and not isinstance(cell, bool):
            return f"{cell:,}".replace(",", separator)
        return cell

    return format_html_join(
        "",
        "<tr>{}</tr>",
        (
            (
                format_html(
                    '<th scope="row">{}</th>{}',
                    row[0],
                    format_html_join(
                        "", "<td>{}</td>", ((number(cell),) for cell in row[1:])
                    ),
                ),
            )
            for row in rows
        ),
    )
