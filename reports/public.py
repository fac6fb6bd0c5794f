"""What citizens see without logging in: an org's announced M&E reports and its open surveys.

The PDF of an announced report is made once by a worker when it is announced, and kept
(reports/services.py, jobs)."""

from django.http import FileResponse, Http404
from django.shortcuts import render

from evaluation.models import AnnualReport, Survey
from evaluation.publication import deadlines
from orgs.models import Organization


def public_org(code) -> Organization:
    org = Organization.objects.select_related("province", "district").filter(code=code).first()
    if org is None:
        raise Http404("ไม่พบหน่วยงาน")
    return org


def org_page(request, org_code):
    from django.utils import timezone

    org = public_org(org_code)
    reports = list(AnnualReport.objects.published().filter(org=org).order_by("-fiscal_year"))
    today = timezone.localdate()
    for r in reports:
        r.clock = deadlines(r, today)
    surveys = Survey.objects.filter(org=org, is_open=True).select_related("template")
    return render(
        request,
        "reports/public_org.html",
        {"org_public": org, "reports": reports, "surveys": surveys, **_plan_and_year(org)},
    )


def _plan_and_year(org) -> dict:
    """The plan as approved (its edition, its amounts by year) and this year's projects with their
    status and disbursement so far, as the officer recorded them."""
    from django.utils import timezone

    from monitoring.selectors import entry_rows, public_photos
    from plans.models import Plan
    from plans.selectors import approved_seq_on, year_figures
    from thai.dates import fiscal_month_index, fiscal_year

    today = timezone.localdate()
    fy = fiscal_year(today)
    plan = Plan.objects.filter(org=org, start_year__lte=fy, end_year__gte=fy).first()
    seq = approved_seq_on(plan) if plan else None
    # each year's figures as the reports read that year (the plan as of the year)
    years = list(zip(plan.years, year_figures(plan), strict=True)) if plan and seq else []
    edition = plan.editions.filter(seq=seq).first() if plan and seq else None
    rows = sorted(entry_rows(org, fy, fiscal_month_index(today)), key=lambda r: r.name)
    shown = public_photos(org, fy)  # only photos marked for publication
    for r in rows:
        r.public_photos, r.photo_id = shown.get(r.project_id, (0, None))
    return {
        "plan": plan if seq else None,
        "edition": edition,
        "plan_years": years,
        "fy": fy,
        "projects": rows,
    }


def annual_pdf(request, org_code, fy):
    org = public_org(org_code)
    report = AnnualReport.objects.published().filter(org=org, fiscal_year=fy).first()
    if report is None:
        raise Http404("ยังไม่มีการประกาศรายงานของปีนี้")
    if not report.pdf:  # a worker makes it right after the announcement is saved
        response = render(
            request,
            "reports/public_pending.html",
            {"org_public": org, "report": report},
            status=503,
        )
        response["Retry-After"] = "30"
        return response
    response = FileResponse(
        report.pdf.open("rb"),
        content_type="application/pdf",
        filename=f"รายงานติดตามและประเมินผล-{org.code}-{fy}.pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
