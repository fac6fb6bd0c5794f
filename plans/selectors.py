"""Reads of the plan registry. Aggregates are computed by the database (GROUP BY), never by
looping over projects in Python."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Count, Max, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from plans.models import (
    ActionPlan,
    ApprovedVersion,
    ApprovedWindow,
    BudgetOrdinance,
    CurrentActionPlan,
    Edition,
    EditionStatus,
    Plan,
    Program,
    Project,
    ProjectBudget,
    ProjectVersion,
    Strategy,
    Tactic,
)
from plans.models.editions import PROJECT_TEXT_FIELDS
from plans.models.rules import window_holds
from thai.dates import fiscal_year_bounds

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


def year_as_of(fiscal_year: int) -> dt.date:
    """The date a year's current figures are read as of: today, or the year's last day once the
    year is over (every "current" reader of a year uses this one date)."""
    return min(timezone.localdate(), fiscal_year_bounds(fiscal_year)[1])


def fiscal_years(org) -> list[int]:
    """The years with an ordinance or an action plan, oldest first (one query)."""
    ordinances = BudgetOrdinance.objects.filter(org=org).order_by().values_list("fiscal_year")
    plans = ActionPlan.objects.filter(org=org).order_by().values_list("fiscal_year")
    return [year for (year,) in ordinances.union(plans).order_by("fiscal_year")]


def year_tabs(orgs, fy: int | None = None) -> list[int]:
    """The fiscal-year tabs of a page about these orgs (an org, or a queryset of orgs): the years
    of their 5-year plans that have an ordinance or an action plan, this fiscal year and the
    page's own year when a plan covers them. Never a year past the end of every plan (three
    queries)."""
    from core.web import this_fy

    org_ids: Any = orgs.order_by().values("pk") if isinstance(orgs, QuerySet) else [orgs.pk]
    spans = set(Plan.objects.filter(org__in=org_ids).values_list("start_year", "end_year"))
    wanted = {this_fy()} | ({fy} if fy else set())
    for model in (BudgetOrdinance, ActionPlan):
        years = model.objects.filter(org__in=org_ids).order_by().values_list("fiscal_year")
        wanted |= {year for (year,) in years.distinct()}
    return sorted(y for y in wanted if any(a <= y <= b for a, b in spans))


def approved_seq_on(plan: Plan, on: dt.date | None = None) -> int | None:
    """Seq of the edition that is "the plan as approved" on `on` (today when not given): the
    shared rule plans_approvedwindow. Drafts never count; nor does an approval dated later."""
    on = on or timezone.localdate()
    return (
        ApprovedWindow.objects.filter(window_holds(on), plan=plan)
        .values_list("seq", flat=True)
        .first()
    )


def approved_versions_on(on: dt.date):
    """Each project's version in the plan as approved on `on` (the shared rule, as a queryset)."""
    return ApprovedVersion.objects.filter(window_holds(on))


def current_action_plan(org, fiscal_year: int) -> ActionPlan | None:
    """The current amendment of the org's action plan for the year (the shared rule)."""
    return ActionPlan.objects.filter(pk__in=current_action_plans([org.pk], fiscal_year)).first()


def current_action_plans(org_ids, fiscal_year: int):
    """Ids of the current amendment of each org's action plan for the year (the shared rule)."""
    return CurrentActionPlan.objects.filter(org_id__in=org_ids, fiscal_year=fiscal_year).values(
        "action_plan_id"
    )


def working_seq(plan: Plan) -> int | None:
    return Edition.objects.filter(plan=plan).aggregate(m=Max("seq"))["m"]


def draft_edition(plan: Plan) -> Edition | None:
    return Edition.objects.filter(plan=plan, status=EditionStatus.DRAFT).first()


def _valid_at(seq: int, prefix: str = "") -> Q:
    return Q(**{f"{prefix}valid_from_seq__lte": seq}) & (
        Q(**{f"{prefix}valid_until_seq__isnull": True}) | Q(**{f"{prefix}valid_until_seq__gt": seq})
    )


def versions_as_of(plan: Plan, seq: int | None) -> QuerySet[ProjectVersion]:
    if seq is None:
        return ProjectVersion.objects.none()
    return ProjectVersion.objects.filter(_valid_at(seq), plan=plan, removed=False)


def version_current(project: Project, seq: int) -> ProjectVersion | None:
    return ProjectVersion.objects.filter(_valid_at(seq), project=project, removed=False).first()


def project_rows(plan: Plan, seq: int | None) -> QuerySet[ProjectVersion]:
    """Versions with everything a table or an export shows (3 queries when evaluated)."""
    return (
        versions_as_of(plan, seq)
        .select_related("strategy", "tactic", "program", "edition")
        .prefetch_related(Prefetch("budgets", queryset=ProjectBudget.objects.order_by("year")))
        .order_by("strategy__number", "tactic__number", "program__order", "seq_no", "id")
    )


def budgets_as_of(plan: Plan, seq: int | None) -> QuerySet[ProjectBudget]:
    if seq is None:
        return ProjectBudget.objects.none()
    return ProjectBudget.objects.filter(
        _valid_at(seq, "version__"), version__plan=plan, version__removed=False
    )


# -- ผ.01 summary ------------------------------------------------------------------------------


@dataclass
class Cell:
    count: int = 0
    amount: Decimal = Decimal(0)


@dataclass
class SummaryRow:
    level: str  # "strategy" | "tactic" | "program" | "total"
    label: str
    cells: list[Cell]
    total: Cell
    key: tuple = ()
    number: int | None = None  # a strategy row's number and name, as approved (for charts)
    name: str = ""


@dataclass
class PlanSummary:
    plan: Plan
    years: list[int]
    rows: list[SummaryRow] = field(default_factory=list)

    @property
    def total(self) -> SummaryRow:
        return self.rows[-1]


def _grouped(qs: QuerySet, keys: list[str]) -> dict[tuple, Cell]:
    """{(key values…, year): Cell} with COUNT of budgeted projects and SUM of budgets per group.

    A project counts in a year when its budget that year is > 0 (the ผ.01 rule).
    """
    rows = (
        qs.values(*keys, "year")
        .annotate(n=Count("id", filter=Q(amount__gt=0)), s=Sum("amount"))
        .order_by()
    )
    return {
        tuple(r[k] for k in keys) + (r["year"],): Cell(r["n"], r["s"] or Decimal(0)) for r in rows
    }


def _cells(grouped: dict[tuple, Cell], key: tuple, years: list[int]) -> tuple[list[Cell], Cell]:
    cells = [grouped.get(key + (y,), Cell()) for y in years]
    total = Cell(sum(c.count for c in cells), sum((c.amount for c in cells), Decimal(0)))
    return cells, total


def framework_names(plan: Plan, seq: int | None) -> dict[str, dict[int, tuple[int, str]]]:
    """The strategies' and tactics' (number, name) as edition `seq` was approved — a rename
    after the approval does not rewrite an approved ผ.01/ผ.02. Empty for a draft (today's names)."""
    edition = (
        Edition.objects.filter(plan=plan, seq=seq).only("status", "framework").first()
        if seq is not None
        else None
    )
    if edition is None or not edition.is_approved or not edition.framework:
        return {"strategies": {}, "tactics": {}}
    return {
        kind: {int(pk): (n, name) for pk, (n, name) in edition.framework.get(kind, {}).items()}
        for kind in ("strategies", "tactics")
    }


def as_approved(obj, names: dict[int, tuple[int, str]]):
    """A Strategy/Tactic instance carrying its approved number and name (in memory only)."""
    if obj is not None and obj.pk in names:
        obj.number, obj.name = names[obj.pk]
    return obj


def plan_summary(plan: Plan, seq: int | None) -> PlanSummary:
    """ผ.01: per strategy → tactic → program, projects and budget for each year and 5 years."""
    years = plan.years
    base = budgets_as_of(plan, seq)
    s_key, t_key, p_key = "version__strategy_id", "version__tactic_id", "version__program_id"
    by_program = _grouped(base, [s_key, t_key, p_key])
    by_tactic = _grouped(base, [s_key, t_key])
    by_strategy = _grouped(base, [s_key])
    overall = _grouped(base, [])
    names = framework_names(plan, seq)
    strategies = [as_approved(s, names["strategies"]) for s in Strategy.objects.filter(plan=plan)]
    strategies.sort(key=lambda s: s.number)
    tactics = [as_approved(t, names["tactics"]) for t in Tactic.objects.filter(strategy__plan=plan)]
    tactics.sort(key=lambda t: t.number)
    programs = {p.id: p for p in Program.objects.all()}

    summary = PlanSummary(plan=plan, years=years)
    for s in strategies:
        cells, total = _cells(by_strategy, (s.id,), years)
        summary.rows.append(
            SummaryRow(
                "strategy",
                f"ยุทธศาสตร์ที่ {s.number} {s.name}",
                cells,
                total,
                (s.id,),
                number=s.number,
                name=s.name,
            )
        )
        tactic_ids = [t.id for t in tactics if t.strategy_id == s.id]
        if any(k[1] is None for k in by_tactic if k[0] == s.id):
            tactic_ids.append(None)
        for t_id in tactic_ids:
            keys = sorted(
                {k[2] for k in by_program if k[0] == s.id and k[1] == t_id},
                key=lambda pid: (programs[pid].order, pid),
            )
            if t_id is not None:
                t = next(t for t in tactics if t.id == t_id)
                cells, total = _cells(by_tactic, (s.id, t_id), years)
                summary.rows.append(
                    SummaryRow(
                        "tactic",
                        f"กลยุทธ์ที่ {s.number}.{t.number} {t.name}",
                        cells,
                        total,
                        (s.id, t_id),
                    )
                )
            for pid in keys:
                cells, total = _cells(by_program, (s.id, t_id, pid), years)
                summary.rows.append(
                    SummaryRow("program", programs[pid].name, cells, total, (s.id, t_id, pid))
                )
    cells, total = _cells(overall, (), years)
    summary.rows.append(SummaryRow("total", "รวม", cells, total))
    return summary


def year_figures(plan: Plan) -> list[Cell]:
    """Each year of the plan as the reports read it: the projects and budget (the ผ.01 rule) of
    the plan as approved on year_as_of(year), i.e. a year that is over by the edition in force on
    its last day, so a later edition never rewrites a past year. 2 queries per year at most."""
    cells = []
    for year in plan.years:
        seq = approved_seq_on(plan, year_as_of(year))
        grouped = _grouped(budgets_as_of(plan, seq).filter(year=year), [])
        cells.append(grouped.get((year,), Cell()))
    return cells


# -- editions ----------------------------------------------------------------------------------


@dataclass
class DiffEntry:
    kind: str  # "added" | "removed" | "changed"
    before: ProjectVersion | None
    after: ProjectVersion | None
    fields: list[str] = field(default_factory=list)


DIFF_FIELDS = ["strategy_id", "tactic_id", "program_id", *PROJECT_TEXT_FIELDS]


def edition_diff(plan: Plan, seq_a: int, seq_b: int) -> list[DiffEntry]:
    """What changed in the plan between edition seq_a and edition seq_b."""
    a = {v.project_id: v for v in project_rows(plan, seq_a)}
    b = {v.project_id: v for v in project_rows(plan, seq_b)}
    entries = [DiffEntry("added", None, b[pid]) for pid in b.keys() - a.keys()]
    entries += [DiffEntry("removed", a[pid], None) for pid in a.keys() - b.keys()]
    for pid in a.keys() & b.keys():
        before, after = a[pid], b[pid]
        if before.pk == after.pk:
            continue
        changed = [f for f in DIFF_FIELDS if getattr(before, f) != getattr(after, f)]
        if _budget_map(before) != _budget_map(after):
            changed.append("budgets")
        if changed:
            entries.append(DiffEntry("changed", before, after, changed))
    order = {"added": 0, "changed": 1, "removed": 2}

    def printed_order(e: DiffEntry) -> tuple[int, int, int]:
        v = e.after or e.before
        assert v is not None  # every entry has one side
        return order[e.kind], v.strategy.number, v.seq_no

    entries.sort(key=printed_order)
    return entries


def _budget_map(version: ProjectVersion) -> dict[int, Decimal]:
    return {b.year: b.amount for b in version.budgets.all()}


class EditionCounts(TypedDict):
    n_versions: int
    n_removed: int


def editions_with_counts(plan: Plan) -> "QuerySet[WithAnnotations[Edition, EditionCounts]]":
    return (
        Edition.objects.filter(plan=plan)
        .annotate(
            n_versions=Count("versions", filter=Q(versions__removed=False)),
            n_removed=Count("versions", filter=Q(versions__removed=True)),
        )
        .order_by("seq")
    )


def project_history(project: Project) -> QuerySet[ProjectVersion]:
    return (
        ProjectVersion.objects.filter(project=project)
        .select_related("edition", "strategy", "tactic", "program")
        .prefetch_related("budgets")
        .order_by("valid_from_seq")
    )


def budgetable_choices(plan: Plan, fiscal_year: int) -> list[tuple[str, list[tuple[int, str]]]]:
    """Projects of the latest approved edition for a picker, grouped by strategy (one query).

    Each label carries the plan's amount for that year, so the officer sees what the plan allows.
    """
    year_budget = ProjectBudget.objects.filter(version=OuterRef("pk"), year=fiscal_year).values(
        "amount"
    )[:1]
    rows = (
        versions_as_of(plan, approved_seq_on(plan))
        .annotate(planned=Subquery(year_budget))
        .order_by("strategy__number", "seq_no", "project_id")
        .values_list(
            "project_id",
            "name",
            "planned",
            "strategy__number",
            "strategy__name",
            "seq_no",
            "location",
        )
    )
    groups: dict[str, list[tuple[int, str]]] = {}
    for project_id, name, planned, number, strategy, seq_no, location in rows:
        money = f"{planned:,.2f} บาท" if planned else "ไม่มีงบในปีนี้"
        place = f" ({location[:40]})" if location and location not in name else ""
        order = f"{number}.{seq_no} " if seq_no else ""
        label = f"{order}{name[:90]}{place} · รหัส {project_id} — ตามแผน {fiscal_year}: {money}"
        groups.setdefault(f"ยุทธศาสตร์ที่ {number} {strategy}", []).append((project_id, label))
    return list(groups.items())


def latest_names(project_ids, org=None) -> dict[int, str]:
    """Each project's latest name (one query; the latest version wins). With org, only its
    projects."""
    qs = ProjectVersion.objects.filter(project_id__in=project_ids)
    if org is not None:
        qs = qs.filter(plan__org=org)
    return dict(qs.order_by("project_id", "valid_from_seq").values_list("project_id", "name"))


def search_projects(org, query: str, limit: int = 200):
    """Projects of every plan of the org, any year, whose latest version's name, place or unit
    holds every word of the query (Thai cut into words). Latest version per project, newest plan
    first."""
    from django.db.models import Max, Q

    from thai.words import search_terms

    terms = search_terms(query)
    if not terms:
        return ProjectVersion.objects.none()
    latest = (
        ProjectVersion.objects.filter(plan__org=org)
        .values("project_id")
        .annotate(last=Max("valid_from_seq"))
    )
    qs = ProjectVersion.objects.filter(plan__org=org)
    for term in terms:
        qs = qs.filter(
            Q(name__icontains=term)
            | Q(location__icontains=term)
            | Q(responsible_unit__icontains=term)
        )
    wanted = {
        (r["project_id"], r["last"]) for r in latest.filter(project_id__in=qs.values("project_id"))
    }
    rows = (
        qs.filter(project_id__in={pid for pid, _ in wanted})
        .select_related("plan", "strategy", "edition")
        .order_by("-plan__start_year", "strategy__number", "seq_no", "project_id")
    )
    return [v for v in rows if (v.project_id, v.valid_from_seq) in wanted][:limit]
