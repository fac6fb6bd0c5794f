"""Open data without login: an org's approved plan and its announced M&E reports, as CSV (with a
BOM, so Excel opens the Thai) for spreadsheets and as JSON for programs. Both formats carry the
same fields; a report's figures are its แบบที่ 2 of the whole year, per strategy and in total."""

from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone

from core.cells import csv_text
from core.web import download
from evaluation.models import AnnualReport
from monitoring.models import Status
from monitoring.queries import form2
from plans.models import Plan
from plans.selectors import approved_seq_on, project_rows
from reports.public import public_org

FORMATS = ("csv", "json")


def _json(payload: dict) -> JsonResponse:
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})


def _csv(rows: list[dict], filename: str, empty_fields: list[str]) -> HttpResponse:
    text = csv_text(rows, list(rows[0]) if rows else empty_fields)  # formulas written as text
    return download("\ufeff" + text, filename, "text/csv; charset=utf-8")


def open_plan(request, org_code, fmt):
    """The approved plan's projects, one row each, with the budget of every plan year."""
    org = public_org(org_code)
    plan = Plan.objects.filter(org=org).order_by("-start_year").first()
    if plan is None or fmt not in FORMATS:
        raise Http404("ไม่พบข้อมูล")
    seq = approved_seq_on(plan)
    rows = [
        {
            "id": v.project_id,
            "strategy": v.strategy.number,
            "strategy_name": v.strategy.name,
            "program": v.program.name,
            "name": v.name,
            "objective": v.objective,
            "target": v.target,
            "responsible_unit": v.responsible_unit,
            "edition": v.edition.label,
            **{
                f"budget_{y}": str(next((b.amount for b in v.budgets.all() if b.year == y), 0))
                for y in plan.years
            },
        }
        for v in project_rows(plan, seq).order_by("strategy__number", "seq_no", "project_id")
    ]
    if fmt == "json":
        return _json({"org": org.code, "name": org.name, "plan": plan.title, "projects": rows})
    return _csv(rows, f"plan-{org.code}.csv", ["id", "name"])


def _figures(row) -> dict:
    return {
        "projects_in_plan": row.plan_n,
        "projects_in_budget": row.budget_n,
        **{f"projects_{s}": row.by_status[s] for s in Status.values},
        "budget": f"{row.budget:.2f}",
        "contracted": f"{row.contracted:.2f}",
        "disbursed": f"{row.disbursed:.2f}",
    }


def open_reports(request, org_code, fmt):
    """Every announced report: its publication dates, its PDF, and the year's figures."""
    if fmt not in FORMATS:
        raise Http404("ไม่พบข้อมูล")
    org = public_org(org_code)
    reports = AnnualReport.objects.published().filter(org=org).order_by("-fiscal_year")
    out = []
    for r in reports:  # one แบบที่ 2 per announced year: a handful of years, a bounded query each
        year = form2(org, r.fiscal_year, 12, details=False)
        out.append(
            {
                "fiscal_year": r.fiscal_year,
                "presented_on": r.presented_on.isoformat() if r.presented_on else None,
                "announced_on": r.announced_on.isoformat(),
                "posted_from": r.posted_from.isoformat() if r.posted_from else None,
                "posted_until": r.posted_until.isoformat() if r.posted_until else None,
                "pdf": request.build_absolute_uri(
                    reverse("public_annual", args=[org.code, r.fiscal_year])
                ),
                "total": _figures(year.total),
                "strategies": [
                    {"number": s.number, "name": s.name, **_figures(s)} for s in year.rows
                ],
            }
        )
    as_of = timezone.localdate().isoformat()
    if fmt == "json":
        return _json({"org": org.code, "name": org.name, "figures_as_of": as_of, "reports": out})
    rows = []
    for r in out:
        head = {k: v for k, v in r.items() if k not in ("total", "strategies")}
        rows.extend(
            {
                **head,
                "strategy": s["number"],
                "strategy_name": s["name"],
                **{k: v for k, v in s.items() if k not in ("number", "name")},
            }
            for s in r["strategies"]
        )
        rows.append({**head, "strategy": "", "strategy_name": "รวม", **r["total"]})
    return _csv(rows, f"reports-{org.code}.csv", ["fiscal_year", "announced_on", "pdf"])
