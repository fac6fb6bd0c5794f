"""Reads for the monthly entry page and the services' checks (a bounded number of queries each)."""

import datetime as dt
import decimal
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db import connection
from django.db.models import Count, DecimalField, Max, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.dateparse import parse_date

from monitoring import sql
from monitoring.models import (
    MonthlyProgress,
    PeriodKind,
    PeriodLock,
    Photo,
    Procurement,
    ProjectYear,
    Stage,
    Status,
)
from monitoring.models.periods import MONTHS_OF
from orgs.models import Organization
from plans.models import ActionPlanItem, BudgetLine, BudgetMovement, ProjectVersion
from plans.models.rules import effective_by
from plans.selectors import current_action_plans, year_as_of
from thai.dates import (
    FISCAL_MONTHS,
    fiscal_month_index,
    fiscal_months_span,
    fiscal_year,
    fiscal_year_bounds,
)
from thai.dates import MONTHS as MONTH_NAMES

CENTS = Decimal("0.01")
ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=15, decimal_places=2))


def action_items(org: Organization, fiscal_year: int):
    """Items of the current amendment of the year's action plan (the shared rule)."""
    return ActionPlanItem.objects.filter(
        action_plan_id__in=current_action_plans([org.pk], fiscal_year)
    )


def budget_lines(org: Organization, fiscal_year: int):
    return BudgetLine.objects.filter(ordinance__org=org, ordinance__fiscal_year=fiscal_year)


def movements(org: Organization, fiscal_year: int):
    """The year's budget movements effective by now (lines and transfers: the shared rule)."""
    return BudgetMovement.objects.filter(
        effective_by(year_as_of(fiscal_year)), org=org, fiscal_year=fiscal_year
    )


def is_tracked(org: Organization, fiscal_year: int, project_id: int) -> bool:
    return (
        budget_lines(org, fiscal_year).filter(project_id=project_id).exists()
        or action_items(org, fiscal_year).filter(project_id=project_id).exists()
    )


def budget_of(org: Organization, fiscal_year: int, project_id: int) -> Decimal:
    """The project's effective budget: its lines plus transfers in, minus transfers out."""
    moved = movements(org, fiscal_year).filter(project_id=project_id).aggregate(s=Sum("amount"))
    return moved["s"] or Decimal(0)


def budgets_by_project(
    org: Organization, fiscal_year: int, only: set[int] | None = None
) -> dict[int, Decimal]:
    """Effective budget of every budgeted project of the year (one grouped query)."""
    qs = movements(org, fiscal_year)
    if only is not None:
        qs = qs.filter(project_id__in=only)
    rows = (
        qs.values("project_id")
        .annotate(s=Sum("amount"), lines=Count("id", filter=Q(kind="line")))
        .filter(lines__gt=0)
        .values_list("project_id", "s")
    )
    return dict(rows)


def months_closed_by(locks) -> set[int]:
    """The months closed by (kind, number) period locks: a month's, a quarter's, a half's, a
    year's."""
    months: set[int] = set()
    for kind, number in locks:
        months.update(MONTHS_OF[PeriodKind(kind)](number))
    return months


def closed_months(org: Organization, fiscal_year: int) -> set[int]:
    locks = PeriodLock.objects.filter(org=org, fiscal_year=fiscal_year)
    return months_closed_by(locks.values_list("kind", "number"))


def first_month_reached(fiscal_year: int, on: dt.date | None) -> int | None:
    """The first month of `fiscal_year` whose figures (as of its end) a fact dated `on` counts in:
    month 1 for a date before the year, None for a date after it (or no date)."""
    if on is None:
        return None
    start, end = fiscal_year_bounds(fiscal_year)
    if on > end:
        return None
    return 1 if on < start else fiscal_month_index(on)


def closed_period_reached(
    org: Organization, fiscal_year: int, on: dt.date | None, closed: set[int] | None = None
) -> str | None:
    """The closed month that a change dated `on` would alter (as a Thai month name), or None.
    A locked or approved period changes only after it is unlocked (the recorded unlock path)."""
    first = first_month_reached(fiscal_year, on)
    if first is None:
        return None
    closed = closed_months(org, fiscal_year) if closed is None else closed
    reached = sorted(m for m in closed if m >= first)
    return MONTH_NAMES[FISCAL_MONTHS[reached[0] - 1] - 1] if reached else None


def closed_since(org: Organization, on: dt.date) -> str | None:
    """For a change effective from `on` on in every later year too (an edition's approval): the
    first closed month it would alter, in the year of `on` or any later year."""
    fy = fiscal_year(on)
    hit = closed_period_reached(org, fy, on)
    if hit:
        return f"{hit} ปีงบประมาณ {fy}"
    later = PeriodLock.objects.filter(org=org, fiscal_year__gt=fy).order_by("fiscal_year").first()
    return f"ปีงบประมาณ {later.fiscal_year}" if later else None


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
    photos: int = 0  # the work's photos of the year (the row links to them)
    public_photos: int = 0  # of them, published; and the one a public page shows (public_photos)
    photo_id: int | None = None

    @property
    def planned_months(self) -> str:
        """The months of the action plan, as the public page names them."""
        return fiscal_months_span(self.planned)

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


def _entry_projects(
    org: Organization,
    fiscal_year: int,
    division_ids: set[int] | None = None,
    only: set[int] | None = None,
) -> tuple[dict[int, Decimal], dict[int, int], dict[int, tuple], set[int]]:
    """The projects of the year's monthly entry: budgeted (a budget line) or in the current
    action plan, of the given divisions by their latest version (3 queries). Returns their
    budgets, action-plan month masks, latest (name, division id, division name, strategy) and
    ids."""
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
    return budgets, planned, latest, ids


def entry_project_ids(
    org: Organization, fiscal_year: int, division_ids: set[int] | None = None
) -> set[int]:
    """The projects the monthly entry page lists for the year (of these divisions only, if
    given): the one rule for "the projects of a month's entry"."""
    return _entry_projects(org, fiscal_year, division_ids)[3]


def entered_count(org: Organization, fiscal_year: int, month: int, project_ids: set[int]) -> int:
    """How many of these projects have the month's progress saved (one query)."""
    return (
        MonthlyProgress.objects.filter(
            project_year__org=org,
            project_year__fiscal_year=fiscal_year,
            project_year__project_id__in=project_ids,
            month=month,
        )
        .values("project_year__project")
        .distinct()
        .count()
    )


def photo_counts(org: Organization, fiscal_year: int, ids=None) -> dict[int, int]:
    """Photos of each work of the year (one grouped query), by project."""
    photos = Photo.objects.filter(project_year__org=org, project_year__fiscal_year=fiscal_year)
    if ids is not None:
        photos = photos.filter(project_year__project_id__in=ids)
    rows = photos.values("project_year__project_id").annotate(n=Count("id"))
    return dict(rows.values_list("project_year__project_id", "n"))


def public_photos(org: Organization, fiscal_year: int) -> dict[int, tuple[int, int]]:
    """The photos of each work of the year that may be published (is_public), by project: how
    many, and the one to show — the latest หลังดำเนินการ photo, else the latest (one query)."""
    photos = Photo.objects.filter(
        project_year__org=org, project_year__fiscal_year=fiscal_year, is_public=True
    )
    rows = photos.values("project_year__project_id").annotate(
        n=Count("id"), after=Max("id", filter=Q(stage=Stage.AFTER)), last=Max("id")
    )
    return {
        pid: (n, after or last)
        for pid, n, after, last in rows.values_list(
            "project_year__project_id", "n", "after", "last"
        )
    }


def entry_rows(
    org: Organization,
    fiscal_year: int,
    month: int,
    division_ids: set[int] | None = None,
    only: set[int] | None = None,
) -> list[EntryRow]:
    """One row per project budgeted or in the action plan for the year (7 queries)."""
    budgets, planned, latest, ids = _entry_projects(org, fiscal_year, division_ids, only)
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
    photos = photo_counts(org, fiscal_year, only)
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
            for f in (
                "procurement",
                "contract_no",
                "contract_signed_on",
                "contract_amount",
                "carried_over",
                "problems",
            ):
                setattr(row, f, getattr(py, f))
            row.disbursed_before = before.get(py.pk, Decimal(0))
            row.photos = photos.get(pid, 0)
            last_entry = upto.get(py.pk)
            if last_entry is not None:
                row.status, row.progress = last_entry.status, last_entry.progress
                if last_entry.month == month:
                    row.disbursed_month, row.note, row.has_month_row = (
                        last_entry.disbursed,
                        last_entry.note,
                        True,
                    )
        rows.append(row)
    rows.sort(key=lambda r: (r.strategy, r.division, r.name, r.project_id))
    return rows


def saved_row(row: EntryRow, data, py) -> EntryRow:
    """The row as it reads after `data` was saved for its month: what entry_row would read back,
    without reading it back (a save answers with its row; this keeps that to no extra query)."""
    contract = {
        f: getattr(data, f)
        for f in (
            "procurement",
            "contract_no",
            "contract_signed_on",
            "contract_amount",
            "carried_over",
            "problems",
        )
    }
    return replace(
        row,
        version=py.version,
        status=data.status,
        progress=data.progress,
        disbursed_month=data.disbursed,
        note=data.note,
        has_month_row=True,
        **contract,
    )


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
        params: dict[str, int | dt.date] = {
            "org": o,
            "fy": fy,
            "project": p,
            "month": month,
            "end": year_as_of(fy),
        }
        cursor.execute(sql.ENTRY_ROW, params)
        (
            n_lines,
            base,
            n_items,
            mask,
            name,
            div_id,
            div_name,
            strategy,
            py_id,
            version,
            procurement,
            contract_no,
            signed_on,
            contract_amount,
            carried_over,
            problems,
            before,
            last,
            status,
            progress,
            disbursed,
            note,
            photos,
        ) = cursor.fetchone()
    if not n_lines and not n_items:
        return None
    mask = mask or 0
    row = EntryRow(
        project_id=p,
        name=name or "",
        division=div_name or "",
        division_id=div_id,
        strategy=strategy or 0,
        budget=_money(base) if n_lines else Decimal(0),
        planned=[bool(mask >> i & 1) for i in range(12)],
        in_action_plan=bool(n_items),
    )
    if py_id is not None:
        row.version, row.procurement, row.contract_no = version, procurement, contract_no
        row.contract_signed_on = parse_date(signed_on) if isinstance(signed_on, str) else signed_on
        row.contract_amount = None if contract_amount is None else _money(contract_amount)
        row.carried_over, row.problems = _money(carried_over), problems
        row.disbursed_before, row.photos = _money(before), photos
        if last is not None:
            row.status, row.progress = status, progress
            if last == month:
                row.disbursed_month, row.note, row.has_month_row = _money(disbursed), note, True
    return row
