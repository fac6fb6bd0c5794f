"""Reads of the province's own records (the analysis aggregates live in province.analysis)."""

from django.db.models import Max

from orgs.models import Province
from province.models import ProvinceReport, Submission, SubmissionStatus


def province_report(province: Province, fiscal_year: int) -> ProvinceReport:
    """The analyst's narrative for the year's province summary, or the default wording (unsaved)."""
    return ProvinceReport.objects.filter(
        province=province, fiscal_year=fiscal_year
    ).first() or ProvinceReport(province=province, fiscal_year=fiscal_year)


def pending_review_year(province_id: int) -> int | None:
    """The latest fiscal year that has submissions waiting for the analyst's check (None if
    nothing waits): the review page opens there and งานของฉัน links there."""
    return Submission.objects.filter(
        org__province=province_id, status=SubmissionStatus.SUBMITTED
    ).aggregate(fy=Max("fiscal_year"))["fy"]
