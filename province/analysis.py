"""The province picture for a fiscal year: every org's plan, budget, money and status, grouped
by program, org type, district or linked strategy. One SQL statement per grouping; the database
aggregates."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Count, Q, Sum

from monitoring import sql
from monitoring.models import ProjectYear, Status
from monitoring.queries import money
from orgs.models import Organization, OrgType, Province
from plans.models import LinkageLevel, LinkageTarget
from plans.models.rules import BudgetMovement, effective_by
from plans.selectors import year_as_of
from thai.numbers import percent

INFRASTRUCTURE_PROGRAM = "00310"  # แผนงานอุตสาหกรรมและการโยธา: roads, drains, buildings

GROUPINGS = sql.ANALYSIS_GROUPINGS


@dataclass
class Group:
    key: object
    label: str
    plan_n: int
    plan_amount: Decimal
    budget_n: int
    budget: Decimal
    disbursed: Decimal
    done: int
    in_progress: int
    not_started: int
    cancelled: int

    @property
    def budget_pct(self):
        return percent(self.budget_n, self.plan_n)

    @property
    def disbursed_pct(self):
        return percent(self.disbursed, self.budget)


def grouped(province_id: int, fy: int, by: str) -> list[Group]:
    _, select = GROUPINGS[by]
    params: dict[str, Any] = {
        "province": province_id,
        "fy": fy,
        "false": False,
        "end": year_as_of(fy),
    }
    with connection.cursor() as cursor:
        cursor.execute(sql.ANALYSIS_FACTS + select.format(m=sql.ANALYSIS_MEASURES), params)
        rows = cursor.fetchall()
    types = dict(OrgType.choices)
    out = []
    for key, label, pn, pa, bn, b, d, done, prog, ns, canc in rows:
        label = types.get(label, label) if by == "org_type" else (label or "ไม่ระบุ")
        out.append(
            Group(
                key,
                label,
                int(pn or 0),
                money(pa),
                int(bn or 0),
                money(b),
                money(d),
                int(done or 0),
                int(prog or 0),
                int(ns or 0),
                int(canc or 0),
            )
        )
    return out


def total(groups: list[Group]) -> Group:
    t = Group(None, "รวม", 0, Decimal(0), 0, Decimal(0), Decimal(0), 0, 0, 0, 0)
    for g in groups:
        for f in (
            "plan_n",
            "plan_amount",
            "budget_n",
            "budget",
            "disbursed",
            "done",
            "in_progress",
            "not_started",
            "cancelled",
        ):
            setattr(t, f, getattr(t, f) + getattr(g, f))
    return t


def infrastructure_share(programs: list[Group]) -> dict:
    infra = [g for g in programs if g.key == INFRASTRUCTURE_PROGRAM]
    whole = total(programs)
    i = infra[0] if infra else Group(None, "", 0, Decimal(0), 0, Decimal(0), Decimal(0), 0, 0, 0, 0)
    return {
        "plan_pct": percent(i.plan_amount, whole.plan_amount),
        "budget_pct": percent(i.budget, whole.budget),
        "plan_amount": i.plan_amount,
        "budget": i.budget,
    }


def uncovered(province, by_lao: list[Group], by_province: list[Group]) -> list[LinkageTarget]:
    """Provincial and LAO-in-province strategies that no budgeted local project serves."""
    served = {g.key for g in by_lao + by_province if g.budget_n}
    return [
        t
        for t in LinkageTarget.objects.filter(
            province=province, level__in=[LinkageLevel.PROVINCE, LinkageLevel.LAO_IN_PROVINCE]
        ).order_by("level", "code")
        if t.code not in served or not _served(t, by_lao, by_province)
    ]


def _served(target, by_lao, by_province) -> bool:
    groups = by_lao if target.level == LinkageLevel.LAO_IN_PROVINCE else by_province
    return any(g.key == target.code and g.budget_n for g in groups)


@dataclass
class ProvinceRow:
    province_id: int
    code: str
    name: str
    orgs: int
    projects: int
    budget: Decimal
    disbursed: Decimal
    done: int
    cancelled: int

    @property
    def disbursed_pct(self):
        return percent(self.disbursed, self.budget)


def national_rollup(fy: int) -> list[ProvinceRow]:
    """Every province's budgeted projects, money and outcomes for a year, read through the shared
    budget rule (bench/bench_sql.py: the statement it replaced was 1.3× this form on SQLite)."""
    moves = BudgetMovement.objects.filter(effective_by(year_as_of(fy)), fiscal_year=fy)
    budgeted = {
        pid: (n, budget)
        for pid, n, budget in moves.values("org__province_id")
        .annotate(n=Count("project_id", distinct=True), b=Sum("amount"))
        .values_list("org__province_id", "n", "b")
    }
    state = {
        pid: rest
        for pid, *rest in ProjectYear.objects.filter(
            fiscal_year=fy, project_id__in=moves.values("project_id")
        )
        .values("org__province_id")
        .annotate(
            d=Sum("disbursed"),
            done=Count("id", filter=Q(status=Status.DONE)),
            canc=Count("id", filter=Q(status=Status.CANCELLED)),
        )
        .values_list("org__province_id", "d", "done", "canc")
    }
    orgs = dict(
        Organization.objects.values("province_id")
        .annotate(n=Count("id"))
        .values_list("province_id", "n")
    )
    rows = []
    for pid, code, name in Province.objects.order_by("code").values_list("id", "code", "name"):
        n, budget = budgeted.get(pid, (0, 0))
        disbursed, done, cancelled = state.get(pid, (0, 0, 0))
        rows.append(
            ProvinceRow(
                pid,
                code,
                name,
                orgs.get(pid, 0),
                n,
                money(budget),
                money(disbursed),
                done,
                cancelled,
            )
        )
    return rows
