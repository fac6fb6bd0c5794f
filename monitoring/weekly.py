"""This week's early warnings, told to the people who must act on them (through notify)."""

import datetime as dt

from django.db.models import Count, Q
from django.urls import reverse

from monitoring.models import Alert, Severity
from notify.services import notify, thai_date
from orgs.models import Membership, Role
from plans.selectors import approved_versions_on


def weekly_warnings(org, fiscal_year: int, today: dt.date) -> int:
    """This week's early warnings of an org, told once a week (one key per ISO week) to its
    planning officers and to each division head whose projects have some. Returns how many people
    were told this time."""
    alerts = Alert.objects.filter(org=org, fiscal_year=fiscal_year)
    year, week, _ = today.isocalendar()
    key = f"warnings:{org.pk}:{fiscal_year}:{year}-W{week:02d}"
    url = reverse("monitoring:dashboard", args=[org.code, fiscal_year])
    people = Membership.objects.filter(
        org=org, role__in=[Role.OFFICER, Role.DIVISION_HEAD], user__is_active=True
    ).select_related("user")
    told = 0
    for m in people:
        if m.role == Role.DIVISION_HEAD and not m.division_id:
            continue
        mine = alerts
        if m.role == Role.DIVISION_HEAD:  # their division's projects, in the plan as approved
            of_division = approved_versions_on(today).filter(division_id=m.division_id)
            mine = alerts.filter(project_id__in=of_division.values("project_id"))
        counts = mine.aggregate(n=Count("id"), red=Count("id", filter=Q(severity=Severity.RED)))
        if not counts["n"]:
            continue
        where = f" ({m.division.name})" if m.division and m.role == Role.DIVISION_HEAD else ""
        title = f"สัญญาณเตือนประจำสัปดาห์ {org.name}{where}: {counts['n']:,} รายการ"
        body = (
            f"ต้องแก้ไขด่วน {counts['red']:,} รายการ เฝ้าระวัง {counts['n'] - counts['red']:,} รายการ"
            f" (ปีงบประมาณ {fiscal_year} ประเมินเมื่อ {thai_date(today)})"
        )
        if notify(m.user, kind="warnings", key=key, title=title, body=body, url=url):
            told += 1
    return told
