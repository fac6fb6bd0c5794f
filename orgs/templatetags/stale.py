from django import template
from django.utils.html import format_html

from orgs.stale import fingerprint

register = template.Library()


@register.simple_tag
def seen_input(obj):
    """<input type=hidden name=seen>: what the form showed of `obj`, checked by the save."""
    return format_html('<input type="hidden" name="seen" value="{}">', fingerprint(obj))
