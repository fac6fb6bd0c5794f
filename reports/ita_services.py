"""The operator's edits of the ITA item list of a year."""

from django.core.exceptions import ValidationError
from django.db import transaction

from reports.models import ItaItem, ItaSource


@transaction.atomic
def ita_item_save(*, fiscal_year: int, code: str, name: str, source: str, order: int = 0,
                  item: ItaItem | None = None) -> ItaItem:  # fmt: skip
    code, name = (code or "").strip().upper(), (name or "").strip()
    if not code or not name:
        raise ValidationError("ระบุรหัสข้อ (เช่น O10) และชื่อข้อมูล")
    if source not in ItaSource.values:
        raise ValidationError("เลือกเอกสารจากระบบที่ตอบข้อนี้")
    clash = ItaItem.objects.filter(fiscal_year=fiscal_year, code=code)
    if item is not None:
        clash = clash.exclude(pk=item.pk)
    if clash.exists():
        raise ValidationError(f"ปี {fiscal_year} มีข้อ {code} อยู่แล้ว")
    item = item or ItaItem(fiscal_year=fiscal_year)
    item.code, item.name, item.source, item.order = code, name[:300], source, order
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
        ItaItem.objects.create(fiscal_year=to_year, code=i.code, name=i.name, source=i.source,
                               order=i.order)  # fmt: skip
    return len(items)
