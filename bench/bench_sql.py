"""Every hand-written statement of monitoring/sql.py against its ORM form, in the same run.

Generates a province with _data.generate (orgs × budgeted projects × 12 months of
progress), adds transfers in and out and special-subsidy lines, then for each statement times
the statement and the same numbers read by the ORM (values().annotate() over the shared rule
views plans_approvedversion / plans_budgetmovement / plans_currentactionplan), checks the two
give equal numbers, and prints both medians and the ratio ORM / SQL. A statement earns its place
in monitoring/sql.py only at ≥ 2× (docs/numbers.md).

    .venv/bin/python bench/bench_sql.py [--orgs 60] [--projects 300] [--database-url URL]
"""

import argparse
import datetime as dt
import random
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import FY, django_on, province_data, timed  # noqa: E402 - after the path

from monitoring import sql  # noqa: E402 - plain strings, no Django needed

MONTH = 9  # มิ.ย.: part of the year's progress is in, part is not


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=60)
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()
    django_on(args.database_url)
    province, orgs = province_data(args.orgs, args.projects, extras)
    from django.db import connection

    from plans.models import BudgetLine

    org = orgs[len(orgs) // 2]
    ctx = {"org": org, "province": province, "orgs": [o.pk for o in orgs]}
    rows = BudgetLine.objects.filter(ordinance__org__province=province).count()
    vendor = connection.vendor
    print(f"database: {vendor}, {rows:,} budget lines, {len(orgs)} orgs")
    print("* no longer in monitoring/sql.py: the app reads these numbers through the ORM form")
    print(f"{'statement':22} {'SQL ms':>9} {'ORM ms':>9} {'ORM/SQL':>8}  keep (≥ 2×)")
    for name, raw, orm in STATEMENTS:
        sql_s, a = timed(lambda raw=raw: raw(ctx), args.runs)
        orm_s, b = timed(lambda orm=orm: orm(ctx), args.runs)
        assert a == b, (
            name,
            a[:5] if isinstance(a, list) else a,
            b[:5] if isinstance(b, list) else b,
        )
        ratio = orm_s / sql_s
        print(
            f"{name:22} {sql_s * 1000:9.2f} {orm_s * 1000:9.2f} {ratio:7.1f}×  "
            f"{'yes' if ratio >= 2 else 'no'}  (equal numbers: yes)"
        )


# -- statements that monitoring/sql.py no longer holds (replaced by their ORM form), kept here so
# that the figure behind the replacement can be re-measured -------------------------------------

REPLACED_PLAN_BY_STRATEGY = f"""
SELECT av.strategy_id, COUNT(*), SUM(b.amount)
FROM plans_approvedversion av
JOIN plans_projectbudget b ON b.version_id = av.version_id AND b.year = %(fy)s AND b.amount > 0
WHERE av.plan_id = %(plan)s AND av.removed = %(false)s AND {sql.HOLDS.format(a="av")}
GROUP BY av.strategy_id
"""  # noqa: S608 - constants only


REPLACED_NATIONAL = f"""
WITH money AS (
  SELECT m.org_id, m.project_id, SUM(m.amount) AS budget
  FROM plans_budgetmovement m
  WHERE m.fiscal_year = %(fy)s AND {sql.EFFECTIVE.format(a="m")}
  GROUP BY m.org_id, m.project_id),
state AS (
  SELECT o.province_id, COUNT(*) AS projects, SUM(money.budget) AS budget,
         SUM(COALESCE(py.disbursed, 0)) AS disbursed,
         SUM(CASE WHEN py.status = 'done' THEN 1 ELSE 0 END) AS done,
         SUM(CASE WHEN py.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled
  FROM money JOIN orgs_organization o ON o.id = money.org_id
  LEFT JOIN monitoring_projectyear py
    ON py.org_id = money.org_id AND py.fiscal_year = %(fy)s AND py.project_id = money.project_id
  GROUP BY o.province_id),
orgs AS (SELECT province_id, COUNT(*) AS n FROM orgs_organization GROUP BY province_id)
SELECT p.id, p.code, p.name, COALESCE(orgs.n, 0), COALESCE(state.projects, 0), COALESCE(state.budget, 0),
       COALESCE(state.disbursed, 0), COALESCE(state.done, 0), COALESCE(state.cancelled, 0)
FROM orgs_province p LEFT JOIN orgs ON orgs.province_id = p.id
LEFT JOIN state ON state.province_id = p.id
ORDER BY p.code
"""  # noqa: S608, E501 - constants only


def extras():
    """Transfers in and out (approved inside the year, some after the as-of date), and one line
    in ten paid by a special subsidy: the effective budget is then more than the line."""
    from django.contrib.auth import get_user_model

    from plans.models import BudgetLine, BudgetTransfer

    rng = random.Random(12)
    user = get_user_model().objects.first()
    lines = list(BudgetLine.objects.order_by("pk").values_list("pk", "amount"))
    transfers = []
    for pk, amount in lines:
        r = rng.random()
        if r < 0.15:
            transfers.append(
                BudgetTransfer(
                    line_id=pk,
                    kind="decrease" if r < 0.08 else "increase",
                    amount=amount / 10,
                    approver="executive",
                    approved_on=dt.date(2026, rng.randint(1, 9), 15),
                    created_by=user,
                )
            )
    BudgetTransfer.objects.bulk_create(transfers, batch_size=5000)
    BudgetLine.objects.filter(pk__in=[pk for pk, _ in lines[::10]]).update(
        source="specific_subsidy"
    )


def m(value) -> Decimal:
    from monitoring.queries import money

    return money(value)


def fetch(statement, params):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall()


def end_of(month=MONTH):
    from monitoring.queries import month_end

    return month_end(FY, month)


# -- แบบที่ 2 ----------------------------------------------------------------------------------


def form2_sql(ctx):
    from thai.dates import fiscal_year_bounds

    start, fy_end = fiscal_year_bounds(FY)
    params = {
        "org": ctx["org"].pk,
        "fy": FY,
        "month": MONTH,
        "end": end_of(),
        "start": start,
        "fy_end": fy_end,
        "false": False,
    }
    return sorted(
        (s, st, int(n), int(a or 0), m(b), m(c), m(d))
        for s, st, n, a, b, c, d in fetch(sql.FORM2_BY_STRATEGY, params)
    )


def form2_orm(ctx):
    rows = by_strategy_and_status(ctx["org"], FY, MONTH, end_of())
    return sorted((s, st, n, a, m(b), m(c), m(d)) for s, st, n, a, b, c, d in rows)


def by_strategy_and_status(org, fy: int, month: int, end: dt.date) -> list[tuple]:
    """FORM2_BY_STRATEGY's numbers by the ORM: budgeted projects as of `end` grouped by (strategy
    as approved on `end`, status as of `month`)."""
    from django.db.models import Max, Sum

    from monitoring.models import MonthlyProgress, ProjectYear, Status
    from plans.models import EditionKind, EditionStatus, Project
    from plans.models.rules import ApprovedVersion, BudgetMovement, effective_by, window_holds
    from thai.dates import fiscal_year_bounds

    start, fy_end = fiscal_year_bounds(fy)
    budget = dict(
        BudgetMovement.objects.filter(effective_by(end), org=org, fiscal_year=fy)
        .values("project_id")
        .annotate(s=Sum("amount"))
        .values_list("project_id", "s")
    )
    added = set(
        Project.objects.filter(
            pk__in=budget,
            created_in__status=EditionStatus.APPROVED,
            created_in__kind__in=[EditionKind.ADDITION, EditionKind.CHANGE],
            created_in__approved_on__range=(start, fy_end),
        ).values_list("pk", flat=True)
    )
    strategy = dict(
        ApprovedVersion.objects.filter(
            window_holds(end), plan__org=org, project_id__in=budget
        ).values_list("project_id", "strategy_id")
    )
    contract = {
        pid: (amount or 0) if signed and signed <= end else 0
        for pid, signed, amount in ProjectYear.objects.filter(org=org, fiscal_year=fy).values_list(
            "project_id", "contract_signed_on", "contract_amount"
        )
    }
    months = MonthlyProgress.objects.filter(
        project_year__org=org, project_year__fiscal_year=fy, month__lte=month
    )
    upto = {
        pid: (last, paid)
        for pid, last, paid in months.values("project_year__project_id")
        .annotate(last=Max("month"), paid=Sum("disbursed"))
        .values_list("project_year__project_id", "last", "paid")
    }
    status = {
        (pid, m): st
        for pid, m, st in months.values_list("project_year__project_id", "month", "status")
    }
    groups: dict = {}
    for pid, amount in budget.items():
        last, paid = upto.get(pid, (None, 0))
        key = (strategy.get(pid), status.get((pid, last), Status.NOT_STARTED))
        g = groups.setdefault(key, [0, 0, Decimal(0), Decimal(0), Decimal(0)])
        g[0] += 1
        g[1] += pid in added
        g[2] += amount
        g[3] += contract.get(pid, 0)
        g[4] += paid or 0
    return [(*key, *g) for key, g in groups.items()]


def plan_sql(ctx):
    plan = ctx["org"].plans.get().pk
    params = {"plan": plan, "fy": FY, "end": end_of(), "false": False}
    return sorted((s, int(n), m(a)) for s, n, a in fetch(REPLACED_PLAN_BY_STRATEGY, params))


def plan_orm(ctx):
    from monitoring.queries import plan_by_strategy

    return sorted((s, n, m(a)) for s, n, a in plan_by_strategy(ctx["org"], FY, end_of()))


def subsidy_sql(ctx):
    from monitoring import sql

    params = {"org": ctx["org"].pk, "fy": FY, "month": MONTH, "end": end_of()}
    return [(p, st, m(r), m(d)) for p, st, r, d in fetch(sql.SUBSIDY_ROWS, params)]


def subsidy_orm(ctx):
    from django.db.models import Max, Sum

    from monitoring.models import MonthlyProgress
    from plans.models.rules import BudgetMovement, effective_by

    org, end = ctx["org"], end_of()
    received = dict(
        BudgetMovement.objects.filter(
            effective_by(end), org=org, fiscal_year=FY, source="specific_subsidy"
        )
        .values("project_id")
        .annotate(s=Sum("amount"))
        .values_list("project_id", "s")
    )
    progress = MonthlyProgress.objects.filter(
        project_year__org=org,
        project_year__fiscal_year=FY,
        project_year__project_id__in=received,
        month__lte=MONTH,
    )
    upto = {
        p: (last, paid)
        for p, last, paid in progress.values("project_year__project_id")
        .annotate(last=Max("month"), paid=Sum("disbursed"))
        .values_list("project_year__project_id", "last", "paid")
    }
    status = {
        (p, mo): st
        for p, mo, st in progress.values_list("project_year__project_id", "month", "status")
    }
    out = []
    for p in sorted(received):
        last, paid = upto.get(p, (None, 0))
        out.append((p, status.get((p, last), "not_started"), m(received[p]), m(paid)))
    return out


def curve_sql(ctx):
    from monitoring import sql

    rows = fetch(sql.DISBURSEMENT_CURVE, {"org": ctx["org"].pk, "fy": FY})
    return sorted((k, f, last, m(s)) for k, f, last, s in rows)


def curve_orm(ctx):
    from django.db.models import Sum

    from monitoring.models import MonthlyProgress
    from plans.models import ActionPlanItem
    from plans.models.rules import CurrentActionPlan

    org = ctx["org"]
    current = CurrentActionPlan.objects.filter(org=org, fiscal_year=FY).values("action_plan_id")
    plan = (
        ActionPlanItem.objects.filter(
            action_plan_id__in=current, first_month__gt=0, budget_line__isnull=False
        )
        .values("first_month", "last_month")
        .annotate(s=Sum("amount"))
        .values_list("first_month", "last_month", "s")
    )
    paid = (
        MonthlyProgress.objects.filter(project_year__org=org, project_year__fiscal_year=FY)
        .values("month")
        .annotate(s=Sum("disbursed"))
        .values_list("month", "s")
    )
    return sorted(
        [("plan", f, last, m(s)) for f, last, s in plan]
        + [("paid", mo, None, m(s)) for mo, s in paid]
    )


# -- province and nation -----------------------------------------------------------------------


def facts_sql(ctx):
    from monitoring.rules import budgeted_facts

    return sorted(tuple(vars(f).values()) for f in budgeted_facts(ctx["orgs"], FY, end_of()))


def facts_orm(ctx):
    from django.db.models import Max, Min, Q, Sum

    from monitoring.models import ProjectYear
    from monitoring.rules import Facts
    from plans.models import ActionPlanItem
    from plans.models.rules import BudgetMovement, CurrentActionPlan, effective_by

    orgs, end = ctx["orgs"], end_of()
    money = (
        BudgetMovement.objects.filter(effective_by(end), org_id__in=orgs, fiscal_year=FY)
        .values("org_id", "project_id")
        .annotate(s=Sum("amount"), sub=Sum("amount", filter=Q(source="specific_subsidy")))
        .values_list("org_id", "project_id", "s", "sub")
    )
    years = {
        (o, p): rest
        for o, p, *rest in ProjectYear.objects.filter(org_id__in=orgs, fiscal_year=FY).values_list(
            "org_id", "project_id", "status", "disbursed", "contract_signed_on", "procurement"
        )
    }
    current = CurrentActionPlan.objects.filter(org_id__in=orgs, fiscal_year=FY)
    with_plan = set(current.values_list("org_id", flat=True))
    items = {
        (o, p): (f, last)
        for o, p, f, last in ActionPlanItem.objects.filter(
            action_plan_id__in=current.values("action_plan_id"), project__isnull=False
        )
        .values("action_plan__org_id", "project_id")
        .annotate(f=Min("first_month"), last=Max("last_month"))
        .values_list("action_plan__org_id", "project_id", "f", "last")
    }
    out = []
    for o, p, s, sub in money:
        status, paid, signed, procurement = years.get((o, p), ("not_started", 0, None, ""))
        first, last = items.get((o, p), (None, None))
        out.append(
            Facts(
                o,
                p,
                m(s),
                m(sub),
                status or "not_started",
                m(paid),
                signed,
                procurement or "",
                first,
                last,
                (o, p) in items,
                o in with_plan,
            )
        )
    return sorted(tuple(vars(f).values()) for f in out)


def province_sql(ctx):
    from monitoring.queries import province_rows

    return province_rows(ctx["province"].pk, ctx["orgs"], FY)


def province_orm(ctx):
    from django.db.models import Count, Q, Sum

    from monitoring.models import Alert, ProjectYear
    from plans.models.rules import BudgetMovement, effective_by
    from plans.selectors import year_as_of
    from thai.numbers import percent

    province, end = ctx["province"], year_as_of(FY)
    moves = BudgetMovement.objects.filter(effective_by(end), org__province=province, fiscal_year=FY)
    money = {
        o: (n, b)
        for o, n, b in moves.values("org_id")
        .annotate(n=Count("project_id", distinct=True), b=Sum("amount"))
        .values_list("org_id", "n", "b")
    }
    state = {
        o: rest
        for o, *rest in ProjectYear.objects.filter(
            org__province=province, fiscal_year=FY, project_id__in=moves.values("project_id")
        )
        .values("org_id")
        .annotate(
            d=Sum("disbursed"),
            done=Count("id", filter=Q(status="done")),
            prog=Count("id", filter=Q(status="in_progress")),
            canc=Count("id", filter=Q(status="cancelled")),
        )
        .values_list("org_id", "d", "done", "prog", "canc")
    }
    alerts = {
        o: (r, a)
        for o, r, a in Alert.objects.filter(org__province=province, fiscal_year=FY)
        .values("org_id")
        .annotate(
            r=Count("id", filter=Q(severity="red")), a=Count("id", filter=Q(severity="amber"))
        )
        .values_list("org_id", "r", "a")
    }
    rows = []
    for oid in ctx["orgs"]:
        n, b = money.get(oid, (0, 0))
        d, done, prog, canc = state.get(oid, (0, 0, 0, 0))
        red, amber = alerts.get(oid, (0, 0))
        budget, paid = m(b), m(d)
        rows.append(
            {
                "org_id": oid,
                "projects": n,
                "budget": budget,
                "disbursed": paid,
                "disbursed_pct": percent(paid, budget),
                "done": done,
                "in_progress": prog,
                "cancelled": canc,
                "red": red,
                "amber": amber,
            }
        )
    return rows


def analysis_sql(ctx):
    from monitoring import sql
    from plans.selectors import year_as_of

    params = {"province": ctx["province"].pk, "fy": FY, "false": False, "end": year_as_of(FY)}
    select = sql.ANALYSIS_GROUPINGS["program"][1].format(m=sql.ANALYSIS_MEASURES)
    rows = fetch(sql.ANALYSIS_FACTS + select, params)
    return sorted(
        (k, int(pn or 0), m(pa), int(bn or 0), m(b), m(d), *(int(x or 0) for x in st))
        for k, _, pn, pa, bn, b, d, *st in rows
    )


def analysis_orm(ctx):
    from django.db.models import Sum

    from monitoring.models import ProjectYear
    from plans.models import ProjectBudget
    from plans.models.rules import ApprovedVersion, BudgetMovement, effective_by, window_holds
    from plans.selectors import year_as_of

    province, end = ctx["province"], year_as_of(FY)
    av = {
        p: (v, prog, removed)
        for p, v, prog, removed in ApprovedVersion.objects.filter(
            window_holds(end),
            plan__org__province=province,
            plan__start_year__lte=FY,
            plan__end_year__gte=FY,
        ).values_list("project_id", "version_id", "program__code", "removed")
    }
    plan_amount = dict(
        ProjectBudget.objects.filter(
            version__in=[v for v, _, _ in av.values()], year=FY
        ).values_list("version_id", "amount")
    )
    money = dict(
        BudgetMovement.objects.filter(effective_by(end), org__province=province, fiscal_year=FY)
        .values("project_id")
        .annotate(s=Sum("amount"))
        .values_list("project_id", "s")
    )
    years = {
        p: (d, s)
        for p, d, s in ProjectYear.objects.filter(
            org__province=province, fiscal_year=FY
        ).values_list("project_id", "disbursed", "status")
    }
    ids = {p for p, (_, _, removed) in av.items() if not removed} | set(money)
    groups: dict = defaultdict(lambda: [0, Decimal(0), 0, Decimal(0), Decimal(0), 0, 0, 0, 0])
    order = ["done", "in_progress", "not_started", "cancelled"]
    for p in ids:
        v, prog, removed = av.get(p, (None, None, False))
        g = groups[prog]
        pa = plan_amount.get(v, Decimal(0)) if v and not removed else Decimal(0)
        g[0] += pa > 0
        g[1] += pa
        if p in money:
            paid, status = years.get(p, (0, "not_started"))
            g[2] += 1
            g[3] += money[p]
            g[4] += paid or 0
            g[5 + order.index(status or "not_started")] += 1
    return sorted((k, g[0], m(g[1]), g[2], m(g[3]), m(g[4]), *g[5:]) for k, g in groups.items())


def national_sql(ctx):
    from plans.selectors import year_as_of

    rows = fetch(REPLACED_NATIONAL, {"fy": FY, "end": year_as_of(FY)})
    return [
        (p, c, n, int(o), int(k), m(b), m(d), int(done), int(canc))
        for p, c, n, o, k, b, d, done, canc in rows
    ]


def national_orm(ctx):
    from province.analysis import national_rollup

    return [tuple(vars(r).values()) for r in national_rollup(FY)]


# -- the entry page's row ----------------------------------------------------------------------


def entry_sql(ctx):
    from monitoring.selectors import entry_row

    return [entry_row(ctx["org"], FY, MONTH, p) for p in ctx.setdefault("sample", sample(ctx))]


def entry_orm(ctx):
    from monitoring.selectors import entry_rows

    return [
        entry_rows(ctx["org"], FY, MONTH, only={p})[0]
        for p in ctx.setdefault("sample", sample(ctx))
    ]


def sample(ctx):
    from plans.models import BudgetLine

    ids = BudgetLine.objects.filter(ordinance__org=ctx["org"]).values_list("project_id", flat=True)
    return sorted(ids)[:: max(1, len(ids) // 20)][:20]


# -- what a month's save reads before it writes, and the lookups it starts with ----------------


def _values(obj):
    if obj is None:
        return None
    return tuple(getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields)


def state_sql(ctx):
    from django.db import transaction

    from monitoring.services.progress import save_state

    with transaction.atomic():
        states = [
            save_state(ctx["org"], FY, p, MONTH) for p in ctx.setdefault("sample", sample(ctx))
        ]
    return [(_values(s.year), _values(s.month), sorted(s.closed)) for s in states]


def state_orm(ctx):
    from django.db import transaction
    from django.db.models import FilteredRelation, Q

    from monitoring.models import ProjectYear
    from monitoring.selectors import closed_months

    found = []
    with transaction.atomic():
        for p in ctx.setdefault("sample", sample(ctx)):
            year = (
                ProjectYear.objects.select_for_update(of=("self",))
                .annotate(row=FilteredRelation("months", condition=Q(months__month=MONTH)))
                .select_related("row")
                .filter(org=ctx["org"], fiscal_year=FY, project_id=p)
                .first()
            )
            row = getattr(year, "row", None)
            found.append((_values(year), _values(row), sorted(closed_months(ctx["org"], FY))))
    return found


def _officer(ctx):
    from django.contrib.auth import get_user_model

    from orgs.models import Membership, Role

    user = ctx.get("officer")
    if user is None:
        user, _ = get_user_model().objects.get_or_create(username="bench.sql.officer")
        Membership.objects.get_or_create(user=user, org=ctx["org"], role=Role.OFFICER)
        ctx["officer"] = user
    user.__dict__.pop("_tidtam_grants", None)  # each request reads the roles again
    return user


def lookups_sql(ctx):
    from monitoring.views.row_lookups import row_lookups

    found = []
    for p in ctx.setdefault("sample", sample(ctx)):
        org, project = row_lookups(_officer(ctx), ctx["org"].code, p)
        found.append((_values(org), _values(org.province), _values(project), _values(project.plan)))
    return found


def lookups_orm(ctx):
    from orgs.access import get_org_for_user
    from plans.access import get_project_for_user

    found = []
    for p in ctx.setdefault("sample", sample(ctx)):
        user = _officer(ctx)
        org = get_org_for_user(user, ctx["org"].code)
        project = get_project_for_user(user, org, p, write=True)
        found.append((_values(org), _values(org.province), _values(project), _values(project.plan)))
    return found


def _writes(ctx, key, write):
    """A month's two writes for 20 rows (the year and the month, each with its log entry), in a
    transaction rolled back after reading the rows back; the rows' state read once, before."""
    from django.db import transaction

    from monitoring.models import ProjectYear
    from monitoring.services.progress import MONTH_FIELDS, YEAR_FIELDS, YEAR_STATE, save_state

    states = ctx.setdefault(
        f"states_{key}",
        [save_state(ctx["org"], FY, p, MONTH) for p in ctx.setdefault("sample", sample(ctx))],
    )
    n = ctx[f"n_{key}"] = ctx.get(f"n_{key}", 0) + 1
    with transaction.atomic():
        for s in states:
            s.year.problems, s.year.version = f"ปัญหา {n}", s.year.version + 1
            write(s.year, (*YEAR_FIELDS, *YEAR_STATE, "updated_at"))
            if s.month is not None:
                s.month.note = f"บันทึก {n}"
                write(s.month, (*MONTH_FIELDS, "updated_by", "updated_at"))
        pks = [s.year.pk for s in states]
        stored = list(
            ProjectYear.objects.filter(pk__in=pks).order_by("pk").values_list("pk", "problems")
        )
        transaction.set_rollback(True)
    return stored


def writes_sql(ctx):
    from core import rawrows

    return _writes(ctx, "sql", rawrows.save)


def writes_orm(ctx):
    return _writes(ctx, "orm", lambda obj, names: obj.save(update_fields=names))


STATEMENTS = [
    ("FORM2_BY_STRATEGY", form2_sql, form2_orm),
    ("PLAN_BY_STRATEGY *", plan_sql, plan_orm),
    ("SUBSIDY_ROWS", subsidy_sql, subsidy_orm),
    ("DISBURSEMENT_CURVE", curve_sql, curve_orm),
    ("BUDGETED_FACTS", facts_sql, facts_orm),
    ("PROVINCE_ROWS", province_sql, province_orm),
    ("ANALYSIS_FACTS", analysis_sql, analysis_orm),
    ("NATIONAL *", national_sql, national_orm),
    ("ENTRY_ROW (20 rows)", entry_sql, entry_orm),
    ("SAVE_STATE (20 rows)", state_sql, state_orm),
    ("ROW_SAVE_LOOKUPS (20)", lookups_sql, lookups_orm),
    ("rawrows writes (20)", writes_sql, writes_orm),
]


if __name__ == "__main__":
    main()
