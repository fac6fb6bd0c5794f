"""Period locks and the period reports (problems, suggestions) of แบบที่ 2."""

from django.core.exceptions import ValidationError
from django.db import transaction

from monitoring.models import PeriodKind, PeriodLock, PeriodReport
from orgs.models import Organization


@transaction.atomic
def period_close(*, org: Organization, fiscal_year: int, kind: str, number: int, closed_by=None):
    lock, _ = PeriodLock.objects.get_or_create(
        org=org,
        fiscal_year=fiscal_year,
        kind=kind,
        number=number,
        defaults={"closed_by": closed_by},
    )
    return lock


@transaction.atomic
def period_report_save(
    *, org: Organization, fiscal_year: int, kind: str, number: int, problems: str, suggestions: str
) -> PeriodReport:
    if kind not in PeriodKind.values:
        raise ValidationError("รอบรายงานไม่ถูกต้อง")
    report, _ = PeriodReport.objects.update_or_create(
        org=org,
        fiscal_year=fiscal_year,
        kind=kind,
        number=number,
        defaults={"problems": problems.strip(), "suggestions": suggestions.strip()},
    )
    return report
