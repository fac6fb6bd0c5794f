"""The org's menu in base.html: links that depend on nothing but the URL conf and their
arguments."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()


@lru_cache(maxsize=8192)
def _reverse(prefix: str, name: str, args: tuple) -> str:
    return reverse(name, args=args)


@register.simple_tag
def navurl(name: str, *args) -> str:
    """{% url %} for the menu on every page (27 links): reversed once per process, org and script
    prefix, then remembered. Reversing takes tens of microseconds each; the menu alone was an
    eighth of a dashboard's CPU."""
    return _reverse(get_script_prefix(), name, args)


@register.filter
def can_manage(org, user) -> bool:
    from orgs.access import can_manage_people

    return can_manage_people(user, org)


@register.simple_tag(takes_context=True)
def menu_groups(context) -> list:
    """The grouped, role-aware menu (orgs.navigation) for the page's user and org."""
    from orgs.navigation import org_menu

    user = context.get("user")
    if user is None or not user.is_authenticated:
        return []
    return org_menu(user, context.get("org"))


@register.simple_tag(takes_context=True)
def signed_in_as(context):
    from orgs.navigation import who

    return who(context["user"], context.get("org"))


@register.filter
def group_active(group, section) -> bool:
    return group.active(section or "")
