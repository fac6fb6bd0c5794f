"""Reads of the audit log for an org's page."""

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count

from orgs.models import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    model: str = ""
    action: str = ""
    user_id: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    object_id: str = ""


def model_name(label: str) -> str:
    from orgs.model_names import thai_name

    try:
        return thai_name(apps.get_model(label))
    except LookupError:
        return label


def field_rows(entry: AuditEntry) -> list[tuple[str, object, object]]:
    """(field label, old, new) for an entry, with the model's Thai field names."""
    try:
        meta = apps.get_model(entry.model)._meta
    except LookupError:
        meta = None
    rows = []
    for name, values in entry.changes.items():
        old, new = values if isinstance(values, list) and len(values) == 2 else (None, values)
        try:
            label = str(meta.get_field(name).verbose_name) if meta else name
        except FieldDoesNotExist:
            label = name
        rows.append((label, old, new))
    return rows


def audit_entries(org, f: AuditFilter):
    lookups = {"model": f.model, "action": f.action, "user_id": f.user_id, "at__date__gte": f.start,
               "at__date__lte": f.end, "object_id": f.object_id}  # fmt: skip
    given = {k: v for k, v in lookups.items() if v}
    return AuditEntry.objects.filter(org=org, **given).order_by("-at", "-id")


def audit_facets(org) -> tuple[list[tuple[str, str, int]], list[tuple[int, str]]]:
    """The kinds of record and the people that appear in an org's log, for the filter menus."""
    models = [(m, model_name(m), n) for m, n in AuditEntry.objects.filter(org=org)
              .values("model").annotate(n=Count("pk")).values_list("model", "n")]  # fmt: skip
    people = list(AuditEntry.objects.filter(org=org, user__isnull=False)
                  .values_list("user_id", "actor").distinct().order_by("actor"))  # fmt: skip
    return sorted(models, key=lambda m: m[1]), people


def divisions_with_heads(org):
    """The org's divisions, each with its head's name and the accounts of its division heads."""
    from orgs.models import Division, Membership, Role

    heads: dict[int, list] = {}
    for m in Membership.objects.filter(org=org, role=Role.DIVISION_HEAD).select_related("user"):
        heads.setdefault(m.division_id, []).append(m.user)
    return [(d, heads.get(d.id, [])) for d in Division.objects.filter(org=org)]


def people_of(org) -> list[tuple[object, list]]:
    """Everyone with a role in the org (disabled accounts included, marked), with their roles."""
    from orgs.models import Membership

    people: dict[int, tuple[object, list]] = {}
    rows = (Membership.objects.filter(org=org).select_related("user", "division")
            .order_by("-user__is_active", "user__first_name", "user__username", "role"))  # fmt: skip
    for m in rows:
        people.setdefault(m.user_id, (m.user, []))[1].append(m)
    return list(people.values())


def province_orgs(province):
    """The province's orgs with their district and how many active officers each has."""
    from django.db.models import Q

    from orgs.models import Organization, Role

    active = Q(memberships__role__in=[Role.OFFICER, Role.ADMIN], memberships__user__is_active=True)
    return (Organization.objects.filter(province=province).select_related("district")
            .annotate(officers=Count("memberships", filter=active)).order_by("code"))  # fmt: skip
