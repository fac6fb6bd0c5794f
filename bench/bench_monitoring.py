"""Early warning and the org dashboard at province scale.

Generates one province of 150 orgs × 300 budgeted projects × 12 months of progress (bulk
inserts straight into the tables: this is a fixture, not a test of the services), then prints

  * the province-wide early-warning evaluation (all six rules, all 150 orgs),
  * the org dashboard's numbers (แบบที่ 2 as of the year end + the disbursement curve) through
    the app's query code, and the whole dashboard page through Django's test client,
  * the same numbers computed by hand-written SQL, checked equal, and the ratio (goal ≤ 1.5×).

    .venv/bin/python bench/bench_monitoring.py [--orgs 150] [--projects 300] [--database-url URL]
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _data import FY, django_on, province_data, timed  # noqa: E402 - after the path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=150)
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()
    django_on(args.database_url)
    province, orgs = province_data(args.orgs, args.projects)

    from monitoring.models import MonthlyProgress
    from monitoring.rules import evaluate
    from orgs.models import Organization

    print(f"monthly progress rows: {MonthlyProgress.objects.count():,}")
    scope = Organization.objects.filter(province=province)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        alerts = evaluate(scope, FY, dt.date(2026, 9, 30))
        times.append(time.perf_counter() - t0)
    print(
        f"province early warning ({args.orgs} orgs, 6 rules): median {statistics.median(times):.2f}"
        f" s, {alerts:,} alerts"
    )

    org = orgs[len(orgs) // 2]
    app_s, app_numbers = timed(lambda: app_numbers_for(org), args.runs)
    raw_s, raw_numbers = timed(lambda: raw_numbers_for(org), args.runs)
    assert app_numbers == raw_numbers, (app_numbers, raw_numbers)
    page_s, _ = timed(lambda: dashboard_page(org), args.runs)
    print(f"org dashboard numbers (app queries):  p50 {app_s * 1000:7.1f} ms")
    print(f"same numbers by hand-written SQL:     p50 {raw_s * 1000:7.1f} ms  (equal: yes)")
    print(f"ratio app / raw SQL:                  {app_s / raw_s:7.2f}×  (goal ≤ 1.5×)")
    print(f"whole dashboard page (test client):   p50 {page_s * 1000:7.1f} ms")
    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}")


def app_numbers_for(org):
    from monitoring.queries import disbursement_curve, form2

    report = form2(org, FY, 12, details=False)
    curve = disbursement_curve(org, FY)
    rows = sorted(
        (
            r.number,
            r.plan_n,
            r.budget_n,
            tuple(sorted(r.by_status.items())),
            r.budget,
            r.contracted,
            r.disbursed,
        )
        for r in report.rows
    )
    return rows, [round(x, 2) for x in curve["planned"]], curve["actual"]


RAW_STATUS = """
WITH py AS (
  SELECT id, project_id, contract_amount, contract_signed_on FROM monitoring_projectyear
  WHERE org_id = %(org)s AND fiscal_year = %(fy)s),
last AS (
  SELECT py.project_id, MAX(m.month) AS month, SUM(m.disbursed) AS paid
  FROM py JOIN monitoring_monthlyprogress m ON m.project_year_id = py.id
  WHERE m.month <= 12 GROUP BY py.project_id),
st AS (
  SELECT py.project_id, m.status FROM py
  JOIN last ON last.project_id = py.project_id
  JOIN monitoring_monthlyprogress m ON m.project_year_id = py.id AND m.month = last.month),
lines AS (
  SELECT bl.project_id, SUM(bl.amount) AS budget FROM plans_budgetline bl
  JOIN plans_budgetordinance o ON o.id = bl.ordinance_id
  WHERE o.org_id = %(org)s AND o.fiscal_year = %(fy)s
    AND (o.promulgated_on IS NULL OR o.promulgated_on <= %(end)s)
  GROUP BY bl.project_id),
sv AS (
  SELECT lines.project_id, s.number FROM lines
  JOIN plans_strategy s ON s.id = (
    SELECT pv.strategy_id FROM plans_projectversion pv WHERE pv.project_id = lines.project_id
    ORDER BY pv.valid_from_seq DESC LIMIT 1))
SELECT sv.number, COALESCE(st.status, 'not_started'), COUNT(*), SUM(lines.budget),
       SUM(CASE WHEN py.contract_signed_on <= %(end)s THEN py.contract_amount ELSE 0 END),
       SUM(COALESCE(last.paid, 0))
FROM lines JOIN sv ON sv.project_id = lines.project_id
LEFT JOIN last ON last.project_id = lines.project_id
LEFT JOIN st ON st.project_id = lines.project_id
LEFT JOIN py ON py.project_id = lines.project_id
GROUP BY sv.number, COALESCE(st.status, 'not_started')
"""
RAW_PLAN = """
SELECT s.number, COUNT(*), SUM(b.amount) FROM plans_projectversion pv
JOIN plans_strategy s ON s.id = pv.strategy_id
JOIN plans_projectbudget b ON b.version_id = pv.id AND b.year = %(fy)s AND b.amount > 0
JOIN plans_plan p ON p.id = pv.plan_id
WHERE p.org_id = %(org)s AND pv.removed = %(false)s AND pv.valid_until_seq IS NULL
GROUP BY s.number
"""
RAW_PAID = """
SELECT m.month, SUM(m.disbursed) FROM monitoring_monthlyprogress m
JOIN monitoring_projectyear py ON py.id = m.project_year_id
WHERE py.org_id = %(org)s AND py.fiscal_year = %(fy)s GROUP BY m.month
"""
RAW_PLANNED = """
SELECT {cols} FROM plans_actionplanitem i JOIN plans_actionplan a ON a.id = i.action_plan_id
WHERE a.org_id = %(org)s AND a.fiscal_year = %(fy)s AND i.first_month > 0
  AND i.budget_line_id IS NOT NULL
""".format(
    cols=", ".join(
        f"SUM(CASE WHEN i.last_month <= {m} THEN i.amount WHEN i.first_month > {m} THEN 0"
        f" ELSE i.amount * 1.0 * ({m} + 1 - i.first_month) /"
        " (i.last_month - i.first_month + 1) END)"
        for m in range(1, 13)
    )
)


def raw_numbers_for(org):
    from django.db import connection

    from monitoring.models import Status
    from monitoring.queries import month_end

    params = {"org": org.pk, "fy": FY, "end": month_end(FY, 12), "false": False}
    with connection.cursor() as cur:
        cur.execute(RAW_STATUS, params)
        status = cur.fetchall()
        cur.execute(RAW_PLAN, params)
        plan = {n: (c, s) for n, c, s in cur.fetchall()}
        cur.execute(RAW_PAID, params)
        paid = dict(cur.fetchall())
        cur.execute(RAW_PLANNED, params)
        planned = cur.fetchone()
    by = {}
    for number, st, n, budget, contracted, disbursed in status:
        row = by.setdefault(
            number,
            {
                "n": 0,
                "st": dict.fromkeys(Status.values, 0),
                "b": Decimal(0),
                "c": Decimal(0),
                "d": Decimal(0),
            },
        )
        row["n"] += n
        row["st"][st] += n
        row["b"] += Decimal(budget or 0)
        row["c"] += Decimal(contracted or 0)
        row["d"] += Decimal(disbursed or 0)
    numbers = {s.number for s in org.plans.get().strategies.all()}
    rows = []
    for number in numbers:
        r = by.get(
            number,
            {
                "n": 0,
                "st": dict.fromkeys(Status.values, 0),
                "b": Decimal(0),
                "c": Decimal(0),
                "d": Decimal(0),
            },
        )
        rows.append(
            (
                number,
                plan.get(number, (0, 0))[0],
                r["n"],
                tuple(sorted(r["st"].items())),
                r["b"],
                r["c"],
                r["d"],
            )
        )
    running, actual = Decimal(0), []
    for m in range(1, 13):
        running += Decimal(paid.get(m) or 0)
        actual.append(float(running))
    return sorted(rows), [round(float(x or 0), 2) for x in planned], actual


def dashboard_page(org):
    from django.test import Client

    from orgs.models import Membership

    client = Client()
    client.force_login(Membership.objects.filter(org=org).first().user)
    response = client.get(f"/o/{org.code}/monitoring/dashboard/{FY}/")
    assert response.status_code == 200
    return None


if __name__ == "__main__":
    main()
