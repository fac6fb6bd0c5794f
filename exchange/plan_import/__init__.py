"""Import a five-year plan: the official book (ผ.01/ผ.02 sheets) as officers keep it, or Tidtam's
flat template (one row per project).

All-or-nothing: the whole file is parsed and checked first; if any problem is found nothing is
written and every problem names sheet, row, column and reason in Thai. What is accepted but worth
a look (duplicates, แผนงาน names read tolerantly, printed totals that the rows do not reproduce)
is listed in the report for the preview. Editions come in as drafts unless the officer gives, per
edition, who approved it and when. Writing goes through the plans services, in one transaction.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError

from exchange import matching as m
from exchange.plan_import import check, parse_flat, parse_official, parse_summary
from exchange.plan_import.common import Framework, Programs
from exchange.plan_import.report import (
    Difference,
    EditionApproval,
    EditionPlan,
    ImportReport,
    ParsedRow,
    Problem,
    SheetInfo,
)
from exchange.plan_import.write import write
from exchange.tables import FileRefused, read_tables
from orgs.models import Organization
from plans.models import Plan

__all__ = [
    "Difference",
    "EditionApproval",
    "EditionPlan",
    "ImportReport",
    "ParsedRow",
    "Problem",
    "SheetInfo",
    "import_plan",
]


def import_plan(
    *,
    org: Organization,
    data: bytes,
    filename: str,
    commit: bool = True,
    approvals: dict[str, EditionApproval] | None = None,
    programs: dict[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """approvals: {edition label: EditionApproval}; an edition without approver and approval date
    stays a draft. programs: {แผนงาน text in the file: program code} for names that fit several
    standard แผนงาน. progress(done, total) is called as rows are written."""
    approvals = approvals or {}
    report = ImportReport()
    try:
        tables = read_tables(data, filename)
    except FileRefused as exc:
        report.problem("", None, None, str(exc))
        return report
    plan = Plan.objects.filter(org=org).order_by("-start_year").first()
    fw = Framework.of(plan)
    program_list = Programs(programs)
    flat = tables.get(parse_flat.PROJECT_SHEET) or next(
        (t for t in tables.values() if parse_flat.find_header(t) is not None), None
    )
    if flat is not None and parse_flat.find_header(flat) is not None:
        years = _read_flat(flat, tables, fw, program_list, plan, report)
    elif parse_official.is_official(tables):
        years = _read_official(tables, fw, program_list, plan, report)
    else:
        _no_header(tables, flat, report)
        return report
    if report.problems:
        return report
    report.new_strategies = len(fw.new_strategies)
    report.new_tactics = len(fw.new_tactics)
    if not report.rows:
        report.problem(
            flat.sheet if flat is not None else "", None, None, "ไม่มีข้อมูลโครงการใต้หัวตาราง"
        )
        return report
    report.editions = check.plan_editions(plan, report.rows, approvals, report)
    if report.problems or not commit:
        return report
    if report.needs_approval:
        report.problem(
            "",
            None,
            "ฉบับ",
            "ต้องระบุผู้อนุมัติและวันที่อนุมัติของ "
            + ", ".join(f"“{label}”" for label in report.needs_approval)
            + " (มีฉบับที่ตามมาในไฟล์ และแผนมีฉบับร่างได้ครั้งละหนึ่งฉบับ)",
        )
        return report
    try:
        report.plan = write(org, plan, years, fw, report, approvals, progress)
        report.committed = True
    except ValidationError as exc:
        report.problem("", None, None, "บันทึกไม่สำเร็จ ไม่มีข้อมูลใดถูกบันทึก: " + "; ".join(exc.messages))
    return report


def _years_fit(plan, years, sheet, row, report) -> bool:
    if not years:
        report.problem(
            sheet, row, None, "ไม่พบคอลัมน์งบประมาณ (หัวคอลัมน์ต้องเป็น “งบประมาณ 2566” … “งบประมาณ 2570”)"
        )
        return False
    if plan is not None and not set(years) <= set(plan.years):
        report.problem(
            sheet, row, None, f"ปีงบประมาณในไฟล์ ({years[0]}–{years[-1]}) ไม่อยู่ในช่วงของ{plan.title}"
        )
        return False
    if plan is None and (years[-1] - years[0] > 4 or years != list(range(years[0], years[-1] + 1))):
        report.problem(sheet, row, None, "คอลัมน์งบประมาณต้องเป็นปีต่อเนื่องกันไม่เกิน 5 ปี")
        return False
    return True


def _read_flat(table, tables, fw, programs, plan, report) -> list[int]:
    header_idx = parse_flat.find_header(table)
    assert header_idx is not None  # the table was chosen for its header
    cols, budget_cols = parse_flat.columns(table, header_idx, report)
    if report.problems:
        return []
    years = sorted(budget_cols)
    report.years = years
    if not _years_fit(plan, years, table.sheet, header_idx + 1, report):
        return years
    parse_flat.read_strategy_sheet(fw, tables, report)
    report.rows = parse_flat.parse_rows(table, header_idx, cols, budget_cols, fw, programs, report)
    return years


def _read_official(tables, fw, programs, plan, report) -> list[int]:
    report.layout = "official"
    book = parse_official.parse_book(tables, fw, programs, report)
    years = sorted(book.years)
    report.years = years
    if not _years_fit(plan, years, "", None, report):
        return years
    report.rows = book.rows
    check.duplicates(report.rows, report)
    if not report.problems:
        parse_summary.check_summary(book, report)
    return years


def _no_header(tables, flat, report) -> None:
    if all(not any(m.norm(c) for r in t.rows for c in r) for t in tables.values()):
        report.problem("", None, None, "ไฟล์ว่าง ไม่มีข้อมูล")
        return
    sheet = flat.sheet if flat is not None else next(iter(tables))
    report.problem(
        sheet,
        None,
        None,
        "ไม่พบหัวตาราง: ต้องเป็นแบบ ผ.02 (หัวตาราง “ที่ | โครงการ | … | งบประมาณ”) หรือแบบฟอร์มนำเข้า "
        "(คอลัมน์ “ยุทธศาสตร์” และ “โครงการ” ภายใน 15 แถวแรก — ดาวน์โหลดแบบฟอร์มนำเข้าเพื่อดูตัวอย่าง)",
    )
