"""Survey results computed by the database: n, % per choice, mean, S.D. (sample, n−1, as Thai
survey reports print it) and the band word of each mean, per item, per strategy and overall."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import Count, F, Sum

from evaluation.models import SCALE_CHOICES, Answer, Band, Response, Scale, Survey
from plans.models import Strategy
from thai.numbers import percent

TWO = Decimal("0.01")


def two(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(TWO, rounding=ROUND_HALF_UP)


def band_of(mean: Decimal | None, bands: list[Band]) -> str:
    """The band of a mean as published: the mean is rounded to 2 decimals first."""
    if mean is None:
        return ""
    for b in bands:  # ordered from the highest lower edge down
        if mean >= b.lower:
            return b.label
    return bands[-1].label if bands else ""


@dataclass
class Stat:
    n: int
    mean: Decimal | None
    sd: Decimal | None
    band: str = ""
    shares: list[tuple[str, int, Decimal | None]] = field(default_factory=list)  # label, count, %


@dataclass
class ItemRow:
    number: int
    text: str
    strategy: str
    stat: Stat
    strategy_number: int = 0  # the strategy's number in the plan (0: an item of no strategy)


@dataclass
class SurveyResult:
    survey: Survey
    respondents: int
    items: list[ItemRow]
    by_strategy: list[tuple[str, Stat]]  # (the strategy's label, its statistics), in plan order
    overall: Stat
    profile: dict[str, list[tuple[str, int, Decimal | None]]]
    by_strategy_number: dict[int, Stat] = field(default_factory=dict)  # the same, by number


def _stat(row, bands) -> Stat:
    """Mean and sample S.D. from the database's COUNT, SUM and SUM of squares (exact in Decimal;
    no S.D. for a single answer)."""
    n = row["n"] or 0
    if not n:
        return Stat(0, None, None, "")
    total, squares = Decimal(row["s"]), Decimal(row["ss"])
    mean = total / n
    sd = ((squares - total * total / n) / (n - 1)).sqrt() if n > 1 else None
    mean2 = two(mean)
    return Stat(n, mean2, two(sd), band_of(mean2, bands))


def survey_result(survey: Survey) -> SurveyResult:
    template = survey.template
    bands = list(template.band_scheme.bands.all()) if template.band_scheme is not None else []
    answers = Answer.objects.filter(response__survey=survey)
    aggregates = {"n": Count("id"), "s": Sum("value"), "ss": Sum(F("value") * F("value"))}
    per_item = answers.values("item_id", "strategy_id").annotate(**aggregates).order_by()
    counts: defaultdict[tuple[int, int | None], dict[int, int]] = defaultdict(dict)
    for item_id, strategy_id, value, c in (
        answers.values("item_id", "strategy_id", "value")
        .annotate(c=Count("id"))
        .values_list("item_id", "strategy_id", "value", "c")
        .order_by()
    ):
        counts[(item_id, strategy_id)][value] = c
    items = {i.pk: i for i in template.items.all()}
    strategies = {
        s.pk: (s.number, f"{s.number}. {s.name}")
        for s in Strategy.objects.filter(
            plan__org=survey.org,
            plan__start_year__lte=survey.fiscal_year,
            plan__end_year__gte=survey.fiscal_year,
        )
    }
    choices = SCALE_CHOICES[Scale(template.scale)]
    rows = []
    for r in per_item:
        stat = _stat(r, bands)
        dist = counts[(r["item_id"], r["strategy_id"])]
        stat.shares = [
            (label, dist.get(v, 0), percent(dist.get(v, 0), stat.n)) for v, label in choices
        ]
        item = items[r["item_id"]]
        number, label = strategies.get(r["strategy_id"], (0, ""))
        rows.append(ItemRow(item.number, item.text, label, stat, number))
    rows.sort(key=lambda x: (x.strategy_number, x.number))
    per_strategy = sorted(
        (
            (strategies.get(r["strategy_id"], (0, "")), _stat(r, bands))
            for r in answers.exclude(strategy=None)
            .values("strategy_id")
            .annotate(**aggregates)
            .order_by()
        ),
        key=lambda pair: pair[0],
    )
    by_strategy = [(label, stat) for (_, label), stat in per_strategy]
    by_number = {number: stat for (number, _), stat in per_strategy}
    overall_row = answers.aggregate(**aggregates)
    overall = _stat(overall_row, bands)
    dist = dict(
        answers.values("value").annotate(c=Count("id")).values_list("value", "c").order_by()
    )
    overall.shares = [
        (label, dist.get(v, 0), percent(dist.get(v, 0), overall.n)) for v, label in choices
    ]
    responses = Response.objects.filter(survey=survey)
    total = responses.count()
    profile: dict[str, list[tuple[str, int, Decimal | None]]] = {}
    for name in ("sex", "age_band", "education", "occupation"):
        field_ = Response._meta.get_field(name)
        assert isinstance(field_, models.CharField)
        got = dict(responses.values(name).annotate(c=Count("id")).values_list(name, "c").order_by())
        profile[str(field_.verbose_name)] = [
            (str(label), got.get(code, 0), percent(got.get(code, 0), total))
            for code, label in field_.choices or ()
        ]
    return SurveyResult(survey, total, rows, by_strategy, overall, profile, by_number)


def yamane(population: int, error: float = 0.05) -> int:
    """Taro Yamane's sample size n = N / (1 + N·e²), rounded up: how many people must answer for
    a population of N at a margin of error e (±5% by default)."""
    import math

    if population <= 0:
        return 0
    return math.ceil(population / (1 + population * error * error))
