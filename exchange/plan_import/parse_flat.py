"""Tidtam's own flat template: one header row, one row per project (plus an optional
"ยุทธศาสตร์" sheet). A strategy cell that reads "1. ยุทธศาสตร์…" creates the strategy, so a new
plan can start from a single sheet."""

import functools
import re

from exchange import matching as m
from exchange.plan_import.common import Framework, Programs, text_cell
from exchange.plan_import.report import ImportReport, ParsedRow
from exchange.tables import Table
from thai.money import AmountError, parse_amount

PROJECT_SHEET = "โครงการ"
STRATEGY_SHEET = "ยุทธศาสตร์"
TEXT_COLUMNS = {
    "ยุทธศาสตร์": "strategy",
    "กลยุทธ์": "tactic",
    "แผนงาน": "program",
    "โครงการ": "name",
    "วัตถุประสงค์": "objective",
    "เป้าหมาย": "target",
    "ตัวชี้วัด": "kpi",
    "ผลที่คาดว่าจะได้รับ": "expected_result",
    "หน่วยงานรับผิดชอบ": "unit",
    "แบบ": "form",
    "ฉบับ": "edition",
    "สถานที่": "location",
}
REQUIRED = ["ยุทธศาสตร์", "แผนงาน", "โครงการ"]
ALIASES = {
    "เป้าหมาย (ผลผลิตของโครงการ)": "เป้าหมาย",
    "ตัวชี้วัด (KPI)": "ตัวชี้วัด",
    "หน่วยงานรับผิดชอบหลัก": "หน่วยงานรับผิดชอบ",
    "กลยุทธ์/แนวทางการพัฒนา": "กลยุทธ์",
    "แนวทางการพัฒนา": "กลยุทธ์",
    "ชื่อโครงการ": "โครงการ",
}
BUDGET_HEADER = re.compile(r"^งบประมาณ\s*(?:ปี\s*)?(?:พ\.ศ\.\s*)?([0-9]{4})\s*(?:\(บาท\))?$")


def find_header(table: Table) -> int | None:
    for i, row in enumerate(table.rows[:15]):
        cells = {ALIASES.get(m.norm(c), m.norm(c)) for c in row}
        if "โครงการ" in cells and "ยุทธศาสตร์" in cells:
            return i
    return None


def columns(
    table: Table, header_idx: int, report: ImportReport
) -> tuple[dict[str, int], dict[int, int]]:
    cols: dict[str, int] = {}
    budgets: dict[int, int] = {}
    for col, cell in enumerate(table.rows[header_idx]):
        text = ALIASES.get(m.norm(cell), m.norm(cell))
        if not text:
            continue
        year = BUDGET_HEADER.match(text)
        if year:
            budgets[int(year.group(1))] = col
        elif text in TEXT_COLUMNS:
            if text in cols:
                report.problem(table.sheet, header_idx + 1, text, "มีคอลัมน์นี้ซ้ำกันสองคอลัมน์")
            cols[text] = col
        else:
            report.problem(
                table.sheet, header_idx + 1, text, "ไม่รู้จักหัวคอลัมน์นี้ (ดูหัวคอลัมน์ที่ถูกต้องในไฟล์แบบฟอร์มนำเข้า)"
            )
    missing = [c for c in REQUIRED if c not in cols]
    if missing:
        report.problem(table.sheet, header_idx + 1, None, "ไม่พบคอลัมน์ที่จำเป็น: " + ", ".join(missing))
    if not budgets:
        report.problem(
            table.sheet,
            header_idx + 1,
            None,
            "ไม่พบคอลัมน์งบประมาณ (หัวคอลัมน์ต้องเป็น “งบประมาณ 2566” … “งบประมาณ 2570”)",
        )
    return cols, budgets


def read_strategy_sheet(fw: Framework, tables: dict[str, Table], report: ImportReport) -> None:
    table = tables.get(STRATEGY_SHEET)
    if table is None:
        return
    header = None
    for i, row in enumerate(table.rows[:10]):
        if "ยุทธศาสตร์" in {m.norm(c) for c in row}:
            header = i
            break
    if header is None:
        report.problem(STRATEGY_SHEET, None, None, "ไม่พบหัวตาราง “ที่ | ยุทธศาสตร์ | กลยุทธ์ที่ | กลยุทธ์”")
        return
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
        fw.declare_strategy(s_no, s_name, report, STRATEGY_SHEET, i, "ยุทธศาสตร์")
        if t_name:
            if t_no is None:
                report.problem(STRATEGY_SHEET, i, "กลยุทธ์ที่", "ต้องระบุเลขที่ของกลยุทธ์")
                continue
            fw.declare_tactic(s_no, t_no, t_name, report, STRATEGY_SHEET, i, "กลยุทธ์")


def _cell(raw: list, cols: dict[str, int], name: str):
    return raw[cols[name]] if name in cols and cols[name] < len(raw) else None


def parse_rows(table, header_idx, cols, budget_cols, fw, programs: Programs, report):
    seen: dict[tuple, int] = {}
    rows: list[ParsedRow] = []
    sheet = table.sheet
    for i, raw in enumerate(table.rows[header_idx + 1 :], start=header_idx + 2):
        cell = functools.partial(_cell, raw, cols)
        if not any(m.norm(c) for c in raw):
            continue
        before = len(report.problems)
        name = text_cell(report, sheet, i, "โครงการ", cell("โครงการ"), 500)
        if not name:
            report.problem(sheet, i, "โครงการ", "ต้องระบุชื่อโครงการ")
        s_cell = cell("ยุทธศาสตร์")
        strategy_no = fw.strategy_by_cell(s_cell, report, sheet, i, "ยุทธศาสตร์")
        if strategy_no is None:
            report.problem(
                sheet,
                i,
                "ยุทธศาสตร์",
                f"ไม่พบยุทธศาสตร์ “{m.norm(s_cell)}” ในแผน (ระบุเป็น “1. ยุทธศาสตร์…” เพื่อสร้างใหม่"
                f" หรือเพิ่มในแผ่นงาน “{STRATEGY_SHEET}”)",
            )
        tactic = None
        if strategy_no is not None:
            tactic = fw.tactic_by_cell(strategy_no, cell("กลยุทธ์"), report, sheet, i, "กลยุทธ์")
        if tactic is False:
            report.problem(
                sheet,
                i,
                "กลยุทธ์",
                f"ไม่พบกลยุทธ์ “{m.norm(cell('กลยุทธ์'))}” ภายใต้ยุทธศาสตร์ที่ {strategy_no}",
            )
        program = programs.find(cell("แผนงาน"), report, sheet, i)
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
                f"ไม่รู้จักฉบับ “{m.norm(cell('ฉบับ'))}” (เช่น ฉบับเดิม, เพิ่มเติม ครั้งที่ 1/2566, เปลี่ยนแปลง ครั้งที่"
                " 2/2567)",
            )
        budgets = {}
        for year, col in budget_cols.items():
            value = raw[col] if col < len(raw) else None
            try:
                budgets[year] = parse_amount(value)
            except AmountError as exc:
                report.problem(sheet, i, f"งบประมาณ {year}", str(exc))
        texts = {
            k: text_cell(report, sheet, i, k, cell(k))
            for k in ("วัตถุประสงค์", "เป้าหมาย", "ตัวชี้วัด", "ผลที่คาดว่าจะได้รับ")
        }
        unit = text_cell(report, sheet, i, "หน่วยงานรับผิดชอบ", cell("หน่วยงานรับผิดชอบ"), 200)
        location = text_cell(report, sheet, i, "สถานที่", cell("สถานที่"), 300)
        if len(report.problems) > before:
            continue
        # each of these is None only with a problem reported above
        if strategy_no is None or program is None or form is None or edition is None:
            continue
        key = (strategy_no, m.name_key(name), m.name_key(location), edition)
        if key in seen:
            report.warn(
                sheet,
                i,
                "โครงการ",
                f"ซ้ำกับแถวที่ {seen[key]} (ยุทธศาสตร์ ชื่อโครงการ สถานที่ และฉบับเดียวกัน) นำเข้าทั้งสองแถวตามไฟล์",
            )
        else:
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
                sheet=sheet,
                seq_no=i,
            )
        )
    return rows
