"""งานของฉัน: the annual M&E report and the committee's term (registered from
EvaluationConfig.ready)."""

import datetime as dt

from django.urls import reverse

from evaluation.models import AnnualReport, Committee
from evaluation.publication import deadlines
from notify.deadlines import WRITERS, Item, near, source
from thai.dates import ce_year, fiscal_year, fiscal_year_bounds, thai_date


@source(*WRITERS, "committee")
def annual_items(org, today):
    """The annual M&E report of the fiscal year that ended last 30 September (publication.py)."""
    fy = fiscal_year(today) - 1  # the year that ended last 30 September
    december = dt.date(ce_year(fy), 12, 31)
    if today < fiscal_year_bounds(fy)[1] - dt.timedelta(days=60) or today > december + dt.timedelta(
        days=45
    ):
        return []
    report = AnnualReport.objects.filter(org=org, fiscal_year=fy).first() or AnnualReport(
        org=org, fiscal_year=fy
    )
    url = reverse("evaluation:annual_year", args=[org.code, fy])
    out = [
        Item(
            "annual",
            f"รายงานผลการติดตามและประเมินผล ปี {fy}: {d.label}",
            d.due,
            url,
            org,
            d.done is not None or d.state == "ok",
            d.note,
            today,
        )
        for d in deadlines(report, today)
    ]
    return out


@source(*WRITERS, "committee")
def committee_item(org, today):
    """The latest committee's term ends: due on its last day, and overdue after it for as long
    as no new committee is appointed (one appointed already, even with a later term start,
    answers it)."""
    c = Committee.objects.filter(org=org, appointed_on__lte=today).order_by("-term_start").first()
    if c is None or not near(c.term_end, today):
        return []
    return [
        Item(
            "committee",
            "คณะกรรมการติดตามและประเมินผลครบวาระ แต่งตั้งชุดใหม่",
            c.term_end,
            reverse("evaluation:committee", args=[org.code]),
            org,
            False,
            f"วาระ {thai_date(c.term_start)} – {thai_date(c.term_end)}",
            today,
        )
    ]
