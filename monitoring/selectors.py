"""Reads for the monthly entry page and the services' checks (a bounded number of queries each)."""

import decimal
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db import connection
from django.db.models import Case, DecimalField, F, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.dateparse import parse_date

from monitoring.models import (
    BudgetTransfer,
    MonthlyProgress,
    PeriodKind,
    PeriodLock,
    Procurement,
    ProjectYear,
    Status,
)
from monitoring.models.periods import MONTHS_OF
from orgs.models import Organization
from plans.models import ActionPlan, ActionPlanItem, BudgetLine, ProjectVersion

CENTS = Decimal("0.01")
ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=15, decimal_places=2))


def signed_transfer():
    return Case(When(kind="decrease", then=-F("amount")), default=F("amount"))


def action_items(org: Organization, fiscal_year: int):
    """Items of the latest amendment of the year's action plan."""
    return ActionPlanItem.objects.filter(
        action_plan__in=ActionPlan.objects.filter(org=org, fiscal_year=fiscal_year)
        .order_by("-amendment")
        .values("pk")[:1]
    )


def budget_lines(org: Organization, fiscal_year: int):
    return BudgetLine.objects.filter(ordinance__org=org, ordinance__fiscal_year=fiscal_year)


def is_tracked(org: Organization, fiscal_year: int, project_id: int) -> bool:
    return (
        budget_lines(org, fiscal_year).filter(project_id=project_id).exists()
        or action_items(org, fiscal_year).filter(project_id=project_id).exists()
    )


def budget_of(org: Organization, fiscal_year: int, project_id: int) -> Decimal:
    """Lines of every ordinance of the year plus approved transfers in, minus transfers out."""
    lines = budget_lines(org, fiscal_year).filter(project_id=project_id)
    base = lines.aggregate(s=Sum("amount"))["s"] or Decimal(0)
    moved = BudgetTransfer.objects.filter(line__in=lines).aggregate(s=Sum(signed_transfer()))["s"]
    return base + (moved or Decimal(0))


def budgets_by_project(
    org: Organization, fiscal_year: int, only: set[int] | None = None
) -> dict[int, Decimal]:
    """Budget after transfers of every budgeted project of the year (2 grouped queries)."""
    out: dict[int, Decimal] = defaultdict(Decimal)
    lines = budget_lines(org, fiscal_year)
    transfers = BudgetTransfer.objects.filter(
        line__ordinance__org=org, line__ordinance__fiscal_year=fiscal_year
    )
    if only is not None:
        lines, transfers = (
            lines.filter(project_id__in=only),
            transfers.filter(line__project_id__in=only),
        )
    for pid, s in (
        lines.values("project_id").annotate(s=Sum("amount")).values_list("project_id", "s")
    ):
        out[pid] += s
    for pid, s in (
        transfers.values("line__project_id")
        .annotate(s=Sum(signed_transfer()))
        .values_list("line__project_id", "s")
    ):
        out[pid] += s
    return dict(out)


def months_closed_by(locks) -> set[int]:
    """The months closed by (kind, number) period locks: a month's, a quarter's, a half's, a year's."""
    months: set[int] = set()
    for kind, number in locks:
        months.update(MONTHS_OF[PeriodKind(kind)](number))
    return months


def closed_months(org: Organization, fiscal_year: int) -> set[int]:
    locks = PeriodLock.objects.filter(org=org, fiscal_year=fiscal_year)
    return months_closed_by(locks.values_list("kind", "number"))


@dataclass
class EntryRow:
    project_id: int
    name: str
    division: str
    division_id: int | None
    strategy: int
    budget: Decimal
    planned: list[bool] = field(default_factory=list)  # 12 flags, ต.ค. first
    in_action_plan: bool = False
    version: int = 0
    status: str = Status.NOT_STARTED
    progress: int = 0
    disbursed_month: Decimal = Decimal(0)
    disbursed_before: Decimal = Decimal(0)
    note: str = ""
    procurement: str = ""
    contract_no: str = ""
    contract_signed_on: object = None
    contract_amount: Decimal | None = None
    carried_over: Decimal = Decimal(0)
    problems: str = ""
    has_month_row: bool = False

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def procurement_label(self) -> str:
        return Procurement(self.procurement).label if self.procurement else ""

    @property
    def cumulative(self) -> Decimal:
        return self.disbursed_before + self.disbursed_month

    @property
    def percent(self) -> Decimal | None:
        return (self.cumulative * 100 / self.budget) if self.budget else None


def entry_rows(
    org: Organization,
    fiscal_year: int,
    month: int,
    division_ids: set[int] | None = None,
    only: set[int] | None = None,
) -> list[EntryRow]:
    """One row per project budgeted or in the action plan for the year (7 queries)."""
    budgets = budgets_by_project(org, fiscal_year, only)
    planned: dict[int, int] = defaultdict(int)
    items = action_items(org, fiscal_year).filter(project__isnull=False)
    if only is not None:
        items = items.filter(project_id__in=only)
    for pid, mask in items.values_list("project_id", "months"):
        planned[pid] |= mask
    ids = set(budgets) | set(planned)
    if only is not None:
        ids &= only
    latest: dict[int, tuple] = {}
    for pid, name, div_id, div_name, strategy in (
        ProjectVersion.objects.filter(project_id__in=ids)
        .order_by("project_id", "valid_from_seq")
        .values_list("project_id", "name", "division_id", "division__name", "strategy__number")
    ):
        latest[pid] = (name, div_id, div_name or "", strategy)
    if division_ids is not None:
        ids = {pid for pid in ids if latest.get(pid, (None, None))[1] in division_ids}

    years = {
        py.project_id: py
        for py in ProjectYear.objects.filter(org=org, fiscal_year=fiscal_year, project_id__in=ids)
    }
    before = dict(
        MonthlyProgress.objects.filter(project_year__in=years.values(), month__lt=month)
        .values("project_year_id")
        .annotate(s=Coalesce(Sum("disbursed"), ZERO))
        .values_list("project_year_id", "s")
    )
    upto: dict[int, MonthlyProgress] = {}
    for mp in MonthlyProgress.objects.filter(
        project_year__in=years.values(), month__lte=month
    ).order_by("project_year_id", "month"):
        upto[mp.project_year_id] = mp  # the last one ≤ month wins

    rows = []
    for pid in ids:
        name, div_id, div_name, strategy = latest.get(pid, ("", None, "", 0))
        row = EntryRow(
            project_id=pid,
            name=name,
            division=div_name,
            division_id=div_id,
            strategy=strategy or 0,
            budget=budgets.get(pid, Decimal(0)),
            planned=[bool(planned.get(pid, 0) >> i & 1) for i in range(12)],
            in_action_plan=pid in planned,
        )
        py = years.get(pid)
        if py is not None:
            row.version = py.version
            for f in ("procurement", "contract_no", "contract_signed_on", "contract_amount",
                      "carried_over", "problems"):  # fmt: skip
                setattr(row, f, getattr(py, f))
            row.disbursed_before = before.get(py.pk, Decimal(0))
            mp = upto.get(py.pk)
            if mp is not None:
                row.status, row.progress = mp.status, mp.progress
                if mp.month == month:
                    row.disbursed_month, row.note, row.has_month_row = mp.disbursed, mp.note, True
        rows.append(row)
    rows.sort(key=lambda r: (r.strategy, r.division, r.name, r.project_id))
    return rows


def saved_row(row: EntryRow, data, py) -> EntryRow:
    """The row as it reads after `data` was saved for its month: what entry_row would read back,
    without reading it back (a save answers with its row; this keeps that to no extra query)."""
    contract = {f: getattr(data, f) for f in ("procurement", "contract_no", "contract_signed_on",
                                              "contract_amount", "carried_over", "problems")}  # fmt: skip
    return replace(row, version=py.version, status=data.status, progress=data.progress,
                   disbursed_month=data.disbursed, note=data.note, has_month_row=True, **contract)  # fmt: skip


# One statement for one project's row, the hot path of every save (entry page and API). The same
# facts as entry_rows(only={project}) — the test suite holds the two to agreeing — in one round
# trip and without building seven ORM queries. Each derived table is an aggregate without GROUP BY,
# so it always yields one row; the bits of the action-plan months are OR-ed as a sum of MAX(bit).
_MASK = " + ".join(f"COALESCE(MAX(i.months & {1 << b}), 0)" for b in range(12))
_ENTRY_ROW_SQL = f"""
SELECT b.n, b.s, t.s, a.n, a.mask, v.name, v.division_id, d.name, st.number,
       py.id, py.version, py.procurement, py.contract_no, py.contract_signed_on,
       py.contract_amount, py.carried_over, py.problems,
       (SELECT SUM(mp.disbursed) FROM monitoring_monthlyprogress mp
         WHERE mp.project_year_id = py.id AND mp.month < %s),
       u.month, u.status, u.progress, u.disbursed, u.note
FROM (SELECT COUNT(*) AS n, SUM(bl.amount) AS s FROM plans_budgetline bl
        JOIN plans_budgetordinance o ON o.id = bl.ordinance_id
       WHERE o.org_id = %s AND o.fiscal_year = %s AND bl.project_id = %s) b
CROSS JOIN (SELECT SUM(CASE WHEN tr.kind = 'decrease' THEN -tr.amount ELSE tr.amount END) AS s
              FROM monitoring_budgettransfer tr
              JOIN plans_budgetline bl ON bl.id = tr.line_id
              JOIN plans_budgetordinance o ON o.id = bl.ordinance_id
             WHERE o.org_id = %s AND o.fiscal_year = %s AND bl.project_id = %s) t
CROSS JOIN (SELECT COUNT(*) AS n, {_MASK} AS mask FROM plans_actionplanitem i
             WHERE i.project_id = %s AND i.action_plan_id = (
                   SELECT ap.id FROM plans_actionplan ap WHERE ap.org_id = %s AND ap.fiscal_year = %s
                    ORDER BY ap.amendment DESC LIMIT 1)) a
LEFT JOIN plans_projectversion v ON v.id = (
          SELECT v2.id FROM plans_projectversion v2 WHERE v2.project_id = %s
           ORDER BY v2.valid_from_seq DESC, v2.id DESC LIMIT 1)
LEFT JOIN orgs_division d ON d.id = v.division_id
LEFT JOIN plans_strategy st ON st.id = v.strategy_id
LEFT JOIN monitoring_projectyear py
       ON py.org_id = %s AND py.fiscal_year = %s AND py.project_id = %s
LEFT JOIN monitoring_monthlyprogress u ON u.id = (
          SELECT mp.id FROM monitoring_monthlyprogress mp
           WHERE mp.project_year_id = py.id AND mp.month <= %s ORDER BY mp.month DESC LIMIT 1)
"""  # noqa: S608 - only the constant _MASK is formatted in
_SQLITE_DECIMAL = decimal.Context(prec=15)


def _money(value) -> Decimal:
    """A sum or amount as Decimal: PostgreSQL gives Decimal; SQLite gives int or float, read the
    way Django's own SQLite converter reads a DecimalField."""
    if value is None:
        return Decimal(0)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return _SQLITE_DECIMAL.create_decimal_from_float(value).quantize(CENTS)
    return Decimal(value).quantize(CENTS)


def entry_row(org: Organization, fiscal_year: int, month: int, project_id: int) -> EntryRow | None:
    """The row of one project, or None if it is neither budgeted nor in the year's action plan."""
    o, fy, p = org.pk, fiscal_year, project_id
    with connection.cursor() as cursor:
        cursor.execute(_ENTRY_ROW_SQL, [month, o, fy, p, o, fy, p, p, o, fy, p, o, fy, p, month])
        (n_lines, base, moved, n_items, mask, name, div_id, div_name, strategy, py_id, version,
         procurement, contract_no, signed_on, contract_amount, carried_over, problems, before,
         last, status, progress, disbursed, note) = cursor.fetchone()  # fmt: skip
    if not n_lines and not n_items:
        return None
    mask = mask or 0
    row = EntryRow(
        project_id=p,
        name=name or "",
        division=div_name or "",
        division_id=div_id,
        strategy=strategy or 0,
        budget=_money(base) + _money(moved) if n_lines else Decimal(0),
        planned=[bool(mask >> i & 1) for i in range(12)],
        in_action_plan=bool(n_items),
    )
    if py_id is not None:
        row.version, row.procurement, row.contract_no = version, procurement, contract_no
        row.contract_signed_on = parse_date(signed_on) if isinstance(signed_on, str) else signed_on
        row.contract_amount = None if contract_amount is None else _money(contract_amount)
        row.carried_over, row.problems = _money(carried_over), problems
        row.disbursed_before = _money(before)
        if last is not None:
            row.status, row.progress = status, progress
            if last == month:
                row.disbursed_month, row.note, row.has_month_row = _money(disbursed), note, True
    return row
