"""The operator's edits of the ITA item list of a year."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from reports.models import ItaItem, ItaSource


@transaction.atomic
def ita_item_save(
    *,
    fiscal_year: int,
    code: str,
    name: str,
    source: str,
    order: int = 0,
    due_on: str | dt.date | None = None,
    item: ItaItem | None = None,
) -> ItaItem:
    code, name = (code or "").strip().upper(), (name or "").strip()
    if not code or not name:
        raise ValidationError("ระบุรหัสข้อ (เช่น O10) และชื่อข้อมูล")
    if source not in ItaSource.values:
        raise ValidationError("เลือกเอกสารจากระบบที่ตอบข้อนี้")
    due = _due(due_on)
    clash = ItaItem.objects.filter(fiscal_year=fiscal_year, code=code)
    if item is not None:
        clash = clash.exclude(pk=item.pk)
    if clash.exists():
        raise ValidationError(f"ปี {fiscal_year} มีข้อ {code} อยู่แล้ว")
    item = item or ItaItem(fiscal_year=fiscal_year)
    item.code, item.name, item.source, item.order = code, name[:300], source, order
    item.due_on = due
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def ita_year_copy(*, from_year: int, to_year: int) -> int:
    """Start a year's list from another year's (only into a year that has none)."""
    if ItaItem.objects.filter(fiscal_year=to_year).exists():
        raise ValidationError(f"ปี {to_year} มีรายการอยู่แล้ว")
    items = list(ItaItem.objects.filter(fiscal_year=from_year))
    for i in items:
        ItaItem.objects.create(
            fiscal_year=to_year,
            code=i.code,
            name=i.name,
            source=i.source,
            order=i.order,
            due_on=_shifted(i.due_on, to_year - from_year),
        )
    return len(items)


def _due(value: str | dt.date | None) -> dt.date | None:
    """The due date typed as on paper (15/7/2569, Thai digits); a Christian-era year is refused
    however written (31/10/2026, 2026-10-31); blank → none."""
    from thai.dates import parse_thai_date

    if value is None or isinstance(value, dt.date):
        return value
    if not value.strip():
        return None
    try:
        return parse_thai_date(value, iso=False)
    except ValueError as exc:
        raise ValidationError(f"กำหนดเผยแพร่: {exc}") from None


def _shifted(day: dt.date | None, years: int) -> dt.date | None:
    """The same day `years` later (29 February → 28 February)."""
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
