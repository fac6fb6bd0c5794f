"""No silent lost update on a shared form: the form carries a fingerprint of the values it showed
(`seen`); the save locks the row, compares, and refuses a stale save with a Thai message that shows
what the other person saved (and who, from the audit log). A missing fingerprint is stale too."""

import hashlib
import json
from decimal import Decimal

from django.core.exceptions import ValidationError

# The fields each shared form edits (what the fingerprint covers), by model label.
FIELDS = {
    "plans.Plan": ("title", "vision"),
    "plans.Strategy": ("name",),
    "plans.Tactic": ("name",),
    "plans.KPI": ("name", "unit", "goal_id"),
    "plans.BudgetLine": ("amount", "item"),
    "evaluation.AnnualReport": (
        "introduction",
        "method",
        "problems",
        "recommendations",
        "presented_on",
        "announced_on",
        "posted_from",
        "posted_until",
    ),
}


def _same(value):
    """A value as the database gives it back: 25000 and 25000.00 are the same amount."""
    return value.normalize() if isinstance(value, Decimal) else value


def _values(obj) -> list:
    values = [_same(getattr(obj, f)) for f in FIELDS[obj._meta.label]]
    if obj._meta.label == "plans.KPI" and obj.pk:
        values.append(sorted((t.year, t.value) for t in obj.targets.all()))  # prefetched on pages
    return values


def fingerprint(obj) -> str:
    """The fingerprint of what a form shows of `obj` (a row not saved yet has its own, "new")."""
    if obj.pk is None:
        return "new"
    text = json.dumps(_values(obj), default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _last_writer(obj) -> str:
    from orgs.models import AuditEntry
    from thai.dates import thai_date

    entry = (
        AuditEntry.objects.filter(model=obj._meta.label, object_id=str(obj.pk))
        .order_by("-at", "-pk")
        .first()
    )
    if entry is None:
        return ""
    return f" โดย {entry.actor} เมื่อ {thai_date(entry.at.date())} {entry.at:%H:%M} น."


def check(obj, seen: str | None) -> None:
    """Refuse the save if `obj` (read under select_for_update) is no longer what the form showed.
    `seen=None` is for writers without a form (import, demo); a form always sends a value."""
    if seen is None or seen == fingerprint(obj):
        return
    shown = []
    for name in FIELDS[obj._meta.label]:
        field = obj._meta.get_field(name.removesuffix("_id"))
        value = getattr(obj, field.name)
        text = str(value) if value not in (None, "") else "-"
        shown.append(f"{field.verbose_name}: “{text[:200]}”")
    raise ValidationError(
        f"มีผู้อื่นบันทึกข้อมูลนี้ไปก่อนแล้ว{_last_writer(obj)} ข้อมูลของคุณยังไม่ถูกบันทึก"
        f" — ค่าที่บันทึกไว้ขณะนี้: {'; '.join(shown)} — โปรดตรวจสอบแล้วแก้ไขอีกครั้ง"
    )


def locked(obj):
    """The row of `obj` again, locked until the transaction ends."""
    return type(obj).objects.select_for_update().get(pk=obj.pk)
