"""The hot aggregate of แบบที่ 2 and the dashboard as one portable SQL statement (SQLite and
PostgreSQL): per strategy and status, as of a month's end, budget after transfers, contracted,
disbursed and added projects. Written by hand because the ORM's correlated subqueries cost
several times more to compile than the database needs to run them (bench/bench_monitoring.py).
"""

FORM2_BY_STRATEGY = """
WITH lines AS (
  SELECT bl.project_id, SUM(bl.amount) AS amount,
         MAX(CASE WHEN e.kind IN ('addition', 'change')
                   AND e.approved_on BETWEEN %(start)s AND %(fy_end)s THEN 1 ELSE 0 END) AS added
  FROM plans_budgetline bl
  JOIN plans_budgetordinance o ON o.id = bl.ordinance_id
  JOIN plans_project p ON p.id = bl.project_id
  JOIN plans_edition e ON e.id = p.created_in_id
  WHERE o.org_id = %(org)s AND o.fiscal_year = %(fy)s
    AND (o.promulgated_on IS NULL OR o.promulgated_on <= %(end)s)
  GROUP BY bl.project_id),
moved AS (
  SELECT bl.project_id,
         SUM(CASE WHEN t.kind = 'decrease' THEN -t.amount ELSE t.amount END) AS amount
  FROM monitoring_budgettransfer t
  JOIN plans_budgetline bl ON bl.id = t.line_id
  JOIN plans_budgetordinance o ON o.id = bl.ordinance_id
  WHERE o.org_id = %(org)s AND o.fiscal_year = %(fy)s AND t.approved_on <= %(end)s
    AND (o.promulgated_on IS NULL OR o.promulgated_on <= %(end)s)
  GROUP BY bl.project_id),
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
  SELECT lines.project_id,
         (SELECT pv.strategy_id FROM plans_projectversion pv WHERE pv.project_id = lines.project_id
          ORDER BY pv.valid_from_seq DESC LIMIT 1) AS strategy_id
  FROM lines)
SELECT sv.strategy_id,
       COALESCE(st.status, 'not_started') AS status,
       COUNT(*) AS n,
       SUM(lines.added) AS added,
       SUM(lines.amount + COALESCE(moved.amount, 0)) AS budget,
       SUM(CASE WHEN py.contract_signed_on <= %(end)s THEN COALESCE(py.contract_amount, 0) ELSE 0 END)
         AS contracted,
       SUM(COALESCE(upto.paid, 0)) AS disbursed
FROM lines
JOIN sv ON sv.project_id = lines.project_id
LEFT JOIN moved ON moved.project_id = lines.project_id
LEFT JOIN upto ON upto.project_id = lines.project_id
LEFT JOIN st ON st.project_id = lines.project_id
LEFT JOIN py ON py.project_id = lines.project_id
GROUP BY sv.strategy_id, COALESCE(st.status, 'not_started')
"""

# Projects of the plan (as approved by the month's end) with a budget > 0 in the year, per strategy.
PLAN_BY_STRATEGY = """
WITH seq AS (
  SELECT MAX(e.seq) AS seq FROM plans_edition e
  WHERE e.plan_id = %(plan)s AND e.status = 'approved'
    AND (e.approved_on IS NULL OR e.approved_on <= %(end)s))
SELECT pv.strategy_id, COUNT(*), SUM(b.amount)
FROM plans_projectversion pv
JOIN seq ON pv.valid_from_seq <= seq.seq
 AND (pv.valid_until_seq IS NULL OR pv.valid_until_seq > seq.seq)
JOIN plans_projectbudget b ON b.version_id = pv.id AND b.year = %(fy)s AND b.amount > 0
WHERE pv.plan_id = %(plan)s AND pv.removed = %(false)s
GROUP BY pv.strategy_id
"""

# The disbursement curve in one statement: rows ('plan', first month, last month, amount) — the
# action-plan amounts per (first, last) month pair — and ('paid', month, NULL, money paid that month).
DISBURSEMENT_CURVE = """
SELECT 'plan', i.first_month, i.last_month, SUM(i.amount)
FROM plans_actionplanitem i
WHERE i.action_plan_id = (SELECT a.id FROM plans_actionplan a
                          WHERE a.org_id = %(org)s AND a.fiscal_year = %(fy)s
                          ORDER BY a.amendment DESC LIMIT 1)
  AND i.first_month > 0 AND i.budget_line_id IS NOT NULL
GROUP BY i.first_month, i.last_month
UNION ALL
SELECT 'paid', m.month, NULL, SUM(m.disbursed) FROM monitoring_monthlyprogress m
JOIN monitoring_projectyear py ON py.id = m.project_year_id
WHERE py.org_id = %(org)s AND py.fiscal_year = %(fy)s
GROUP BY m.month
"""

# Early warning: one row per budgeted project of the orgs being evaluated, with everything the
# budget-based rules look at. {orgs} is replaced by a sub-select of organization ids.
BUDGETED_FACTS = """
WITH lines AS (
  SELECT o.org_id, bl.project_id, SUM(bl.amount) AS amount,
         SUM(CASE WHEN bl.source = 'specific_subsidy' THEN bl.amount ELSE 0 END) AS subsidy
  FROM plans_budgetline bl JOIN plans_budgetordinance o ON o.id = bl.ordinance_id
  WHERE o.org_id IN ({orgs}) AND o.fiscal_year = %s
  GROUP BY o.org_id, bl.project_id),
moved AS (
  SELECT o.org_id, bl.project_id,
         SUM(CASE WHEN t.kind = 'decrease' THEN -t.amount ELSE t.amount END) AS amount
  FROM monitoring_budgettransfer t
  JOIN plans_budgetline bl ON bl.id = t.line_id
  JOIN plans_budgetordinance o ON o.id = bl.ordinance_id
  WHERE o.org_id IN ({orgs}) AND o.fiscal_year = %s
  GROUP BY o.org_id, bl.project_id),
plans AS (
  SELECT a.org_id, a.id FROM plans_actionplan a
  WHERE a.org_id IN ({orgs}) AND a.fiscal_year = %s
    AND NOT EXISTS (SELECT 1 FROM plans_actionplan b WHERE b.org_id = a.org_id
                    AND b.fiscal_year = a.fiscal_year AND b.amendment > a.amendment)),
items AS (
  SELECT plans.org_id, i.project_id, MIN(i.first_month) AS first, MAX(i.last_month) AS last
  FROM plans_actionplanitem i JOIN plans ON plans.id = i.action_plan_id
  WHERE i.project_id IS NOT NULL
  GROUP BY plans.org_id, i.project_id)
SELECT lines.org_id, lines.project_id, lines.amount + COALESCE(moved.amount, 0), lines.subsidy,
       COALESCE(py.status, 'not_started'), COALESCE(py.disbursed, 0), py.contract_signed_on,
       COALESCE(py.procurement, ''), items.first, items.last,
       CASE WHEN items.project_id IS NULL THEN 0 ELSE 1 END,
       CASE WHEN EXISTS (SELECT 1 FROM plans WHERE plans.org_id = lines.org_id) THEN 1 ELSE 0 END
FROM lines
LEFT JOIN moved ON moved.org_id = lines.org_id AND moved.project_id = lines.project_id
LEFT JOIN monitoring_projectyear py
  ON py.org_id = lines.org_id AND py.fiscal_year = %s AND py.project_id = lines.project_id
LEFT JOIN items ON items.org_id = lines.org_id AND items.project_id = lines.project_id
"""

# The province list: per org of a province, budget, money, outcomes and alerts.
PROVINCE_ROWS = """
WITH orgs AS (SELECT id FROM orgs_organization WHERE province_id = %(province)s)
SELECT o.id, COALESCE(b.n, 0), COALESCE(b.budget, 0), COALESCE(s.disbursed, 0), COALESCE(s.done, 0),
       COALESCE(s.prog, 0), COALESCE(s.canc, 0), COALESCE(a.red, 0), COALESCE(a.amber, 0)
FROM orgs o
LEFT JOIN (SELECT bo.org_id, COUNT(DISTINCT bl.project_id) AS n, SUM(bl.amount) AS budget
           FROM plans_budgetline bl JOIN plans_budgetordinance bo ON bo.id = bl.ordinance_id
           WHERE bo.fiscal_year = %(fy)s AND bo.org_id IN (SELECT id FROM orgs) GROUP BY bo.org_id) b
  ON b.org_id = o.id
LEFT JOIN (SELECT org_id, SUM(disbursed) AS disbursed,
                  SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done,
                  SUM(CASE WHEN status = 'in_progress' THEN 1 ELSE 0 END) AS prog,
                  SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS canc
           FROM monitoring_projectyear WHERE fiscal_year = %(fy)s AND org_id IN (SELECT id FROM orgs)
           GROUP BY org_id) s ON s.org_id = o.id
LEFT JOIN (SELECT org_id, SUM(CASE WHEN severity = 'red' THEN 1 ELSE 0 END) AS red,
                  SUM(CASE WHEN severity = 'amber' THEN 1 ELSE 0 END) AS amber
           FROM monitoring_alert WHERE fiscal_year = %(fy)s AND org_id IN (SELECT id FROM orgs)
           GROUP BY org_id) a ON a.org_id = o.id
"""

# แบบที่ 2 part 3: projects funded by a special subsidy, with status and money as of the month.
SUBSIDY_ROWS = """
WITH sub AS (
  SELECT bl.project_id, SUM(bl.amount) AS received
  FROM plans_budgetline bl JOIN plans_budgetordinance o ON o.id = bl.ordinance_id
  WHERE o.org_id = %(org)s AND o.fiscal_year = %(fy)s AND bl.source = 'specific_subsidy'
    AND (o.promulgated_on IS NULL OR o.promulgated_on <= %(end)s)
  GROUP BY bl.project_id),
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
"""
