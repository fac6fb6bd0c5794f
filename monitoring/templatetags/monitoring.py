from django import template

from monitoring.models import Status

register = template.Library()


@register.filter
def statuslabel(value: str) -> str:
    return Status(value).label if value in Status.values else value
