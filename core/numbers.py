"""Numbers bounded to the column that stores them: a value no column can hold is a Thai
ValidationError, never a database overflow (numeric field overflow → 500 before)."""

from decimal import Decimal
from typing import overload

from django.core.exceptions import ValidationError


@overload
def bounded(model, field_name: str, value: Decimal, label: str) -> Decimal: ...
@overload
def bounded(model, field_name: str, value: None, label: str) -> None: ...
@overload
def bounded(model, field_name: str, value: Decimal | None, label: str) -> Decimal | None: ...
def bounded(model, field_name: str, value: Decimal | None, label: str) -> Decimal | None:
    if value is None:
        return None
    field = model._meta.get_field(field_name)
    value = Decimal(value)
    if not value.is_finite():
        raise ValidationError(f"{label}: ต้องเป็นตัวเลข")
    limit = Decimal(10) ** (field.max_digits - field.decimal_places)
    if abs(value) >= limit:
        raise ValidationError(f"{label}: ตัวเลขใหญ่เกินกว่าที่บันทึกได้ (ต้องน้อยกว่า {limit:,})")
    return value.quantize(Decimal(1).scaleb(-field.decimal_places))
