"""Import a five-year plan from a flat workbook/CSV: one row per project (ผ.02 content).

All-or-nothing: the whole file is parsed and checked first; if any problem is found nothing is
written and every problem names sheet, row, column and reason in Thai. Writing goes through the
plans services, inside one transaction.
"""

import functools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from exchange import matching as m
from exchange.tables import FileRefused, Table, read_tables
from orgs.models import Organization
from plans import services
from plans.models import Edition, EditionKind, EditionStatus, Plan, Program, Strategy, Tactic
from plans.selectors import project_rows, working_seq
from plans.services import ProjectData
from thai.money import AmountError, parse_amount

PROJECT_SHEET = "โครงการ"
STRATEGY_SHEET = "ยุทธศาสตร์"
TEXT_COLUMNS = {
    "ยุทธศาสตร์": "strategy", "กลยุทธ์": "tactic", "แผนงาน": "program", "โครงการ": "name",
    "วัตถุประสงค์": "objective", "เป้าหมาย": "target", "ตัวชี้วัด": "kpi",
    "ผลที่คาดว่าจะได้รับ": "expected_result", "หน่วยงานรับผิดชอบ": "unit", "แบบ": "form",
    "ฉบับ": "edition", "สถานที่": "location",
}  # fmt: skip
REQUIRED = ["ยุทธศาสตร์", "แผนงาน", "โครงการ"]
ALIASES = {"เป้าหมาย (ผลผลิตของโครงการ)": "เป้าหมาย", "ตัวชี้วัด (KPI)": "ตัวชี้วัด",
           "หน่วยงานรับผิดชอบหลัก": "หน่วยงานรับผิดชอบ", "กลยุทธ์/แนวทางการพัฒนา": "กลยุทธ์",
           "แนวทางการพัฒนา": "กลยุทธ์", "ชื่อโครงการ": "โครงการ"}  # fmt: skip
BUDGET_HEADER = re.compile(r"^งบประมาณ\s*(?:ปี\s*)?(?:พ\.ศ\.\s*)?([0-9]{4})\s*(?:\(บาท\))?$")
MAX_TEXT = 5000
# Text that a spreadsheet would run as a formula when the data is exported again (CSV injection).
FORMULA = re.compile(r"^[=@]|^\+[^\d]")
EDITION_ORDER = {EditionKind.ORIGINAL: 0, EditionKind.REVIEW: 1, EditionKind.ADDITION: 2,
                 EditionKind.CHANGE: 3, EditionKind.CORRECTION: 4}  # fmt: skip


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(f"แผ่นงาน “{self.sheet}”")
        if self.row:
            where.append(f"แถวที่ {self.row}")
        if self.column:
            where.append(f"คอลัมน์ “{self.column}”")
        return (" ".join(where) + ": " if where else "") + self.message


@dataclass
class ParsedRow:
    row_no: int
    strategy_no: int
    tactic: tuple | None
    program: Program
    name: str
    objective: str
    target: str
    kpi: str
    expected_result: str
    unit: str
    form: str
    location: str
    edition: tuple
    edition_text: str
    budgets: dict[int, Decimal]


@dataclass
class EditionPlan:
    key: tuple
    label: str
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)  # (ParsedRow, Project)


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    rows: list[ParsedRow] = field(default_factory=list)
    editions: list[EditionPlan] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    new_strategies: int = 0
    committed: bool = False
    plan: Plan | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def totals(self) -> dict[int, Decimal]:
        out: dict[int, Decimal] = defaultdict(Decimal)
        for r in self.rows:
            for y, a in r.budgets.items():
                out[y] += a
        return dict(out)

    def problem(self, sheet, row, column, message):
        self.problems.append(Problem(sheet, row, column, message))


def _label(key: tuple) -> str:
    return Edition(kind=key[0], number=key[1], year=key[2]).label


# -- header ------------------------------------------------------------------------------------


def _find_header(table: Table) -> int | None:
    for i, row in enumerate(table.rows[:15]):
        cells = {ALIASES.get(m.norm(c), m.norm(c)) for c in row}
        if "โครงการ" in cells and "ยุทธศาสตร์" in cells:
            return i
    return None


def _columns(
    table: Table, header_idx: int, report: ImportReport
) -> tuple[dict[str, int], dict[int, int]]:
    columns: dict[str, int] = {}
    budgets: dict[int, int] = {}
    for col, cell in enumerate(table.rows[header_idx]):
        text = ALIASES.get(m.norm(cell), m.norm(cell))
        if not text:
            continue
        year = BUDGET_HEADER.match(text)
        if year:
            budgets[int(year.group(1))] = col
        elif text in TEXT_COLUMNS:
            if text in columns:
                report.problem(table.sheet, header_idx + 1, text, "มีคอลัมน์นี้ซ้ำกันสองคอลัมน์")
            columns[text] = col
        else:
            report.problem(
                table.sheet, header_idx + 1, text, "ไม่รู้จักหัวคอลัมน์นี้ (ดูหัวคอลัมน์ที่ถูกต้องในไฟล์แบบฟอร์มนำเข้า)"
            )
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        report.problem(table.sheet, header_idx + 1, None, "ไม่พบคอลัมน์ที่จำเป็น: " + ", ".join(missing))
    if not budgets:
        report.problem(
            table.sheet,
            header_idx + 1,
            None,
            "ไม่พบคอลัมน์งบประมาณ (หัวคอลัมน์ต้องเป็น “งบประมาณ 2566” … “งบประมาณ 2570”)",
        )
    return columns, budgets


# -- strategy framework ------------------------------------------------------------------------


@dataclass
class Framework:
    strategies: dict[int, str] = field(default_factory=dict)  # number → name
    tactics: dict[int, dict[int, str]] = field(default_factory=dict)  # strategy no → {no: name}
    new_strategies: set[int] = field(default_factory=set)
    new_tactics: set[tuple[int, int]] = field(default_factory=set)

    def strategy_by_cell(self, cell) -> int | None:
        number = m.strategy_number(cell)
        if number is not None:
            return number if number in self.strategies else None
        key = m.name_key(cell)
        for no, name in self.strategies.items():
            if (
                key in (m.name_key(name), m.name_key(f"ยุทธศาสตร์{name}"))
                or m.name_key(name).endswith(key)
                and len(key) > 8
            ):
                return no
        return None

    def tactic_by_cell(self, strategy_no: int, cell) -> tuple | None | bool:
        """(strategy no, tactic no), None for blank, False when unknown."""
        if not m.norm(cell):
            return None
        s_no, t_no = m.tactic_numbers(cell)
        tactics = self.tactics.get(strategy_no, {})
        if t_no is not None and (s_no in (None, strategy_no)) and t_no in tactics:
            return (strategy_no, t_no)
        key = m.name_key(re.sub(r"^(?:กลยุทธ์ที่\s*)?[0-9.]+\s*", "", m.norm(cell)))
        for no, name in tactics.items():
            if m.name_key(name) == key:
                return (strategy_no, no)
        return False


def _framework(plan: Plan | None, tables: dict[str, Table], report: ImportReport) -> Framework:
    fw = Framework()
    if plan is not None:
        for s in Strategy.objects.filter(plan=plan):
            fw.strategies[s.number] = s.name
        for t in Tactic.objects.filter(strategy__plan=plan).select_related("strategy"):
            fw.tactics.setdefault(t.strategy.number, {})[t.number] = t.name
    table = tables.get(STRATEGY_SHEET)
    if table is None:
        return fw
    header = None
    for i, row in enumerate(table.rows[:10]):
        if "ยุทธศาสตร์" in {m.norm(c) for c in row}:
            header = i
            break
    if header is None:
        report.problem(STRATEGY_SHEET, None, None, "ไม่พบหัวตาราง “ที่ | ยุทธศาสตร์ | กลยุทธ์ที่ | กลยุทธ์”")
        return fw
    cols = {m.norm(c): i for i, c in enumerate(table.rows[header])}
    get = lambda r, name: r[cols[name]] if name in cols and cols[name] < len(r) else ""  # noqa: E731
    for i, r in enumerate(table.rows[header + 1 :], start=header + 2):
        s_no, s_name = m.strategy_number(get(r, "ที่")), m.norm(get(r, "ยุทธศาสตร์"))
        t_no, t_name = m.tactic_numbers(get(r, "กลยุทธ์ที่"))[1], m.norm(get(r, "กลยุทธ์"))
        if not any(m.norm(c) for c in r):
            continue
        if s_no is None or not s_name:
            report.problem(STRATEGY_SHEET, i, "ที่", "ต้องระบุเลขที่และชื่อยุทธศาสตร์")
            continue
        known = fw.strategies.get(s_no)
        if known is None:
            fw.strategies[s_no] = s_name
            fw.new_strategies.add(s_no)
        elif m.name_key(known) != m.name_key(s_name):
            report.problem(
                STRATEGY_SHEET, i, "ยุทธศาสตร์", f"ยุทธศาสตร์ที่ {s_no} ในแผนชื่อ “{known}” ไม่ตรงกับในไฟล์"
            )
        if t_name:
            if t_no is None:
                report.problem(STRATEGY_SHEET, i, "กลยุทธ์ที่", "ต้องระบุเลขที่ของกลยุทธ์")
                continue
            tactics = fw.tactics.setdefault(s_no, {})
            if t_no not in tactics:
                tactics[t_no] = t_name
                fw.new_tactics.add((s_no, t_no))
            elif m.name_key(tactics[t_no]) != m.name_key(t_name):
                report.problem(
                    STRATEGY_SHEET,
                    i,
                    "กลยุทธ์",
                    f"กลยุทธ์ที่ {s_no}.{t_no} ในแผนชื่อ “{tactics[t_no]}” ไม่ตรงกับในไฟล์",
                )
    return fw


# -- rows --------------------------------------------------------------------------------------


def _text(report, sheet, row_no, column, value, limit=MAX_TEXT) -> str:
    text = "" if value is None else str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if len(text) > limit:
        report.problem(sheet, row_no, column, f"ข้อความยาวเกิน {limit:,} ตัวอักษร")
        return text[:limit]
    if FORMULA.match(text):
        report.problem(sheet, row_no, column,
                       "ข้อความขึ้นต้นด้วย = + @ อาจเป็นสูตรคำนวณ ไม่รับเข้าระบบ (ลบเครื่องหมายนำหน้าออก)")  # fmt: skip
        return ""
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in text):
        report.problem(sheet, row_no, column, "มีอักขระควบคุมที่มองไม่เห็น (ไฟล์อาจเสียหาย)")
        return ""
    return text


def _cell(raw: list, columns: dict[str, int], name: str):
    return raw[columns[name]] if name in columns and columns[name] < len(raw) else None


def _parse_rows(table, header_idx, columns, budget_cols, fw, report) -> list[ParsedRow]:
    programs = {m.program_key(p.name): p for p in Program.objects.all()}
    programs.update({p.code: p for p in programs.values()})
    seen: dict[tuple, int] = {}
    rows: list[ParsedRow] = []
    sheet = table.sheet
    for i, raw in enumerate(table.rows[header_idx + 1 :], start=header_idx + 2):
        cell = functools.partial(_cell, raw, columns)
        if not any(m.norm(c) for c in raw):
            continue
        before = len(report.problems)
        name = _text(report, sheet, i, "โครงการ", cell("โครงการ"), 500)
        if not name:
            report.problem(sheet, i, "โครงการ", "ต้องระบุชื่อโครงการ")
        s_cell = cell("ยุทธศาสตร์")
        strategy_no = fw.strategy_by_cell(s_cell)
        if strategy_no is None:
            report.problem(
                sheet,
                i,
                "ยุทธศาสตร์",
                f"ไม่พบยุทธศาสตร์ “{m.norm(s_cell)}” ในแผน (ระบุเลขที่ยุทธศาสตร์ หรือเพิ่มในแผ่นงาน “{STRATEGY_SHEET}”)",
            )
        tactic = fw.tactic_by_cell(strategy_no, cell("กลยุทธ์")) if strategy_no is not None else None
        if tactic is False:
            report.problem(
                sheet,
                i,
                "กลยุทธ์",
                f"ไม่พบกลยุทธ์ “{m.norm(cell('กลยุทธ์'))}” ภายใต้ยุทธศาสตร์ที่ {strategy_no}",
            )
        program = programs.get(m.program_key(cell("แผนงาน")))
        if program is None:
            report.problem(
                sheet,
                i,
                "แผนงาน",
                f"ไม่รู้จักแผนงาน “{m.norm(cell('แผนงาน'))}” (ต้องเป็นหนึ่งใน 12 แผนงานมาตรฐาน เช่น แผนงานอุตสาหกรรมและการโยธา)",
            )
        form = m.form_code(cell("แบบ"))
        if form is None:
            report.problem(
                sheet, i, "แบบ", f"ไม่รู้จักแบบ “{m.norm(cell('แบบ'))}” (ผ.02, ผ.02/1, ผ.02/2 หรือ ผ.03)"
            )
        edition = m.edition_key(cell("ฉบับ"))
        if edition is None:
            report.problem(
                sheet,
                i,
                "ฉบับ",
                f"ไม่รู้จักฉบับ “{m.norm(cell('ฉบับ'))}” (เช่น ฉบับเดิม, เพิ่มเติม ครั้งที่ 1/2566, เปลี่ยนแปลง ครั้งที่ 2/2567)",
            )
        budgets = {}
        for year, col in budget_cols.items():
            value = raw[col] if col < len(raw) else None
            try:
                budgets[year] = parse_amount(value)
            except AmountError as exc:
                report.problem(sheet, i, f"งบประมาณ {year}", str(exc))
        texts = {
            k: _text(report, sheet, i, k, cell(k))
            for k in ("วัตถุประสงค์", "เป้าหมาย", "ตัวชี้วัด", "ผลที่คาดว่าจะได้รับ")
        }
        unit = _text(report, sheet, i, "หน่วยงานรับผิดชอบ", cell("หน่วยงานรับผิดชอบ"), 200)
        location = _text(report, sheet, i, "สถานที่", cell("สถานที่"), 300)
        if len(report.problems) > before:
            continue
        key = (strategy_no, m.name_key(name), m.name_key(location), edition)
        if key in seen:
            report.problem(
                sheet, i, "โครงการ", f"ซ้ำกับแถวที่ {seen[key]} (ยุทธศาสตร์ ชื่อโครงการ สถานที่ และฉบับเดียวกัน)"
            )
            continue
        seen[key] = i
        rows.append(
            ParsedRow(
                row_no=i,
                strategy_no=strategy_no,
                tactic=tactic,
                program=program,
                name=name,
                objective=texts["วัตถุประสงค์"],
                target=texts["เป้าหมาย"],
                kpi=texts["ตัวชี้วัด"],
                expected_result=texts["ผลที่คาดว่าจะได้รับ"],
                unit=unit,
                form=form,
                location=location,
                edition=edition,
                edition_text=m.norm(cell("ฉบับ")),
                budgets=budgets,
            )
        )
    return rows


# -- editions ----------------------------------------------------------------------------------


def _plan_editions(
    plan: Plan | None, rows: list[ParsedRow], approve: bool, report: ImportReport, sheet: str
):
    existing = set()
    current: dict[tuple, object] = {}
    if plan is not None:
        existing = {(e.kind, e.number, e.year) for e in Edition.objects.filter(plan=plan)}
        if Edition.objects.filter(plan=plan, status=EditionStatus.DRAFT).exists():
            report.problem(sheet, None, "ฉบับ", "แผนนี้มีฉบับร่างค้างอยู่ ต้องอนุมัติหรือยกเลิกฉบับร่างก่อนนำเข้า")
            return []
        for v in project_rows(plan, working_seq(plan)):
            current[(v.strategy.number, m.name_key(v.name), m.name_key(v.location))] = v.project
    first_row: dict[tuple, ParsedRow] = {}
    for r in rows:
        first_row.setdefault(r.edition, r)
    for key, r in first_row.items():
        if key in existing:
            report.problem(
                sheet,
                r.row_no,
                "ฉบับ",
                f"“{_label(key)}” มีอยู่ในแผนแล้ว นำเข้าซ้ำไม่ได้ (ใช้ชื่อฉบับใหม่ เช่น เพิ่มเติม ครั้งที่ถัดไป)",
            )
        elif key[0] == EditionKind.ORIGINAL and existing:
            report.problem(sheet, r.row_no, "ฉบับ", "แผนนี้มีฉบับเดิมแล้ว แถวที่เป็นฉบับเดิมนำเข้าไม่ได้")
        elif (
            key[0] != EditionKind.ORIGINAL
            and not existing
            and (EditionKind.ORIGINAL, None, None) not in first_row
        ):
            report.problem(sheet, r.row_no, "ฉบับ", "แผนยังไม่มีฉบับเดิม ไฟล์ต้องมีแถวของฉบับเดิมก่อน")
    if not approve and len(first_row) > 1:
        report.problem(sheet, None, "ฉบับ", "นำเข้าเป็นฉบับร่างได้ครั้งละหนึ่งฉบับเท่านั้น")
    if report.problems:
        return []
    order = sorted(
        first_row,
        key=lambda k: (
            EDITION_ORDER[k[0]] == 0 and -1 or 0,
            k[2] or 0,
            k[1] or 0,
            EDITION_ORDER[k[0]],
            first_row[k].row_no,
        ),
    )
    plans = []
    pending: dict[tuple, ParsedRow] = {}
    for key in order:
        ep = EditionPlan(key=key, label=_label(key))
        for r in (x for x in rows if x.edition == key):
            pkey = (r.strategy_no, m.name_key(r.name), m.name_key(r.location))
            in_plan = current.get(pkey) or pending.get(pkey)
            if in_plan is not None and key[0] in (
                EditionKind.CHANGE,
                EditionKind.CORRECTION,
                EditionKind.REVIEW,
            ):
                ep.changed.append((r, in_plan))
            elif in_plan is not None:
                other = f"แถวที่ {in_plan.row_no}" if isinstance(in_plan, ParsedRow) else "ในแผน"
                report.problem(
                    sheet,
                    r.row_no,
                    "โครงการ",
                    f"มีโครงการชื่อนี้ในยุทธศาสตร์และสถานที่เดียวกันอยู่แล้ว ({other}) — ถ้าต้องการแก้ไขให้ใช้ฉบับเปลี่ยนแปลง/แก้ไข",
                )
            else:
                ep.added.append(r)
                pending[pkey] = r
        plans.append(ep)
    return plans


# -- entry point -------------------------------------------------------------------------------


def import_plan(
    *,
    org: Organization,
    data: bytes,
    filename: str,
    commit: bool = True,
    approve: bool = True,
    acting_user=None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    step = progress or (lambda done, total: None)
    report = ImportReport()
    step(0, 4)
    try:
        tables = read_tables(data, filename)
    except FileRefused as exc:
        report.problem("", None, None, str(exc))
        return report
    table = tables.get(PROJECT_SHEET) or next(
        (t for t in tables.values() if _find_header(t) is not None), None
    )
    if table is None:
        if all(not any(m.norm(c) for r in t.rows for c in r) for t in tables.values()):
            report.problem("", None, None, "ไฟล์ว่าง ไม่มีข้อมูล")
        else:
            first = next(iter(tables))
            report.problem(
                first,
                None,
                None,
                "ไม่พบหัวตาราง: ต้องมีคอลัมน์ “ยุทธศาสตร์” และ “โครงการ” ภายใน 15 แถวแรก (ดาวน์โหลดแบบฟอร์มนำเข้าเพื่อดูตัวอย่าง)",
            )
        return report
    header_idx = _find_header(table)
    if header_idx is None:
        report.problem(
            table.sheet,
            None,
            None,
            "ไม่พบหัวตาราง: ต้องมีคอลัมน์ “ยุทธศาสตร์” และ “โครงการ” ภายใน 15 แถวแรก",
        )
        return report
    columns, budget_cols = _columns(table, header_idx, report)
    if report.problems:
        return report
    plan = Plan.objects.filter(org=org).order_by("-start_year").first()
    years = sorted(budget_cols)
    report.years = years
    if plan is not None and not set(years) <= set(plan.years):
        report.problem(
            table.sheet,
            header_idx + 1,
            None,
            f"ปีงบประมาณในไฟล์ ({years[0]}–{years[-1]}) ไม่อยู่ในช่วงของ{plan.title}",
        )
        return report
    if plan is None and (years[-1] - years[0] > 4 or years != list(range(years[0], years[-1] + 1))):
        report.problem(table.sheet, header_idx + 1, None, "คอลัมน์งบประมาณต้องเป็นปีต่อเนื่องกันไม่เกิน 5 ปี")
        return report
    step(1, 4)
    fw = _framework(plan, tables, report)
    report.new_strategies = len(fw.new_strategies)
    report.rows = _parse_rows(table, header_idx, columns, budget_cols, fw, report)
    if not report.rows and not report.problems:
        report.problem(table.sheet, None, None, "ไม่มีข้อมูลโครงการใต้หัวตาราง")
    if report.problems:
        return report
    step(2, 4)
    report.editions = _plan_editions(plan, report.rows, approve, report, table.sheet)
    if report.problems or not commit:
        return report
    step(3, 4)
    try:
        report.plan = _write(org, plan, years, fw, report, approve, acting_user)
        report.committed = True
    except ValidationError as exc:
        report.problem(
            table.sheet, None, None, "บันทึกไม่สำเร็จ ไม่มีข้อมูลใดถูกบันทึก: " + "; ".join(exc.messages)
        )
    return report


@transaction.atomic
def _write(
    org, plan, years, fw: Framework, report: ImportReport, approve: bool, acting_user
) -> Plan:
    if plan is None:
        plan = services.plan_create(
            org=org, start_year=years[0], end_year=years[0] + 4, acting_user=acting_user
        )
    strategies = {s.number: s for s in Strategy.objects.filter(plan=plan)}
    for no in sorted(fw.new_strategies):
        strategies[no] = services.strategy_create(
            plan=plan, number=no, name=fw.strategies[no], acting_user=acting_user
        )
    tactics = {
        (t.strategy.number, t.number): t
        for t in Tactic.objects.filter(strategy__plan=plan).select_related("strategy")
    }
    for s_no, t_no in sorted(fw.new_tactics):
        tactics[(s_no, t_no)] = services.tactic_create(
            strategy=strategies[s_no],
            number=t_no,
            name=fw.tactics[s_no][t_no],
            acting_user=acting_user,
        )
    divisions = {
        name: services.division_for(org, name) for name in {r.unit for r in report.rows if r.unit}
    }

    def data(r: ParsedRow) -> ProjectData:
        return ProjectData(
            strategy=strategies[r.strategy_no],
            tactic=tactics.get(r.tactic) if r.tactic else None,
            program=r.program,
            name=r.name,
            objective=r.objective,
            target=r.target,
            kpi=r.kpi,
            expected_result=r.expected_result,
            division=divisions.get(r.unit),
            responsible_unit=r.unit,
            form=r.form,
            location=r.location,
            seq_no=r.row_no,
            budgets=r.budgets,
        )

    created: dict[int, object] = {}
    for ep in report.editions:
        kind, number, year = ep.key
        edition = services.edition_create(
            plan=plan,
            kind=kind,
            number=number,
            year=year,
            note="นำเข้าจากไฟล์",
            acting_user=acting_user,
        )
        versions = services.projects_bulk_add(
            edition=edition, rows=[data(r) for r in ep.added], acting_user=acting_user
        )
        for r, v in zip(ep.added, versions, strict=True):
            created[id(r)] = v.project
        for r, target in ep.changed:
            project = created[id(target)] if isinstance(target, ParsedRow) else target
            services.project_change(
                project=project, edition=edition, data=data(r), acting_user=acting_user
            )
        if approve:
            services.edition_approve(
                edition=edition, approved_on=None, approver="นำเข้าจากไฟล์", acting_user=acting_user
            )
    return plan
