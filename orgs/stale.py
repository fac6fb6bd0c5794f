"""No silent lost update on a shared form: the form carries a fingerprint of the values it showed
(`seen`); the save locks the row, compares, and refuses a stale save with a Thai message that shows
what the other person saved (and who, from the audit log). A missing fingerprint is stale too."""

import datetime as dt
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
    "plans.Edition": ("kind", "number", "year", "note"),
    "plans.ActionPlan": ("amendment", "approved_on", "announced_on"),
    "evaluation.Committee": ("order_no", "appointed_on", "term_start", "term_end"),
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
    if hasattr(obj, "stale_content"):  # what the form shows beyond the row (a KPI's targets…)
        values.append(obj.stale_content())
    return values


def fingerprint(obj) -> str:
    """The fingerprint of what a form shows of `obj`: a row not saved yet has its own ("new"),
    and so has "there is none yet" ("none": a form that creates the first committee…)."""
    if obj is None:
        return "none"
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


def _shown(obj) -> list[str]:
    from thai.dates import thai_date

    shown = []
    for name in FIELDS[obj._meta.label]:
        field = obj._meta.get_field(name.removesuffix("_id"))
        value = getattr(obj, field.name)
        if value in (None, ""):
            text = "-"
        elif isinstance(value, dt.date):
            text = thai_date(value)
        elif getattr(field, "choices", None):
            text = str(getattr(obj, f"get_{field.name}_display")())
        else:
            text = str(value)
        shown.append(f"{field.verbose_name}: “{text[:200]}”")
    if hasattr(obj, "stale_shown"):
        shown.append(obj.stale_shown())
    return shown


def check(obj, seen: str | None) -> None:
    """Refuse the save if `obj` (read under select_for_update) is no longer what the form showed.
    `obj=None` means there is none now; `seen=None` is for writers without a form (import, demo);
    a form always sends a value."""
    if seen is None or seen == fingerprint(obj):
        return
    if obj is None:
        raise ValidationError(
            "ข้อมูลที่คุณเห็นบนหน้านี้ไม่มีแล้ว (มีผู้อื่นลบหรือเปลี่ยนไปก่อน) ข้อมูลของคุณยังไม่ถูกบันทึก"
            " — โปรดเปิดหน้านี้ใหม่แล้วตรวจสอบอีกครั้ง"
        )
    shown = _shown(obj)
    raise ValidationError(
        f"มีผู้อื่นบันทึกข้อมูลนี้ไปก่อนแล้ว{_last_writer(obj)} ข้อมูลของคุณยังไม่ถูกบันทึก"
        f" — ค่าที่บันทึกไว้ขณะนี้: {'; '.join(shown)} — โปรดตรวจสอบแล้วแก้ไขอีกครั้ง"
    )


def locked(obj):
    """The row of `obj` again, locked until the transaction ends (None: deleted meanwhile)."""
    return type(obj).objects.select_for_update().filter(pk=obj.pk).first()
