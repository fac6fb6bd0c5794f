"""Early-warning evaluation. Each rule kind is one set-based query over all the orgs being
evaluated (one org on demand, a whole province at night); thresholds and wording come from the
WarningRule rows. Evaluation replaces the previous results for those orgs and that year in one
transaction, so running it twice gives the same alerts (idempotent).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import (
    DecimalField,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
)

from monitoring.models import (
    Alert,
    Procurement,
    ProjectYear,
    RuleKind,
    Status,
    WarningRule,
)
from monitoring.queries import month_end
from orgs.models import Organization
from plans.models import ActionPlanItem, BudgetMovement, ProjectVersion
from plans.models.rules import effective_by
from plans.selectors import current_action_plans, latest_names, year_as_of
from thai.dates import FISCAL_MONTHS, MONTHS

MONEY = DecimalField(max_digits=17, decimal_places=2)
ZERO = Value(Decimal(0), output_field=MONEY)


def elapsed_months(fy: int, as_of: dt.date) -> int:
    """Fiscal months of `fy` fully over on `as_of` (0 before 31 Oct, 12 from 30 Sep)."""
    return sum(1 for m in range(1, 13) if month_end(fy, m) <= as_of)


def month_label(month: int) -> str:
    return MONTHS[FISCAL_MONTHS[max(1, min(month, 12)) - 1] - 1]


@dataclass
class Hit:
    org_id: int
    project_id: int | None
    value: Decimal | None
    context: dict


def _name():
    return Subquery(
        ProjectVersion.objects.filter(project=OuterRef("pid"))
        .order_by("-valid_from_seq")
        .values("name")[:1]
    )


def _latest_items(org_ids, fy):
    """Items of each org's current action-plan amendment of the year."""
    return ActionPlanItem.objects.filter(action_plan_id__in=current_action_plans(org_ids, fy))


def not_started_late(org_ids, fy, elapsed, rule):
    grace = int(rule.threshold)
    status = Subquery(
        ProjectYear.objects.filter(
            org=OuterRef("action_plan__org"), fiscal_year=fy, project=OuterRef("project")
        ).values("status")[:1]
    )
    rows = (
        _latest_items(org_ids, fy)
        .filter(project__isnull=False)
        .values(oid=F("action_plan__org_id"), pid=F("project"))
        .annotate(last=Max("last_month"), status=status, name=_name())
        .filter(last__lte=elapsed - grace)
        .filter(Q(status__isnull=True) | Q(status=Status.NOT_STARTED))
    )
    for r in rows:
        yield Hit(
            r["oid"],
            r["pid"],
            Decimal(elapsed - r["last"]),
            {"project": r["name"], "month": f"เดือน{month_label(r['last'])}"},
        )


@dataclass
class Facts:
    """A budgeted project as the budget-based rules see it (one row of sql.BUDGETED_FACTS)."""

    org_id: int
    project_id: int
    budget: Decimal
    subsidy: Decimal
    status: str
    disbursed: Decimal
    signed: dt.date | None
    procurement: str
    first: int | None
    last: int | None
    in_action_plan: bool
    org_has_action_plan: bool


def budgeted_facts(org_ids, fy, as_of: dt.date | None = None) -> list[Facts]:
    """One query for every budgeted project of the orgs; the rules below only filter these rows."""
    from django.db import connection

    from monitoring import sql
    from monitoring.queries import money

    marks = ", ".join(f"%(org{i})s" for i in range(len(org_ids))) or "NULL"
    query = sql.BUDGETED_FACTS.format(orgs=marks)
    params = {f"org{i}": oid for i, oid in enumerate(org_ids)}
    params.update(fy=fy, end=min(as_of, year_as_of(fy)) if as_of else year_as_of(fy))
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        rows = cursor.fetchall()
    facts = []
    for oid, pid, budget, subsidy, status, paid, signed, procurement, first, last, inp, has in rows:
        if isinstance(signed, str):  # SQLite hands dates back as text from raw SQL
            signed = dt.date.fromisoformat(signed)
        facts.append(
            Facts(
                oid,
                pid,
                money(budget),
                money(subsidy),
                status,
                money(paid),
                signed,
                procurement,
                first,
                last,
                bool(inp),
                bool(has),
            )
        )
    return facts


def no_contract(facts, fy, elapsed, rule):
    month = int(rule.threshold)
    if elapsed < month:
        return
    deadline = month_end(fy, month)
    for f in facts:
        if f.status in (Status.CANCELLED, Status.DONE) or f.procurement == Procurement.SELF:
            continue
        if f.signed is None or f.signed > deadline:
            yield Hit(
                f.org_id, f.project_id, Decimal(month), {"month": f"เดือน{month_label(month)}"}
            )


def expected_share(f: Facts, elapsed: int) -> Decimal:
    """Share of the money that should be paid by now: the project's own planned months, else the
    share of the year."""
    if f.first is None or f.last is None:  # no planned months (both come from the same mask)
        return Decimal(elapsed * 100) / 12
    if f.first > elapsed:
        return Decimal(0)
    if f.last <= elapsed:
        return Decimal(100)
    return Decimal((elapsed + 1 - f.first) * 100) / (f.last - f.first + 1)


def disbursement_lag(facts, fy, elapsed, rule):
    if elapsed == 0:
        return
    cent = Decimal("0.01")
    for f in facts:
        if f.status == Status.CANCELLED or f.budget <= 0:
            continue
        expected = expected_share(f, elapsed)
        paid = f.disbursed * 100 / f.budget
        if expected > 0 and paid < expected - rule.threshold:
            yield Hit(
                f.org_id, f.project_id, paid.quantize(cent), {"expected": expected.quantize(cent)}
            )


def budgeted_not_in_action_plan(facts, fy, elapsed, rule):
    for f in facts:
        if f.org_has_action_plan and not f.in_action_plan and f.status != Status.CANCELLED:
            yield Hit(f.org_id, f.project_id, None, {})


def subsidy_idle(facts, fy, elapsed, rule):
    if elapsed < int(rule.threshold):
        return
    for f in facts:
        if f.subsidy > 0 and f.status == Status.NOT_STARTED and f.disbursed == 0:
            yield Hit(f.org_id, f.project_id, Decimal(elapsed), {})


def action_plan_not_budgeted(org_ids, fy, elapsed, rule):
    lines = BudgetMovement.objects.filter(
        effective_by(year_as_of(fy)),
        kind="line",
        fiscal_year=fy,
        project=OuterRef("project"),
        org=OuterRef("action_plan__org"),
    )
    rows = (
        _latest_items(org_ids, fy)
        .filter(project__isnull=False)
        .exclude(Exists(lines))
        .values(oid=F("action_plan__org_id"), pid=F("project"))
        .annotate(name=_name())
        .distinct()
    )
    for r in rows:
        yield Hit(r["oid"], r["pid"], None, {"project": r["name"]})


def done_no_after_photo(org_ids, fy, elapsed, rule):
    from monitoring.models import Photo, Stage

    after = Photo.objects.filter(project_year=OuterRef("pk"), stage=Stage.AFTER)
    rows = (
        ProjectYear.objects.filter(org_id__in=org_ids, fiscal_year=fy, status=Status.DONE)
        .exclude(Exists(after))
        .values_list("org_id", "project_id")
    )
    for oid, pid in rows:
        yield Hit(oid, pid, None, {})


# Rules over action-plan items take the org ids; rules over budgeted projects take the facts.
ITEM_CHECKS = {
    RuleKind.NOT_STARTED_LATE: not_started_late,
    RuleKind.ACTION_PLAN_NOT_BUDGETED: action_plan_not_budgeted,
    RuleKind.DONE_NO_AFTER_PHOTO: done_no_after_photo,
}
FACT_CHECKS = {
    RuleKind.NO_CONTRACT: no_contract,
    RuleKind.DISBURSEMENT_LAG: disbursement_lag,
    RuleKind.BUDGETED_NOT_IN_ACTION_PLAN: budgeted_not_in_action_plan,
    RuleKind.SUBSIDY_IDLE: subsidy_idle,
}


def hits_of(rule: WarningRule, org_ids, fy, elapsed, facts) -> list[Hit]:
    kind = RuleKind(rule.kind)
    if kind in ITEM_CHECKS:
        return list(ITEM_CHECKS[kind](org_ids, fy, elapsed, rule))
    return list(FACT_CHECKS[kind](facts, fy, elapsed, rule))


def _message(rule: WarningRule, hit: Hit) -> str:
    values = {
        "threshold": f"{rule.threshold.normalize():f}",
        "value": "",
        "month": "",
        "expected": "",
        **hit.context,
    }
    if hit.value is not None:
        values["value"] = (
            f"{hit.value.normalize():f}"
            if hit.value == hit.value.to_integral()
            else f"{hit.value:,.2f}"
        )
    values["project"] = f" “{values['project']}” " if values.get("project") else ""
    try:
        text = rule.message.format(**values)
    except (KeyError, IndexError, ValueError):
        text = rule.message  # a placeholder typo in an edited rule must not stop the evaluation
    return " ".join(text.split())


@transaction.atomic
def evaluate(orgs, fiscal_year: int, as_of: dt.date) -> int:
    """Replace the alerts of these orgs for the year with a fresh evaluation; returns the count."""
    org_ids = (
        list(orgs.values_list("pk", flat=True))
        if hasattr(orgs, "values_list")
        else [o.pk for o in orgs]
    )
    elapsed = elapsed_months(fiscal_year, as_of)
    rules = list(WarningRule.objects.filter(active=True))
    facts = (
        budgeted_facts(org_ids, fiscal_year, as_of)
        if any(r.kind in FACT_CHECKS for r in rules)
        else []
    )
    found = [
        (rule, hit) for rule in rules for hit in hits_of(rule, org_ids, fiscal_year, elapsed, facts)
    ]
    names = latest_names({hit.project_id for _, hit in found if "project" not in hit.context})
    alerts = []
    for rule, hit in found:
        name = names.get(hit.project_id, "") if hit.project_id is not None else ""
        hit.context.setdefault("project", name)
        alerts.append(
            Alert(
                org_id=hit.org_id,
                fiscal_year=fiscal_year,
                rule=rule,
                project_id=hit.project_id,
                severity=rule.severity,
                message=_message(rule, hit),
                value=hit.value,
                as_of=as_of,
            )
        )
    Alert.objects.filter(org_id__in=org_ids, fiscal_year=fiscal_year).delete()
    Alert.objects.bulk_create(alerts, batch_size=2000)
    return len(alerts)


def evaluate_org(org: Organization, fiscal_year: int, as_of: dt.date) -> int:
    return evaluate(Organization.objects.filter(pk=org.pk), fiscal_year, as_of)
