"""งานของฉัน's monthly-entry item counts the projects the entry page lists, and a division head
sees their division's count."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring import services as mon
from monitoring.models import Status
from notify.deadlines import my_work
from plans import services as plans
from plans.models import ActionPlan

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 12, 3)  # November 2567 (fiscal month 2 of 2568) is due


def monthly(user):
    (item,) = [i for i in my_work(user, TODAY) if i.kind == "monthly"]
    return item


def entered(project, month=2):
    from plans.models import Project

    org = Project.objects.get(pk=project.pk).plan.org
    mon.progress_save(
        org=org,
        fiscal_year=2568,
        project=project,
        month=month,
        data=mon.ProgressInput(status=Status.IN_PROGRESS, progress=10, disbursed=Decimal(0)),
        expected_version=0,
    )


def test_the_monthly_item_counts_the_projects_of_the_entry_page(client, cast, year_a):
    # the road is in the action plan without a budget line: the entry page lists it
    plans.action_item_add(
        action_plan=ActionPlan.objects.get(org=cast.a, fiscal_year=2568),
        project=year_a.road,
        name="ก่อสร้างถนน",
        amount=Decimal(0),
        months=[2],
    )
    client.force_login(cast.alice)
    page = client.get(reverse("monitoring:entry", args=[cast.a.code, 2568, 2]))
    listed = len(page.context["rows"])
    assert listed == 3
    assert monthly(cast.alice).detail == "บันทึกแล้ว 0 จาก 3 โครงการ"
    entered(year_a.road)
    item = monthly(cast.alice)
    assert item.detail == "บันทึกแล้ว 1 จาก 3 โครงการ" and not item.done
    # the division head of กองช่าง (the road's division) counts their own division's projects
    head = monthly(cast.dana)
    assert head.detail == "บันทึกแล้ว 1 จาก 1 โครงการ" and head.done
    client.force_login(cast.dana)
    assert len(client.get(item.url).context["rows"]) == 1
    entered(year_a.dredge)
    entered(year_a.lunch)
    assert monthly(cast.alice).detail == "บันทึกแล้ว 3 จาก 3 โครงการ"
    assert monthly(cast.alice).done


def test_the_entry_and_the_project_page_open_on_months_that_are_due_or_begun(client, cast, plan_a):
    from django.utils import timezone

    from core.web import this_fy
    from thai.dates import fiscal_month_labels, fiscal_month_start

    today = timezone.localdate()
    fy = this_fy()
    lunch = plan_a.projects_[2]
    ordinance = plans.ordinance_create(
        org=cast.a, fiscal_year=fy, kind="annual", promulgated_on=today.replace(day=1)
    )
    plans.budget_line_add(ordinance=ordinance, project=lunch, amount=Decimal(250000))
    (task,) = [i for i in my_work(cast.alice, today) if i.kind == "monthly"]
    client.force_login(cast.alice)
    opened = client.get(reverse("monitoring:start", args=[cast.a.code]))
    assert opened.status_code == 302 and opened.url == task.url  # the month งานของฉัน asks for
    fy_due, month_due = (int(x) for x in task.url.rstrip("/").split("/")[-2:])
    start = fiscal_month_start(fy_due, month_due)
    assert (
        start < today.replace(day=1)
        and start.month == (today.replace(day=1) - dt.timedelta(1)).month
    )
    page = client.get(reverse("monitoring:project", args=[cast.a.code, fy, lunch.pk]))
    month = page.context["month"]
    assert fiscal_month_start(fy, month) <= today  # a month that has begun…
    assert month == 12 or fiscal_month_start(fy, month + 1) > today  # …the latest one
    m, y = fiscal_month_labels(fy)[month - 1]
    assert f"← กลับหน้าบันทึกผลเดือน {m} {y}</a>" in page.content.decode()
