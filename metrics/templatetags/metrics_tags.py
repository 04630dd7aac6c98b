from django import template
from django.utils.safestring import SafeString

from metrics import html

register = template.Library()


@register.simple_tag
def table_rows(rows) -> SafeString:
    """A table's body rows, the first cell a row header (`metrics.html`)."""
    return html.table_rows(rows)
