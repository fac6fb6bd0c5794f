from django import template

from monitoring.models import Status

register = template.Library()


@register.filter
def statuslabel(value: str) -> str:
    return Status(value).label if value in Status.values else value


LIGHTS = {"red": "ต้องเร่งรัด", "amber": "เฝ้าระวัง", "green": "ปกติ"}


@register.filter
def lightlabel(value: str) -> str:
    """The traffic light of an org (monitoring.queries.light) as the analyst reads it."""
    return LIGHTS.get(value, value)
