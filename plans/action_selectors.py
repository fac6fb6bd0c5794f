"""Reads for the action plan's documents (ผด.01, ผด.02): its items with their strategy and
แผนงาน, grouped by the database."""

from django.db.models import Count, F, OuterRef, Subquery, Sum
from django.utils import timezone

from plans.models import ActionPlan, ActionPlanItem, Strategy
from plans.selectors import approved_versions_on


def _latest(field: str):
    """A field of the item's project as in the plan approved today (the shared rule)."""
    return Subquery(
        approved_versions_on(timezone.localdate())
        .filter(project=OuterRef("project"), removed=False)
        .values(field)[:1]
    )


def items_with_strategy(action_plan: ActionPlan):
    return (
        ActionPlanItem.objects.filter(action_plan=action_plan)
        .annotate(
            strategy_id=_latest("strategy_id"),
            program_name=_latest("program__name"),
            program_order=_latest("program__order"),
        )
        .order_by(F("strategy_id").asc(nulls_last=True), "program_order", "seq_no", "id")
    )


def pd01_rows(action_plan: ActionPlan) -> dict:
    grouped = list(
        items_with_strategy(action_plan)
        .values("strategy_id", "program_name")
        .annotate(n=Count("id"), s=Sum("amount"))
        .order_by("strategy_id", "program_name")
    )
    units: dict[tuple[int | None, str | None], set[str]] = {}
    for row in (
        items_with_strategy(action_plan)
        .values("strategy_id", "program_name", "responsible_unit")
        .distinct()
        .order_by()
    ):
        units.setdefault((row["strategy_id"], row["program_name"]), set()).add(
            row["responsible_unit"]
        )
    totals = ActionPlanItem.objects.filter(action_plan=action_plan).aggregate(
        n=Count("id"), s=Sum("amount")
    )
    strategies = {s.id: s for s in Strategy.objects.filter(plan__org=action_plan.org)}
    return {"rows": grouped, "units": units, "totals": totals, "strategies": strategies}
