"""Import one month's disbursement (and optionally status, progress, contract) from a workbook/CSV,
e.g. exported from the accounting system.

All-or-nothing: every row is checked and saved through monitoring.services inside one transaction;
if any row has a problem the transaction is rolled back and every problem is listed (sheet, row,
column, reason in Thai). The preview runs the same code and always rolls back.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from exchange import matching as m
from exchange.plan_import import Problem
from exchange.tables import FileRefused, read_tables
from monitoring import services
from monitoring.models import Status
from monitoring.selectors import closed_months, entry_rows
from orgs.models import Organization
from plans.models import Project
from thai.dates import parse_thai_date
from thai.digits import arabic_digits
from thai.money import AmountError, parse_amount

COLUMNS = {
    "รหัสโครงการ": "id",
    "โครงการ": "name",
    "เบิกจ่าย (บาท)": "disbursed",
    "สถานะ": "status",
    "ความก้าวหน้า (%)": "progress",
    "เลขที่สัญญา": "contract_no",
    "วันที่ลงนามสัญญา": "contract_signed_on",
    "จำนวนเงินตามสัญญา (บาท)": "contract_amount",
}
ALIASES = {
    "ชื่อโครงการ": "โครงการ",
    "เบิกจ่าย": "เบิกจ่าย (บาท)",
    "จำนวนเงินเบิกจ่าย": "เบิกจ่าย (บาท)",
    "เบิกจ่ายเดือนนี้ (บาท)": "เบิกจ่าย (บาท)",
    "ความก้าวหน้า": "ความก้าวหน้า (%)",
    "จำนวนเงินตามสัญญา": "จำนวนเงินตามสัญญา (บาท)",
}
STATUS_BY_LABEL = {m.norm(label): value for value, label in Status.choices}
TEMPLATE_HEADERS = list(COLUMNS)


class Rollback(Exception):
    pass


@dataclass
class Change:
    row: int
    project_id: int
    name: str
    before: Decimal
    after: Decimal
    cumulative: Decimal
    status: str


@dataclass
class ProgressReport:
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def total(self) -> Decimal:
        return sum((c.after for c in self.changes), Decimal(0))


def _header_map(header: list, sheet: str, report: ProgressReport) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, raw in enumerate(header):
        name = " ".join(str(raw or "").split())
        name = ALIASES.get(name, name)
        if name in COLUMNS:
            if name in cols:
                report.problems.append(Problem(sheet, 1, name, "หัวคอลัมน์ซ้ำกัน"))
            cols[name] = i
        elif name:
            report.problems.append(Problem(sheet, 1, name, "ไม่รู้จักหัวคอลัมน์นี้ (ดูแบบฟอร์มนำเข้า)"))
    if "เบิกจ่าย (บาท)" not in cols:
        report.problems.append(Problem(sheet, 1, "เบิกจ่าย (บาท)", "ไม่พบคอลัมน์ “เบิกจ่าย (บาท)”"))
    if "รหัสโครงการ" not in cols and "โครงการ" not in cols:
        report.problems.append(Problem(sheet, 1, "โครงการ", "ต้องมีคอลัมน์ “รหัสโครงการ” หรือ “โครงการ”"))
    return cols


def import_progress(
    *,
    org: Organization,
    fiscal_year: int,
    month: int,
    data: bytes,
    filename: str,
    commit: bool,
    updated_by=None,
) -> ProgressReport:
    report = ProgressReport()
    try:
        tables = read_tables(data, filename)
    except FileRefused as exc:
        report.problems.append(Problem("", None, None, str(exc)))
        return report
    sheet, table = next(iter(tables.items()))
    if not table.rows or not any(table.rows[0]):
        report.problems.append(Problem(sheet, None, None, "ไฟล์ว่าง ไม่มีข้อมูล"))
        return report
    cols = _header_map(table.rows[0], sheet, report)
    if report.problems:
        return report

    current = {r.project_id: r for r in entry_rows(org, fiscal_year, month)}
    by_name: dict[str, list[int]] = {}
    for r in current.values():
        by_name.setdefault(m.name_key(r.name), []).append(r.project_id)

    def cell(values, column):
        i = cols.get(column)
        return values[i] if i is not None and i < len(values) else None

    parsed = []
    seen: dict[int, int] = {}
    for n, values in enumerate(table.rows[1:], start=2):
        if not any(str(v or "").strip() for v in values):
            continue
        pid = _project(
            cell(values, "รหัสโครงการ"), cell(values, "โครงการ"), current, by_name, report, sheet, n
        )
        if pid is None:
            continue
        if pid in seen:
            report.problems.append(Problem(sheet, n, "โครงการ", f"โครงการซ้ำกับแถวที่ {seen[pid]}"))
            continue
        seen[pid] = n
        row = current[pid]
        data_in = _row_input(row, values, cell, report, sheet, n)
        if data_in is not None:
            parsed.append((n, row, data_in))
    if report.problems:
        return report

    projects = Project.objects.select_related("plan").in_bulk([r.project_id for _, r, _ in parsed])
    try:
        with transaction.atomic():
            closed = closed_months(org, fiscal_year)  # the same for every row of the month
            for n, row, data_in in parsed:
                try:
                    services.progress_save(
                        org=org,
                        fiscal_year=fiscal_year,
                        project=projects[row.project_id],
                        month=month,
                        data=data_in,
                        expected_version=row.version,
                        updated_by=updated_by,
                        closed=closed,
                    )
                except services.Conflict as exc:
                    report.problems.append(Problem(sheet, n, "โครงการ", str(exc)))
                except ValidationError as exc:
                    for column, text in _messages(exc):
                        report.problems.append(Problem(sheet, n, column, text))
                report.changes.append(
                    Change(
                        n,
                        row.project_id,
                        row.name,
                        row.disbursed_month,
                        data_in.disbursed,
                        row.disbursed_before + data_in.disbursed,
                        Status(data_in.status).label,
                    )
                )
            if report.problems or not commit:
                raise Rollback
    except Rollback:
        pass
    report.committed = commit and report.ok
    return report


FIELD_COLUMNS = {
    "disbursed": "เบิกจ่าย (บาท)",
    "status": "สถานะ",
    "progress": "ความก้าวหน้า (%)",
    "contract_amount": "จำนวนเงินตามสัญญา (บาท)",
    "contract_signed_on": "วันที่ลงนามสัญญา",
    "carried_over": "เบิกจ่าย (บาท)",
}


def _messages(exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for key, texts in exc.message_dict.items():
            for text in texts:
                yield FIELD_COLUMNS.get(key), text
    else:
        for text in exc.messages:
            yield None, text


def _project(raw_id, raw_name, current, by_name, report, sheet, n) -> int | None:
    text = arabic_digits(str(raw_id or "")).strip()
    if text:
        if text.endswith(".0"):
            text = text[:-2]
        if not text.isdigit() or int(text) not in current:
            report.problems.append(
                Problem(
                    sheet,
                    n,
                    "รหัสโครงการ",
                    f"ไม่พบโครงการรหัส “{raw_id}” ในงบประมาณ/แผนการดำเนินงานของปีนี้",
                )
            )
            return None
        return int(text)
    name = m.name_key(raw_name)
    if not name:
        report.problems.append(Problem(sheet, n, "โครงการ", "ไม่ได้ระบุรหัสโครงการหรือชื่อโครงการ"))
        return None
    ids = by_name.get(name, [])
    if len(ids) == 1:
        return ids[0]
    if not ids:
        report.problems.append(
            Problem(sheet, n, "โครงการ", f"ไม่พบโครงการ “{raw_name}” ในงบประมาณ/แผนการดำเนินงานของปีนี้")
        )
    else:
        report.problems.append(
            Problem(
                sheet, n, "โครงการ", f"มีโครงการชื่อ “{raw_name}” {len(ids)} โครงการ ให้ระบุรหัสโครงการ"
            )
        )
    return None


def _row_input(row, values, cell, report, sheet, n) -> services.ProgressInput | None:
    before = len(report.problems)
    data = services.ProgressInput(
        status=row.status,
        progress=row.progress,
        disbursed=row.disbursed_month,
        note=row.note,
        procurement=row.procurement,
        contract_no=row.contract_no,
        contract_signed_on=row.contract_signed_on,
        contract_amount=row.contract_amount,
        carried_over=row.carried_over,
        problems=row.problems,
    )
    try:
        data.disbursed = parse_amount(cell(values, "เบิกจ่าย (บาท)"))
    except AmountError as exc:
        report.problems.append(Problem(sheet, n, "เบิกจ่าย (บาท)", str(exc)))
    raw_status = cell(values, "สถานะ")
    if raw_status not in (None, ""):
        status = STATUS_BY_LABEL.get(m.norm(raw_status))
        if status is None:
            report.problems.append(
                Problem(
                    sheet, n, "สถานะ", f"ไม่รู้จักสถานะ “{raw_status}” (ใช้: {', '.join(Status.labels)})"
                )
            )
        else:
            data.status = status
    elif data.status == Status.NOT_STARTED and data.disbursed > 0:
        data.status = Status.IN_PROGRESS  # money paid out means work has begun
    raw_progress = cell(values, "ความก้าวหน้า (%)")
    if raw_progress not in (None, ""):
        text = arabic_digits(str(raw_progress)).strip().rstrip("%").strip()
        try:
            value = Decimal(text)
        except ArithmeticError:
            value = None
        if value is None or value != value.to_integral() or not 0 <= value <= 100:
            report.problems.append(
                Problem(sheet, n, "ความก้าวหน้า (%)", f"“{raw_progress}” ไม่ใช่ร้อยละ 0–100")
            )
        else:
            data.progress = int(value)
    elif data.status == Status.DONE:
        data.progress = 100
    raw_no = cell(values, "เลขที่สัญญา")
    if raw_no not in (None, ""):
        data.contract_no = str(raw_no).strip()[:100]
    raw_date = cell(values, "วันที่ลงนามสัญญา")
    if raw_date not in (None, ""):
        try:
            data.contract_signed_on = (
                raw_date.date() if hasattr(raw_date, "date") else parse_thai_date(str(raw_date))
            )
        except ValueError as exc:
            report.problems.append(Problem(sheet, n, "วันที่ลงนามสัญญา", str(exc)))
    raw_amount = cell(values, "จำนวนเงินตามสัญญา (บาท)")
    if raw_amount not in (None, ""):
        try:
            data.contract_amount = parse_amount(raw_amount)
        except AmountError as exc:
            report.problems.append(Problem(sheet, n, "จำนวนเงินตามสัญญา (บาท)", str(exc)))
    return data if len(report.problems) == before else None


def progress_template(org: Organization, fiscal_year: int, month: int) -> bytes:
    """The month's projects with their current values, ready to fill in."""
    import io

    from openpyxl import Workbook

    from exchange.plan_export import _put

    wb = Workbook()
    ws = wb.active
    ws.title = "การเบิกจ่าย"
    for col, text in enumerate(TEMPLATE_HEADERS, 1):
        _put(ws, 1, col, text, bold=True)
    for n, r in enumerate(entry_rows(org, fiscal_year, month), start=2):
        values = [
            r.project_id,
            r.name,
            r.disbursed_month,
            Status(r.status).label,
            r.progress,
            r.contract_no,
            r.contract_signed_on,
            r.contract_amount,
        ]
        for col, value in enumerate(values, 1):
            cell = _put(ws, n, col, value)
            if col in (3, 8):
                cell.number_format = "#,##0.00"
            elif col == 7:
                cell.number_format = "dd/mm/yyyy"
    for letter, width in zip("ABCDEFGH", [12, 60, 16, 22, 14, 18, 16, 20], strict=True):
        ws.column_dimensions[letter].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
