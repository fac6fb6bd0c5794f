"""A project's month: status, progress, disbursement and contract, saved by every writer (the entry
page, the API, the import) through progress_save.

Lost updates are prevented by a version number on ProjectYear: the writer says which version it
read; the row is locked, the version compared and bumped in one transaction, and a stale writer
gets a Conflict carrying the current data instead of overwriting it.
"""

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import wraps

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from core import audit, rawrows
from monitoring import sql
from monitoring.models import MonthlyProgress, ProjectYear, Status
from monitoring.selectors import (
    budget_of,
    closed_months,
    is_tracked,
    months_closed_by,
)
from orgs.models import Organization
from orgs.versions import touch_org
from plans.locks import refuse_in_closed_period
from plans.models import Project
from thai.dates import FISCAL_MONTHS, MONTHS

CONTRACT_FIELDS = ("procurement", "contract_no", "contract_signed_on", "contract_amount")
YEAR_FIELDS = (*CONTRACT_FIELDS, "carried_over", "problems")
# The year's own state, kept by every save beside YEAR_FIELDS (a test holds the two, with the
# keys, to every field of ProjectYear: a field added to the model is saved or refused, never lost)
YEAR_STATE = ("status", "progress", "last_month", "disbursed", "version", "updated_by")
MONTH_FIELDS = ("status", "progress", "disbursed", "note")  # and updated_by: the month's row


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


def check_progress(
    org, fiscal_year, project, month, data: ProgressInput, cumulative, budget
) -> None:
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


@dataclass
class SaveState:
    year: ProjectYear | None  # the project's year, its row locked until the transaction ends
    month: MonthlyProgress | None  # the month's row, if recorded before
    closed: set[int]  # months closed by a period lock


def save_state(
    org: Organization, fiscal_year: int, project_id: int, month: int, closed: set[int] | None = None
) -> SaveState:
    """What a month's save reads before it writes, in one statement (sql.SAVE_STATE): the year's
    row, locked, with the month's row and the year's period locks joined to it. `closed` is for a
    caller that saves many rows of the year and has read the closed months once."""
    lock = " FOR UPDATE OF py" if connection.features.has_select_for_update_of else ""
    statement = sql.SAVE_STATE.format(
        year=rawrows.columns(ProjectYear, "py"),
        month=rawrows.columns(MonthlyProgress, "mp"),
        lock=lock,
    )
    params = {"org": org.pk, "fy": fiscal_year, "project": project_id, "month": month}
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    if not rows:  # the project's first save of the year
        return SaveState(None, None, closed_months(org, fiscal_year) if closed is None else closed)
    n = rawrows.width(ProjectYear)
    year = rawrows.instance(ProjectYear, rows[0][:n])
    row = None
    if rows[0][n] is not None:
        row = rawrows.instance(MonthlyProgress, rows[0][n:-2])
        row.project_year = year  # the log finds the month's org without a query
    if closed is None:
        closed = months_closed_by((r[-2], r[-1]) for r in rows if r[-2] is not None)
    return SaveState(year, row, closed)


def _check_contract_frozen(org, fiscal_year, py, data: ProgressInput, closed: set[int]) -> None:
    """A contract's date and amount count in every month from its signing: a change reaching a
    closed month is refused, whichever month the form is for."""
    before = (py.contract_signed_on, py.contract_amount) if py else (None, None)
    after = (data.contract_signed_on, data.contract_amount)
    if not closed or (before[0], _amount(before[1])) == (after[0], _amount(after[1])):
        return
    for on in {before[0], after[0]} - {None}:
        refuse_in_closed_period(
            org,
            fiscal_year,
            on,
            closed=closed,
            field="contract_signed_on",
            why=lambda month: (
                f"สัญญาลงนามในงวดที่ปิดแล้ว (เดือน{month}): แก้วันที่หรือจำนวนเงินตามสัญญาแล้ว"
                " ตัวเลขของงวดที่ปิดหรืออนุมัติแล้วจะเปลี่ยน"
            ),
        )


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
    updated_by=None,
    budget: Decimal | None = None,
    closed: set[int] | None = None,
    keep_year: bool = False,
) -> ProjectYear:
    """Record one project's month: status, progress, this month's disbursement, contract data.

    Every refusal (Conflict, ValidationError) comes before the first write (see in_transaction).
    `budget` is for a caller that has just read the project's entry row in this transaction
    (the entry page does, to show it): that row vouches the project is tracked this year and
    gives its budget after transfers, so they are not read twice. `closed` is for a caller that
    saves many rows of the year: the closed months (selectors.closed_months), read once."""
    if not 1 <= month <= 12:
        raise ValidationError("เดือนไม่ถูกต้อง")
    if project.plan.org_id != org.pk or (
        budget is None and not is_tracked(org, fiscal_year, project.pk)
    ):
        raise ValidationError("โครงการนี้ไม่อยู่ในงบประมาณหรือแผนการดำเนินงานของปีนี้")
    state = save_state(org, fiscal_year, project.pk, month, closed)
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
    check_progress(org, fiscal_year, project, month, data, others + data.disbursed, budget)

    values = {name: getattr(data, name) for name in MONTH_FIELDS} | {"updated_by": updated_by}
    year = {name: getattr(data, name) for name in YEAR_FIELDS}
    touch_org(org)  # the maps show the new state (orgs.versions; once per transaction)
    with audit.batched():  # the entries of this save go to the log in one insert
        if py is None:  # the project's first month of the year: the year starts in its final state
            try:
                with transaction.atomic():
                    py = ProjectYear.objects.create(
                        org=org,
                        fiscal_year=fiscal_year,
                        project=project,
                        status=data.status,
                        progress=data.progress,
                        last_month=month,
                        disbursed=data.disbursed,
                        version=1,
                        updated_by=updated_by,
                        **year,
                    )
            except IntegrityError:  # someone else's first save won the race
                current = ProjectYear.objects.filter(
                    org=org, fiscal_year=fiscal_year, project=project
                ).first()
                raise Conflict(current) from None
            # through py.months, the month row knows its project-year (no query for the log)
            py.months.create(month=month, **values)
            return py
        if month >= py.last_month:  # the latest recorded month: the year's state is its state
            py.status, py.progress, py.last_month = data.status, data.progress, month
        else:  # a later month is recorded: the year keeps that month's state
            latest = py.months.order_by("-month").first()
            assert latest is not None and latest.month > month
            py.status, py.progress, py.last_month = latest.status, latest.progress, latest.month
        py.disbursed = others + data.disbursed
        for name, value in year.items():
            setattr(py, name, value)
        seen, py.version, py.updated_by = py.version, py.version + 1, updated_by
        # compare-and-set on the version read (under the row lock where the database has one):
        # the first write, so a refusal here still leaves nothing written
        if not rawrows.save(py, (*year, *YEAR_STATE, "updated_at"), where={"version": seen}):
            raise Conflict(ProjectYear.objects.filter(pk=py.pk).first())
        if row is None:
            rawrows.create(MonthlyProgress(project_year=py, month=month, **values))
        else:
            for name, value in values.items():
                setattr(row, name, value)
            rawrows.save(row, (*values, "updated_at"))
    return py
