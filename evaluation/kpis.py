"""KPI targets against results, per strategy and year (2 queries)."""

from dataclasses import dataclass
from decimal import Decimal

from evaluation.models import KPIResult
from plans.models import KPI, KPITarget, Strategy
from thai.numbers import percent


@dataclass
class KPIRow:
    kpi: KPI
    cells: list[
        tuple[int, Decimal | None, Decimal | None, Decimal | None, str]
    ]  # year, target, actual, %, evidence


def kpi_table(plan) -> list[tuple[Strategy, list[KPIRow]]]:
    kpis = list(
        KPI.objects.filter(strategy__plan=plan)
        .select_related("strategy")
        .order_by("strategy__number", "number")
    )
    targets = {(t.kpi_id, t.year): t.value for t in KPITarget.objects.filter(kpi__in=kpis)}
    results = {(r.kpi_id, r.year): r for r in KPIResult.objects.filter(kpi__in=kpis)}
    out: dict[int, tuple[Strategy, list[KPIRow]]] = {}
    for k in kpis:
        cells = []
        for y in plan.years:
            t, r = targets.get((k.pk, y)), results.get((k.pk, y))
            a = r.actual if r else None
            cells.append(
                (y, t, a, percent(a, t) if a is not None and t else None, r.evidence if r else "")
            )
        out.setdefault(k.strategy_id, (k.strategy, []))[1].append(KPIRow(k, cells))
    return list(out.values())
