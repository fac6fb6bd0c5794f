"""The province picture for a fiscal year: every org's plan, budget, money and status, grouped
by program, org type, district or linked strategy. One SQL statement per grouping; the database
aggregates."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import connection

from monitoring.queries import money
from orgs.models import OrgType
from plans.models import LinkageLevel, LinkageTarget
from thai.numbers import percent

INFRASTRUCTURE_PROGRAM = "00310"  # แผนงานอุตสาหกรรมและการโยธา: roads, drains, buildings

FACTS = """
WITH orgs AS (SELECT id, org_type, district_id FROM orgs_organization WHERE province_id = %(province)s),
pv AS (
  SELECT v.id, v.project_id, v.plan_id, v.program_id, v.strategy_id
  FROM plans_projectversion v JOIN plans_plan p ON p.id = v.plan_id
  WHERE p.org_id IN (SELECT id FROM orgs) AND p.start_year <= %(fy)s AND p.end_year >= %(fy)s
    AND v.removed = %(false)s
    AND EXISTS (SELECT 1 FROM plans_edition e WHERE e.plan_id = v.plan_id AND e.seq = v.valid_from_seq
                AND e.status = 'approved')
    AND (v.valid_until_seq IS NULL OR NOT EXISTS (
         SELECT 1 FROM plans_edition e2 WHERE e2.plan_id = v.plan_id AND e2.seq = v.valid_until_seq
         AND e2.status = 'approved'))),
lines AS (
  SELECT bl.project_id, SUM(bl.amount) AS amount FROM plans_budgetline bl
  JOIN plans_budgetordinance bo ON bo.id = bl.ordinance_id
  WHERE bo.org_id IN (SELECT id FROM orgs) AND bo.fiscal_year = %(fy)s GROUP BY bl.project_id),
facts AS (
  SELECT pv.project_id, p.org_id, orgs.org_type, orgs.district_id, pv.program_id, pv.strategy_id,
         COALESCE(pb.amount, 0) AS plan_amount, COALESCE(lines.amount, 0) AS budget,
         COALESCE(py.disbursed, 0) AS disbursed, COALESCE(py.status, 'not_started') AS status
  FROM pv JOIN plans_plan p ON p.id = pv.plan_id JOIN orgs ON orgs.id = p.org_id
  LEFT JOIN plans_projectbudget pb ON pb.version_id = pv.id AND pb.year = %(fy)s
  LEFT JOIN lines ON lines.project_id = pv.project_id
  LEFT JOIN monitoring_projectyear py ON py.project_id = pv.project_id AND py.fiscal_year = %(fy)s)
"""
MEASURES = """
  SUM(CASE WHEN f.plan_amount > 0 THEN 1 ELSE 0 END), SUM(f.plan_amount),
  SUM(CASE WHEN f.budget > 0 THEN 1 ELSE 0 END), SUM(f.budget), SUM(f.disbursed),
  SUM(CASE WHEN f.budget > 0 AND f.status = 'done' THEN 1 ELSE 0 END),
  SUM(CASE WHEN f.budget > 0 AND f.status = 'in_progress' THEN 1 ELSE 0 END),
  SUM(CASE WHEN f.budget > 0 AND f.status = 'not_started' THEN 1 ELSE 0 END),
  SUM(CASE WHEN f.budget > 0 AND f.status = 'cancelled' THEN 1 ELSE 0 END)
"""
GROUPINGS = {
    "program": ("แผนงาน", "SELECT pr.code, pr.name, {m} FROM facts f JOIN plans_program pr ON pr.id = f.program_id GROUP BY pr.code, pr.name ORDER BY pr.code"),
    "org_type": ("ประเภท อปท.", "SELECT f.org_type, f.org_type, {m} FROM facts f GROUP BY f.org_type ORDER BY f.org_type"),
    "district": ("อำเภอ", "SELECT d.id, d.name, {m} FROM facts f LEFT JOIN orgs_district d ON d.id = f.district_id GROUP BY d.id, d.name ORDER BY d.name"),
    "lao_strategy": ("ยุทธศาสตร์การพัฒนาของ อปท. ในเขตจังหวัด", "SELECT t.code, t.name, {m} FROM facts f JOIN plans_strategy_linkages sl ON sl.strategy_id = f.strategy_id JOIN plans_linkagetarget t ON t.id = sl.linkagetarget_id AND t.level = 'lao_province' GROUP BY t.code, t.name ORDER BY t.code"),
    "province_strategy": ("ยุทธศาสตร์จังหวัด", "SELECT t.code, t.name, {m} FROM facts f JOIN plans_strategy_linkages sl ON sl.strategy_id = f.strategy_id JOIN plans_linkagetarget t ON t.id = sl.linkagetarget_id AND t.level = 'province' GROUP BY t.code, t.name ORDER BY t.code"),
}  # fmt: skip


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
    params = {"province": province_id, "fy": fy, "false": False}
    with connection.cursor() as cursor:
        cursor.execute(FACTS + select.format(m=MEASURES), params)
        rows = cursor.fetchall()
    types = dict(OrgType.choices)
    out = []
    for key, label, pn, pa, bn, b, d, done, prog, ns, canc in rows:
        label = types.get(label, label) if by == "org_type" else (label or "ไม่ระบุ")
        out.append(Group(key, label, int(pn or 0), money(pa), int(bn or 0), money(b), money(d),
                         int(done or 0), int(prog or 0), int(ns or 0), int(canc or 0)))  # fmt: skip
    return out


def total(groups: list[Group]) -> Group:
    t = Group(None, "รวม", 0, Decimal(0), 0, Decimal(0), Decimal(0), 0, 0, 0, 0)
    for g in groups:
        for f in ("plan_n", "plan_amount", "budget_n", "budget", "disbursed", "done", "in_progress",
                  "not_started", "cancelled"):  # fmt: skip
            setattr(t, f, getattr(t, f) + getattr(g, f))
    return t


def infrastructure_share(programs: list[Group]) -> dict:
    infra = [g for g in programs if g.key == INFRASTRUCTURE_PROGRAM]
    whole = total(programs)
    i = infra[0] if infra else Group(None, "", 0, Decimal(0), 0, Decimal(0), Decimal(0), 0, 0, 0, 0)
    return {"plan_pct": percent(i.plan_amount, whole.plan_amount),
            "budget_pct": percent(i.budget, whole.budget),
            "plan_amount": i.plan_amount, "budget": i.budget}  # fmt: skip


def uncovered(province, by_lao: list[Group], by_province: list[Group]) -> list[LinkageTarget]:
    """Provincial and LAO-in-province strategies that no budgeted local project serves."""
    served = {g.key for g in by_lao + by_province if g.budget_n}
    return [t for t in LinkageTarget.objects.filter(
        province=province, level__in=[LinkageLevel.PROVINCE, LinkageLevel.LAO_IN_PROVINCE]
    ).order_by("level", "code") if t.code not in served or not _served(t, by_lao, by_province)]  # fmt: skip


def _served(target, by_lao, by_province) -> bool:
    groups = by_lao if target.level == LinkageLevel.LAO_IN_PROVINCE else by_province
    return any(g.key == target.code and g.budget_n for g in groups)


NATIONAL = """
WITH money AS (
  SELECT o.province_id, COUNT(DISTINCT bl.project_id) AS projects, SUM(bl.amount) AS budget
  FROM plans_budgetline bl JOIN plans_budgetordinance bo ON bo.id = bl.ordinance_id
  JOIN orgs_organization o ON o.id = bo.org_id
  WHERE bo.fiscal_year = %(fy)s GROUP BY o.province_id),
state AS (
  SELECT o.province_id, SUM(py.disbursed) AS disbursed,
         SUM(CASE WHEN py.status = 'done' THEN 1 ELSE 0 END) AS done,
         SUM(CASE WHEN py.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled
  FROM monitoring_projectyear py JOIN orgs_organization o ON o.id = py.org_id
  WHERE py.fiscal_year = %(fy)s GROUP BY o.province_id),
orgs AS (SELECT province_id, COUNT(*) AS n FROM orgs_organization GROUP BY province_id)
SELECT p.id, p.code, p.name, COALESCE(orgs.n, 0), COALESCE(money.projects, 0), COALESCE(money.budget, 0),
       COALESCE(state.disbursed, 0), COALESCE(state.done, 0), COALESCE(state.cancelled, 0)
FROM orgs_province p LEFT JOIN orgs ON orgs.province_id = p.id
LEFT JOIN money ON money.province_id = p.id LEFT JOIN state ON state.province_id = p.id
ORDER BY p.code
"""


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
    """Every province's budgeted projects, money and outcomes for a year (one statement)."""
    with connection.cursor() as cursor:
        cursor.execute(NATIONAL, {"fy": fy})
        rows = cursor.fetchall()
    return [ProvinceRow(pid, code, name, int(n), int(p), money(b), money(d), int(done), int(c))
            for pid, code, name, n, p, b, d, done, c in rows]  # fmt: skip
