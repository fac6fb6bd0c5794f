"""What citizens see without logging in: an org's announced M&E reports and its open surveys.

The PDF of an announced report is generated once and kept: the public reads the document that was
announced, not one that changes when someone edits the data afterwards."""

from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.shortcuts import render

from evaluation.models import AnnualReport, Survey
from evaluation.publication import deadlines
from orgs.models import Organization
from reports.annual import annual_document


def _org(code) -> Organization:
    org = Organization.objects.filter(code=code).first()
    if org is None:
        raise Http404("ไม่พบหน่วยงาน")
    return org


def org_page(request, org_code):
    from django.utils import timezone

    org = _org(org_code)
    reports = list(
        AnnualReport.objects.filter(org=org, announced_on__isnull=False).order_by("-fiscal_year")
    )
    today = timezone.localdate()
    for r in reports:
        r.clock = deadlines(r, today)
    surveys = Survey.objects.filter(org=org, is_open=True).select_related("template")
    return render(request, "reports/public_org.html", {"org_public": org, "reports": reports,
                                                        "surveys": surveys})  # fmt: skip


def annual_pdf(request, org_code, fy):
    org = _org(org_code)
    report = AnnualReport.objects.filter(
        org=org, fiscal_year=fy, announced_on__isnull=False
    ).first()
    if report is None:
        raise Http404("ยังไม่มีการประกาศรายงานของปีนี้")
    if not report.pdf:
        filename, _, data = annual_document(org, fy, "pdf")
        report.pdf.save(f"{org.code}-{fy}.pdf", ContentFile(data), save=False)
        report.save(update_fields=["pdf"])
    response = FileResponse(report.pdf.open("rb"), content_type="application/pdf",
                            filename=f"รายงานติดตามและประเมินผล-{org.code}-{fy}.pdf")  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    return response


def open_plan(request, org_code, fmt):
    """Open data: the approved plan's projects (CSV for spreadsheets, JSON for programs)."""
    import csv
    import io

    from django.http import HttpResponse, JsonResponse

    from plans.models import Plan
    from plans.selectors import approved_seq_on, project_rows

    org = _org(org_code)
    plan = Plan.objects.filter(org=org).order_by("-start_year").first()
    if plan is None or fmt not in ("csv", "json"):
        raise Http404("ไม่พบข้อมูล")
    seq = approved_seq_on(plan)
    rows = [{
        "id": v.project_id, "strategy": v.strategy.number, "strategy_name": v.strategy.name,
        "program": v.program.name, "name": v.name, "objective": v.objective, "target": v.target,
        "responsible_unit": v.responsible_unit, "edition": v.edition.label,
        **{f"budget_{y}": str(next((b.amount for b in v.budgets.all() if b.year == y), 0)) for y in plan.years},
    } for v in project_rows(plan, seq).order_by("strategy__number", "seq_no", "project_id")]  # fmt: skip
    if fmt == "json":
        return JsonResponse({"org": org.code, "name": org.name, "plan": plan.title, "projects": rows},
                            json_dumps_params={"ensure_ascii": False})  # fmt: skip
    buf = io.StringIO()
    fields = list(rows[0]) if rows else ["id", "name"]
    writer = csv.DictWriter(buf, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(
        "\ufeff" + buf.getvalue(), content_type="text/csv; charset=utf-8"
    )  # BOM for Excel
    response["Content-Disposition"] = f'attachment; filename="plan-{org.code}.csv"'
    return response


def open_reports(request, org_code):
    from django.http import JsonResponse
    from django.urls import reverse

    org = _org(org_code)
    reports = AnnualReport.objects.filter(org=org, announced_on__isnull=False).order_by(
        "-fiscal_year"
    )
    return JsonResponse({"org": org.code, "name": org.name, "reports": [
        {"fiscal_year": r.fiscal_year, "announced_on": r.announced_on.isoformat(),
         "pdf": request.build_absolute_uri(reverse("public_annual", args=[org.code, r.fiscal_year]))}
        for r in reports]}, json_dumps_params={"ensure_ascii": False})  # fmt: skip
