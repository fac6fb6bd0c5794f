"""ตัวชี้วัดระดับยุทธศาสตร์: targets against results per year, entered by the officer."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from evaluation import services
from evaluation.kpis import kpi_table
from orgs.access import can_write
from orgs.decorators import org_view
from plans.access import get_kpi, get_plan
from thai.money import AmountError, parse_amount


@org_view()
def kpi_page(request, org):
    plan = get_plan(org)
    table = kpi_table(plan)
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and int(year) in plan.years else None
    if year is None:  # the latest year that has any result, else the first plan year
        with_results = [
            y for _, rows in table for r in rows for (y, _t, a, _p, _e) in r.cells if a is not None
        ]
        year = max(with_results, default=plan.years[0])
    col = plan.years.index(year)
    chart = {
        "labels": [f"{s.number}.{r.kpi.number}" for s, rows in table for r in rows],
        "names": [r.kpi.name for _, rows in table for r in rows],
        "values": [
            float(r.cells[col][3]) if r.cells[col][3] is not None else None
            for _, rows in table
            for r in rows
        ],
    }
    return render(
        request,
        "evaluation/kpis.html",
        {
            "org": org,
            "plan": plan,
            "table": table,
            "year": year,
            "chart": chart,
            "can_write": can_write(request.user, org),
            "section": "kpis",
        },
    )


@org_view(write=True)
@require_POST
def kpi_save(request, org, kpi_id):
    plan = get_plan(org)
    kpi = get_kpi(plan, kpi_id)
    values, errors = {}, []
    for year in plan.years:
        raw = request.POST.get(f"actual_{year}", "").strip()
        if not raw:
            values[year] = (None, "")
            continue
        try:
            values[year] = (parse_amount(raw), request.POST.get(f"evidence_{year}", ""))
        except AmountError as exc:
            errors.append(f"ผลปี {year}: {exc}")
    if errors:
        messages.error(request, "; ".join(errors))
    else:
        try:
            services.kpi_results_save(kpi=kpi, values=values, updated_by=request.user)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, f"บันทึกผลตัวชี้วัด “{kpi.name}” แล้ว")
    return redirect(f"{redirect('evaluation:kpis', org.code).url}#k{kpi.pk}")
