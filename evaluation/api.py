"""Evaluation in the JSON API: KPI results (read and write), satisfaction surveys, annual M&E
reports."""

import datetime as dt
from decimal import Decimal

from django.db.models import Count
from django.urls import reverse
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from evaluation import services
from evaluation.models import AnnualReport, KPIResult, Survey
from orgs.access import get_org_for_user
from plans.access import get_kpi, get_plan

router = Router(tags=["การประเมินผล"])


class KPIResultIn(Schema):
    actual: Decimal | None
    evidence: str = ""


class KPIResultOut(Schema):
    kpi_id: int
    year: int
    actual: Decimal | None
    evidence: str


class SurveyOut(Schema):
    id: int
    fiscal_year: int
    title: str
    template: str
    project_id: int | None
    is_open: bool
    responses: int
    answer_url: str


class ReportOut(Schema):
    fiscal_year: int
    presented_on: dt.date | None
    announced_on: dt.date | None
    posted_from: dt.date | None
    posted_until: dt.date | None
    public_pdf: str | None


@router.put("/orgs/{code}/kpis/{kpi_id}/results/{year}", response=KPIResultOut, tags=["ตัวชี้วัด"])
def kpi_result_save(request, code: str, kpi_id: int, year: int, data: KPIResultIn):
    org = get_org_for_user(request.user, code, write=True)
    kpi = get_kpi(get_plan(org), kpi_id)
    services.kpi_results_save(
        kpi=kpi, values={year: (data.actual, data.evidence)}, updated_by=request.user
    )
    saved = KPIResult.objects.filter(kpi=kpi, year=year).first()
    return KPIResultOut(
        kpi_id=kpi.pk,
        year=year,
        actual=saved.actual if saved else None,
        evidence=saved.evidence if saved else "",
    )


@router.get("/orgs/{code}/surveys", response=list[SurveyOut], tags=["แบบสำรวจความพึงพอใจ"])
@paginate(LimitOffsetPagination)
def surveys(request, code: str, fy: int | None = None, is_open: bool | None = None):
    org = get_org_for_user(request.user, code)
    rows = Survey.objects.filter(org=org).select_related("template").annotate(n=Count("responses"))
    if fy is not None:
        rows = rows.filter(fiscal_year=fy)
    if is_open is not None:
        rows = rows.filter(is_open=is_open)
    return [
        SurveyOut(
            id=s.pk,
            fiscal_year=s.fiscal_year,
            title=s.title,
            template=s.template.name,
            project_id=s.project_id,
            is_open=s.is_open,
            responses=s.n,
            answer_url=request.build_absolute_uri(reverse("survey_answer", args=[s.token])),
        )
        for s in rows.order_by("-fiscal_year", "id")
    ]


@router.get("/orgs/{code}/reports", response=list[ReportOut], tags=["รายงานประจำปี"])
def reports(request, code: str, fy: int | None = None):
    org = get_org_for_user(request.user, code)
    rows = AnnualReport.objects.filter(org=org).order_by("-fiscal_year")
    if fy is not None:
        rows = rows.filter(fiscal_year=fy)
    return [
        ReportOut(
            fiscal_year=r.fiscal_year,
            presented_on=r.presented_on,
            announced_on=r.announced_on,
            posted_from=r.posted_from,
            posted_until=r.posted_until,
            public_pdf=request.build_absolute_uri(
                reverse("public_annual", args=[org.code, r.fiscal_year])
            )
            if r.is_published
            else None,
        )
        for r in rows
    ]
