"""Aggregates for แบบที่ 2, the 6-month report and the dashboard, computed by the database.

Everything is "as of" the end of a fiscal month: the plan as approved by then, ordinances
promulgated by then, transfers approved by then, and each project's status, disbursement and
contract as recorded up to that month.
"""

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from monitoring.models import BudgetTransfer, MonthlyProgress, ProjectYear, Status
from monitoring.selectors import signed_transfer
from orgs.models import Organization
from plans.models import BudgetLine, EditionKind, FundingSource, Plan, Project, ProjectVersion
from plans.selectors import approved_seq_on, plan_summary
from thai.dates import FISCAL_MONTHS, ce_year, fiscal_year_bounds
from thai.numbers import percent

MONEY = DecimalField(max_digits=17, decimal_places=2)
ZERO = Value(Decimal(0), output_field=MONEY)


def month_end(fy: int, month: int) -> dt.date:
    """Last day of fiscal month `month` (1 = ต.ค.) of fiscal year `fy`."""
    cal_month = FISCAL_MONTHS[month - 1]
    year = ce_year(fy - 1 if cal_month >= 10 else fy)
    return dt.date(year, cal_month, calendar.monthrange(year, cal_month)[1])


def _sum_subquery(qs, column: str, group: str):
    return Coalesce(
        Subquery(qs.values(group).annotate(s=Sum(column)).values("s")[:1], output_field=MONEY),
        ZERO,
    )


def tracked_projects(org: Organization, fy: int, month: int):
    """Projects budgeted for the year (by the month's end), each annotated with its numbers."""
    end = month_end(fy, month)
    start, fy_end = fiscal_year_bounds(fy)
    lines = BudgetLine.objects.filter(
        Q(ordinance__promulgated_on__isnull=True) | Q(ordinance__promulgated_on__lte=end),
        ordinance__org=org,
        ordinance__fiscal_year=fy,
    )
    mine = lines.filter(project=OuterRef("pk"))
    transfers = BudgetTransfer.objects.filter(
        line__in=lines, line__project=OuterRef("pk"), approved_on__lte=end
    )
    months = MonthlyProgress.objects.filter(
        project_year__org=org,
        project_year__fiscal_year=fy,
        project_year__project=OuterRef("pk"),
        month__lte=month,
    )
    year_row = ProjectYear.objects.filter(org=org, fiscal_year=fy, project=OuterRef("pk"))
    return Project.objects.filter(pk__in=lines.values("project_id")).annotate(
        strategy_id=Subquery(
            ProjectVersion.objects.filter(project=OuterRef("pk"))
            .order_by("-valid_from_seq")
            .values("strategy_id")[:1]
        ),
        budget=_sum_subquery(mine, "amount", "project")
        + Coalesce(
            Subquery(
                transfers.values("line__project")
                .annotate(s=Sum(signed_transfer()))
                .values("s")[:1],
                output_field=MONEY,
            ),
            ZERO,
        ),
        subsidy=_sum_subquery(
            mine.filter(source=FundingSource.SPECIFIC_SUBSIDY), "amount", "project"
        ),
        status=Coalesce(
            Subquery(months.order_by("-month").values("status")[:1]), Value(Status.NOT_STARTED)
        ),
        disbursed=_sum_subquery(months, "disbursed", "project_year"),
        contracted=Coalesce(
            Subquery(
                year_row.filter(contract_signed_on__lte=end).values("contract_amount")[:1],
                output_field=MONEY,
            ),
            ZERO,
        ),
        is_added=Exists(
            Project.objects.filter(
                pk=OuterRef("pk"),
                created_in__kind__in=[EditionKind.ADDITION, EditionKind.CHANGE],
                created_in__approved_on__range=(start, fy_end),
            )
        ),
    )


@dataclass
class Form2Row:
    number: int | None
    name: str
    plan_n: int = 0
    plan_amount: Decimal = Decimal(0)
    budget_n: int = 0
    added_n: int = 0
    by_status: dict = field(default_factory=lambda: dict.fromkeys(Status.values, 0))
    budget: Decimal = Decimal(0)
    contracted: Decimal = Decimal(0)
    disbursed: Decimal = Decimal(0)
    # percentages, filled by Form2.finish with the chosen rounding
    budget_pct: Decimal | None = None
    status_pct: dict = field(default_factory=dict)
    added_pct: Decimal | None = None
    contracted_pct: Decimal | None = None
    disbursed_pct: Decimal | None = None

    def add(self, other: "Form2Row") -> None:
        for f in (
            "plan_n",
            "plan_amount",
            "budget_n",
            "added_n",
            "budget",
            "contracted",
            "disbursed",
        ):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        for k, v in other.by_status.items():
            self.by_status[k] += v


@dataclass
class SubsidyRow:
    project_id: int
    name: str
    status: str
    received: Decimal
    disbursed: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.received - self.disbursed


@dataclass
class Form2:
    org: Organization
    fy: int
    month: int
    rows: list[Form2Row]
    total: Form2Row
    subsidy: list[SubsidyRow]
    problems: list[tuple[str, str]]  # (project name, text) recorded on projects
    decimals: int = 2
    mode: str = "round"

    def finish(self) -> "Form2":
        for r in [*self.rows, self.total]:
            p = lambda a, b: percent(a, b, decimals=self.decimals, mode=self.mode)  # noqa: E731
            r.budget_pct = p(r.budget_n, r.plan_n)
            r.status_pct = {k: p(v, r.budget_n) for k, v in r.by_status.items()}
            r.added_pct = p(r.added_n, r.budget_n)
            r.contracted_pct = p(r.contracted, r.budget)
            r.disbursed_pct = p(r.disbursed, r.budget)
        return self


def form2(org: Organization, fy: int, month: int, *, decimals=2, mode="round") -> Form2:
    """แบบที่ 2 as of the end of `month`: per strategy, plan vs budget vs status vs money."""
    end = month_end(fy, month)
    plan = Plan.objects.filter(org=org, start_year__lte=fy, end_year__gte=fy).first()
    rows: dict[int | None, Form2Row] = {}
    if plan is not None:
        for s in plan.strategies.all():
            rows[s.pk] = Form2Row(s.number, s.name)
        summary = plan_summary(plan, approved_seq_on(plan, end))
        col = summary.years.index(fy) if fy in summary.years else None
        for r in summary.rows:
            if r.level == "strategy" and col is not None and r.key[0] in rows:
                rows[r.key[0]].plan_n = r.cells[col].count
                rows[r.key[0]].plan_amount = r.cells[col].amount
    projects = tracked_projects(org, fy, month)
    grouped = projects.values("strategy_id", "status").annotate(
        n=Count("pk"),
        added=Count("pk", filter=Q(is_added=True)),
        budget_sum=Sum("budget"),
        contracted_sum=Sum("contracted"),
        disbursed_sum=Sum("disbursed"),
    )
    for g in grouped:
        row = rows.setdefault(g["strategy_id"], Form2Row(None, "ไม่ระบุยุทธศาสตร์"))
        row.budget_n += g["n"]
        row.added_n += g["added"]
        row.by_status[g["status"]] += g["n"]
        row.budget += g["budget_sum"] or 0
        row.contracted += g["contracted_sum"] or 0
        row.disbursed += g["disbursed_sum"] or 0
    total = Form2Row(None, "รวม")
    for r in rows.values():
        total.add(r)
    subsidy = [
        SubsidyRow(pid, "", status, received, disbursed)
        for pid, status, received, disbursed in projects.filter(subsidy__gt=0)
        .values_list("pk", "status", "subsidy", "disbursed")
        .order_by("pk")
    ]
    names = _names([s.project_id for s in subsidy])
    for s in subsidy:
        s.name = names.get(s.project_id, "")
    problems = list(
        ProjectYear.objects.filter(org=org, fiscal_year=fy)
        .exclude(problems="")
        .values_list("project_id", "problems")
        .order_by("project_id")
    )
    pnames = _names([pid for pid, _ in problems])
    return Form2(
        org, fy, month,
        rows=sorted(rows.values(), key=lambda r: (r.number is None, r.number or 0)),
        total=total, subsidy=subsidy,
        problems=[(pnames.get(pid, ""), text) for pid, text in problems],
        decimals=decimals, mode=mode,
    ).finish()  # fmt: skip


def _names(project_ids) -> dict[int, str]:
    return dict(
        ProjectVersion.objects.filter(project_id__in=project_ids)
        .order_by("project_id", "valid_from_seq")
        .values_list("project_id", "name")
    )


# -- dashboard ---------------------------------------------------------------------------------


def disbursement_curve(org: Organization, fy: int) -> dict:
    """Cumulative planned vs actual disbursement per fiscal month (2 queries).

    The plan curve spreads each action-plan item's amount evenly from its first to its last
    planned month — the same expectation the disbursement-lag rule uses.
    """
    from django.db.models import Case, ExpressionWrapper, F, When

    from monitoring.selectors import action_items

    span = F("last_month") - F("first_month") + Value(1)
    planned = (
        action_items(org, fy)
        .filter(first_month__gt=0)
        .aggregate(
            **{
                f"m{m}": Sum(
                    Case(
                        When(last_month__lte=m, then=F("amount")),
                        When(first_month__gt=m, then=ZERO),
                        default=ExpressionWrapper(
                            F("amount") * (Value(m + 1) - F("first_month")) / span,
                            output_field=MONEY,
                        ),
                        output_field=MONEY,
                    )
                )
                for m in range(1, 13)
            }
        )
    )
    paid = dict(
        MonthlyProgress.objects.filter(project_year__org=org, project_year__fiscal_year=fy)
        .values("month")
        .annotate(s=Sum("disbursed"))
        .values_list("month", "s")
    )
    running, actual = Decimal(0), []
    for m in range(1, 13):
        running += paid.get(m, Decimal(0))
        actual.append(float(running))
    return {"planned": [float(planned[f"m{m}"] or 0) for m in range(1, 13)], "actual": actual}


def province_rows(org_ids: list[int], fy: int) -> list[dict]:
    """Per org: budgeted projects and money (current state), status counts, alerts (3 queries)."""
    from plans.models import BudgetLine

    budget = dict(
        BudgetLine.objects.filter(ordinance__org_id__in=org_ids, ordinance__fiscal_year=fy)
        .values("ordinance__org_id")
        .annotate(s=Sum("amount"))
        .values_list("ordinance__org_id", "s")
    )
    state = {
        r["org_id"]: r
        for r in ProjectYear.objects.filter(org_id__in=org_ids, fiscal_year=fy)
        .values("org_id")
        .annotate(
            disbursed=Sum("disbursed"),
            done=Count("pk", filter=Q(status=Status.DONE)),
            in_progress=Count("pk", filter=Q(status=Status.IN_PROGRESS)),
            cancelled=Count("pk", filter=Q(status=Status.CANCELLED)),
        )
    }
    from monitoring.models import Alert, Severity

    alerts = {
        r["org_id"]: r
        for r in Alert.objects.filter(org_id__in=org_ids, fiscal_year=fy)
        .values("org_id")
        .annotate(
            red=Count("pk", filter=Q(severity=Severity.RED)),
            amber=Count("pk", filter=Q(severity=Severity.AMBER)),
        )
    }
    rows = []
    for oid in org_ids:
        s, a = state.get(oid, {}), alerts.get(oid, {})
        b = budget.get(oid) or Decimal(0)
        d = s.get("disbursed") or Decimal(0)
        rows.append({"org_id": oid, "budget": b, "disbursed": d, "disbursed_pct": percent(d, b),
                     "done": s.get("done", 0), "in_progress": s.get("in_progress", 0),
                     "cancelled": s.get("cancelled", 0), "red": a.get("red", 0),
                     "amber": a.get("amber", 0)})  # fmt: skip
    return rows


def light(red: int, amber: int) -> str:
    return "red" if red else ("amber" if amber else "green")
