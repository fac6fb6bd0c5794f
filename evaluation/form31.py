"""แบบที่ 3/1 แบบประเมินผลการดำเนินงานตามแผนยุทธศาสตร์: per strategy, projects in the plan for the
year against projects carried out, money, KPI results and satisfaction — for a finished year."""

from dataclasses import dataclass, field
from decimal import Decimal

from evaluation.kpis import kpi_table
from evaluation.models import Survey
from evaluation.stats import survey_result
from monitoring.models import Status
from monitoring.queries import Form2Row, form2
from plans.models import Plan
from thai.numbers import percent


@dataclass
class Form31Row:
    strategy: Form2Row
    carried_out: int
    carried_pct: Decimal | None
    kpis_met: int = 0
    kpis_measured: int = 0
    satisfaction: Decimal | None = None


@dataclass
class Form31:
    fy: int
    base: str  # "strategy": % of the strategy's plan projects; "all": % of all plan projects
    rows: list[Form31Row]
    total: Form31Row
    overall_satisfaction: list = field(default_factory=list)  # (survey title, mean, band, n)


def form31(org, fy: int, *, base: str = "strategy") -> Form31:
    report = form2(org, fy, 12, details=False)
    all_plan = report.total.plan_n
    plan = Plan.objects.filter(org=org, start_year__lte=fy, end_year__gte=fy).first()
    kpis: dict[int | None, tuple[int, int]] = {}
    if plan is not None:
        for strategy, kpi_rows in kpi_table(plan):
            col = plan.years.index(fy)
            measured = [p for r in kpi_rows if (p := r.cells[col][3]) is not None]
            kpis[strategy.number] = (sum(1 for p in measured if p >= 100), len(measured))
    by_strategy_sat: dict[int, Decimal | None] = {}
    overall = []
    for survey in Survey.objects.filter(org=org, fiscal_year=fy).select_related("template"):
        result = survey_result(survey)
        if survey.template.per_strategy:
            for number, stat in result.by_strategy_number.items():
                by_strategy_sat[number] = stat.mean
        elif result.respondents:
            overall.append(
                (survey.title, result.overall.mean, result.overall.band, result.respondents)
            )

    def row(r: Form2Row) -> Form31Row:
        done = r.by_status[Status.DONE] + r.by_status[Status.IN_PROGRESS]
        whole = all_plan if base == "all" else r.plan_n
        met, measured = kpis.get(r.number, (0, 0))
        return Form31Row(
            r,
            done,
            percent(done, whole),
            met,
            measured,
            by_strategy_sat.get(r.number) if r.number is not None else None,
        )

    rows = [row(r) for r in report.rows]
    total = row(report.total)
    total.kpis_met = sum(r.kpis_met for r in rows)
    total.kpis_measured = sum(r.kpis_measured for r in rows)
    return Form31(fy, base, rows, total, overall)
