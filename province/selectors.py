"""Reads of the province's own records (the analysis aggregates live in province.analysis)."""

from orgs.models import Province
from province.models import ProvinceReport


def province_report(province: Province, fiscal_year: int) -> ProvinceReport:
    """The analyst's narrative for the year's province summary, or the default wording (unsaved)."""
    return ProvinceReport.objects.filter(
        province=province, fiscal_year=fiscal_year
    ).first() or ProvinceReport(province=province, fiscal_year=fiscal_year)
