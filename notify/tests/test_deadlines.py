"""งานของฉัน on fixed dates (Buddhist-era calendar): each legal deadline appears for the right
role, links to the page that does it and says in Thai how many days are left or how late it is."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluation import services as evaluation
from evaluation.models import Committee
from notify.deadlines import my_work
from plans import services as plans
from province import services as province

pytestmark = pytest.mark.django_db
D = dt.date


def items(user, today, kind=None):
    return [i for i in my_work(user, today) if kind is None or i.kind == kind]


def only(user, today, kind, containing=""):
    (item,) = [i for i in items(user, today, kind) if containing in i.title]
    return item


def test_the_action_plan_is_due_30_days_after_the_ordinance_on_every_day_of_the_window(cast):
    plans.ordinance_create(
        org=cast.b, fiscal_year=2570, kind="annual", promulgated_on=D(2026, 9, 16)
    )
    item = only(cast.bob, D(2026, 10, 12), "action_plan")
    assert item.title == "ประกาศแผนการดำเนินงาน ปีงบประมาณ 2570"
    assert item.when == "อีก 4 วัน (ภายใน 16 ตุลาคม 2569)"
    assert item.url == reverse("plans:action_plan", args=[cast.b.code])
    assert only(cast.bob, D(2026, 10, 16), "action_plan").when == "ครบกำหนดวันนี้ (16 ตุลาคม 2569)"
    assert (
        only(cast.bob, D(2026, 10, 20), "action_plan").when == "เลยกำหนด 4 วัน (กำหนด 16 ตุลาคม 2569)"
    )
    for n in range(0, 60):  # a generated calendar: each day from the ordinance on
        day = D(2026, 9, 16) + dt.timedelta(days=n)
        assert only(cast.bob, day, "action_plan").days_left == 30 - n
    assert items(cast.alice, D(2026, 10, 12), "action_plan") == []  # not her org
    plans.action_plan_create(org=cast.b, fiscal_year=2570)
    from plans.models import ActionPlan

    ActionPlan.objects.filter(org=cast.b).update(approved_on=D(2026, 10, 10))
    assert only(cast.bob, D(2026, 10, 12), "action_plan").when == "เสร็จแล้ว"


def test_the_annual_report_clock_presented_announced_within_15_days_within_december(cast):
    evaluation.annual_report_save(org=cast.a, fiscal_year=2569, presented_on=D(2026, 11, 20))
    work = {i.title.split(": ", 1)[1]: i for i in items(cast.alice, D(2026, 12, 1), "annual")}
    assert work["ประกาศผลภายใน 15 วันนับแต่เสนอ"].when == "อีก 4 วัน (ภายใน 5 ธันวาคม 2569)"
    assert work["ผู้บริหารเสนอผลต่อสภาท้องถิ่น"].done
    assert work["ประกาศอย่างน้อยปีละครั้งภายในเดือนธันวาคม"].when == "อีก 30 วัน (ภายใน 31 ธันวาคม 2569)"
    late = {i.title.split(": ", 1)[1]: i for i in items(cast.alice, D(2026, 12, 8), "annual")}
    assert late["ประกาศผลภายใน 15 วันนับแต่เสนอ"].when == "เลยกำหนด 3 วัน (กำหนด 5 ธันวาคม 2569)"
    # the committee sees the same clock; the division head does not
    assert len(items(cast.carl, D(2026, 12, 1), "annual")) == len(work)
    assert items(cast.dana, D(2026, 12, 1), "annual") == []
    assert items(cast.alice, D(2026, 6, 1), "annual") == []  # out of season


def test_each_quarter_is_due_to_the_province_15_days_after_it_ends(cast):
    item = only(cast.bob, D(2027, 1, 10), "submission", "ไตรมาสที่ 1")
    assert item.title == "ส่งแบบที่ 2 ไตรมาสที่ 1 (ตุลาคม – ธันวาคม) ปี 2570 ให้ อบจ."
    assert item.when == "อีก 5 วัน (ภายใน 15 มกราคม 2570)"
    assert item.url == reverse("province:submissions_year", args=[cast.b.code, 2570])
    # the analyst sees the orgs that are late once the day has passed
    # the year before is still owed too (ไตรมาสที่ 4 and the year of 2569, due 15 ตุลาคม 2569)
    owed = {i.title for i in items(cast.bob, D(2027, 1, 10), "submission")}
    assert "ส่งแบบที่ 2 ไตรมาสที่ 4 (กรกฎาคม – กันยายน) ปี 2569 ให้ อบจ." in owed
    late = only(cast.pat, D(2027, 1, 20), "late_orgs", "ไตรมาสที่ 1")
    assert late.title == "อปท. ยังไม่ส่งแบบที่ 2 ไตรมาสที่ 1 (ตุลาคม – ธันวาคม) ปี 2570: 3 แห่ง"
    assert late.when == "เลยกำหนด 5 วัน (กำหนด 15 มกราคม 2570)" and late.state == "late"
    assert [i for i in items(cast.pat, D(2027, 1, 10), "late_orgs") if "2570" in i.title] == []


def test_each_unpublished_ita_item_warns_before_its_due_date_and_the_committee_term(
    cast, reference_lists
):
    from monitoring import services as monitoring
    from reports import ita_services
    from reports.models import ItaItem

    assert items(cast.alice, D(2027, 3, 1), "ita") == []  # 60 days before 30 April: not yet
    april = {i.title: i for i in items(cast.alice, D(2027, 4, 1), "ita")}
    o11 = april["เผยแพร่ O11 รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน ปีงบประมาณ 2570 (ITA)"]
    assert o11.when == "อีก 29 วัน (ภายใน 30 เมษายน 2570)" and o11.org == cast.a
    assert o11.url == reverse("reports:index", args=[cast.a.code])
    assert any(t.startswith("เผยแพร่ O19 ") for t in april)
    assert not any(" O10 " in t or " O12 " in t for t in april)  # due in October / December
    # published (the first half closed): O11 and O19 are off the list
    monitoring.period_close(org=cast.a, fiscal_year=2570, kind="half", number=1)
    assert not [i for i in items(cast.alice, D(2027, 4, 1), "ita") if " O11 " in i.title]
    # the due date is the operator's data of the year: moved, the warning follows
    item = ItaItem.objects.get(fiscal_year=2570, code="O12")
    ita_services.ita_item_save(
        fiscal_year=2570,
        code="O12",
        name=item.name,
        source=item.source,
        order=item.order,
        due_on="15/5/2570",
        item=item,
    )
    o12 = only(cast.alice, D(2027, 4, 1), "ita", " O12 ")
    assert o12.when == "อีก 44 วัน (ภายใน 15 พฤษภาคม 2570)"
    assert o12.url == reverse("evaluation:annual_year", args=[cast.a.code, 2570])
    late = only(cast.alice, D(2027, 5, 20), "ita", " O12 ")
    assert late.when == "เลยกำหนด 5 วัน (กำหนด 15 พฤษภาคม 2570)" and late.state == "late"
    # a year nobody listed yet (2571) takes 2570's list, its dates a year later
    o11_next = only(cast.alice, D(2028, 4, 1), "ita", " O11 ")
    assert o11_next.title.endswith("ปีงบประมาณ 2571 (ITA)") and o11_next.due == D(2028, 4, 30)
    Committee.objects.create(
        org=cast.a, appointed_on=D(2024, 12, 20), term_start=D(2025, 1, 1), term_end=D(2026, 12, 31)
    )
    term = only(cast.carl, D(2026, 12, 1), "committee")
    assert term.when == "อีก 30 วัน (ภายใน 31 ธันวาคม 2569)"
    assert term.url == reverse("evaluation:committee", args=[cast.a.code])
    assert items(cast.carl, D(2026, 9, 1), "committee") == []  # months away: not yet


def test_monthly_entry_and_returned_submissions(cast, year_a, reference_lists):
    from monitoring import services as mon
    from monitoring.models import Status

    month = only(cast.alice, D(2024, 12, 3), "monthly")
    assert month.title == "บันทึกผลการดำเนินงานประจำเดือนพฤศจิกายน 2567"
    assert month.when == "อีก 2 วัน (ภายใน 5 ธันวาคม 2567)" and month.detail.startswith(
        "บันทึกแล้ว 0 จาก"
    )
    # the division head counts their own division's projects: กองช่าง has none this year
    assert items(cast.dana, D(2024, 12, 3), "monthly") == []
    mon.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=year_a.dredge,
        month=3,
        data=mon.ProgressInput(status=Status.IN_PROGRESS, progress=10, disbursed=Decimal(1000)),
        expected_version=0,
    )
    sub = province.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)
    province.return_(submission=sub, reasons=[("ทั่วไป", "ตัวเลขไม่ตรง")], user=cast.pat)
    returned = only(cast.alice, D(2025, 1, 20), "returned", "ไตรมาสที่ 1")
    assert returned.title.startswith("แก้ไขและส่งใหม่: แบบที่ 2 ไตรมาสที่ 1")
    assert returned.when == "เลยกำหนด 5 วัน (กำหนด 15 มกราคม 2568)"


def test_the_home_page_is_my_work(client, cast, django_assert_max_num_queries):
    plans.ordinance_create(
        org=cast.b,
        fiscal_year=2570,
        kind="annual",
        promulgated_on=timezone.localdate() - dt.timedelta(days=10),
    )
    client.force_login(cast.bob)
    with django_assert_max_num_queries(20):
        body = client.get(reverse("home")).content.decode()
    assert (
        "งานของฉัน" in body and "ประกาศแผนการดำเนินงาน ปีงบประมาณ 2570" in body and "อีก 20 วัน" in body
    )


def test_an_ended_committee_term_stays_overdue_until_a_new_committee_is_appointed(cast):
    Committee.objects.create(
        org=cast.a, appointed_on=D(2022, 12, 20), term_start=D(2023, 1, 1), term_end=D(2024, 12, 31)
    )
    for day in (D(2025, 1, 1), D(2025, 3, 15), D(2026, 6, 30)):  # 1, 73 and 546 days late
        term = only(cast.alice, day, "committee")
        assert term.state == "late" and term.when.startswith("เลยกำหนด")
    assert only(cast.alice, D(2026, 6, 30), "committee").days_left == -546
    # a new committee appointed (its term starting later) answers it from its appointment on
    Committee.objects.create(
        org=cast.a, appointed_on=D(2026, 7, 1), term_start=D(2026, 8, 1), term_end=D(2028, 7, 31)
    )
    assert items(cast.alice, D(2026, 6, 30), "committee") != []
    assert items(cast.alice, D(2026, 7, 1), "committee") == []
    assert items(cast.alice, D(2026, 9, 1), "committee") == []
