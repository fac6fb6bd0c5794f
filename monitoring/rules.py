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
    Case,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from monitoring.models import (
    Alert,
    BudgetTransfer,
    Procurement,
    ProjectYear,
    RuleKind,
    Status,
    WarningRule,
)
from monitoring.queries import month_end
from monitoring.selectors import signed_transfer
from orgs.models import Organization
from plans.models import ActionPlan, ActionPlanItem, BudgetLine, FundingSource, ProjectVersion
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
    """Items of each org's latest action-plan amendment of the year."""
    newer = ActionPlan.objects.filter(
        org=OuterRef("action_plan__org"),
        fiscal_year=fy,
        amendment__gt=OuterRef("action_plan__amendment"),
    )
    return ActionPlanItem.objects.filter(
        action_plan__org_id__in=org_ids, action_plan__fiscal_year=fy
    ).exclude(Exists(newer))


def _lines(org_ids, fy):
    return BudgetLine.objects.filter(ordinance__org_id__in=org_ids, ordinance__fiscal_year=fy)


def _year_row(fy, field):
    return Subquery(
        ProjectYear.objects.filter(
            org=OuterRef("oid"), fiscal_year=fy, project=OuterRef("pid")
        ).values(field)[:1]
    )


def _budgeted(org_ids, fy):
    """One row per (org, budgeted project) with budget after transfers and the year's state."""
    transfers = (
        BudgetTransfer.objects.filter(
            line__ordinance__org=OuterRef("oid"),
            line__ordinance__fiscal_year=fy,
            line__project=OuterRef("pid"),
        )
        .values("line__project")
        .annotate(s=Sum(signed_transfer()))
        .values("s")[:1]
    )
    return (
        _lines(org_ids, fy)
        .values(oid=F("ordinance__org_id"), pid=F("project"))
        .annotate(
            lines=Sum("amount"),
            subsidy=Coalesce(Sum("amount", filter=Q(source=FundingSource.SPECIFIC_SUBSIDY)), ZERO),
        )
        .annotate(
            budget=ExpressionWrapper(
                F("lines") + Coalesce(Subquery(transfers, output_field=MONEY), ZERO),
                output_field=MONEY,
            ),
            status=Coalesce(_year_row(fy, "status"), Value(Status.NOT_STARTED)),
            disbursed=Coalesce(_year_row(fy, "disbursed"), ZERO),
            signed=_year_row(fy, "contract_signed_on"),
            procurement=Coalesce(_year_row(fy, "procurement"), Value("")),
            name=_name(),
        )
    )


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
        yield Hit(r["oid"], r["pid"], Decimal(elapsed - r["last"]),
                  {"project": r["name"], "month": f"เดือน{month_label(r['last'])}"})  # fmt: skip


def no_contract(org_ids, fy, elapsed, rule):
    month = int(rule.threshold)
    if elapsed < month:
        return
    rows = (
        _budgeted(org_ids, fy)
        .exclude(status__in=[Status.CANCELLED, Status.DONE])
        .exclude(procurement=Procurement.SELF)
        .filter(Q(signed__isnull=True) | Q(signed__gt=month_end(fy, month)))
    )
    for r in rows:
        yield Hit(r["oid"], r["pid"], Decimal(month),
                  {"project": r["name"], "month": f"เดือน{month_label(month)}"})  # fmt: skip


def disbursement_lag(org_ids, fy, elapsed, rule):
    if elapsed == 0:
        return
    points = rule.threshold
    plan = (
        _latest_items(org_ids, fy)
        .filter(project=OuterRef("pid"), action_plan__org=OuterRef("oid"))
        .values("project")
    )
    first = Subquery(plan.annotate(m=Max("first_month")).values("m")[:1])
    last = Subquery(plan.annotate(m=Max("last_month")).values("m")[:1])
    pct = DecimalField(max_digits=9, decimal_places=2)
    rows = (
        _budgeted(org_ids, fy)
        .exclude(status=Status.CANCELLED)
        .filter(budget__gt=0)
        .annotate(first=first, last=last)
        .annotate(
            expected=Case(
                When(first__isnull=True, then=Value(Decimal(elapsed * 100) / 12)),
                When(first__gt=elapsed, then=Value(Decimal(0))),
                When(last__lte=elapsed, then=Value(Decimal(100))),
                default=ExpressionWrapper(
                    (Value(elapsed + 1) - F("first"))
                    * Value(Decimal(100))
                    / (F("last") - F("first") + Value(1)),
                    output_field=pct,
                ),
                output_field=pct,
            ),
            paid=ExpressionWrapper(
                F("disbursed") * Value(Decimal(100)) / F("budget"), output_field=pct
            ),
        )
        .filter(expected__gt=0, paid__lt=F("expected") - Value(points))
    )
    for r in rows:
        yield Hit(r["oid"], r["pid"], Decimal(r["paid"]).quantize(Decimal("0.01")),
                  {"project": r["name"],
                   "expected": Decimal(r["expected"]).quantize(Decimal("0.01"))})  # fmt: skip


def budgeted_not_in_action_plan(org_ids, fy, elapsed, rule):
    with_plan = ActionPlan.objects.filter(org_id__in=org_ids, fiscal_year=fy).values("org_id")
    in_plan = _latest_items(org_ids, fy).filter(
        project=OuterRef("pid"), action_plan__org=OuterRef("oid")
    )
    rows = (
        _budgeted(org_ids, fy)
        .filter(ordinance__org_id__in=with_plan)
        .exclude(Exists(in_plan))
        .exclude(status=Status.CANCELLED)
    )
    for r in rows:
        yield Hit(r["oid"], r["pid"], None, {"project": r["name"]})


def action_plan_not_budgeted(org_ids, fy, elapsed, rule):
    lines = _lines(org_ids, fy).filter(
        project=OuterRef("project"), ordinance__org=OuterRef("action_plan__org")
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


def subsidy_idle(org_ids, fy, elapsed, rule):
    months = int(rule.threshold)
    if elapsed < months:
        return
    rows = _budgeted(org_ids, fy).filter(subsidy__gt=0, status=Status.NOT_STARTED, disbursed=0)
    for r in rows:
        yield Hit(r["oid"], r["pid"], Decimal(elapsed), {"project": r["name"]})


CHECKS = {
    RuleKind.NOT_STARTED_LATE: not_started_late,
    RuleKind.NO_CONTRACT: no_contract,
    RuleKind.DISBURSEMENT_LAG: disbursement_lag,
    RuleKind.BUDGETED_NOT_IN_ACTION_PLAN: budgeted_not_in_action_plan,
    RuleKind.ACTION_PLAN_NOT_BUDGETED: action_plan_not_budgeted,
    RuleKind.SUBSIDY_IDLE: subsidy_idle,
}


def _message(rule: WarningRule, hit: Hit) -> str:
    values = {"threshold": f"{rule.threshold.normalize():f}", "value": "", "month": "",
              "expected": "", **hit.context}  # fmt: skip
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
    alerts = []
    for rule in WarningRule.objects.filter(active=True):
        alerts.extend(
            Alert(org_id=hit.org_id, fiscal_year=fiscal_year, rule=rule,
                  project_id=hit.project_id, severity=rule.severity,
                  message=_message(rule, hit), value=hit.value, as_of=as_of)
            for hit in CHECKS[RuleKind(rule.kind)](org_ids, fiscal_year, elapsed, rule)
        )  # fmt: skip
    Alert.objects.filter(org_id__in=org_ids, fiscal_year=fiscal_year).delete()
    Alert.objects.bulk_create(alerts, batch_size=2000)
    return len(alerts)


def evaluate_org(org: Organization, fiscal_year: int, as_of: dt.date) -> int:
    return evaluate(Organization.objects.filter(pk=org.pk), fiscal_year, as_of)
