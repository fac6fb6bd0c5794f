"""The ผ.01 summary sheet of an official book (บัญชีสรุปโครงการพัฒนา): a row of years over
(จำนวนโครงการ, งบประมาณ) pairs; strategy rows, แผนงาน rows, each strategy's "รวม" and
"รวมทั้งสิ้น". Its printed figures are compared with the same figures counted from the ผ.02 rows."""

import re
from dataclasses import dataclass
from decimal import Decimal

from exchange import matching as m
from exchange.plan_import.common import Programs
from exchange.plan_import.parse_official import STRATEGY_ROW, YEAR, Book
from exchange.plan_import.report import Difference, ImportReport, SheetInfo
from exchange.tables import Table
from thai.money import AmountError, parse_amount


@dataclass
class SummaryLine:
    """A printed line of the ผ.01 sheet."""

    sheet: str
    row: int
    label: str
    strategy_no: int | None
    program_code: str | None  # None: the strategy's total, or the grand total
    figures: dict[int, tuple[int, Decimal]]


def is_summary(table: Table) -> bool:
    head = " ".join(m.norm(c) for r in table.rows[:8] for c in r if c)
    name = m.norm(table.sheet).replace(" ", "")
    return "บัญชีสรุปโครงการ" in head or name.startswith("ผ.01") or name.startswith("ผ01")


def read_summary(table: Table, programs: Programs, report: ImportReport, book: Book) -> None:
    """ผ.01: a row of years over (จำนวนโครงการ, งบประมาณ) pairs; strategy rows, แผนงาน rows,
    the strategy's "รวม" row and "รวมทั้งสิ้น"."""
    info = SheetInfo(name=table.sheet, kind="ผ.01")
    report.sheets.append(info)
    pairs: dict[int, tuple[int, int]] = {}
    start = None
    for i, row in enumerate(table.rows[:20]):
        cells = [m.norm(c) for c in row]
        years = [(c, int(ym.group(1))) for c, t in enumerate(cells) if (ym := YEAR.search(t))]
        if len(years) >= 2 and i + 1 < len(table.rows):
            sub = [m.norm(c) for c in table.rows[i + 1]]
            for c, y in years:
                if c + 1 < len(sub) and "จำนวน" in sub[c]:
                    pairs[y] = (c, c + 1)
            if pairs:
                start = i + 2
                break
    if not pairs or start is None:  # both are set together
        info.note = "ไม่พบหัวตาราง ปี/จำนวนโครงการ/งบประมาณ จึงไม่ได้ใช้ตรวจ"
        return
    strategy_no = None
    lines = 0
    for i, row in enumerate(table.rows[start:], start=start + 1):
        cells = [m.norm(c) for c in row]
        label = next((c for c in cells if c), "")
        if not label:
            continue
        read: dict[int, tuple[int, Decimal]] = {}
        figures: dict[int, tuple[int, Decimal]] | None = read
        for y, (cc, ac) in pairs.items():
            try:
                count = parse_amount(row[cc] if cc < len(row) else None)
                amount = parse_amount(row[ac] if ac < len(row) else None)
            except AmountError:
                figures = None
                break
            read[y] = (int(count), amount)
        kind: tuple[int | None, str | None]
        strategy = next((p.match(label) for p in STRATEGY_ROW if p.match(label)), None)
        strategy = strategy or re.match(r"^([0-9]+)\s*\)\s*(.+)$", label)
        if label.startswith("รวมทั้งสิ้น") or label == "รวมทั้งหมด":
            kind = (None, None)
        elif label.startswith("รวม"):
            if strategy_no is None:
                continue
            kind = (strategy_no, None)
        elif strategy and not re.match(r"^[0-9]+\.[0-9]+", label):
            strategy_no = int(strategy.group(1))
            if not figures or not any(c or a for c, a in figures.values()):
                continue
            kind = (strategy_no, None)
        else:
            program_text = re.sub(r"^[0-9.()\s]+", "", label)
            found, _ = m.program_match(program_text, programs.all)
            if found is None or strategy_no is None:
                continue
            kind = (strategy_no, found.code)
        if figures:
            book.summary_lines.append(SummaryLine(table.sheet, i, label, kind[0], kind[1], figures))
            lines += 1
    info.note = f"ใช้ตรวจยอดรวม {lines} บรรทัด (ไม่นำเข้า)"


def check_summary(book: Book, report: ImportReport) -> None:
    """Compare every printed ผ.01 line with the same figures counted from the ผ.02 rows."""
    counted = report.summary()
    by_strategy: dict[tuple, tuple[int, Decimal]] = {}
    for (s, _code, y), (c, a) in counted.items():
        if s is not None:
            old = by_strategy.get((s, y), (0, Decimal(0)))
            by_strategy[(s, y)] = (old[0] + c, old[1] + a)
    for line in book.summary_lines:
        for y, (pc, pa) in sorted(line.figures.items()):
            if line.program_code is not None:
                cc, ca = counted.get((line.strategy_no, line.program_code, y), (0, Decimal(0)))
            elif line.strategy_no is not None:
                cc, ca = by_strategy.get((line.strategy_no, y), (0, Decimal(0)))
            else:
                cc, ca = counted.get((None, None, y), (0, Decimal(0)))
            if (pc, pa) != (cc, ca):
                report.differences.append(
                    Difference(line.sheet, line.row, line.label, y, pc, cc, pa, ca)
                )
