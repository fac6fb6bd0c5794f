"""Every hand-written SQL statement of the reports, in one module. Each is portable (SQLite and
PostgreSQL) and reads the shared rules through their views (plans/models/rules.py), so none
restates a rule:

  plans_approvedversion   — the project's version as of a date, approved editions only
  plans_budgetmovement    — the effective budget: budget lines and transfers, signed and dated
  plans_currentactionplan — the current amendment of the year's action plan

"As of d" is written by HOLDS / EFFECTIVE below, the SQL twins of plans.models.rules.window_holds
and effective_by. A statement stays here only while bench/bench_sql.py measures it at least 2× as
fast as the same numbers read by the ORM on PostgreSQL (the production database); beside each, the
figure of the last run (docs/numbers.md has the table, SQLite too). Statements that fell under 2×
were replaced by their ORM form: the plan columns of แบบที่ 2 (monitoring.queries.plan_by_strategy)
and the national roll-up (province.analysis.national_rollup).
"""

# The window of an approved edition contains the date %(end)s.
HOLDS = "{a}.valid_from <= %(end)s AND ({a}.valid_until IS NULL OR {a}.valid_until > %(end)s)"
# A budget movement is effective on %(end)s.
EFFECTIVE = "({a}.effective_on IS NULL OR {a}.effective_on <= %(end)s)"

# Budgeted projects of one org's year as of %(end)s and their effective budget. A project with an
# effective movement has an effective line (a transfer is never effective before its line's
# ordinance), so "budgeted" needs no test of its own.
_MONEY = f"""
  SELECT m.project_id, SUM(m.amount) AS budget
  FROM plans_budgetmovement m
  WHERE m.org_id = %(org)s AND m.fiscal_year = %(fy)s AND {EFFECTIVE.format(a="m")}
  GROUP BY m.project_id"""  # noqa: S608 - constants only

# แบบที่ 2 and the dashboard, per strategy and status, as of a month's end.
# bench/bench_sql.py, 2026-12-01: 2.3× the ORM on PostgreSQL, 18,000 budget lines (SQLite: 1.2×).
FORM2_BY_STRATEGY = f"""
WITH money AS ({_MONEY}),
lines AS (
  SELECT money.project_id, money.budget,
         CASE WHEN e.status = 'approved' AND e.kind IN ('addition', 'change')
               AND e.approved_on BETWEEN %(start)s AND %(fy_end)s THEN 1 ELSE 0 END AS added
  FROM money JOIN plans_project p ON p.id = money.project_id
  JOIN plans_edition e ON e.id = p.created_in_id),
py AS (
  SELECT id, project_id, contract_amount, contract_signed_on FROM monitoring_projectyear
  WHERE org_id = %(org)s AND fiscal_year = %(fy)s),
upto AS (
  SELECT py.project_id, MAX(m.month) AS month, SUM(m.disbursed) AS paid
  FROM py JOIN monitoring_monthlyprogress m ON m.project_year_id = py.id
  WHERE m.month <= %(month)s GROUP BY py.project_id),
st AS (
  SELECT py.project_id, m.status FROM py
  JOIN upto ON upto.project_id = py.project_id
  JOIN monitoring_monthlyprogress m ON m.project_year_id = py.id AND m.month = upto.month),
sv AS (
  SELECT av.project_id, av.strategy_id FROM plans_approvedversion av
  WHERE av.plan_id IN (SELECT id FROM plans_plan WHERE org_id = %(org)s)
    AND av.project_id IN (SELECT project_id FROM lines) AND {HOLDS.format(a="av")})
SELECT sv.strategy_id,
       COALESCE(st.status, 'not_started') AS status,
       COUNT(*) AS n,
       SUM(lines.added) AS added,
       SUM(lines.budget) AS budget,
       SUM(CASE WHEN py.contract_signed_on <= %(end)s THEN COALESCE(py.contract_amount, 0) ELSE 0 END)
         AS contracted,
       SUM(COALESCE(upto.paid, 0)) AS disbursed
FROM lines
LEFT JOIN sv ON sv.project_id = lines.project_id
LEFT JOIN upto ON upto.project_id = lines.project_id
LEFT JOIN st ON st.project_id = lines.project_id
LEFT JOIN py ON py.project_id = lines.project_id
GROUP BY sv.strategy_id, COALESCE(st.status, 'not_started')
"""  # noqa: S608, E501 - constants only

# The disbursement curve in one statement: rows ('plan', first month, last month, amount) — the
# current action plan's amounts per (first, last) month pair — and ('paid', month, NULL, paid).
# bench/bench_sql.py, 2026-12-01: 2.0× the ORM on PostgreSQL, 18,000 budget lines (SQLite: 2.5×).
DISBURSEMENT_CURVE = """
SELECT 'plan', i.first_month, i.last_month, SUM(i.amount)
FROM plans_actionplanitem i
JOIN plans_currentactionplan a ON a.id = i.action_plan_id
WHERE a.org_id = %(org)s AND a.fiscal_year = %(fy)s
  AND i.first_month > 0 AND i.budget_line_id IS NOT NULL
GROUP BY i.first_month, i.last_month
UNION ALL
SELECT 'paid', m.month, NULL, SUM(m.disbursed) FROM monitoring_monthlyprogress m
JOIN monitoring_projectyear py ON py.id = m.project_year_id
WHERE py.org_id = %(org)s AND py.fiscal_year = %(fy)s
GROUP BY m.month
"""

# Early warning: one row per budgeted project of the orgs being evaluated, with everything the
# budget-based rules look at. {orgs} is replaced by placeholders of organization ids.
# bench/bench_sql.py, 2026-12-01: 3.6× the ORM on PostgreSQL, 18,000 budget lines (SQLite: 2.0×).
BUDGETED_FACTS = f"""
WITH money AS (
  SELECT m.org_id, m.project_id, SUM(m.amount) AS amount,
         SUM(CASE WHEN m.source = 'specific_subsidy' THEN m.amount ELSE 0 END) AS subsidy
  FROM plans_budgetmovement m
  WHERE m.org_id IN ({{orgs}}) AND m.fiscal_year = %(fy)s AND {EFFECTIVE.format(a="m")}
  GROUP BY m.org_id, m.project_id),
plans AS (
  SELECT a.org_id, a.id FROM plans_currentactionplan a
  WHERE a.org_id IN ({{orgs}}) AND a.fiscal_year = %(fy)s),
items AS (
  SELECT plans.org_id, i.project_id, MIN(i.first_month) AS first, MAX(i.last_month) AS last
  FROM plans_actionplanitem i JOIN plans ON plans.id = i.action_plan_id
  WHERE i.project_id IS NOT NULL
  GROUP BY plans.org_id, i.project_id)
SELECT money.org_id, money.project_id, money.amount, money.subsidy,
       COALESCE(py.status, 'not_started'), COALESCE(py.disbursed, 0), py.contract_signed_on,
       COALESCE(py.procurement, ''), items.first, items.last,
       CASE WHEN items.project_id IS NULL THEN 0 ELSE 1 END,
       CASE WHEN EXISTS (SELECT 1 FROM plans WHERE plans.org_id = money.org_id) THEN 1 ELSE 0 END
FROM money
LEFT JOIN monitoring_projectyear py
  ON py.org_id = money.org_id AND py.fiscal_year = %(fy)s AND py.project_id = money.project_id
LEFT JOIN items ON items.org_id = money.org_id AND items.project_id = money.project_id
"""  # noqa: S608 - constants only

# The province list: per org of a province, budgeted projects, effective budget, money, outcomes
# of the budgeted projects, and alerts.
# bench/bench_sql.py, 2026-12-01: 27× the ORM on PostgreSQL, 18,000 budget lines (SQLite: 2.7×).
PROVINCE_ROWS = f"""
WITH orgs AS (SELECT id FROM orgs_organization WHERE province_id = %(province)s),
money AS (
  SELECT m.org_id, m.project_id, SUM(m.amount) AS budget
  FROM plans_budgetmovement m
  WHERE m.fiscal_year = %(fy)s AND m.org_id IN (SELECT id FROM orgs) AND {EFFECTIVE.format(a="m")}
  GROUP BY m.org_id, m.project_id)
SELECT o.id, COALESCE(b.n, 0), COALESCE(b.budget, 0), COALESCE(b.disbursed, 0), COALESCE(b.done, 0),
       COALESCE(b.prog, 0), COALESCE(b.canc, 0), COALESCE(a.red, 0), COALESCE(a.amber, 0)
FROM orgs o
LEFT JOIN (SELECT money.org_id, COUNT(*) AS n, SUM(money.budget) AS budget,
                  SUM(COALESCE(py.disbursed, 0)) AS disbursed,
                  SUM(CASE WHEN py.status = 'done' THEN 1 ELSE 0 END) AS done,
                  SUM(CASE WHEN py.status = 'in_progress' THEN 1 ELSE 0 END) AS prog,
                  SUM(CASE WHEN py.status = 'cancelled' THEN 1 ELSE 0 END) AS canc
           FROM money LEFT JOIN monitoring_projectyear py
             ON py.org_id = money.org_id AND py.fiscal_year = %(fy)s AND py.project_id = money.project_id
           GROUP BY money.org_id) b ON b.org_id = o.id
LEFT JOIN (SELECT org_id, SUM(CASE WHEN severity = 'red' THEN 1 ELSE 0 END) AS red,
                  SUM(CASE WHEN severity = 'amber' THEN 1 ELSE 0 END) AS amber
           FROM monitoring_alert WHERE fiscal_year = %(fy)s AND org_id IN (SELECT id FROM orgs)
           GROUP BY org_id) a ON a.org_id = o.id
"""  # noqa: S608, E501 - constants only

# แบบที่ 2 part 3: projects funded by a special subsidy, with status and money as of the month.
# bench/bench_sql.py, 2026-12-01: 3.2× the ORM on PostgreSQL, 18,000 budget lines (SQLite: 27×).
SUBSIDY_ROWS = f"""
WITH sub AS (
  SELECT m.project_id, SUM(m.amount) AS received
  FROM plans_budgetmovement m
  WHERE m.org_id = %(org)s AND m.fiscal_year = %(fy)s AND m.source = 'specific_subsidy'
    AND {EFFECTIVE.format(a="m")}
  GROUP BY m.project_id),
py AS (
  SELECT id, project_id FROM monitoring_projectyear
  WHERE org_id = %(org)s AND fiscal_year = %(fy)s AND project_id IN (SELECT project_id FROM sub)),
upto AS (
  SELECT py.project_id, MAX(m.month) AS month, SUM(m.disbursed) AS paid
  FROM py JOIN monitoring_monthlyprogress m ON m.project_year_id = py.id
  WHERE m.month <= %(month)s GROUP BY py.project_id),
st AS (
  SELECT py.project_id, m.status FROM py
  JOIN upto ON upto.project_id = py.project_id
  JOIN monitoring_monthlyprogress m ON m.project_year_id = py.id AND m.month = upto.month)
SELECT sub.project_id, COALESCE(st.status, 'not_started'), sub.received, COALESCE(upto.paid, 0)
FROM sub LEFT JOIN upto ON upto.project_id = sub.project_id LEFT JOIN st ON st.project_id = sub.project_id
ORDER BY sub.project_id
"""  # noqa: S608, E501 - constants only

# The province analysis: one row per project of the province's orgs that is in the plan as
# approved on %(end)s or budgeted by then; the groupings below aggregate these facts.
# bench/bench_sql.py, 2026-12-01: 8.8× the ORM on PostgreSQL, 18,000 budget lines, grouped by
# program (SQLite: 4.0×); every grouping below reads these facts.
ANALYSIS_FACTS = f"""
WITH orgs AS (SELECT id, org_type, district_id FROM orgs_organization WHERE province_id = %(province)s),
av AS (
  SELECT av.project_id, av.version_id, av.program_id, av.strategy_id, av.removed
  FROM plans_approvedversion av JOIN plans_plan p ON p.id = av.plan_id
  WHERE p.org_id IN (SELECT id FROM orgs) AND p.start_year <= %(fy)s AND p.end_year >= %(fy)s
    AND {HOLDS.format(a="av")}),
money AS (
  SELECT m.project_id, SUM(m.amount) AS budget, 1 AS budgeted
  FROM plans_budgetmovement m
  WHERE m.org_id IN (SELECT id FROM orgs) AND m.fiscal_year = %(fy)s AND {EFFECTIVE.format(a="m")}
  GROUP BY m.project_id),
ids AS (SELECT project_id FROM av WHERE removed = %(false)s
        UNION SELECT project_id FROM money),
facts AS (
  SELECT ids.project_id, p.org_id, orgs.org_type, orgs.district_id, av.program_id, av.strategy_id,
         CASE WHEN av.removed = %(false)s THEN COALESCE(pb.amount, 0) ELSE 0 END AS plan_amount,
         COALESCE(money.budgeted, 0) AS budgeted, COALESCE(money.budget, 0) AS budget,
         COALESCE(py.disbursed, 0) AS disbursed, COALESCE(py.status, 'not_started') AS status
  FROM ids JOIN plans_project pj ON pj.id = ids.project_id
  JOIN plans_plan p ON p.id = pj.plan_id JOIN orgs ON orgs.id = p.org_id
  LEFT JOIN av ON av.project_id = ids.project_id
  LEFT JOIN plans_projectbudget pb ON pb.version_id = av.version_id AND pb.year = %(fy)s
  LEFT JOIN money ON money.project_id = ids.project_id
  LEFT JOIN monitoring_projectyear py ON py.project_id = ids.project_id AND py.fiscal_year = %(fy)s)
"""  # noqa: S608, E501 - constants only
ANALYSIS_MEASURES = """
  SUM(CASE WHEN f.plan_amount > 0 THEN 1 ELSE 0 END), SUM(f.plan_amount),
  SUM(f.budgeted), SUM(CASE WHEN f.budgeted = 1 THEN f.budget ELSE 0 END),
  SUM(CASE WHEN f.budgeted = 1 THEN f.disbursed ELSE 0 END),
  SUM(CASE WHEN f.budgeted = 1 AND f.status = 'done' THEN 1 ELSE 0 END),
  SUM(CASE WHEN f.budgeted = 1 AND f.status = 'in_progress' THEN 1 ELSE 0 END),
  SUM(CASE WHEN f.budgeted = 1 AND f.status = 'not_started' THEN 1 ELSE 0 END),
  SUM(CASE WHEN f.budgeted = 1 AND f.status = 'cancelled' THEN 1 ELSE 0 END)
"""
ANALYSIS_GROUPINGS = {
    "program": (
        "แผนงาน",
        "SELECT pr.code, pr.name, {m} FROM facts f LEFT JOIN plans_program pr ON pr.id ="
        " f.program_id GROUP BY pr.code, pr.name ORDER BY pr.code",
    ),
    "org_type": (
        "ประเภท อปท.",
        "SELECT f.org_type, f.org_type, {m} FROM facts f GROUP BY f.org_type ORDER BY f.org_type",
    ),
    "district": (
        "อำเภอ",
        "SELECT d.id, d.name, {m} FROM facts f LEFT JOIN orgs_district d ON d.id = f.district_id"
        " GROUP BY d.id, d.name ORDER BY d.name",
    ),
    "lao_strategy": (
        "ยุทธศาสตร์การพัฒนาของ อปท. ในเขตจังหวัด",
        "SELECT t.code, t.name, {m} FROM facts f JOIN plans_strategy_linkages sl ON sl.strategy_id"
        " = f.strategy_id JOIN plans_linkagetarget t ON t.id = sl.linkagetarget_id AND t.level ="
        " 'lao_province' GROUP BY t.code, t.name ORDER BY t.code",
    ),
    "province_strategy": (
        "ยุทธศาสตร์จังหวัด",
        "SELECT t.code, t.name, {m} FROM facts f JOIN plans_strategy_linkages sl ON sl.strategy_id"
        " = f.strategy_id JOIN plans_linkagetarget t ON t.id = sl.linkagetarget_id AND t.level ="
        " 'province' GROUP BY t.code, t.name ORDER BY t.code",
    ),
}

# One project's row of the entry page: the hot path of every save (entry page and API). The same
# facts as selectors.entry_rows(only={project}) — a test holds the two to agreeing — in one round
# trip. Each derived table is an aggregate without GROUP BY, so it always yields one row; the bits
# of the action-plan months are OR-ed as a sum of MAX(bit).
# bench/bench_sql.py, 2026-12-01: 10× selectors.entry_rows(only=…) on PostgreSQL, 18,000 budget
# lines (SQLite: 46×).
_MASK = " + ".join(f"COALESCE(MAX(i.months & {1 << b}), 0)" for b in range(12))
ENTRY_ROW = f"""
SELECT b.n, b.s, a.n, a.mask, v.name, v.division_id, d.name, st.number,
       py.id, py.version, py.procurement, py.contract_no, py.contract_signed_on,
       py.contract_amount, py.carried_over, py.problems,
       (SELECT SUM(mp.disbursed) FROM monitoring_monthlyprogress mp
         WHERE mp.project_year_id = py.id AND mp.month < %(month)s),
       u.month, u.status, u.progress, u.disbursed, u.note,
       (SELECT COUNT(*) FROM monitoring_photo ph WHERE ph.project_year_id = py.id)
FROM (SELECT COUNT(*) AS n, SUM(m.amount) AS s
        FROM plans_budgetmovement m
       WHERE m.org_id = %(org)s AND m.fiscal_year = %(fy)s AND m.project_id = %(project)s
         AND {EFFECTIVE.format(a="m")}) b
CROSS JOIN (SELECT COUNT(*) AS n, {_MASK} AS mask FROM plans_actionplanitem i
             WHERE i.project_id = %(project)s AND i.action_plan_id IN (
                   SELECT ap.id FROM plans_currentactionplan ap
                    WHERE ap.org_id = %(org)s AND ap.fiscal_year = %(fy)s)) a
LEFT JOIN plans_projectversion v ON v.id = (
          SELECT v2.id FROM plans_projectversion v2 WHERE v2.project_id = %(project)s
           ORDER BY v2.valid_from_seq DESC, v2.id DESC LIMIT 1)
LEFT JOIN orgs_division d ON d.id = v.division_id
LEFT JOIN plans_strategy st ON st.id = v.strategy_id
LEFT JOIN monitoring_projectyear py
       ON py.org_id = %(org)s AND py.fiscal_year = %(fy)s AND py.project_id = %(project)s
LEFT JOIN monitoring_monthlyprogress u ON u.id = (
          SELECT mp.id FROM monitoring_monthlyprogress mp
           WHERE mp.project_year_id = py.id AND mp.month <= %(month)s ORDER BY mp.month DESC LIMIT 1)
"""  # noqa: S608, E501 - only constants are formatted in

# What a month's save reads before it writes (monitoring.services.progress.save_state): the
# project's year, locked until the transaction ends ({lock}: FOR UPDATE OF py where the database
# locks rows), its row of the month, and the year's period locks — one row per lock, at least one.
# {year} and {month} are the two tables' columns, filled in from the models' _meta.
# bench/bench_sql.py, 2026-12-01: 6.0× the ORM form (select_for_update with a FilteredRelation,
# then closed_months) on PostgreSQL, 20 rows.
SAVE_STATE = """
SELECT {year}, {month}, pl.kind, pl.number
FROM monitoring_projectyear py
LEFT JOIN monitoring_monthlyprogress mp ON mp.project_year_id = py.id AND mp.month = %(month)s
LEFT JOIN monitoring_periodlock pl ON pl.org_id = py.org_id AND pl.fiscal_year = py.fiscal_year
WHERE py.org_id = %(org)s AND py.fiscal_year = %(fy)s AND py.project_id = %(project)s
{lock}"""

# The lookups a row's save starts with (monitoring.views.row_lookups): the org (by its code)
# with its province, the project if it is one of the org's, and the user's roles — one row per
# role, at least one. The same checks as orgs.access.get_org_for_user and
# plans.access.get_project_for_user are then made on what it read (a test compares the two for
# every kind of user). {org}, {province}, {project}, {plan} are the tables' columns.
# bench/bench_sql.py, 2026-12-01: 6.2× the ORM's three lookups on PostgreSQL, 20 saves.
ROW_SAVE_LOOKUPS = """
SELECT {org}, {province}, {project}, {plan}, m.org_id, mo.province_id, m.role, m.division_id
FROM orgs_organization o
JOIN orgs_province pv ON pv.id = o.province_id
LEFT JOIN plans_plan pl ON pl.org_id = o.id AND pl.id = (
          SELECT p2.plan_id FROM plans_project p2 WHERE p2.id = %(project)s)
LEFT JOIN plans_project p ON p.id = %(project)s AND p.plan_id = pl.id
LEFT JOIN orgs_membership m ON m.user_id = %(user)s
LEFT JOIN orgs_organization mo ON mo.id = m.org_id
WHERE o.code = %(code)s"""
