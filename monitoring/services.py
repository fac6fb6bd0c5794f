"""Every write to monitoring data goes through these functions (entry page, import, demo, API).

Lost updates are prevented by a version number on ProjectYear: the writer says which version it
read; the row is locked, the version compared and bumped in one transaction, and a stale writer
gets a Conflict carrying the current data instead of overwriting it.
"""

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import wraps

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core.numbers import bounded
from monitoring.models import (
    MonthlyProgress,
    PeriodKind,
    PeriodLock,
    PeriodReport,
    ProjectYear,
    Status,
)
from monitoring.selectors import budget_of, closed_period_reached, is_tracked, months_closed_by
from orgs import audit
from orgs.models import Organization
from plans.models import Approver, BudgetLine, BudgetTransfer, Project, TransferKind
from thai.dates import FISCAL_MONTHS, MONTHS
from tidtam import plainsql

CONTRACT_FIELDS = ("procurement", "contract_no", "contract_signed_on", "contract_amount")
YEAR_FIELDS = (*CONTRACT_FIELDS, "carried_over", "problems")


class Conflict(Exception):
    """Someone saved this project after the writer read it; nothing was written."""

    def __init__(self, current: ProjectYear | None):
        self.current = current
        who = ""
        if current is not None and current.updated_by is not None:
            who = f" ({current.updated_by.get_full_name() or current.updated_by.get_username()})"
        super().__init__(
            f"มีผู้อื่นบันทึกโครงการนี้ไปก่อนแล้ว{who} ข้อมูลของคุณยังไม่ถูกบันทึก กรุณาตรวจสอบข้อมูลล่าสุดแล้วบันทึกอีกครั้ง"
        )


@dataclass
class ProgressInput:
    status: str
    progress: int = 0
    disbursed: Decimal = Decimal(0)  # paid out in this month
    note: str = ""
    procurement: str = ""
    contract_no: str = ""
    contract_signed_on: dt.date | None = None
    contract_amount: Decimal | None = None
    carried_over: Decimal = Decimal(0)
    problems: str = ""


def month_name(month: int) -> str:
    return MONTHS[FISCAL_MONTHS[month - 1] - 1]


def _check(org, fiscal_year, project, month, data: ProgressInput, cumulative, budget) -> None:
    errors: dict[str, str] = {}
    if data.status not in Status.values:
        errors["status"] = "สถานะไม่ถูกต้อง"
    if not 0 <= data.progress <= 100:
        errors["progress"] = "ความก้าวหน้าต้องอยู่ระหว่างร้อยละ 0–100"
    elif data.status == Status.DONE and data.progress != 100:
        errors["progress"] = "โครงการที่ดำเนินการแล้วเสร็จต้องมีความก้าวหน้าร้อยละ 100"
    elif data.status == Status.NOT_STARTED and data.progress > 0:
        errors["status"] = "มีความก้าวหน้าแล้ว สถานะจึงไม่ใช่ “ยังไม่ได้ดำเนินการ”"
    if data.disbursed < 0:
        errors["disbursed"] = "จำนวนเงินเบิกจ่ายติดลบไม่ได้"
    elif cumulative > budget:
        errors["disbursed"] = (
            f"เบิกจ่ายสะสม {cumulative:,.2f} บาท เกินงบประมาณของโครงการ {budget:,.2f} บาท"
        )
    if data.contract_amount is not None and data.contract_amount > budget:
        errors["contract_amount"] = (
            f"จำนวนเงินตามสัญญา {data.contract_amount:,.2f} บาท เกินงบประมาณ {budget:,.2f} บาท"
        )
    if data.contract_amount and not data.contract_signed_on:
        errors["contract_signed_on"] = "ระบุวันที่ลงนามสัญญา"
    if data.carried_over and data.carried_over > budget - cumulative:
        errors["carried_over"] = "เงินที่กันไว้เบิกเหลื่อมปีเกินงบประมาณที่ยังไม่ได้เบิกจ่าย"
    if errors:
        raise ValidationError(errors)


_SAVE_STATE_SQL = f"""
WITH locked AS MATERIALIZED (
  SELECT {plainsql.columns(ProjectYear, "py")} FROM monitoring_projectyear py
   WHERE py.org_id = %(org)s AND py.fiscal_year = %(fy)s AND py.project_id = %(project)s{{lock}})
SELECT l.kind, l.number, {plainsql.columns(ProjectYear, "locked")},
       {plainsql.columns(MonthlyProgress, "mp")}
  FROM (SELECT 1 AS one) one
  LEFT JOIN locked ON 1 = 1
  LEFT JOIN monitoring_monthlyprogress mp ON mp.project_year_id = locked.id AND mp.month = %(month)s
  LEFT JOIN monitoring_periodlock l ON l.org_id = %(org)s AND l.fiscal_year = %(fy)s"""  # noqa: S608 - only the model's column names are formatted in


@dataclass
class SaveState:
    year: ProjectYear | None  # the project's year, its row locked until the transaction ends
    month: MonthlyProgress | None  # the month's row, if recorded before
    closed: set[int]  # months closed by a period lock


def save_state(org: Organization, fiscal_year: int, project_id: int, month: int) -> SaveState:
    """What a month's save reads before it writes, in one written-out statement (every save starts
    here, see tidtam.plainsql): the locked year, the month's row and the closed months — a row
    per period lock of the year, or one row when there is none."""
    sql = _SAVE_STATE_SQL.replace("{lock}", plainsql.for_update())
    rows = plainsql.fetch(sql, {"org": org.pk, "fy": fiscal_year, "project": project_id,
                                "month": month})  # fmt: skip
    n = plainsql.width(ProjectYear)
    first = rows[0]
    year = None if first[2] is None else plainsql.instance(ProjectYear, first[2 : 2 + n])
    row = None if first[2 + n] is None else plainsql.instance(MonthlyProgress, first[2 + n :])
    if row is not None:
        row.project_year = year  # as py.months would: the log finds the org without a query
    closed = months_closed_by((kind, number) for kind, number, *_ in rows if kind is not None)
    return SaveState(year, row, closed)


def _check_contract_frozen(org, fiscal_year, py, data: ProgressInput, closed: set[int]) -> None:
    """A contract's date and amount count in every month from its signing: a change reaching a
    closed month is refused, whichever month the form is for."""
    before = (py.contract_signed_on, py.contract_amount) if py else (None, None)
    after = (data.contract_signed_on, data.contract_amount)
    if not closed or (before[0], _amount(before[1])) == (after[0], _amount(after[1])):
        return
    for on in {before[0], after[0]} - {None}:
        locked = closed_period_reached(org, fiscal_year, on, closed)
        if locked:
            raise ValidationError({"contract_signed_on": (
                f"สัญญาลงนามในงวดที่ปิดแล้ว (เดือน{locked}): แก้วันที่หรือจำนวนเงินตามสัญญาแล้ว"
                " ตัวเลขของงวดที่ปิดหรืออนุมัติแล้วจะเปลี่ยน ต้องขอปลดล็อกงวดนั้นก่อน")})  # fmt: skip


def _amount(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def in_transaction(service):
    """Run the service in the caller's transaction, or in one of its own when there is none. Unlike
    transaction.atomic, no savepoint when nested (two statements fewer): only for a service whose
    refusals all come before its first write, so that a caller who catches one can go on."""

    @wraps(service)
    def wrapper(*args, **kwargs):
        if transaction.get_connection().in_atomic_block:
            return service(*args, **kwargs)
        with transaction.atomic():
            return service(*args, **kwargs)

    return wrapper


@in_transaction
def progress_save(
    *,
    org: Organization,
    fiscal_year: int,
    project: Project,
    month: int,
    data: ProgressInput,
    expected_version: int,
    acting_user=None,
    budget: Decimal | None = None,
    keep_year: bool = False,
) -> ProjectYear:
    """Record one project's month: status, progress, this month's disbursement, contract data.

    Every refusal (Conflict, ValidationError) comes before the first write (see in_transaction).
    `budget` is for a caller that has just read the project's entry row in this transaction
    (the entry page does, to show it): that row vouches the project is tracked this year and
    gives its budget after transfers, so they are not read twice."""
    if not 1 <= month <= 12:
        raise ValidationError("เดือนไม่ถูกต้อง")
    if project.plan.org_id != org.pk or (
        budget is None and not is_tracked(org, fiscal_year, project.pk)
    ):
        raise ValidationError("โครงการนี้ไม่อยู่ในงบประมาณหรือแผนการดำเนินงานของปีนี้")
    state = save_state(org, fiscal_year, project.pk, month)
    if month in state.closed:
        raise ValidationError(f"เดือน{month_name(month)} ปิดงวดแล้ว แก้ไขไม่ได้")
    py, row = state.year, state.month
    if keep_year and py is not None:  # a writer that does not carry the contract (the API) keeps it
        data = replace(data, **{f: getattr(py, f) for f in YEAR_FIELDS})
    _check_contract_frozen(org, fiscal_year, py, data, state.closed)
    if py is None and expected_version != 0:
        raise Conflict(None)
    if py is not None and py.version != expected_version:
        raise Conflict(py)

    # py.disbursed is the sum of its months (kept so by every writer, under this row lock)
    others = (py.disbursed if py else Decimal(0)) - (row.disbursed if row else Decimal(0))
    if budget is None:
        budget = budget_of(org, fiscal_year, project.pk)
    _check(org, fiscal_year, project, month, data, others + data.disbursed, budget)

    values = {"status": data.status, "progress": data.progress, "disbursed": data.disbursed,
              "note": data.note, "updated_by": acting_user}  # fmt: skip
    year = {name: getattr(data, name) for name in YEAR_FIELDS}
    with audit.batched():  # the entries of this save go to the log in one insert
        if py is None:  # the project's first month of the year: the year starts in its final state
            try:
                with transaction.atomic():
                    py = ProjectYear.objects.create(
                        org=org, fiscal_year=fiscal_year, project=project, status=data.status,
                        progress=data.progress, last_month=month, disbursed=data.disbursed,
                        version=1, updated_by=acting_user, **year,
                    )  # fmt: skip
            except IntegrityError:  # someone else's first save won the race
                current = ProjectYear.objects.filter(
                    org=org, fiscal_year=fiscal_year, project=project
                ).first()
                raise Conflict(current) from None
            # through py.months, the month row knows its project-year (no query for the log)
            py.months.create(month=month, **values)
            return py
        if row is None:
            py.months.create(month=month, **values)
        else:
            for name, value in values.items():
                setattr(row, name, value)
            row.save()
        if month >= py.last_month:  # the latest recorded month: the year's state is its state
            py.status, py.progress, py.last_month = data.status, data.progress, month
        else:
            latest = py.months.order_by("-month").first()
            py.status, py.progress, py.last_month = latest.status, latest.progress, latest.month
        py.disbursed = others + data.disbursed
        for name, value in year.items():
            setattr(py, name, value)
        py.version += 1
        py.updated_by = acting_user
        py.save()
    return py


@transaction.atomic
def period_close(*, org: Organization, fiscal_year: int, kind: str, number: int, acting_user=None):
    lock, _ = PeriodLock.objects.get_or_create(
        org=org,
        fiscal_year=fiscal_year,
        kind=kind,
        number=number,
        defaults={"closed_by": acting_user},
    )
    return lock


@transaction.atomic
def period_report_save(
    *, org: Organization, fiscal_year: int, kind: str, number: int, problems: str, suggestions: str
) -> PeriodReport:
    if kind not in PeriodKind.values:
        raise ValidationError("รอบรายงานไม่ถูกต้อง")
    report, _ = PeriodReport.objects.update_or_create(
        org=org,
        fiscal_year=fiscal_year,
        kind=kind,
        number=number,
        defaults={"problems": problems.strip(), "suggestions": suggestions.strip()},
    )
    return report


def approver_required(kind: str, *, investment: bool, changes_nature: bool) -> str:
    """ระเบียบกระทรวงมหาดไทยว่าด้วยวิธีการงบประมาณ อปท. พ.ศ. 2563: ข้อ 26 executive, ข้อ 27/29 council."""
    if kind == TransferKind.NEW_ITEM:
        return Approver.COUNCIL
    if investment and changes_nature:
        return Approver.COUNCIL
    return Approver.EXECUTIVE


@transaction.atomic
def transfer_record(
    *,
    line: BudgetLine,
    kind: str,
    amount: Decimal,
    approver: str,
    approved_on: dt.date,
    investment: bool = False,
    changes_nature: bool = False,
    reference: str = "",
    reason: str = "",
    acting_user=None,
) -> BudgetTransfer:
    needed = approver_required(kind, investment=investment, changes_nature=changes_nature)
    if needed == Approver.COUNCIL and approver != Approver.COUNCIL:
        what = dict(TransferKind.choices)[kind]
        raise ValidationError(
            {
                "approver": f"{what}ในงบลงทุนที่เปลี่ยนแปลงลักษณะ ปริมาณ คุณภาพ หรือเป็นรายการใหม่"
                " ต้องได้รับอนุมัติจากสภาท้องถิ่น (ระเบียบฯ วิธีการงบประมาณ พ.ศ. 2563)"
            }
        )
    ordinance = line.ordinance
    locked = closed_period_reached(ordinance.org, ordinance.fiscal_year, approved_on)
    if locked:
        raise ValidationError({"approved_on": (
            f"วันที่อนุมัติอยู่ในงวดที่ปิดแล้ว (เดือน{locked}): การโอนนี้จะเปลี่ยนตัวเลขของงวดที่ปิดหรืออนุมัติแล้ว"
            " ต้องขอปลดล็อกงวดนั้นก่อน")})  # fmt: skip
    if kind == TransferKind.EXPLANATION:
        amount = Decimal(0)
    if kind == TransferKind.DECREASE:
        available = budget_of(ordinance.org, ordinance.fiscal_year, line.project_id) - (
            ProjectYear.objects.filter(
                org=ordinance.org, fiscal_year=ordinance.fiscal_year, project=line.project_id
            )
            .values_list("disbursed", flat=True)
            .first()
            or Decimal(0)
        )
        if amount > available:
            raise ValidationError(
                {"amount": f"โอนลดได้ไม่เกินงบประมาณที่ยังไม่ได้เบิกจ่าย {available:,.2f} บาท"}
            )
    transfer = BudgetTransfer(
        line=line,
        kind=kind,
        amount=amount,
        investment=investment,
        changes_nature=changes_nature,
        approver=approver,
        approved_on=approved_on,
        reference=reference,
        reason=reason,
        created_by=acting_user,
    )
    transfer.full_clean()
    transfer.save()
    return transfer


EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_TYPES = {  # magic bytes → (content type, extension); nothing else is accepted
    b"\xff\xd8\xff": ("image/jpeg", ".jpg"),
    b"\x89PNG\r\n\x1a\n": ("image/png", ".png"),
    b"%PDF-": ("application/pdf", ".pdf"),
}


def sniff(head: bytes) -> tuple[str, str] | None:
    for magic, kind in EVIDENCE_TYPES.items():
        if head.startswith(magic):
            return kind
    return None


@transaction.atomic
def evidence_add(
    *, org: Organization, fiscal_year: int, project: Project, upload, caption: str = "",
    acting_user=None,
):  # fmt: skip
    """Attach a photo/PDF; the type is read from the bytes, never from the name or the browser."""
    from pathlib import Path

    from monitoring.models import Evidence

    if upload.size > EVIDENCE_MAX_BYTES:
        raise ValidationError("ไฟล์ใหญ่เกิน 10 MB")
    kind = sniff(upload.read(16))
    upload.seek(0)
    if kind is None:
        raise ValidationError("รับเฉพาะภาพถ่าย JPG/PNG หรือไฟล์ PDF")
    if project.plan.org_id != org.pk or not is_tracked(org, fiscal_year, project.pk):
        raise ValidationError("โครงการนี้ไม่อยู่ในงบประมาณหรือแผนการดำเนินงานของปีนี้")
    py, _ = ProjectYear.objects.get_or_create(org=org, fiscal_year=fiscal_year, project=project)
    name = Path(upload.name).stem[:200] + kind[1]
    upload.name = name
    return Evidence.objects.create(
        project_year=py, file=upload, original_name=name, content_type=kind[0],
        size=upload.size, caption=caption, uploaded_by=acting_user,
    )  # fmt: skip


@dataclass
class YearRecord:
    """A whole year of one project at once (demo seeding, benchmarks, migration from e-Plan)."""

    project_id: int
    months: list[tuple[int, str, int, Decimal]]  # (month, status, progress, disbursed in month)
    procurement: str = ""
    contract_signed_on: dt.date | None = None
    contract_amount: Decimal | None = None
    carried_over: Decimal = Decimal(0)
    problems: str = ""


@transaction.atomic
def year_load(*, org: Organization, fiscal_year: int, records: list[YearRecord], acting_user=None):
    """Bulk-create project-years that do not exist yet; refuses to touch recorded ones."""
    from monitoring.selectors import budgets_by_project

    budgets = budgets_by_project(org, fiscal_year)
    ids = [r.project_id for r in records]
    if ProjectYear.objects.filter(org=org, fiscal_year=fiscal_year, project_id__in=ids).exists():
        raise ValidationError("มีข้อมูลการติดตามของโครงการเหล่านี้อยู่แล้ว จะไม่เขียนทับ")
    years = []
    for r in records:
        total = sum((m[3] for m in r.months), Decimal(0))
        budget = budgets.get(r.project_id, Decimal(0))
        for month, status, progress, _ in r.months:
            data = ProgressInput(status=status, progress=progress, contract_amount=r.contract_amount,
                                 contract_signed_on=r.contract_signed_on,
                                 carried_over=r.carried_over)  # fmt: skip
            try:
                _check(org, fiscal_year, None, month, data, total, budget)
            except ValidationError as exc:
                raise ValidationError(f"โครงการรหัส {r.project_id} เดือน {month}: {exc}") from None
        last = max(r.months, default=(0, Status.NOT_STARTED, 0, 0))
        years.append(
            ProjectYear(
                org=org, fiscal_year=fiscal_year, project_id=r.project_id,
                procurement=r.procurement, contract_signed_on=r.contract_signed_on,
                contract_amount=r.contract_amount, carried_over=r.carried_over,
                problems=r.problems, status=last[1], progress=last[2], disbursed=total,
                last_month=last[0], version=1, updated_by=acting_user,
            )
        )  # fmt: skip
    audit.bulk_create(ProjectYear, years, batch_size=1000, org_id=org.pk)
    by_project = {
        py.project_id: py.pk
        for py in ProjectYear.objects.filter(org=org, fiscal_year=fiscal_year, project_id__in=ids)
    }
    audit.bulk_create(
        MonthlyProgress,
        [
            MonthlyProgress(
                project_year_id=by_project[r.project_id],
                month=m,
                status=s,
                progress=p,
                disbursed=d,
                updated_by=acting_user,
            )  # fmt: skip
            for r in records
            for m, s, p, d in r.months
        ],
        batch_size=2000,
        org_id=org.pk,
    )
    return len(years)


PLACEHOLDERS = ("{project}", "{threshold}", "{value}", "{month}", "{expected}")


@transaction.atomic
def rule_update(*, rule, name: str, threshold: Decimal, message: str, severity: str, active: bool):
    """Change a rule's wording or threshold; a message must format with the known placeholders."""
    import string

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
    try:
        threshold = bounded(type(rule), "threshold", threshold, "เกณฑ์")
    except ValidationError as exc:
        errors["threshold"] = exc.messages[0]
    if errors:
        raise ValidationError(errors)
    rule.name, rule.threshold, rule.message = name.strip(), threshold, message.strip()
    rule.severity, rule.active = severity, active
    rule.save()
    return rule
