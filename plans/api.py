"""The plan's resources in the JSON API: plan summary, editions, projects, the strategy framework
with KPIs, budget ordinances and the action plan. The checked getters decide what a token may
read."""

import datetime as dt
from decimal import Decimal

from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from orgs.access import get_org_for_user
from plans.access import get_plan
from plans.models import KPI, ActionPlanItem, BudgetLine, Strategy
from plans.selectors import approved_seq_on, editions_with_counts, plan_summary, project_rows

router = Router(tags=["แผนพัฒนาท้องถิ่น"])


class SummaryRow(Schema):
    level: str
    label: str
    counts: list[int]
    amounts: list[Decimal]
    total_count: int
    total_amount: Decimal


class PlanOut(Schema):
    title: str
    start_year: int
    end_year: int
    edition_seq: int | None
    years: list[int]
    rows: list[SummaryRow]


class EditionOut(Schema):
    seq: int
    kind: str
    label: str
    status: str
    approver: str
    approved_on: dt.date | None
    announced_on: dt.date | None
    projects: int


class ProjectOut(Schema):
    id: int
    strategy: int
    program: str
    name: str
    budgets: dict[int, Decimal]
    responsible_unit: str
    edition: str


class KPIOut(Schema):
    id: int
    strategy: int
    number: int
    name: str
    unit: str
    targets: dict[int, Decimal]
    results: dict[int, Decimal]


class StrategyOut(Schema):
    number: int
    name: str
    goals: list[str]
    tactics: list[str]
    kpis: list[KPIOut]


class BudgetLineOut(Schema):
    ordinance: str
    fiscal_year: int
    project_id: int
    source: str
    item: str
    amount: Decimal


class ActionItemOut(Schema):
    seq_no: int
    project_id: int | None
    other_agency: str
    name: str
    amount: Decimal
    responsible_unit: str
    months: list[bool]
    action_plan: str


def _kpi(k: KPI) -> KPIOut:
    return KPIOut(
        id=k.pk,
        strategy=k.strategy.number,
        number=k.number,
        name=k.name,
        unit=k.unit,
        targets={t.year: t.value for t in k.targets.all()},
        results={r.year: r.actual for r in k.results.all()},
    )


@router.get("/orgs/{code}/plan", response=PlanOut)
def plan(request, code: str):
    p = get_plan(get_org_for_user(request.user, code))
    seq = approved_seq_on(p)
    summary = plan_summary(p, seq)
    rows = [
        SummaryRow(
            level=r.level,
            label=r.label,
            counts=[c.count for c in r.cells],
            amounts=[c.amount for c in r.cells],
            total_count=r.total.count,
            total_amount=r.total.amount,
        )
        for r in summary.rows
    ]
    return PlanOut(
        title=p.title,
        start_year=p.start_year,
        end_year=p.end_year,
        edition_seq=seq,
        years=summary.years,
        rows=rows,
    )


@router.get("/orgs/{code}/editions", response=list[EditionOut])
def editions(request, code: str, status: str | None = None):
    p = get_plan(get_org_for_user(request.user, code))
    rows = editions_with_counts(p)
    if status:
        rows = rows.filter(status=status)
    return [
        EditionOut(
            seq=e.seq,
            kind=e.kind,
            label=e.label,
            status=e.status,
            approver=e.approver,
            approved_on=e.approved_on,
            announced_on=e.announced_on,
            projects=e.n_versions,
        )
        for e in rows
    ]


@router.get("/orgs/{code}/projects", response=list[ProjectOut])
@paginate(LimitOffsetPagination)
def projects(request, code: str, strategy: int | None = None, year: int | None = None):
    p = get_plan(get_org_for_user(request.user, code))
    rows = project_rows(p, approved_seq_on(p)).order_by("strategy__number", "seq_no", "project_id")
    if strategy is not None:
        rows = rows.filter(strategy__number=strategy)
    if year is not None:
        rows = rows.filter(budgets__year=year, budgets__amount__gt=0)
    return [
        ProjectOut(
            id=v.project_id,
            strategy=v.strategy.number,
            program=v.program.name,
            name=v.name,
            budgets={b.year: b.amount for b in v.budgets.all()},
            responsible_unit=v.responsible_unit,
            edition=v.edition.label,
        )
        for v in rows
    ]


@router.get("/orgs/{code}/strategies", response=list[StrategyOut])
def strategies(request, code: str):
    p = get_plan(get_org_for_user(request.user, code))
    rows = (
        Strategy.objects.filter(plan=p)
        .order_by("number")
        .prefetch_related("goals", "tactics", "kpis__targets", "kpis__results", "kpis__strategy")
    )
    return [
        StrategyOut(
            number=s.number,
            name=s.name,
            goals=[g.text for g in s.goals.all()],
            tactics=[t.name for t in s.tactics.all()],
            kpis=[_kpi(k) for k in s.kpis.all()],
        )
        for s in rows
    ]


@router.get("/orgs/{code}/kpis", response=list[KPIOut], tags=["ตัวชี้วัด"])
@paginate(LimitOffsetPagination)
def kpis(request, code: str, strategy: int | None = None):
    p = get_plan(get_org_for_user(request.user, code))
    rows = KPI.objects.filter(strategy__plan=p).select_related("strategy")
    if strategy is not None:
        rows = rows.filter(strategy__number=strategy)
    rows = rows.order_by("strategy__number", "number").prefetch_related("targets", "results")
    return [_kpi(k) for k in rows]


@router.get("/orgs/{code}/budget/{fy}", response=list[BudgetLineOut], tags=["ข้อบัญญัติงบประมาณ"])
@paginate(LimitOffsetPagination)
def budget(request, code: str, fy: int, strategy: int | None = None):
    org = get_org_for_user(request.user, code)
    lines = BudgetLine.objects.filter(ordinance__org=org, ordinance__fiscal_year=fy).select_related(
        "ordinance__org"
    )
    if strategy is not None:
        p = get_plan(org)
        ids = project_rows(p, approved_seq_on(p)).filter(strategy__number=strategy)
        lines = lines.filter(project_id__in=ids.values("project_id"))
    lines = lines.order_by("ordinance__kind", "ordinance__number", "id")
    return [
        BudgetLineOut(
            ordinance=ln.ordinance.title,
            fiscal_year=fy,
            project_id=ln.project_id,
            source=ln.source,
            item=ln.item,
            amount=ln.amount,
        )
        for ln in lines
    ]


@router.get("/orgs/{code}/action-plan/{fy}", response=list[ActionItemOut], tags=["แผนการดำเนินงาน"])
@paginate(LimitOffsetPagination)
def action_plan(request, code: str, fy: int):
    org = get_org_for_user(request.user, code)
    items = ActionPlanItem.objects.filter(action_plan__org=org, action_plan__fiscal_year=fy)
    items = items.select_related("action_plan").order_by("action_plan__amendment", "seq_no", "id")
    return [
        ActionItemOut(
            seq_no=i.seq_no,
            project_id=i.project_id,
            other_agency=i.other_agency,
            name=i.name,
            amount=i.amount,
            responsible_unit=i.responsible_unit,
            months=i.month_flags,
            action_plan=i.action_plan.title,
        )
        for i in items
    ]
