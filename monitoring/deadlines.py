"""งานของฉัน: last month's progress to enter (registered from MonitoringConfig.ready)."""

import datetime as dt

from django.urls import reverse

from monitoring.selectors import entered_count, entry_project_ids
from notify.deadlines import WRITERS, Item, source
from thai.dates import fiscal_month_index, fiscal_month_start, fiscal_year, thai_date

MONTHLY_ENTRY_DAY = 5  # the org's practice: a month's progress entered by the 5th of the next


def due_month(today: dt.date) -> tuple[int, int]:
    """(fiscal year, fiscal month) of the month whose progress is due now: last month."""
    last = today.replace(day=1) - dt.timedelta(days=1)
    return fiscal_year(last), fiscal_month_index(last)


@source(*WRITERS, "division_head", by_division=True)
def monthly_item(org, today, divisions=None):
    """Last month's progress: due on the MONTHLY_ENTRY_DAY of this month. Counted over the
    projects the entry page lists (a division head's: their division's)."""
    fy, month = due_month(today)
    due = today.replace(day=MONTHLY_ENTRY_DAY)
    projects = entry_project_ids(org, fy, divisions)
    if not projects:
        return []
    total = len(projects)
    entered = entered_count(org, fy, month, projects)
    last = fiscal_month_start(fy, month)
    label = thai_date(last).split(" ", 1)[1]
    return [
        Item(
            "monthly",
            f"บันทึกผลการดำเนินงานประจำเดือน{label}",
            due,
            reverse("monitoring:entry", args=[org.code, fy, month]),
            org,
            entered >= total,
            f"บันทึกแล้ว {entered:,} จาก {total:,} โครงการ",
            today,
        )
    ]
