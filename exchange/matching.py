"""Tolerant matching of what people type in plan workbooks to the registry's objects."""

import re

from plans.models import EditionKind, ProjectForm
from thai.digits import arabic_digits

_NUM = r"([0-9]+)"


def norm(text: object) -> str:
    if isinstance(text, float) and text.is_integer():
        text = int(text)  # spreadsheet numbers come back as floats: 1.0 means "1"
    return " ".join(arabic_digits(str(text or "")).split())


def strategy_number(cell: object) -> int | None:
    m = re.match(r"^(?:ยุทธศาสตร์(?:ที่)?\s*)?" + _NUM + r"(?:\s|\.|$)", norm(cell))
    return int(m.group(1)) if m else None


def tactic_numbers(cell: object) -> tuple[int | None, int | None]:
    """'1.2' → (1, 2); 'กลยุทธ์ที่ 2' → (None, 2); a name → (None, None)."""
    text = re.sub(r"^(?:กลยุทธ์|แนวทางการพัฒนา|แนวทาง)(?:ที่)?\s*", "", norm(cell))
    m = re.match(r"^([0-9]+)\.([0-9]+)(?:\s|$)", text)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.match(r"^([0-9]+)(?:\s|\.?$)", text)
    return (None, int(m.group(1))) if m else (None, None)


def name_key(text: object) -> str:
    return re.sub(r"\s+", "", norm(text)).lower()


def program_key(text: object) -> str:
    """Spellings vary in the wild ('รักษาความสงบภายใน' without 'การ', 'พานิชย์')."""
    key = name_key(text).replace("แผนงาน", "").replace("พานิชย์", "พาณิชย์").replace("การ", "")
    return key.replace(",", "")


def form_code(cell: object) -> str | None:
    text = norm(cell).replace(" ", "")
    if not text:
        return ProjectForm.P02
    text = text.replace("ผ", "ผ.").replace("..", ".") if not text.startswith("ผ.") else text
    return text if text in ProjectForm.values else None


_EDITION = re.compile(
    r"^(ทบทวน|เพิ่มเติม|เปลี่ยนแปลง|แก้ไข)\s*(?:\(?\s*(?:ครั้งที่|ฉบับที่)\s*)?([0-9]+)?\s*\)?\s*(?:/\s*([0-9]{4}))?\s*$"
)
_KINDS = {
    "ทบทวน": EditionKind.REVIEW,
    "เพิ่มเติม": EditionKind.ADDITION,
    "เปลี่ยนแปลง": EditionKind.CHANGE,
    "แก้ไข": EditionKind.CORRECTION,
}
_ORIGINAL = {"", "ฉบับเดิม", "แผนหลัก", "ฉบับหลัก", "ต้นฉบับ", "เดิม"}


def edition_key(cell: object) -> tuple[str, int | None, int | None] | None:
    text = norm(cell)
    if text in _ORIGINAL:
        return (EditionKind.ORIGINAL, None, None)
    m = _EDITION.match(text)
    if not m:
        return None
    number = int(m.group(2)) if m.group(2) else None
    year = int(m.group(3)) if m.group(3) else None
    return (_KINDS[m.group(1)], number, year)
