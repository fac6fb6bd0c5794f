"""The province's warning rules (สัญญาณเตือน): wording, threshold, severity."""

import string
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from core.numbers import bounded

PLACEHOLDERS = ("{project}", "{threshold}", "{value}", "{month}", "{expected}")


@transaction.atomic
def rule_update(*, rule, name: str, threshold: Decimal, message: str, severity: str, active: bool):
    """Change a rule's wording or threshold; a message must format with the known placeholders."""
    errors = {}
    if not name.strip():
        errors["name"] = "กรุณาระบุชื่อสัญญาณเตือน"
    if severity not in ("red", "amber"):
        errors["severity"] = "ระดับไม่ถูกต้อง"
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(message) if f}
    except ValueError:
        fields = {"?"}
    unknown = fields - {p.strip("{}") for p in PLACEHOLDERS}
    if unknown:
        errors["message"] = (
            f"ข้อความใช้ตัวแทนที่ไม่รู้จัก: {', '.join(sorted(unknown))} (ใช้ได้: {' '.join(PLACEHOLDERS)})"
        )
    checked: Decimal | None = None
    try:
        checked = bounded(type(rule), "threshold", threshold, "เกณฑ์")
    except ValidationError as exc:
        errors["threshold"] = exc.messages[0]
    if errors:
        raise ValidationError(errors)
    rule.name, rule.threshold, rule.message = name.strip(), checked, message.strip()
    rule.severity, rule.active = severity, active
    rule.save()
    return rule
