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
