"""Import the action plan (แผนการดำเนินงาน, ผด.02) in its official layout.

ผด.02: title rows ("บัญชีโครงการ/กิจกรรม/งบประมาณ", "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568",
the org), strategy and แผนงาน rows, then a header: ที่ | โครงการ | รายละเอียดของกิจกรรมที่เกิดขึ้น
จากโครงการ | งบประมาณ (บาท) | สถานที่ดำเนินการ | หน่วยงานรับผิดชอบหลัก | the Oct–Sep month grid
(ต.ค. พ.ย. ธ.ค. under the previous Buddhist year, ม.ค.–ก.ย. under the fiscal year). A month is
planned when its cell holds anything (✓, /, x, an arrow, a colour-fill character).

Each row is linked to a project of the five-year plan by name, compared after NFKC and removal of
format characters; a single close spelling is accepted with a warning, several or none are
problems (a project must be in the plan before it is budgeted). All-or-nothing.
"""

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from exchange import matching as m
from exchange.plan_import import Problem
from exchange.plan_import.common import text_cell
from exchange.tables import FileRefused, Table, read_tables
from orgs.models import Organization
from plans import services
from plans.models import ActionPlan, BudgetLine, Plan, Project
from plans.selectors import approved_seq_on, project_rows, working_seq
from thai.dates import FISCAL_MONTHS, MONTHS_SHORT
from thai.money import AmountError, parse_amount

MONTHS = [MONTHS_SHORT[month - 1] for month in FISCAL_MONTHS]  # ต.ค. … ก.ย.
MONTH_KEYS = {m.name_key(x).replace(".", ""): i for i, x in enumerate(MONTHS, 1)}
FISCAL = re.compile(r"ปีงบประมาณ\s*(?:พ\.ศ\.)?\s*(25[0-9]{2})")


@dataclass
class ActionRow:
    row: int
    sheet: str
    name: str
    project: Project
    activity: str
    amount: Decimal
    place: str
    unit: str
    months: list[int]


@dataclass
class ActionReport:
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rows: list[ActionRow] = field(default_factory=list)
    fiscal_year: int | None = None
    action_plan: ActionPlan | None = None
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def total(self) -> Decimal:
        return sum((r.amount for r in self.rows), Decimal(0))

    def problem(self, sheet, row, column, message):
        self.problems.append(Problem(sheet, row, column, message))

    def warn(self, sheet, row, column, message):
        self.warnings.append(Problem(sheet, row, column, message))


def _key(name: object) -> str:
    """Names compared after NFKC and format-character removal, with or without "โครงการ"."""
    return re.sub(r"^โครงการ", "", m.name_key(name))


def _month(text: str) -> int | None:
    return MONTH_KEYS.get(m.name_key(text).replace(".", ""))


def _header(table: Table) -> tuple[int, dict[str, int], dict[int, int], int] | None:
    """(row index, text columns, {fiscal month: column}, header rows)."""
    for i, row in enumerate(table.rows[:40]):
        cells = [m.norm(c) for c in row]
        if "ที่" not in cells or not any(c.startswith("โครงการ") for c in cells):
            continue
        cols: dict[str, int] = {}
        for c, text in enumerate(cells):
            if text.startswith("โครงการ"):
                cols["name"] = c
            elif text.startswith("รายละเอียด"):
                cols["activity"] = c
            elif text.startswith("งบประมาณ"):
                cols["amount"] = c
            elif text.startswith("สถานที่"):
                cols["place"] = c
            elif text.startswith("หน่วยงาน"):
                cols["unit"] = c
        months: dict[int, int] = {}
        used = 1
        for k in (0, 1, 2):
            if i + k >= len(table.rows):
                break
            for c, value in enumerate(table.rows[i + k]):
                month = _month(m.norm(value))
                if month:
                    months[month] = c
                    used = max(used, k + 1)
        return i, cols, months, used
    return None


def _parse(tables, plan, report: ActionReport) -> None:
    seq = approved_seq_on(plan) or working_seq(plan)
    projects: dict[str, list] = {}
    for v in project_rows(plan, seq):
        projects.setdefault(_key(v.name), []).append(v)
    keys = list(projects)
    for table in tables.values():
        found = _header(table)
        if found is None:
            continue
        h, cols, months, used = found
        for row in table.rows[:h]:
            title = FISCAL.search(" ".join(m.norm(c) for c in row if c))
            if title and report.fiscal_year is None:
                report.fiscal_year = int(title.group(1))
        if "name" not in cols or "amount" not in cols or len(months) != 12:
            report.problem(
                table.sheet,
                h + 1,
                None,
                "หัวตาราง ผด.02 ต้องมี โครงการ งบประมาณ และเดือน ต.ค. ถึง ก.ย. ครบ 12 เดือน",
            )
            continue
        seq_col = [m.norm(c) for c in table.rows[h]].index("ที่")
        for i, raw in enumerate(table.rows[h + used :], start=h + used + 1):
            get = lambda c, raw=raw: raw[c] if c is not None and c < len(raw) else None  # noqa: E731
            number = m.norm(get(seq_col)).rstrip(".")
            if not number.isdigit():
                continue  # strategy/แผนงาน rows, totals, notes
            name = text_cell(report, table.sheet, i, "โครงการ", get(cols["name"]), 500)
            name = " ".join(name.split())
            try:
                amount = parse_amount(get(cols["amount"]))
            except AmountError as exc:
                report.problem(table.sheet, i, "งบประมาณ (บาท)", str(exc))
                continue
            planned = sorted(k for k, c in months.items() if m.norm(get(c)))
            if not planned:
                report.problem(table.sheet, i, "เดือน", "ต้องระบุเดือนที่ดำเนินการอย่างน้อยหนึ่งเดือน")
            project = _project(name, projects, keys, report, table.sheet, i)
            if project is None or not planned:
                continue
            report.rows.append(
                ActionRow(
                    row=i,
                    sheet=table.sheet,
                    name=name,
                    project=project,
                    activity=text_cell(
                        report, table.sheet, i, "รายละเอียด", get(cols.get("activity"))
                    ),
                    amount=amount,
                    place=text_cell(report, table.sheet, i, "สถานที่", get(cols.get("place")), 300),
                    unit=text_cell(report, table.sheet, i, "หน่วยงาน", get(cols.get("unit")), 200),
                    months=planned,
                )
            )


def _project(name, projects, keys, report, sheet, row):
    key = _key(name)
    found = projects.get(key)
    if found is None:
        close = difflib.get_close_matches(key, keys, n=2, cutoff=0.9)
        if len(close) == 1:
            found = projects[close[0]]
            report.warn(sheet, row, "โครงการ", f"จับคู่ “{name}” กับโครงการในแผน “{found[0].name}”")
    if not found:
        report.problem(
            sheet, row, "โครงการ", f"ไม่พบโครงการ “{name}” ในแผนพัฒนาท้องถิ่น (ต้องอยู่ในแผนก่อน)"
        )
        return None
    if len({v.project_id for v in found}) > 1:
        report.problem(
            sheet,
            row,
            "โครงการ",
            f"ชื่อ “{name}” ตรงกับโครงการในแผนหลายโครงการ กรุณาแก้ชื่อให้ตรงกับโครงการเดียว",
        )
        return None
    return found[0].project


def import_action_plan(
    *,
    org: Organization,
    data: bytes,
    filename: str,
    fiscal_year: int | None = None,
    commit: bool = True,
) -> ActionReport:
    report = ActionReport(fiscal_year=fiscal_year)
    try:
        tables = read_tables(data, filename)
    except FileRefused as exc:
        report.problem("", None, None, str(exc))
        return report
    plan = Plan.objects.filter(org=org).order_by("-start_year").first()
    if plan is None:
        report.problem("", None, None, "ยังไม่มีแผนพัฒนาท้องถิ่น นำเข้าแผนพัฒนาก่อนแผนการดำเนินงาน")
        return report
    _parse(tables, plan, report)
    if not report.rows and not report.problems:
        report.problem("", None, None, "ไม่พบตาราง ผด.02 (หัวตาราง ที่ | โครงการ | … | ต.ค. … ก.ย.)")
    if report.fiscal_year is None:
        report.problem("", None, None, "ไม่พบปีงบประมาณ (เช่น “ประจำปีงบประมาณ พ.ศ. 2568”) ในหัวเอกสาร")
    if report.problems or not commit:
        return report
    try:
        report.action_plan = _write(org, report)
        report.committed = True
    except ValidationError as exc:
        report.problem("", None, None, "บันทึกไม่สำเร็จ ไม่มีข้อมูลใดถูกบันทึก: " + "; ".join(exc.messages))
    return report


@transaction.atomic
def _write(org, report: ActionReport) -> ActionPlan:
    fy = report.fiscal_year
    assert fy is not None  # import_action_plan refuses a file without its fiscal year
    amendment = ActionPlan.objects.filter(org=org, fiscal_year=fy).count()
    action_plan = services.action_plan_create(org=org, fiscal_year=fy, amendment=amendment)
    lines: dict[int, list[BudgetLine]] = {}
    for line in BudgetLine.objects.filter(ordinance__org=org, ordinance__fiscal_year=fy):
        lines.setdefault(line.project_id, []).append(line)
    for n, r in enumerate(report.rows, 1):
        mine = lines.get(r.project.pk, [])
        services.action_item_add(
            action_plan=action_plan,
            name=r.name,
            amount=r.amount,
            months=r.months,
            budget_line=mine[0] if len(mine) == 1 else None,
            project=r.project,
            activity=r.activity,
            place=r.place,
            responsible_unit=r.unit,
            seq_no=n,
        )
    return action_plan
