"""This week's early warnings: once a week to the officers, and to each division head for the
projects of their division (through the real SMTP server when they chose "ทันที")."""

import datetime as dt

from monitoring.models import Alert, Severity, WarningRule
from monitoring.weekly import weekly_warnings
from notify.models import Notification
from orgs.models import Membership, Role


def _alert(org, project, severity=Severity.RED):
    rule = WarningRule.objects.first()
    return Alert.objects.create(
        org=org,
        fiscal_year=2567,
        rule=rule,
        project=project,
        severity=severity,
        message="ยังไม่เริ่ม",
        as_of=dt.date(2024, 1, 31),
    )


def test_officers_and_the_division_head_are_told_once_a_week(cast, plan_a, reference_lists):
    road, dredge = plan_a.projects_[0], plan_a.projects_[1]
    _alert(cast.a, road)
    _alert(cast.a, dredge, Severity.AMBER)
    monday = dt.date(2024, 2, 5)
    told = weekly_warnings(cast.a, 2567, monday)
    officer = Notification.objects.get(user=cast.alice, kind="warnings")
    assert "2 รายการ" in officer.title and "ต้องแก้ไขด่วน 1 รายการ" in officer.body
    assert officer.url == f"/o/{cast.a.code}/monitoring/dashboard/2567/"
    head = Notification.objects.get(user=cast.dana, kind="warnings")  # กองช่าง: the road only
    assert "(กองช่าง): 1 รายการ" in head.title and "ต้องแก้ไขด่วน 1 รายการ" in head.body
    assert Membership.objects.get(user=cast.dana).role == Role.DIVISION_HEAD
    assert told == 2
    assert not Notification.objects.filter(user=cast.bob, kind="warnings").exists()
    # the same week again: nobody is told twice; the next week: told again
    assert weekly_warnings(cast.a, 2567, monday + dt.timedelta(days=3)) == 0
    assert weekly_warnings(cast.a, 2567, monday + dt.timedelta(days=7)) == 2


def test_an_org_without_warnings_tells_nobody(cast, plan_a, reference_lists):
    assert weekly_warnings(cast.a, 2567, dt.date(2024, 2, 5)) == 0
    assert not Notification.objects.exists()
