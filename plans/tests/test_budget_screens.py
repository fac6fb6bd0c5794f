"""The officer keeps the ordinance, its lines and the action plan from the screens."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import seen_on
from plans import services
from plans.models import ActionPlan, ActionPlanItem, BudgetLine, BudgetOrdinance
from plans.models.action import months_from_mask

pytestmark = pytest.mark.django_db


@pytest.fixture
def ordinance(cast, plan_a):
    return services.ordinance_create(
        org=cast.a, fiscal_year=2567, kind="annual", promulgated_on=dt.date(2023, 9, 20)
    )


def test_an_officer_records_an_ordinance_with_be_dates(client, cast, plan_a):
    client.force_login(cast.alice)
    client.post(
        reverse("plans:ordinance_new", args=[cast.a.code]),
        {"fiscal_year": "2567", "kind": "annual", "number": "1", "promulgated_on": "20/9/2566"},
    )
    ordinance = BudgetOrdinance.objects.get(org=cast.a, fiscal_year=2567)
    assert ordinance.promulgated_on == dt.date(2023, 9, 20)


def test_a_bad_ordinance_date_names_the_field_and_saves_nothing(client, cast, plan_a):
    client.force_login(cast.alice)
    response = client.post(
        reverse("plans:ordinance_new", args=[cast.a.code]),
        {"fiscal_year": "2567", "kind": "annual", "number": "1", "promulgated_on": "31/2/2566"},
        follow=True,
    )
    assert "ประกาศใช้เมื่อ" in response.content.decode()
    assert not BudgetOrdinance.objects.exists()


def test_the_picker_offers_the_plan_projects_with_their_planned_amount(
    client, cast, plan_a, ordinance
):
    client.force_login(cast.alice)
    body = client.get(reverse("plans:budget_year", args=[cast.a.code, 2567])).content.decode()
    road = plan_a.projects_[0]
    assert (
        f'<option value="{road.pk}">ก่อสร้างถนน คสล. สายบ้านหนองแวง หมู่ที่ 3 · รหัส {road.pk}'
        " — ตามแผน 2567: 500,000.00 บาท" in body
    )
    assert "ขุดลอกลำห้วยโคกสูง หมู่ที่ 5 · รหัส" in body and "ตามแผน 2567: ไม่มีงบในปีนี้" in body

    client.post(
        reverse("plans:budget_line_new", args=[cast.a.code, 2567]),
        {"ordinance": ordinance.pk, "project": road.pk, "amount": "๔๘๐,๐๐๐", "source": "annual"},
    )
    line = BudgetLine.objects.get()
    assert (line.project, line.amount) == (road, Decimal(480000))


def test_a_project_of_another_org_cannot_be_picked(client, cast, plan_a, ordinance):
    other_plan = services.plan_create(org=cast.b, start_year=2566, end_year=2570)
    strategy = services.strategy_create(plan=other_plan, name="ยุทธศาสตร์ที่ดิน")
    edition = services.edition_create(plan=other_plan, kind="original")
    foreign = services.project_add(
        edition=edition,
        data=services.ProjectData(strategy=strategy, program=plan_a.works, name="ถนน อบต.ข้างเคียง"),
    ).project
    client.force_login(cast.alice)
    response = client.post(
        reverse("plans:budget_line_new", args=[cast.a.code, 2567]),
        {"ordinance": ordinance.pk, "project": foreign.pk, "amount": "1", "source": "annual"},
        follow=True,
    )
    assert "โครงการในแผน" in response.content.decode()
    assert not BudgetLine.objects.exists()


def test_an_officer_builds_the_action_plan_from_budget_lines_and_other_agencies(
    client, cast, plan_a, ordinance
):
    road = plan_a.projects_[0]
    line = services.budget_line_add(ordinance=ordinance, project=road, amount=Decimal(480000))
    client.force_login(cast.alice)
    client.post(
        reverse("plans:action_plan_new", args=[cast.a.code]),
        {"fiscal_year": "2567", "amendment": "0", "approved_on": "15/10/2566"},
    )
    action_plan = ActionPlan.objects.get(org=cast.a, fiscal_year=2567)
    assert action_plan.approved_on == dt.date(2023, 10, 15)

    url = reverse("plans:action_item_new", args=[cast.a.code, 2567])
    seen = seen_on(client, reverse("plans:action_plan_year", args=[cast.a.code, 2567]), url)
    client.post(url, {"budget_line": line.pk, "place": "หมู่ที่ 3", "months": ["3", "4"], "seen": seen})
    client.post(
        url,
        {
            "seen": seen,
            "other_agency": "แขวงทางหลวงชนบทนครราชสีมา",
            "name": "ซ่อมสร้างถนนลาดยาง สาย นม.3011",
            "amount": "2,500,000",
            "months": ["7"],
        },
    )
    ours, theirs = ActionPlanItem.objects.order_by("seq_no")
    assert (ours.project, ours.amount, ours.name, ours.seq_no) == (
        road,
        line.amount,
        road.versions.get().name,
        1,
    )
    assert months_from_mask(ours.months)[2:4] == [True, True]  # ธ.ค., ม.ค.
    assert (theirs.project, theirs.amount, theirs.seq_no) == (None, Decimal(2500000), 2)


def test_an_action_item_without_months_or_owner_is_refused(client, cast, plan_a, ordinance):
    services.action_plan_create(org=cast.a, fiscal_year=2567)
    client.force_login(cast.alice)
    url = reverse("plans:action_item_new", args=[cast.a.code, 2567])
    response = client.post(url, {"name": "ไม่มีเจ้าของ", "months": ["1"]}, follow=True)
    assert "ระบุหน่วยงานอื่น" in response.content.decode()
    response = client.post(url, {"other_agency": "ทางหลวง", "name": "x"}, follow=True)
    assert "เดือนที่ดำเนินการ" in response.content.decode()
    assert not ActionPlanItem.objects.exists()


def test_an_ordinance_is_named_with_each_phrase_once(cast, plan_a):
    annual = services.ordinance_create(org=cast.a, fiscal_year=2570, kind="annual")
    extra = services.ordinance_create(org=cast.a, fiscal_year=2570, kind="supplementary")
    name = cast.a.ordinance_name
    assert annual.title == f"{name}งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2570"
    assert extra.title == f"{name}งบประมาณรายจ่ายเพิ่มเติม (ฉบับที่ 1) ประจำปีงบประมาณ พ.ศ. 2570"
