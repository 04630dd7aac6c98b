from django import template
from django.conf import settings

from accounts.admin_names import admin_name as display_name

register = template.Library()


@register.filter
def admin_name(name):
    """{{ workflow.name|admin_name }}: see accounts.admin_names."""
    return display_name(name)


@register.simple_tag
def admin_site_name():
    """WAGTAIL_SITE_NAME in the reader's language."""
    return str(settings.WAGTAIL_SITE_NAME)
