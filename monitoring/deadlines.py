"""งานของฉัน: last month's progress to enter (registered from MonitoringConfig.ready)."""

import datetime as dt

from django.urls import reverse

from monitoring.models import MonthlyProgress
from notify.deadlines import WRITERS, Item, source
from plans.models import BudgetLine
from thai.dates import fiscal_month_index, fiscal_year, thai_date

MONTHLY_ENTRY_DAY = 5  # the org's practice: a month's progress entered by the 5th of the next


@source(*WRITERS, "division_head")
def monthly_item(org, today):
    """Last month's progress: due on the MONTHLY_ENTRY_DAY of this month."""
    last = today.replace(day=1) - dt.timedelta(days=1)
    fy, month = fiscal_year(last), fiscal_month_index(last)
    due = today.replace(day=MONTHLY_ENTRY_DAY)
    years = (
        BudgetLine.objects.filter(ordinance__org=org, ordinance__fiscal_year=fy)
        .values("project")
        .distinct()
        .count()
    )
    if not years:
        return []
    entered = (
        MonthlyProgress.objects.filter(
            project_year__org=org, project_year__fiscal_year=fy, month=month
        )
        .values("project_year__project")
        .distinct()
        .count()
    )
    label = thai_date(last).split(" ", 1)[1]
    return [
        Item(
            "monthly",
            f"บันทึกผลการดำเนินงานประจำเดือน{label}",
            due,
            reverse("monitoring:entry", args=[org.code, fy, month]),
            org,
            entered >= years,
            f"บันทึกแล้ว {entered:,} จาก {years:,} โครงการ",
            today,
        )
    ]
