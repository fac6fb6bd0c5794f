"""The official book as officers keep it (ผ.01 summary, ผ.02 / ผ.02/1 / ผ.02/2 / ผ.03 sheets).

Each sheet: title rows (form, plan title with its edition, the org), linkage rows ก.–จ., the
strategy row "1. ยุทธศาสตร์…", the tactic row "1.1 กลยุทธ์…", the แผนงาน row "(1) แผนงาน…", a
merged header of up to three rows (ที่ | โครงการ | … | งบประมาณ per year | … [| เทศบัญญัติ per
year]), numbered project rows with further target lines below them (empty ที่, same project),
in-band edition rows ("เพิ่มเติม ครั้งที่ 5 / 2567") applying to the rows below them, and
"รวมจำนวนโครงการ" / "รวมงบประมาณ" rows. The rows are trusted over the sheet names.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from exchange import matching as m
from exchange.plan_import.common import Framework, Programs, strategy_name, tactic_name, text_cell
from exchange.plan_import.report import Difference, ImportReport, ParsedRow, SheetInfo
from exchange.tables import Table
from plans.models import EditionKind, ProjectForm
from thai.money import AmountError, parse_amount

ZERO = Decimal(0)
YEAR = re.compile(r"(25[0-9]{2})")
HEADERISH = re.compile(
    r"^(?:\(?\s*บาท\s*\)?|(?:ปี\s*)?(?:พ\s*\.\s*ศ\s*\.\s*)?25[0-9]{2}(?:\s*\(?\s*บาท\s*\)?)?"
    r"|.*บัญญัติ.*|งบประมาณ.*|ที่ผ่านมา)$"
)
LINKAGE = re.compile(r"^[ก-ฉ]\s*\.\s*\S")
STRATEGY_ROW = (
    re.compile(r"^([0-9]+)\s*[.)]\s*(ยุทธศาสตร์.*)$"),
    re.compile(r"^ยุทธศาสตร์ที่\s*([0-9]+)\s*[:.]?\s*(.*)$"),
)
TACTIC_ROW = re.compile(r"^([0-9]+)\.([0-9]+)\s*[.)]?\s*(.+)$")
PROGRAM_ROW = re.compile(
    r"^(?:\(\s*[0-9]+\s*\)|[0-9]+\.[0-9]+\.[0-9]+)\s*(.+)$|^((?:แผนงาน|ผง\.).+)$"
)
EDITION_TEXT = (
    r"(ทบทวน|เพิ่มเติม|เปลี่ยนแปลง|แก้ไข)\s*(?:\(?\s*(?:ครั้งที่|ฉบับที่)\s*)?([0-9]+)?\s*\)?"
    r"\s*(?:(?:/|ปี|พ\.ศ\.)\s*([0-9]{4}))?"
)
EDITION_MARK = re.compile(
    r"^[(\[]?\s*(?:แผนพัฒนาท้องถิ่น\s*)?(?:ฉบับ\s*)?" + EDITION_TEXT + r"\s*[)\]]?$"
)
EDITION_IN_TITLE = re.compile(EDITION_TEXT)
FORM_CELL = re.compile(r"^(?:แบบ\s*)?ผ\s*\.?\s*0?([0-9]{1,2})\s*(?:/\s*([0-9]))?$")
KINDS = {
    "ทบทวน": EditionKind.REVIEW,
    "เพิ่มเติม": EditionKind.ADDITION,
    "เปลี่ยนแปลง": EditionKind.CHANGE,
    "แก้ไข": EditionKind.CORRECTION,
}
ORIGINAL = (EditionKind.ORIGINAL, None, None)
FIELDS = {
    "objective": "วัตถุประสงค์",
    "target": "เป้าหมาย",
    "kpi": "ตัวชี้วัด",
    "expected_result": "ผลที่คาดว่าจะได้รับ",
    "unit": "หน่วยงานรับผิดชอบหลัก",
    "location": "สถานที่",
}


def _edition(match) -> tuple:
    number = int(match.group(2)) if match.group(2) else None
    year = int(match.group(3)) if match.group(3) else None
    return (KINDS[match.group(1)], number, year)


def is_official(tables: dict[str, Table]) -> bool:
    return any(_header_at(t) is not None for t in tables.values())


def _header_at(table: Table, start: int = 0, limit: int = 40) -> int | None:
    for i, row in enumerate(table.rows[start : start + limit], start=start):
        if _is_header(row):
            return i
    return None


def _is_header(row, cells: list[str] | None = None) -> bool:
    cells = cells if cells is not None else [m.norm(c) for c in row]
    return "ที่" in cells and any(
        c.startswith(("โครงการ", "ประเภท")) or c == "ชื่อโครงการ" for c in cells
    )


@dataclass
class Columns:
    seq: int
    name: int | None = None
    texts: dict[str, int] = field(default_factory=dict)
    budgets: dict[int, int] = field(default_factory=dict)
    ordinance: dict[int, int] = field(default_factory=dict)
    program: int | None = None  # ผ.03 carries the แผนงาน per row
    category: list[int] = field(default_factory=list)  # ผ.03 หมวด / ประเภท
    header_rows: int = 1
    width: int = 0


def _columns(table: Table, h: int) -> Columns:
    rows = table.rows
    top = [m.norm(c) for c in rows[h]]
    below = []
    for k in (1, 2):
        if h + k < len(rows):
            cells = [m.norm(c) for c in rows[h + k]]
            if any(cells) and all(not c or HEADERISH.match(c) for c in cells):
                below.append(cells)
                continue
        break
    cols = Columns(seq=top.index("ที่"), header_rows=1 + len(below))
    width = max(len(top), *(len(b) for b in below)) if below else len(top)
    group = ""
    for c in range(width):
        label = top[c] if c < len(top) else ""
        sub = " ".join(b[c] for b in below if c < len(b))
        if label:
            group = label
        elif not YEAR.search(sub):
            group = ""
        year = YEAR.search(sub) or (YEAR.search(label) if "งบประมาณ" in label else None)
        head = label or group
        if year and "บัญญัติ" in head:
            cols.ordinance[int(year.group(1))] = c
        elif year and "งบประมาณ" in head:
            cols.budgets[int(year.group(1))] = c
        elif not label or c == cols.seq:
            continue
        elif label.startswith("โครงการ") or label == "ชื่อโครงการ":
            cols.name = c
        elif label.startswith("วัตถุประสงค์"):
            cols.texts["objective"] = c
        elif label.startswith("เป้าหมาย"):
            cols.texts["target"] = c
        elif label.startswith("ตัวชี้วัด"):
            cols.texts["kpi"] = c
        elif label.startswith("ผลที่คาดว่า"):
            cols.texts["expected_result"] = c
        elif label.startswith("หน่วยงาน"):
            cols.texts["unit"] = c
        elif label.startswith("สถานที่"):
            cols.texts["location"] = c
        elif label.startswith("แผนงาน"):
            cols.program = c
        elif label.startswith(("หมวด", "ประเภท")):
            cols.category.append(c)
    cols.width = (
        len([c for c in top if c])
        + len(cols.budgets)
        + len(cols.ordinance)
        - (2 if cols.budgets and cols.ordinance else 1 if cols.budgets else 0)
    )
    return cols


def _seq(value) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() and value > 0 else None
    text = m.norm(value).rstrip(".")
    return int(text) if text.isdigit() and 0 < int(text) < 100000 else None


def _numbers(row, cols: dict[int, int]) -> dict[int, Decimal] | None:
    out = {}
    for year, c in cols.items():
        value = row[c] if c < len(row) else None
        try:
            out[year] = parse_amount(value)
        except AmountError:
            return None
    return out


@dataclass
class _Total:
    row: int
    label: str
    count: int | None = None
    counts: dict[int, Decimal] | None = None
    amounts: dict[int, Decimal] | None = None


@dataclass
class Book:
    rows: list[ParsedRow] = field(default_factory=list)
    years: set[int] = field(default_factory=set)
    summary_lines: list = field(default_factory=list)  # parse_summary.SummaryLine


class _Sheet:
    def __init__(self, table, fw, programs, report, book):
        self.t, self.fw, self.programs, self.report, self.book = table, fw, programs, report, book
        self.sheet = table.sheet
        self.info = SheetInfo(name=self.sheet, kind="")
        self.strategy_no: int | None = None
        self.tactic: tuple | None = None
        self.program = None
        self.program_failed = False  # the แผนงาน row was there but not understood (already said)
        self.edition = ORIGINAL
        self.form = _form_from_name(self.sheet)
        self.cols: Columns | None = None  # set by the first header row
        self.current: ParsedRow | None = None
        self.block: list[ParsedRow] = []
        self.totals: list[_Total] = []
        self.last_seq = 0
        self.restarts = 0

    # -- context rows ----------------------------------------------------------------------
    def context(self, text: str, i: int) -> bool:
        for pattern in STRATEGY_ROW:
            found = pattern.match(text)
            if found:
                number = int(found.group(1))
                name = strategy_name(found.group(2))
                if self.fw.declare_strategy(number, name, self.report, self.sheet, i, None):
                    self.strategy_no, self.tactic, self.program = number, None, None
                    self.info.strategy = f"{number}. {self.fw.strategies[number]}"
                return True
        found = TACTIC_ROW.match(text)
        if found and re.match(r"^(?:กลยุทธ์|แนวทาง)", found.group(3)):
            s_no, t_no = int(found.group(1)), int(found.group(2))
            if self.strategy_no is not None and s_no != self.strategy_no:
                self.report.problem(
                    self.sheet,
                    i,
                    None,
                    f"กลยุทธ์ {s_no}.{t_no} ไม่อยู่ภายใต้ยุทธศาสตร์ที่ {self.strategy_no}",
                )
                return True
            if s_no not in self.fw.strategies:
                self.report.problem(self.sheet, i, None, f"ไม่พบแถวยุทธศาสตร์ที่ {s_no} ก่อนกลยุทธ์นี้")
                return True
            self.strategy_no = s_no
            name = tactic_name(found.group(3))
            if self.fw.declare_tactic(s_no, t_no, name, self.report, self.sheet, i, None):
                self.tactic, self.program = (s_no, t_no), None
                self.info.tactic = f"{s_no}.{t_no} {self.fw.tactics[s_no][t_no]}"
            return True
        found = PROGRAM_ROW.match(text)
        if found:
            cell = found.group(1) or found.group(2)
            program = self.programs.find(cell, self.report, self.sheet, i)
            self.program, self.program_failed = program, program is None
            if program is not None:
                self.info.program = program.name
            return True
        return False

    def edition_mark(self, text: str, i: int) -> bool:
        found = EDITION_MARK.match(text)
        if not found:
            return False
        self.edition = _edition(found)
        label = _label(self.edition)
        if label not in self.info.editions:
            self.info.editions.append(label)
        self.close_project()
        return True

    @property
    def columns(self) -> Columns:
        """The columns of the header above: every body row comes after one."""
        assert self.cols is not None
        return self.cols

    # -- rows ------------------------------------------------------------------------------
    def read(self) -> None:
        rows = self.t.rows
        i = 0
        while i < len(rows):
            raw = rows[i]
            line = i + 1
            cells = [m.norm(c) for c in raw]
            filled = [c for c in cells if c]
            if not filled:
                i += 1
                continue
            if _is_header(raw, cells):
                cols = _columns(self.t, i)
                if self.cols is None:
                    self.cols = cols
                    self.info.columns = cols.width
                    self.book.years.update(cols.budgets)
                self.close_project()
                self.check_totals()
                i += cols.header_rows
                continue
            text = filled[0]
            if self.cols is None:
                self.preamble(text, filled, line)
            else:
                self.body(raw, cells, filled, line)
            i += 1
        self.close_project()
        self.check_totals()

    def preamble(self, text, filled, line) -> None:
        form = next((FORM_CELL.match(c) for c in filled if FORM_CELL.match(c)), None)
        if form:
            self.form = _form(form)
        if LINKAGE.match(text):
            return
        if len(filled) == 1 and self.edition_mark(text, line):
            return
        if self.context(text, line):
            return
        joined = " ".join(filled)
        if "แผนพัฒนา" in joined or "รายละเอียดโครงการ" in joined or "บัญชีครุภัณฑ์" in joined:
            found = EDITION_IN_TITLE.search(joined)
            if found:
                self.edition = _edition(found)
                self.info.editions = [_label(self.edition)]
            if "บัญชีครุภัณฑ์" in joined:
                self.form = ProjectForm.P03
            elif "แผนชุมชน" in joined or "แผนพัฒนาหมู่บ้าน" in joined:
                self.form = ProjectForm.P02_1
            elif "ประสานโครงการ" in joined or "เกินศักยภาพ" in joined:
                self.form = ProjectForm.P02_2

    def body(self, raw, cells, filled, line) -> None:
        cols = self.columns
        first = filled[0]
        if first.startswith("รวม") and (cells[cols.seq] == "" or cells[cols.seq] == first):
            self.close_project()
            self.total(raw, cells, first, line)
            return
        if self.totals and self.totals[-1].row != line - 1:
            self.close_block()
        seq = _seq(raw[cols.seq]) if cols.seq < len(raw) else None
        at = next(c for c, v in enumerate(cells) if v)
        if seq is None and len(filled) == 1 and at <= (cols.name if cols.name is not None else 1):
            if self.edition_mark(first, line):
                return
            if self.context(first, line):
                self.close_project()
                return
        if seq is not None:
            self.close_project()
            if seq <= self.last_seq:  # numbering restarts (after an edition row, a new block)
                self.restarts += 1
                self.info.note = f"ลำดับที่เริ่มนับใหม่ {self.restarts} ครั้ง"
            self.last_seq = seq
            self.start_project(raw, line)
        elif self.current is not None:
            self.continue_project(raw, line)
        else:
            self.report.warn(self.sheet, line, None, "แถวนี้ไม่มีลำดับที่และไม่อยู่ใต้โครงการใด จึงไม่นำเข้า")

    def _get(self, raw, c):
        return raw[c] if c is not None and c < len(raw) else None

    def _budgets(self, raw, line, cols: dict[int, int], label="งบประมาณ") -> dict[int, Decimal]:
        out = {}
        for year, c in cols.items():
            value = self._get(raw, c)
            if value is None or value == "" or value == "-":
                out[year] = ZERO
                continue
            try:
                out[year] = parse_amount(value)
            except AmountError as exc:
                self.report.problem(self.sheet, line, f"{label} {year}", str(exc))
                out[year] = Decimal(0)
        return out

    def start_project(self, raw, line) -> None:
        cols, r = self.columns, self.report
        before = len(r.problems)
        texts = {
            k: text_cell(r, self.sheet, line, FIELDS[k], self._get(raw, c))
            for k, c in cols.texts.items()
        }
        program = self.program
        if cols.program is not None:
            program = self.programs.find(self._get(raw, cols.program), r, self.sheet, line)
        if cols.name is not None:
            name = text_cell(r, self.sheet, line, "โครงการ", self._get(raw, cols.name), 500)
        else:  # ผ.03: the equipment is the row's target
            name = texts.get("target", "")
            category = " ".join(m.norm(self._get(raw, c)) for c in cols.category)
            if category:
                texts["objective"] = category
        name = " ".join(name.split())
        if not name:
            r.problem(self.sheet, line, "โครงการ", "ต้องระบุชื่อโครงการ")
        if self.strategy_no is None:
            r.problem(self.sheet, line, None, "ไม่พบแถวยุทธศาสตร์ (เช่น “1. ยุทธศาสตร์…”) ก่อนโครงการนี้")
        if program is None and cols.program is None and not self.program_failed:
            r.problem(self.sheet, line, None, "ไม่พบแถวแผนงาน (เช่น “(1) แผนงานการศึกษา”) ก่อนโครงการนี้")
        budgets = self._budgets(raw, line, cols.budgets)
        ordinance = self._budgets(raw, line, cols.ordinance, "เทศบัญญัติ")
        if len(r.problems) > before or self.strategy_no is None:  # None: a problem above
            self.current = None
            return
        for y, a in ordinance.items():
            r.ordinance_totals[y] = r.ordinance_totals.get(y, Decimal(0)) + a
        self.current = ParsedRow(
            row_no=line,
            strategy_no=self.strategy_no,
            tactic=self.tactic,
            program=program,
            name=name,
            objective=texts.get("objective", ""),
            target=texts.get("target", ""),
            kpi=texts.get("kpi", ""),
            expected_result=texts.get("expected_result", ""),
            unit=texts.get("unit", ""),
            form=self.form,
            location=texts.get("location", ""),
            edition=self.edition,
            edition_text=_label(self.edition),
            budgets=budgets,
            sheet=self.sheet,
        )
        label = _label(self.edition)
        if label not in self.info.editions:
            self.info.editions.append(label)

    def continue_project(self, raw, line) -> None:
        p, cols, r = self.current, self.columns, self.report
        assert p is not None  # body() continues only an open project
        for k, c in cols.texts.items():
            extra = text_cell(r, self.sheet, line, FIELDS[k], self._get(raw, c))
            if extra:
                old = getattr(p, k)
                setattr(p, k, f"{old}\n{extra}" if old else extra)
        if cols.name is not None:
            extra = text_cell(r, self.sheet, line, "โครงการ", self._get(raw, cols.name), 500)
            if extra:
                p.name = f"{p.name} {' '.join(extra.split())}"[:500]
        for y, a in self._budgets(raw, line, cols.budgets).items():
            p.budgets[y] = p.budgets.get(y, Decimal(0)) + a
        for y, a in self._budgets(raw, line, cols.ordinance, "เทศบัญญัติ").items():
            r.ordinance_totals[y] = r.ordinance_totals.get(y, Decimal(0)) + a

    def close_project(self) -> None:
        if self.current is not None:
            self.book.rows.append(self.current)
            self.block.append(self.current)
            self.info.projects += 1
            self.current = None

    # -- printed totals ----------------------------------------------------------------------
    def total(self, raw, cells, label, line) -> None:
        cols = self.columns
        t = _Total(row=line, label=label)
        numbers = _numbers(raw, cols.budgets)
        counted = re.search(r"([0-9,]+)\s*โครงการ", " ".join(c for c in cells if c))
        if "จำนวน" in label and "งบประมาณ" not in label:
            if numbers and any(numbers.values()):
                t.counts = numbers
            else:
                others = [_seq(raw[c]) for c in range(len(raw)) if c not in cols.budgets.values()]
                found = next((n for n in others if n is not None), None)
                t.count = int(counted.group(1).replace(",", "")) if counted else found
        else:
            t.amounts = numbers
            if counted:
                t.count = int(counted.group(1).replace(",", ""))
        self.totals.append(t)

    def close_block(self) -> None:
        """The printed totals just read cover the project rows since the previous totals."""
        self.check_totals()

    def check_totals(self) -> None:
        if not self.totals:
            return
        block, years = self.block, sorted(self.cols.budgets) if self.cols else []
        amounts = {y: sum((p.budgets.get(y, Decimal(0)) for p in block), Decimal(0)) for y in years}
        counts = {y: sum(1 for p in block if p.budgets.get(y)) for y in years}
        printed_counts = next((t.counts for t in self.totals if t.counts), None)
        count_row = next((t for t in self.totals if t.counts or t.count is not None), None)
        for t in self.totals:
            if t.count is not None and t.count != len(block):
                self.report.differences.append(
                    Difference(
                        self.sheet, t.row, "รวมจำนวนโครงการ", None, t.count, len(block), None, None
                    )
                )
            if t.amounts is None:
                continue
            for y in years:
                pc = printed_counts.get(y) if printed_counts else None
                amount_off = t.amounts[y] != amounts[y]
                count_off = pc is not None and int(pc) != counts[y]
                if amount_off or count_off:
                    self.report.differences.append(
                        Difference(
                            self.sheet,
                            t.row,
                            "รวมงบประมาณ",
                            y,
                            int(pc) if pc is not None else None,
                            counts[y] if pc is not None else None,
                            t.amounts[y],
                            amounts[y],
                        )
                    )
        # count_row is the total that printed the counts
        if printed_counts and count_row and not any(t.amounts is not None for t in self.totals):
            for y in years:
                if int(printed_counts[y]) != counts[y]:
                    self.report.differences.append(
                        Difference(
                            self.sheet,
                            count_row.row,
                            "รวมจำนวนโครงการ",
                            y,
                            int(printed_counts[y]),
                            counts[y],
                            None,
                            None,
                        )
                    )
        self.totals, self.block = [], []


def _label(key: tuple) -> str:
    from exchange.plan_import.report import edition_label

    return edition_label(key)


def _form(found) -> str:
    code = f"ผ.{int(found.group(1)):02d}" + (f"/{found.group(2)}" if found.group(2) else "")
    return code if code in ProjectForm.values else ProjectForm.P02


def _form_from_name(name: str) -> str:
    text = m.norm(name).replace(" ", "").replace("-", "/")
    for code in (ProjectForm.P02_1, ProjectForm.P02_2, ProjectForm.P03):
        if code in text:
            return code
    return ProjectForm.P02


def parse_book(
    tables: dict[str, Table], fw: Framework, programs: Programs, report: ImportReport
) -> Book:
    book = Book()
    summaries = []
    from exchange.plan_import import parse_summary

    for table in tables.values():
        if parse_summary.is_summary(table) and _header_at(table) is None:
            summaries.append(table)
            continue
        if _header_at(table) is None:
            report.sheets.append(
                SheetInfo(name=table.sheet, kind="", note="ไม่พบหัวตาราง ที่ | โครงการ จึงไม่ได้อ่าน")
            )
            continue
        sheet = _Sheet(table, fw, programs, report, book)
        sheet.read()
        sheet.info.kind = sheet.form
        report.sheets.append(sheet.info)
    for n, row in enumerate(book.rows, 1):
        row.seq_no = n
    for table in summaries:
        parse_summary.read_summary(table, programs, report, book)
    return book
