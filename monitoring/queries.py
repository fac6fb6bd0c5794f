"""Aggregates for แบบที่ 2, the 6-month report and the dashboard, computed by the database.

Everything is "as of" the end of a fiscal month: the plan as approved by then, ordinances
promulgated by then, transfers approved by then, and each project's status, disbursement and
contract as recorded up to that month.
"""

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Count, Sum

from monitoring import sql
from monitoring.models import ProjectYear, Status
from orgs.models import Organization
from plans.models import Strategy
from plans.models.rules import ApprovedVersion, window_holds
from plans.selectors import latest_names, year_as_of
from thai.dates import FISCAL_MONTHS, ce_year, fiscal_year_bounds
from thai.numbers import percent


def money(value) -> Decimal:
    """A SUM from raw SQL as exact baht and satang (SQLite hands back floats for decimals)."""
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))


def month_end(fy: int, month: int) -> dt.date:
    """Last day of fiscal month `month` (1 = ต.ค.) of fiscal year `fy`."""
    cal_month = FISCAL_MONTHS[month - 1]
    year = ce_year(fy - 1 if cal_month >= 10 else fy)
    return dt.date(year, cal_month, calendar.monthrange(year, cal_month)[1])


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


def form2(
    org: Organization, fy: int, month: int, *, decimals=2, mode="round", details=True
) -> Form2:
    """แบบที่ 2 as of the end of `month`: per strategy, plan vs budget vs status vs money."""
    end = month_end(fy, month)
    start, fy_end = fiscal_year_bounds(fy)
    strategies = list(
        Strategy.objects.filter(plan__org=org, plan__start_year__lte=fy, plan__end_year__gte=fy)
    )
    rows: dict[int | None, Form2Row] = {s.pk: Form2Row(s.number, s.name) for s in strategies}
    params: dict[str, Any] = {
        "org": org.pk,
        "fy": fy,
        "month": month,
        "end": end,
        "start": start,
        "fy_end": fy_end,
        "false": False,
    }
    for strategy_id, n, amount in plan_by_strategy(org, fy, end):
        if strategy_id in rows:
            rows[strategy_id].plan_n = n
            rows[strategy_id].plan_amount = money(amount)
    with connection.cursor() as cursor:
        cursor.execute(sql.FORM2_BY_STRATEGY, params)
        grouped = cursor.fetchall()
    for strategy_id, status, n, added, budget, contracted, disbursed in grouped:
        row = rows.setdefault(strategy_id, Form2Row(None, "ไม่ระบุยุทธศาสตร์"))
        row.budget_n += n
        row.added_n += added or 0
        row.by_status[status] += n
        row.budget += money(budget)
        row.contracted += money(contracted)
        row.disbursed += money(disbursed)
    total = Form2Row(None, "รวม")
    for r in rows.values():
        total.add(r)
    if not details:  # the dashboard needs only the numbers
        return Form2(
            org,
            fy,
            month,
            rows=_ordered(rows),
            total=total,
            subsidy=[],
            problems=[],
            decimals=decimals,
            mode=mode,
        ).finish()
    with connection.cursor() as cursor:
        cursor.execute(sql.SUBSIDY_ROWS, {"org": org.pk, "fy": fy, "month": month, "end": end})
        subsidy = [
            SubsidyRow(pid, "", status, money(received), money(paid))
            for pid, status, received, paid in cursor.fetchall()
        ]
    names = latest_names([s.project_id for s in subsidy])
    for s in subsidy:
        s.name = names.get(s.project_id, "")
    problems = list(
        ProjectYear.objects.filter(org=org, fiscal_year=fy)
        .exclude(problems="")
        .values_list("project_id", "problems")
        .order_by("project_id")
    )
    pnames = latest_names([pid for pid, _ in problems])
    return Form2(
        org,
        fy,
        month,
        rows=_ordered(rows),
        total=total,
        subsidy=subsidy,
        problems=[(pnames.get(pid, ""), text) for pid, text in problems],
        decimals=decimals,
        mode=mode,
    ).finish()


def plan_by_strategy(org: Organization, fy: int, on: dt.date):
    """Per strategy: the projects of the plan as approved on `on` with a budget > 0 for year `fy`,
    and their amount, through the shared rule (bench/bench_sql.py, 2026-12-01: the statement it
    replaced was 1.6× this form on PostgreSQL, 18,000 projects — not worth a copy by hand)."""
    return (
        ApprovedVersion.objects.filter(
            window_holds(on),
            plan__org=org,
            plan__start_year__lte=fy,
            plan__end_year__gte=fy,
            removed=False,
            version__budgets__year=fy,
            version__budgets__amount__gt=0,
        )
        .values("strategy_id")
        .annotate(n=Count("id"), s=Sum("version__budgets__amount"))
        .values_list("strategy_id", "n", "s")
    )


def _ordered(rows: dict) -> list[Form2Row]:
    return sorted(rows.values(), key=lambda r: (r.number is None, r.number or 0))


# -- dashboard ---------------------------------------------------------------------------------


def disbursement_curve(org: Organization, fy: int) -> dict:
    """Cumulative planned vs actual disbursement per fiscal month (one statement, two groupings).

    The plan curve spreads each action-plan item's amount evenly from its first to its last
    planned month — the same expectation the disbursement-lag rule uses. The database sums the
    amounts per (first, last) pair (at most 78 groups); the 12 points are read off those sums.
    """
    params = {"org": org.pk, "fy": fy}
    with connection.cursor() as cursor:
        cursor.execute(sql.DISBURSEMENT_CURVE, params)
        rows = cursor.fetchall()
    spans = [(first, last, amount) for kind, first, last, amount in rows if kind == "plan"]
    paid = {m: money(s) for kind, m, _, s in rows if kind == "paid"}
    planned = [Decimal(0)] * 12
    for first, last, amount in spans:
        amount = money(amount)
        for m in range(first, 13):
            part = amount if m >= last else amount * (m + 1 - first) / (last - first + 1)
            planned[m - 1] += part
    running, actual = Decimal(0), []
    for m in range(1, 13):
        running += paid.get(m, Decimal(0))
        actual.append(float(running))
    return {"planned": [float(round(x, 2)) for x in planned], "actual": actual}


def province_rows(province_id: int, org_ids: list[int], fy: int) -> list[dict]:
    """Per org of the province: budgeted projects and money (as of today, or the year's end),
    status counts of the budgeted projects, alerts —
    one statement (sql.PROVINCE_ROWS); rows come back in the order of org_ids."""
    params: dict[str, Any] = {"province": province_id, "fy": fy, "end": year_as_of(fy)}
    with connection.cursor() as cursor:
        cursor.execute(sql.PROVINCE_ROWS, params)
        found = {r[0]: r for r in cursor.fetchall()}
    rows = []
    for oid in org_ids:
        _, n, b, d, done, prog, canc, red, amber = found.get(oid, (oid, 0, 0, 0, 0, 0, 0, 0, 0))
        budget, paid = money(b), money(d)
        rows.append(
            {
                "org_id": oid,
                "projects": int(n),
                "budget": budget,
                "disbursed": paid,
                "disbursed_pct": percent(paid, budget),
                "done": int(done),
                "in_progress": int(prog),
                "cancelled": int(canc),
                "red": int(red),
                "amber": int(amber),
            }
        )
    return rows


def light(red: int, amber: int, projects: int, disbursed_pct, elapsed_pct) -> str:
    """Red when urgent alerts touch more than 1 budgeted project in 10 or money lags the calendar
    by more than 25 points; amber when anything is flagged; green otherwise."""
    lagging = (
        disbursed_pct is not None and elapsed_pct is not None and (disbursed_pct < elapsed_pct - 25)
    )
    if lagging or (projects and red * 10 > projects):
        return "red"
    return "amber" if red or amber else "green"
