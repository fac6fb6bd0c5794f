"""Consolidated committee scores: mean per item over the members who scored, totals, pass or not,
and last year's total for comparison (grouped queries)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, Sum

from evaluation.models import ScoreEntry, ScoreSheet, ScoreTemplate
from thai.numbers import percent

TWO = Decimal("0.01")


@dataclass
class Consolidated:
    template: ScoreTemplate
    fiscal_year: int
    members: int
    items: list[tuple[object, Decimal | None]]  # (item, mean points)
    total: Decimal | None
    full: Decimal
    percent: Decimal | None
    passed: bool | None
    last_year: Decimal | None
    by_member: list[tuple[str, Decimal]]


def _totals(org, template, fy) -> tuple[int, dict[int, Decimal]]:
    entries = ScoreEntry.objects.filter(
        sheet__org=org, sheet__template=template, sheet__fiscal_year=fy
    )
    means = dict(entries.values("item_id").annotate(m=Avg("points")).values_list("item_id", "m"))
    n = ScoreSheet.objects.filter(org=org, template=template, fiscal_year=fy).aggregate(
        n=Count("id")
    )["n"]
    return n, {k: Decimal(str(v)).quantize(TWO) for k, v in means.items()}


def consolidated(org, template: ScoreTemplate, fiscal_year: int) -> Consolidated:
    items = list(template.items.all())
    full = sum((i.max_points for i in items), Decimal(0))
    n, means = _totals(org, template, fiscal_year)
    total = sum(means.values(), Decimal(0)) if means else None
    _, last = _totals(org, template, fiscal_year - 1)
    by_member = list(
        ScoreSheet.objects.filter(org=org, template=template, fiscal_year=fiscal_year)
        .annotate(t=Sum("entries__points"))
        .values_list("member__name", "t")
        .order_by("member__name")
    )
    pct = percent(total, full) if total is not None else None
    return Consolidated(
        template,
        fiscal_year,
        n,
        [(i, means.get(i.pk)) for i in items],
        total,
        full,
        pct,
        None if pct is None else pct >= template.pass_percent,
        sum(last.values(), Decimal(0)) if last else None,
        by_member,
    )
