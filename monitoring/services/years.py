"""A whole year of many projects at once (demo seeding, benchmarks, migration from e-Plan)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from core import audit
from monitoring.models import MonthlyProgress, ProjectYear, Status
from monitoring.selectors import budgets_by_project
from monitoring.services.progress import ProgressInput, check_progress
from orgs.models import Organization
from orgs.versions import touch_org


@dataclass
class YearRecord:
    """A whole year of one project at once (demo seeding, benchmarks, migration from e-Plan)."""

    project_id: int
    months: list[tuple[int, str, int, Decimal]]  # (month, status, progress, disbursed in month)
    procurement: str = ""
    contract_signed_on: dt.date | None = None
    contract_amount: Decimal | None = None
    carried_over: Decimal = Decimal(0)
    problems: str = ""


@transaction.atomic
def year_load(*, org: Organization, fiscal_year: int, records: list[YearRecord], updated_by=None):
    """Bulk-create project-years that do not exist yet; refuses to touch recorded ones."""
    budgets = budgets_by_project(org, fiscal_year)
    ids = [r.project_id for r in records]
    if ProjectYear.objects.filter(org=org, fiscal_year=fiscal_year, project_id__in=ids).exists():
        raise ValidationError("มีข้อมูลการติดตามของโครงการเหล่านี้อยู่แล้ว จะไม่เขียนทับ")
    years = []
    for r in records:
        total = sum((m[3] for m in r.months), Decimal(0))
        budget = budgets.get(r.project_id, Decimal(0))
        for month, status, progress, _ in r.months:
            data = ProgressInput(
                status=status,
                progress=progress,
                contract_amount=r.contract_amount,
                contract_signed_on=r.contract_signed_on,
                carried_over=r.carried_over,
            )
            try:
                check_progress(org, fiscal_year, None, month, data, total, budget)
            except ValidationError as exc:
                raise ValidationError(f"โครงการรหัส {r.project_id} เดือน {month}: {exc}") from None
        last = max(r.months, default=(0, Status.NOT_STARTED, 0, 0))
        years.append(
            ProjectYear(
                org=org,
                fiscal_year=fiscal_year,
                project_id=r.project_id,
                procurement=r.procurement,
                contract_signed_on=r.contract_signed_on,
                contract_amount=r.contract_amount,
                carried_over=r.carried_over,
                problems=r.problems,
                status=last[1],
                progress=last[2],
                disbursed=total,
                last_month=last[0],
                version=1,
                updated_by=updated_by,
            )
        )
    audit.bulk_create(ProjectYear, years, batch_size=1000, org_id=org.pk)
    touch_org(org)  # the maps show the loaded states (orgs.versions)
    by_project = {
        py.project_id: py.pk
        for py in ProjectYear.objects.filter(org=org, fiscal_year=fiscal_year, project_id__in=ids)
    }
    audit.bulk_create(
        MonthlyProgress,
        [
            MonthlyProgress(
                project_year_id=by_project[r.project_id],
                month=m,
                status=s,
                progress=p,
                disbursed=d,
                updated_by=updated_by,
            )
            for r in records
            for m, s, p, d in r.months
        ],
        batch_size=2000,
        org_id=org.pk,
    )
    return len(years)
