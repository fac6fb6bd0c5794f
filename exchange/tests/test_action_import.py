"""ผด.02 in its official layout imports into the action plan, linked to the plan's projects by
name with the tolerant matching; a project not in the plan refuses the whole file."""

from decimal import Decimal

import pytest

from exchange.action_import import import_action_plan
from exchange.tests.official_books import ZWSP, action_plan_book
from plans.models import ActionPlan, ActionPlanItem
from plans.models.action import months_from_mask

ROWS = [
    (
        f"ก่อสร้างถนน คสล.  สายบ้าน{ZWSP}หนองแวง หมู่ที่ 3",
        "ถนนยาว 200 ม.",
        "500,000",
        "หมู่ที่ 3",
        "กองช่าง",
        [4, 5, 6],
    ),
    ("ขุดลอกลำห้วยโคกสูง หมู่ที่ 5", "ขุดลอก 1 แห่ง", "๓๐๐,๐๐๐.๐๐", "หมู่ที่ 5", "กองช่าง", [7]),
    ("อาหารกลางวันศูนย์พัฒนาเด็กเล็ก", "เด็ก 40 คน", 250000.0, "ศพด.", "กองการศึกษา", list(range(1, 13))),
]


@pytest.mark.django_db
def test_the_action_plan_book_imports_linked_to_the_plans_projects(cast, plan_a):
    report = import_action_plan(org=cast.a, data=action_plan_book(ROWS), filename="pd02.xlsx")
    assert report.ok, [str(p) for p in report.problems]
    assert report.fiscal_year == 2568  # read from the title, in Thai digits
    action_plan = ActionPlan.objects.get(org=cast.a, fiscal_year=2568)
    items = list(ActionPlanItem.objects.filter(action_plan=action_plan).order_by("seq_no"))
    road, dredge, lunch = plan_a.projects_
    assert [i.project_id for i in items] == [road.pk, dredge.pk, lunch.pk]
    assert [i.amount for i in items] == [Decimal(500000), Decimal(300000), Decimal(250000)]
    assert months_from_mask(items[0].months)[3:6] == [True, True, True]
    assert sum(months_from_mask(items[0].months)) == 3
    assert (items[1].first_month, items[1].last_month) == (7, 7)
    assert all(months_from_mask(items[2].months))
    assert items[0].place == "หมู่ที่ 3" and items[2].responsible_unit == "กองการศึกษา"


@pytest.mark.django_db
def test_a_row_not_in_the_plan_refuses_the_whole_file(cast, plan_a):
    rows = [*ROWS, ("สร้างสนามบิน", "", "1,000", "", "", [1])]
    report = import_action_plan(org=cast.a, data=action_plan_book(rows), filename="pd02.xlsx")
    assert [str(p) for p in report.problems] == [
        "แผ่นงาน “ผด.02” แถวที่ 12 คอลัมน์ “โครงการ”: ไม่พบโครงการ “สร้างสนามบิน” ในแผนพัฒนาท้องถิ่น"
        " (ต้องอยู่ในแผนก่อน)"
    ]
    assert not ActionPlan.objects.filter(org=cast.a).exists()


@pytest.mark.django_db
def test_a_row_without_months_is_named(cast, plan_a):
    rows = [ROWS[0][:5] + ([],)]
    report = import_action_plan(org=cast.a, data=action_plan_book(rows), filename="pd02.xlsx")
    assert [str(p) for p in report.problems] == [
        "แผ่นงาน “ผด.02” แถวที่ 9 คอลัมน์ “เดือน”: ต้องระบุเดือนที่ดำเนินการอย่างน้อยหนึ่งเดือน"
    ]


@pytest.mark.django_db
def test_the_web_action_import_previews_then_writes(client, cast, plan_a):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(cast.alice)
    url = reverse("exchange:action_import", args=[cast.a.code])
    upload = SimpleUploadedFile("pd02.xlsx", action_plan_book(ROWS))
    response = client.post(url, {"file": upload})
    assert "ยืนยันนำเข้า" in response.content.decode()
    assert not ActionPlan.objects.filter(org=cast.a).exists()
    response = client.post(url, {"token": response.context["token"]})
    assert response.status_code == 302
    assert ActionPlanItem.objects.filter(action_plan__org=cast.a).count() == 3
