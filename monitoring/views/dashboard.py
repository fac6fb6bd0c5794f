"""Early warning: the org's traffic light and charts, and the province list for the analyst."""

from collections import Counter

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from monitoring.models import Alert, Severity, Status, WarningRule
from monitoring.queries import disbursement_curve, form2, light, province_rows
from monitoring.rules import elapsed_months, evaluate_org
from monitoring.views.entry import default_period
from orgs.access import can_write, require_province_analyst
from orgs.decorators import org_view
from orgs.models import Organization
from plans.selectors import fiscal_years, year_as_of, year_tabs
from thai.dates import fiscal_month_labels, fiscal_year
from thai.numbers import percent
from thai.words import chart_label


@org_view()
def dashboard_start(request, org):
    return redirect("monitoring:dashboard", org.code, default_period(org)[0])


@org_view()
def dashboard(request, org, fy):
    as_of = year_as_of(fy)
    elapsed = elapsed_months(fy, as_of)
    month = min(12, elapsed + 1)  # numbers include what is recorded for the running month
    report = form2(org, fy, month, details=False)
    alerts = list(
        Alert.objects.filter(org=org, fiscal_year=fy)
        .select_related("rule")
        .order_by("rule_id", "id")
    )
    counts = Counter(a.rule_id for a in alerts)
    rules = [(r, counts[r.pk]) for r in WarningRule.objects.all()]
    red = sum(1 for a in alerts if a.severity == Severity.RED)
    curve = disbursement_curve(org, fy)
    labels = [f"{m} {str(y)[-2:]}" for m, y in fiscal_month_labels(fy)]
    chart = {
        "months": labels,
        "planned": curve["planned"],
        "actual": curve["actual"][:month],
        "budget": float(report.total.budget),
        "strategies": [f"{r.number or ''} {r.name}".strip() for r in report.rows],  # tooltip
        "strategy_labels": [
            chart_label(f"{r.number or ''} {r.name}".strip(), 22) for r in report.rows
        ],
        "status": [
            {"name": label, "data": [r.by_status[v] for r in report.rows]}
            for v, label in Status.choices
        ],
    }
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "org": org,
            "fy": fy,
            "years": fiscal_years(org),
            "as_of": as_of,
            "elapsed": elapsed,
            "elapsed_pct": percent(elapsed, 12),
            "report": report,
            "alerts": alerts,
            "rules": rules,
            "light": light(
                red,
                len(alerts) - red,
                report.total.budget_n,
                report.total.disbursed_pct,
                percent(elapsed, 12),
            ),
            "chart": chart,
            "evaluated": alerts[0].evaluated_at if alerts else None,
            "can_write": can_write(request.user, org),
            "section": "dashboard",
        },
    )


@org_view(write=True)
@require_POST
def evaluate_now(request, org, fy):
    count = evaluate_org(org, fy, year_as_of(fy))
    messages.success(request, f"ประเมินสัญญาณเตือนแล้ว พบ {count:,} รายการ")
    return redirect("monitoring:dashboard", org.code, fy)


@org_view()
@require_POST
def province_evaluate(request, org, fy):
    """Every org of the province: a background job with a progress bar."""
    from jobs import services as jobs
    from jobs.responses import job_started

    require_province_analyst(request.user, org)
    job = jobs.enqueue(
        kind="evaluate",
        org=org,
        user=request.user,
        title=f"ประเมินสัญญาณเตือนทุก อปท. ในจังหวัด{org.province.name} ปีงบประมาณ {fy}",
        params={"fy": fy, "province": org.province_id},
    )
    return job_started(request, job)


@org_view()
def province_start(request, org):
    return redirect("monitoring:province", org.code, fiscal_year(timezone.localdate()))


@org_view()
def province(request, org, fy):
    require_province_analyst(request.user, org)
    orgs = list(Organization.objects.filter(province=org.province).order_by("code"))
    rows = province_rows(org.province_id, [o.pk for o in orgs], fy)
    elapsed_pct = percent(elapsed_months(fy, year_as_of(fy)), 12)
    for o, r in zip(orgs, rows, strict=True):
        r["org"] = o
        r["light"] = light(r["red"], r["amber"], r["projects"], r["disbursed_pct"], elapsed_pct)
    rule_filter = request.GET.get("rule", "")
    alerts = Alert.objects.filter(org__province=org.province, fiscal_year=fy).select_related(
        "org", "rule"
    )
    if rule_filter.isdigit():
        alerts = alerts.filter(rule_id=int(rule_filter))
    org_filter = request.GET.get("org", "")
    if org_filter.isdigit():
        alerts = alerts.filter(org_id=int(org_filter))
    page = Paginator(alerts.order_by("-severity", "org__code", "rule_id", "id"), 100).get_page(
        request.GET.get("page")
    )
    by_rule = dict(
        Alert.objects.filter(org__province=org.province, fiscal_year=fy)
        .values("rule_id")
        .annotate(n=Count("pk"))
        .values_list("rule_id", "n")
    )
    return render(
        request,
        "monitoring/province.html",
        {
            "org": org,
            "fy": fy,
            "rows": rows,
            "page": page,
            "org_filter": org_filter,
            "orgs": orgs,
            "query": "&".join(
                f"{k}={v}" for k, v in (("rule", rule_filter), ("org", org_filter)) if v
            ),
            "rules": [(r, by_rule.get(r.pk, 0)) for r in WarningRule.objects.all()],
            "rule_filter": rule_filter,
            "years": year_tabs(Organization.objects.filter(province=org.province), fy),
            "section": "province",
        },
    )
