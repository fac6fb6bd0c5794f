"""Budget transfers (โอนงบประมาณ): who must approve one, and recording it."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from monitoring.models import ProjectYear
from monitoring.selectors import budget_of
from orgs.versions import touch_org
from plans.locks import refuse_in_closed_period
from plans.models import Approver, BudgetLine, BudgetTransfer, TransferKind


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
    created_by=None,
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
    refuse_in_closed_period(
        ordinance.org,
        ordinance.fiscal_year,
        approved_on,
        field="approved_on",
        why=lambda month: (
            f"วันที่อนุมัติอยู่ในงวดที่ปิดแล้ว (เดือน{month}): การโอนนี้จะเปลี่ยนตัวเลขของงวดที่ปิดหรืออนุมัติแล้ว"
        ),
    )
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
        created_by=created_by,
    )
    transfer.full_clean()
    transfer.save()
    touch_org(line.ordinance.org_id)  # the public map shows the budget after transfers
    return transfer
