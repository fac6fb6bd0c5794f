"""National scale on PostgreSQL: ~7,850 orgs in 77 provinces, ~479,000 projects with five plan
years each (~2.4 M project-years), FY2569 budgets for ~60 % of them and a year of monthly progress.

The data is generated inside PostgreSQL (INSERT … SELECT over generate_series, setseed for
repeatability), then the script prints:
  * the early-warning evaluation of the 150-org province,
  * the province dashboard (150 orgs): its numbers through the app's code vs hand-written SQL
    (checked equal), and the whole page through Django's test client — goal p50 ≤ 150 ms and
    ≤ 1.5× the raw SQL,
  * the national roll-up by province — goal ≤ 1 s.

    .venv/bin/python bench/bench_national.py --database-url postgres://…/tidtam_national
"""

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _data import timed  # noqa: E402 - after the path

FY = 2569
GENERATE = [
    "SELECT setseed(0.2569)",
    """INSERT INTO orgs_province (code, name)
       SELECT 'N' || lpad(g::text, 2, '0'), 'จังหวัดทดสอบ ' || g FROM generate_series(1, 77) g""",
    """INSERT INTO orgs_district (province_id, name)
       SELECT p.id, 'อำเภอ ' || d FROM orgs_province p, generate_series(1, 10) d WHERE p.code LIKE 'N%'""",  # noqa: E501
    # 150 orgs in the first province, the rest spread over the other 76: 7,850 in all
    """INSERT INTO orgs_organization (code, name, org_type, province_id, district_id)
       SELECT 'N' || lpad(i::text, 5, '0'), 'อปท.ทดสอบ ' || i,
              CASE WHEN i = 1 OR i BETWEEN 151 AND 226 THEN 'pao'  -- the first org of each province
                   WHEN random() < 0.70 THEN 'sao' WHEN random() < 0.95 THEN 'subdistrict' ELSE 'town' END,
              p.id, (SELECT d.id FROM orgs_district d WHERE d.province_id = p.id ORDER BY d.id
                     OFFSET (i % 10) LIMIT 1)
       FROM generate_series(1, 7850) i
       JOIN orgs_province p ON p.code = 'N' || lpad((CASE WHEN i <= 150 THEN 1 ELSE 2 + (i - 151) % 76 END)::text, 2, '0')""",  # noqa: E501
    """INSERT INTO plans_plan (org_id, title, start_year, end_year, vision)
       SELECT id, 'แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)', 2566, 2570, '' FROM orgs_organization WHERE code LIKE 'N%'""",  # noqa: E501
    """INSERT INTO plans_edition (plan_id, seq, kind, number, year, status, approver, approved_on, note)
       SELECT p.id, 1, 'original', NULL, NULL, 'approved', 'ผู้บริหารท้องถิ่น', DATE '2021-12-20', ''
       FROM plans_plan p JOIN orgs_organization o ON o.id = p.org_id WHERE o.code LIKE 'N%'""",  # noqa: E501
    """INSERT INTO plans_strategy (plan_id, number, name)
       SELECT p.id, s, 'ยุทธศาสตร์ที่ ' || s FROM plans_plan p JOIN orgs_organization o ON o.id = p.org_id,
              generate_series(1, 7) s WHERE o.code LIKE 'N%'""",  # noqa: E501
    """INSERT INTO plans_project (plan_id, created_in_id)
       SELECT p.id, e.id FROM plans_plan p JOIN plans_edition e ON e.plan_id = p.id
       JOIN orgs_organization o ON o.id = p.org_id, generate_series(1, 61) k WHERE o.code LIKE 'N%'""",  # noqa: E501
    """INSERT INTO plans_projectversion (project_id, plan_id, edition_id, valid_from_seq, valid_until_seq,
         removed, revision, strategy_id, tactic_id, program_id, seq_no, name, objective, target, kpi,
         expected_result, division_id, responsible_unit, form, location)
       SELECT pr.id, pr.plan_id, pr.created_in_id, 1, NULL, false, 1,
              (SELECT s.id FROM plans_strategy s WHERE s.plan_id = pr.plan_id ORDER BY s.number
               OFFSET (pr.id % 7) LIMIT 1),
              NULL, (SELECT id FROM plans_program ORDER BY id OFFSET (pr.id * 7 % 12) LIMIT 1),
              pr.id, 'โครงการทดสอบ ' || pr.id, '', '', '', '', NULL, '', 'p02', ''
       FROM plans_project pr JOIN plans_plan p ON p.id = pr.plan_id JOIN orgs_organization o ON o.id = p.org_id
       WHERE o.code LIKE 'N%'""",  # noqa: E501
    """INSERT INTO plans_projectbudget (version_id, year, amount)
       SELECT v.id, y, round((20 + random() * 1980)::numeric) * 1000
       FROM plans_projectversion v JOIN plans_plan p ON p.id = v.plan_id
       JOIN orgs_organization o ON o.id = p.org_id, generate_series(2566, 2570) y WHERE o.code LIKE 'N%'""",  # noqa: E501
    """INSERT INTO plans_budgetordinance (org_id, fiscal_year, kind, number, promulgated_on)
       SELECT id, 2569, 'annual', 1, DATE '2025-09-20' FROM orgs_organization WHERE code LIKE 'N%'""",  # noqa: E501
    """INSERT INTO plans_budgetline (ordinance_id, project_id, source, amount, item)
       SELECT bo.id, pv.project_id, 'annual', round(b.amount * 0.9), ''
       FROM plans_projectversion pv JOIN plans_plan p ON p.id = pv.plan_id
       JOIN plans_budgetordinance bo ON bo.org_id = p.org_id AND bo.fiscal_year = 2569
       JOIN plans_projectbudget b ON b.version_id = pv.id AND b.year = 2569
       JOIN orgs_organization o ON o.id = p.org_id
       WHERE o.code LIKE 'N%' AND random() < 0.6""",
    """INSERT INTO monitoring_projectyear (org_id, fiscal_year, project_id, procurement, contract_no,
         contract_signed_on, contract_amount, carried_over, problems, status, progress, disbursed,
         last_month, version, updated_at)
       SELECT bo.org_id, 2569, bl.project_id, 'specific', '', NULL, NULL, 0, '', 'not_started', 0, 0, 0, 1, now()
       FROM plans_budgetline bl JOIN plans_budgetordinance bo ON bo.id = bl.ordinance_id
       JOIN orgs_organization o ON o.id = bo.org_id WHERE o.code LIKE 'N%'""",  # noqa: E501
    """CREATE TEMP TABLE plan_start AS
       SELECT py.id, 1 + floor(random() * 9)::int AS start, bl.amount AS budget
       FROM monitoring_projectyear py JOIN plans_budgetline bl ON bl.project_id = py.project_id
       JOIN orgs_organization o ON o.id = py.org_id WHERE o.code LIKE 'N%' AND random() < 0.9""",
    """INSERT INTO monitoring_monthlyprogress (project_year_id, month, status, progress, disbursed, note, updated_at)
       SELECT s.id, m, CASE WHEN m >= s.start + 3 THEN 'done' ELSE 'in_progress' END,
              LEAST(100, (m - s.start + 1) * 25), CASE WHEN m = s.start + 3 THEN s.budget * 0.95 ELSE 0 END,
              '', now()
       FROM plan_start s, generate_series(1, 12) m WHERE m >= s.start""",  # noqa: E501
    """UPDATE monitoring_projectyear py SET disbursed = x.paid, status = x.status, progress = x.progress,
         last_month = x.month
       FROM (SELECT DISTINCT ON (project_year_id) project_year_id, month, status, progress,
               SUM(disbursed) OVER (PARTITION BY project_year_id) AS paid
             FROM monitoring_monthlyprogress ORDER BY project_year_id, month DESC) x
       WHERE x.project_year_id = py.id""",  # noqa: E501
    "ANALYZE",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True, help="a PostgreSQL database just for this")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tidtam.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("PostgreSQL only")
    call_command("migrate", verbosity=0)
    from orgs.models import Organization, Province

    with connection.cursor() as cur:
        if not Province.objects.filter(code="N01").exists():
            t0 = time.perf_counter()
            for statement in GENERATE:
                cur.execute(statement)
            print(f"generated in {time.perf_counter() - t0:.0f} s")
        else:
            cur.execute("ANALYZE")
        for table in (
            "orgs_organization",
            "plans_project",
            "plans_projectbudget",
            "plans_budgetline",
            "monitoring_projectyear",
            "monitoring_monthlyprogress",
        ):
            cur.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed table names
            print(f"  {table:<28} {cur.fetchone()[0]:>11,}")

    from monitoring.rules import evaluate

    province = Province.objects.get(code="N01")
    orgs = Organization.objects.filter(province=province)
    t0 = time.perf_counter()
    alerts = evaluate(orgs, FY, dt.date(2026, 9, 30))
    print(f"early warning, 150-org province: {time.perf_counter() - t0:.2f} s ({alerts:,} alerts)")

    t0 = time.perf_counter()
    everyone = evaluate(Organization.objects.all(), FY, dt.date(2026, 9, 30))
    print(
        f"early warning, all {Organization.objects.count():,} orgs: {time.perf_counter() - t0:.2f}"
        f" s ({everyone:,} alerts)"
    )
    with connection.cursor() as cur:
        cur.execute("ANALYZE monitoring_alert")  # as autovacuum would after a nightly run
    pao = orgs.order_by("code").first()
    org_ids = list(orgs.order_by("code").values_list("pk", flat=True))
    app_s, app = timed(lambda: app_numbers(province.pk, org_ids), args.runs)
    raw_s, raw = timed(lambda: raw_numbers(province.pk), args.runs)
    assert app == raw, "the app and the hand-written SQL disagree"
    page_s, _ = timed(lambda: province_page(pao), args.runs)
    print(f"province dashboard numbers (app):      p50 {app_s * 1000:7.1f} ms")
    print(
        f"same numbers, hand-written SQL:        p50 {raw_s * 1000:7.1f} ms   ratio"
        f" {app_s / raw_s:.2f}× (goal ≤ 1.5×)"
    )
    print(f"province dashboard page (test client): p50 {page_s * 1000:7.1f} ms   (goal ≤ 150 ms)")

    from province.analysis import national_rollup

    nat_s, rows = timed(lambda: national_rollup(FY), args.runs)
    print(
        f"national roll-up by province:          p50 {nat_s * 1000:7.1f} ms   ({len(rows)}"
        " provinces; goal ≤ 1 s)"
    )


def app_numbers(province_id, org_ids):
    from monitoring.queries import province_rows

    return [
        (
            r["org_id"],
            r["budget"],
            r["disbursed"],
            r["done"],
            r["in_progress"],
            r["cancelled"],
            r["red"],
            r["amber"],
        )
        for r in province_rows(province_id, org_ids, FY)
    ]


RAW = """
SELECT o.id, COALESCE(b.budget, 0), COALESCE(s.disbursed, 0), COALESCE(s.done, 0), COALESCE(s.prog, 0),
       COALESCE(s.canc, 0), COALESCE(a.red, 0), COALESCE(a.amber, 0)
FROM orgs_organization o
LEFT JOIN (SELECT bo.org_id, SUM(bl.amount) budget FROM plans_budgetline bl
           JOIN plans_budgetordinance bo ON bo.id = bl.ordinance_id
           JOIN orgs_organization x ON x.id = bo.org_id
           WHERE bo.fiscal_year = %(fy)s AND x.province_id = %(province)s GROUP BY bo.org_id) b ON b.org_id = o.id
LEFT JOIN (SELECT org_id, SUM(disbursed) disbursed, COUNT(*) FILTER (WHERE status = 'done') done,
                  COUNT(*) FILTER (WHERE status = 'in_progress') prog,
                  COUNT(*) FILTER (WHERE status = 'cancelled') canc
           FROM monitoring_projectyear py JOIN orgs_organization x ON x.id = py.org_id
           WHERE fiscal_year = %(fy)s AND x.province_id = %(province)s GROUP BY org_id) s
  ON s.org_id = o.id
LEFT JOIN (SELECT org_id, COUNT(*) FILTER (WHERE severity = 'red') red,
                  COUNT(*) FILTER (WHERE severity = 'amber') amber
           FROM monitoring_alert al JOIN orgs_organization x ON x.id = al.org_id
           WHERE fiscal_year = %(fy)s AND x.province_id = %(province)s GROUP BY org_id) a
  ON a.org_id = o.id
WHERE o.province_id = %(province)s ORDER BY o.code
"""  # noqa: E501


def raw_numbers(province_id):
    from decimal import Decimal

    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(RAW, {"fy": FY, "province": province_id})
        return [
            (i, Decimal(b), Decimal(d), done, prog, canc, red, amber)
            for i, b, d, done, prog, canc, red, amber in cur.fetchall()
        ]


def province_page(pao):
    from django.contrib.auth import get_user_model
    from django.test import Client

    from orgs.models import Membership, Role

    user, created = get_user_model().objects.get_or_create(username="national.analyst")
    if created:
        Membership.objects.create(user=user, org=pao, role=Role.ANALYST)
    client = Client()
    client.force_login(user)
    response = client.get(f"/o/{pao.code}/monitoring/province/{FY}/")
    assert response.status_code == 200, response.status_code


if __name__ == "__main__":
    main()
