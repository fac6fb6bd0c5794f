"""The plan's three shared rules, each defined once as a database view (made after every
`migrate` from these definitions, see plans/apps.py) and read through these unmanaged models by
the ORM, and by name in the hand-written SQL of monitoring/sql.py:

- ApprovedWindow: which edition of a plan is "the plan as approved" on a date. An approved
  edition holds from its approval date until a later edition (higher seq) is approved; drafts
  never count. The plan as of date d is the edition whose window contains d.
- ApprovedVersion: each project's version in each approved edition, with that edition's window:
  "the project's version as of d" is the row whose window contains d.
- BudgetMovement: the money of a budget line and every approved transfer on it, signed (โอนลด is
  negative) and dated (a line from its ordinance's promulgation, a transfer from its approval,
  never before the ordinance): "the effective budget as of d" is the SUM of the movements
  effective by d.
- CurrentActionPlan: the latest amendment of each org's action plan for a fiscal year.
"""

import datetime as dt

from django.db import models
from django.db.models import Q

APPROVED_WINDOW_SQL = """
CREATE VIEW plans_approvedwindow AS
SELECT e.id, e.plan_id, e.seq, e.approved_on AS valid_from,
       (SELECT MIN(later.approved_on) FROM plans_edition later
         WHERE later.plan_id = e.plan_id AND later.status = 'approved'
           AND later.approved_on IS NOT NULL AND later.seq > e.seq) AS valid_until
FROM plans_edition e
WHERE e.status = 'approved' AND e.approved_on IS NOT NULL
"""

APPROVED_VERSION_SQL = """
CREATE VIEW plans_approvedversion AS
SELECT v.id, v.id AS version_id, v.project_id, v.plan_id, w.id AS edition_id, w.seq,
       w.valid_from, w.valid_until, v.removed, v.strategy_id, v.tactic_id, v.program_id,
       v.division_id
FROM plans_approvedwindow w
JOIN plans_projectversion v ON v.plan_id = w.plan_id AND v.valid_from_seq <= w.seq
 AND (v.valid_until_seq IS NULL OR v.valid_until_seq > w.seq)
"""

BUDGET_MOVEMENT_SQL = """
CREATE VIEW plans_budgetmovement AS
SELECT 2 * bl.id AS id, 'line' AS kind, o.org_id, o.fiscal_year, bl.project_id, bl.id AS line_id,
       bl.source, bl.amount, o.promulgated_on AS effective_on
FROM plans_budgetline bl JOIN plans_budgetordinance o ON o.id = bl.ordinance_id
UNION ALL
SELECT 2 * t.id + 1, 'transfer', o.org_id, o.fiscal_year, bl.project_id, bl.id, bl.source,
       CASE WHEN t.kind = 'decrease' THEN -t.amount ELSE t.amount END,
       CASE WHEN o.promulgated_on IS NULL OR t.approved_on > o.promulgated_on
            THEN t.approved_on ELSE o.promulgated_on END
FROM plans_budgettransfer t
JOIN plans_budgetline bl ON bl.id = t.line_id
JOIN plans_budgetordinance o ON o.id = bl.ordinance_id
"""

CURRENT_ACTION_PLAN_SQL = """
CREATE VIEW plans_currentactionplan AS
SELECT a.id, a.org_id, a.fiscal_year, a.amendment FROM plans_actionplan a
WHERE NOT EXISTS (SELECT 1 FROM plans_actionplan b WHERE b.org_id = a.org_id
                  AND b.fiscal_year = a.fiscal_year AND b.amendment > a.amendment)
"""

VIEWS = [
    ("plans_approvedwindow", APPROVED_WINDOW_SQL),
    ("plans_approvedversion", APPROVED_VERSION_SQL),
    ("plans_budgetmovement", BUDGET_MOVEMENT_SQL),
    ("plans_currentactionplan", CURRENT_ACTION_PLAN_SQL),
]


def window_holds(on: dt.date, prefix: str = "") -> Q:
    """The ORM form of "the window contains `on`" (the SQL form: valid_from <= d AND
    (valid_until IS NULL OR valid_until > d), see monitoring/sql.py)."""
    return Q(**{f"{prefix}valid_from__lte": on}) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gt": on})
    )


def effective_by(on: dt.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}effective_on__isnull": True}) | Q(**{f"{prefix}effective_on__lte": on})


class ApprovedWindow(models.Model):
    edition = models.OneToOneField(
        "plans.Edition",
        on_delete=models.DO_NOTHING,
        db_column="id",
        primary_key=True,
        related_name="+",
    )
    plan = models.ForeignKey("plans.Plan", on_delete=models.DO_NOTHING, related_name="+")
    seq = models.PositiveIntegerField()
    valid_from = models.DateField()
    valid_until = models.DateField(null=True)

    class Meta:
        managed = False
        db_table = "plans_approvedwindow"


class ApprovedVersion(models.Model):
    id = models.BigIntegerField(primary_key=True)
    version = models.ForeignKey(
        "plans.ProjectVersion", on_delete=models.DO_NOTHING, related_name="+"
    )
    project = models.ForeignKey("plans.Project", on_delete=models.DO_NOTHING, related_name="+")
    plan = models.ForeignKey("plans.Plan", on_delete=models.DO_NOTHING, related_name="+")
    edition = models.ForeignKey("plans.Edition", on_delete=models.DO_NOTHING, related_name="+")
    seq = models.PositiveIntegerField()
    valid_from = models.DateField()
    valid_until = models.DateField(null=True)
    removed = models.BooleanField()
    strategy = models.ForeignKey("plans.Strategy", on_delete=models.DO_NOTHING, related_name="+")
    tactic = models.ForeignKey(
        "plans.Tactic", null=True, on_delete=models.DO_NOTHING, related_name="+"
    )
    program = models.ForeignKey("plans.Program", on_delete=models.DO_NOTHING, related_name="+")
    division = models.ForeignKey(
        "orgs.Division", null=True, on_delete=models.DO_NOTHING, related_name="+"
    )

    class Meta:
        managed = False
        db_table = "plans_approvedversion"


class BudgetMovement(models.Model):
    id = models.BigIntegerField(primary_key=True)
    kind = models.CharField(max_length=8)  # "line" | "transfer"
    org = models.ForeignKey("orgs.Organization", on_delete=models.DO_NOTHING, related_name="+")
    fiscal_year = models.PositiveSmallIntegerField()
    project = models.ForeignKey("plans.Project", on_delete=models.DO_NOTHING, related_name="+")
    line = models.ForeignKey("plans.BudgetLine", on_delete=models.DO_NOTHING, related_name="+")
    source = models.CharField(max_length=20)
    amount = models.DecimalField(max_digits=15, decimal_places=2)
    effective_on = models.DateField(null=True)

    class Meta:
        managed = False
        db_table = "plans_budgetmovement"


class CurrentActionPlan(models.Model):
    action_plan = models.OneToOneField(
        "plans.ActionPlan",
        on_delete=models.DO_NOTHING,
        db_column="id",
        primary_key=True,
        related_name="+",
    )
    org = models.ForeignKey("orgs.Organization", on_delete=models.DO_NOTHING, related_name="+")
    fiscal_year = models.PositiveSmallIntegerField()
    amendment = models.PositiveSmallIntegerField()

    class Meta:
        managed = False
        db_table = "plans_currentactionplan"
