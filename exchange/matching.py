"""Tolerant matching of what people type in plan workbooks to the registry's objects."""

import difflib
import re
import unicodedata
from typing import Protocol

from plans.models import EditionKind, ProjectForm
from thai.digits import arabic_digits

_NUM = r"([0-9]+)"


# Unicode format characters (category Cf) that copy-paste leaves in Thai text: soft hyphen, Arabic
# and Syriac marks, ZWSP/ZWNJ/ZWJ/LRM/RLM, bidi embeddings and isolates, word joiner and invisible
# operators, BOM, interlinear annotation marks.
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)


_THAI_DIGIT = re.compile("[๐-๙]")


def clean(text: str) -> str:
    """Drop zero-width and other format characters (ZWSP, ZWJ, BOM, soft hyphen) that copy-paste
    leaves in Thai text, and normalise to NFC. Kept text; for comparisons use name_key."""
    if text.isascii():
        return text
    text = _FORMAT.sub("", text).replace("\u00a0", " ")
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def norm(text: object) -> str:
    if isinstance(text, float) and text.is_integer():
        text = int(text)  # spreadsheet numbers come back as floats: 1.0 means "1"
    text = clean(str(text or ""))
    if _THAI_DIGIT.search(text):
        text = arabic_digits(text)
    return " ".join(text.split())


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
    """What two names must share to be the same: NFKC, no format characters, no spaces, lower."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", norm(text))).lower()


_PROGRAM_ABBREV = re.compile(r"^(?:\(?[0-9]+\)\s*)?(?:แผนงาน|ผง\.?|แผน)\s*")


def program_key(text: object) -> str:
    """Spellings vary in the wild ('รักษาความสงบภายใน' without 'การ', 'พานิชย์', 'ผง.การศึกษา')."""
    key = _PROGRAM_ABBREV.sub("", norm(text))
    key = name_key(key).replace("แผนงาน", "").replace("พานิชย์", "พาณิชย์").replace("การ", "")
    return re.sub(r"[,.()]|และ", "", key)


class Named(Protocol):
    name: str


def program_match[T: Named](text: object, programs: list[T]) -> tuple[T | None, list[T]]:
    """(program, []) when exactly one standard program fits the cell, (None, candidates) when
    several fit, (None, []) when none does. Exact key, then the cell's words as part of a name
    ('แผนงานการศาสนา' → ศาสนา วัฒนธรรม และนันทนาการ), then a close spelling."""
    key = program_key(text)
    if not key:
        return None, []
    keyed = {program_key(p.name): p for p in programs}
    if key in keyed:
        return keyed[key], []
    fits = [p for k, p in keyed.items() if key in k or (len(k) >= 4 and k in key)]
    if len(fits) == 1:
        return fits[0], []
    if fits:
        return None, fits
    close = difflib.get_close_matches(key, list(keyed), n=3, cutoff=0.8)
    if len(close) == 1:
        return keyed[close[0]], []
    return None, [keyed[k] for k in close]


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
