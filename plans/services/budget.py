"""Budget ordinances, their lines, and the annual action plan."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from orgs import stale
from orgs.models import Organization
from orgs.versions import touch_org
from plans import locks
from plans.models import (
    ActionPlan,
    ActionPlanItem,
    BudgetLine,
    BudgetOrdinance,
    Project,
    ProjectVersion,
)
from plans.models.action import mask_from_months
from plans.selectors import approved_versions_on

# -- budget and action plan --------------------------------------------------------------------


@transaction.atomic
def ordinance_create(
    *,
    org: Organization,
    fiscal_year: int,
    kind: str,
    number: int = 1,
    council_approved_on: dt.date | None = None,
    promulgated_on: dt.date | None = None,
) -> BudgetOrdinance:
    ordinance = BudgetOrdinance(
        org=org,
        fiscal_year=fiscal_year,
        kind=kind,
        number=number,
        council_approved_on=council_approved_on,
        promulgated_on=promulgated_on,
    )
    ordinance.full_clean()
    ordinance.save()
    return ordinance


def check_project_budgetable(project: Project, fiscal_year: int, on: dt.date | None) -> None:
    """A project must be in the plan, as of an approved edition, before it can be budgeted."""
    plan = project.plan
    if not plan.start_year <= fiscal_year <= plan.end_year:
        raise ValidationError(
            f"ปีงบประมาณ {fiscal_year} อยู่นอกช่วงของ{plan.title} จึงตั้งงบประมาณโครงการนี้ไม่ได้"
        )
    on = on or timezone.localdate()
    in_plan = approved_versions_on(on).filter(project=project, removed=False).exists()
    if not in_plan:
        name = (
            ProjectVersion.objects.filter(project=project)
            .order_by("-valid_from_seq")
            .values_list("name", flat=True)
            .first()
        )
        raise ValidationError(
            f"โครงการ “{name}” ยังไม่อยู่ในแผนพัฒนาท้องถิ่นฉบับที่อนุมัติแล้ว"
            " จึงตั้งงบประมาณไม่ได้ ต้องเพิ่มเติมหรือเปลี่ยนแปลงแผนและอนุมัติก่อน"
        )


@transaction.atomic
def budget_line_add(
    *,
    ordinance: BudgetOrdinance,
    project: Project,
    amount: Decimal,
    source: str | None = None,
    item: str = "",
) -> BudgetLine:
    if project.plan.org_id != ordinance.org_id:
        raise ValidationError("โครงการไม่อยู่ในแผนขององค์กรนี้")
    check_project_budgetable(project, ordinance.fiscal_year, ordinance.promulgated_on)
    locks.refuse_in_closed_period(
        ordinance.org,
        ordinance.fiscal_year,
        ordinance.promulgated_on,
        why=lambda month: (
            f"{ordinance.title} ประกาศใช้ในงวดที่ปิดแล้ว (เดือน{month}): เพิ่มรายการแล้วตัวเลขของงวดนั้นจะเปลี่ยน"
        ),
    )
    line = BudgetLine(
        ordinance=ordinance,
        project=project,
        amount=amount,
        item=item,
        source=source or _default_source(ordinance.kind),
    )
    line.full_clean()
    line.save()
    touch_org(ordinance.org_id)  # the year's maps show the project (orgs.versions)
    return line


def _line_lock(line: BudgetLine, *, deleting: bool) -> str:
    """Why a budget line can no longer be changed directly ('' while it can)."""
    if line.transfers.exists():
        return "รายการนี้มีการโอน/แก้ไขเปลี่ยนแปลงคำชี้แจงแล้ว ให้เปลี่ยนแปลงผ่านหน้า “การโอนงบประมาณ”"
    if deleting and line.action_items.exists():
        return "รายการนี้อยู่ในแผนการดำเนินงานแล้ว ให้นำออกจากแผนการดำเนินงานก่อนจึงจะลบได้"
    return ""


@transaction.atomic
def budget_line_update(
    *, line: BudgetLine, amount: Decimal, item: str = "", seen: str | None = None
) -> BudgetLine:
    """Correct a typing mistake in a line (amount, item) until the year's work refers to it. A
    form that showed other values than the line has now (someone saved first) is refused."""
    line = BudgetLine.objects.select_for_update().get(pk=line.pk)
    stale.check(line, seen)
    if reason := _line_lock(line, deleting=False):
        raise ValidationError(reason)
    line.amount, line.item = amount, item
    line.full_clean()
    line.save(update_fields=["amount", "item"])
    touch_org(line.ordinance.org_id)
    return line


@transaction.atomic
def budget_line_delete(*, line: BudgetLine) -> None:
    line = BudgetLine.objects.select_for_update().get(pk=line.pk)
    if reason := _line_lock(line, deleting=True):
        raise ValidationError(reason)
    touch_org(line.ordinance.org_id)
    line.delete()


def _default_source(kind: str) -> str:
    return {
        "annual": "annual",
        "supplementary": "supplementary",
        "accumulated": "accumulated",
        "subsidy": "specific_subsidy",
    }.get(kind, "other_agency")


@transaction.atomic
def action_plan_create(
    *,
    org: Organization,
    fiscal_year: int,
    amendment: int = 0,
    approved_on: dt.date | None = None,
    announced_on: dt.date | None = None,
) -> ActionPlan:
    action_plan = ActionPlan(
        org=org,
        fiscal_year=fiscal_year,
        amendment=amendment,
        approved_on=approved_on,
        announced_on=announced_on,
    )
    action_plan.full_clean()
    action_plan.save()
    touch_org(org)  # a new amendment is the current action plan of the year
    return action_plan


@transaction.atomic
def action_item_add(
    *,
    action_plan: ActionPlan,
    name: str,
    amount: Decimal,
    months: list[int],
    budget_line: BudgetLine | None = None,
    project: Project | None = None,
    other_agency: str = "",
    activity: str = "",
    place: str = "",
    responsible_unit: str = "",
    seq_no: int = 0,
    seen: str | None = None,
) -> ActionPlanItem:
    """Add an item to an action plan. `seen` is what the officer's page showed of the plan: an
    item typed while someone made a new amendment is refused, not filed under the old one.
    Without a number (`seq_no=0`) the item comes last, counted under the plan's lock."""
    stale.check(stale.locked(action_plan), seen)
    if budget_line is not None:
        if budget_line.ordinance.org_id != action_plan.org_id:
            raise ValidationError("รายการงบประมาณไม่ใช่ขององค์กรนี้")
        if budget_line.ordinance.fiscal_year != action_plan.fiscal_year:
            raise ValidationError("รายการงบประมาณเป็นของปีงบประมาณอื่น")
        project = project or budget_line.project
    if project is not None and project.plan.org_id != action_plan.org_id:
        raise ValidationError("โครงการไม่อยู่ในแผนขององค์กรนี้")
    if project is None and not other_agency.strip():
        raise ValidationError("ต้องเลือกโครงการในแผน หรือระบุหน่วยงานอื่นที่ดำเนินการ")
    if not months:
        raise ValidationError({"months": "ต้องระบุเดือนที่ดำเนินการอย่างน้อยหนึ่งเดือน"})
    item = ActionPlanItem(
        action_plan=action_plan,
        project=project,
        budget_line=budget_line,
        other_agency=other_agency,
        name=name,
        activity=activity,
        amount=amount,
        place=place,
        responsible_unit=responsible_unit,
        months=mask_from_months(months),
        first_month=min(months),
        last_month=max(months),
        seq_no=seq_no or (action_plan.items.aggregate(m=Max("seq_no"))["m"] or 0) + 1,
    )
    item.full_clean()
    item.save()
    touch_org(action_plan.org_id)
    return item
