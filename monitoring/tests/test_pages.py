"""The monthly entry page and its row saves, as the browser's htmx calls them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring.models import MonthlyProgress, ProjectYear
from plans import services as plan_services

pytestmark = pytest.mark.django_db


def row_url(cast, project, month=4):
    return reverse("monitoring:row", args=[cast.a.code, 2568, month, project.pk])


def test_the_entry_page_lists_the_years_projects_in_bounded_queries(
    client, cast, year_a, django_assert_max_num_queries
):
    client.force_login(cast.alice)
    url = reverse("monitoring:entry", args=[cast.a.code, 2568, 4])
    # session, user, grants, org, budgets ×2, action items, versions, years, months ×2, locks,
    # divisions, years list ×2
    with django_assert_max_num_queries(16):
        body = client.get(url).content.decode()
    assert "ขุดลอกลำห้วยโคกสูง หมู่ที่ 5" in body and "โครงการอาหารกลางวัน" in body
    assert "ก่อสร้างถนน" not in body  # not budgeted for 2568


def test_a_row_is_saved_and_comes_back_with_its_new_version(client, cast, year_a):
    client.force_login(cast.alice)
    response = client.post(
        row_url(cast, year_a.dredge),
        {
            "version": "0",
            "status": "in_progress",
            "progress": "40",
            "disbursed": "๕๐,๐๐๐",
            "procurement": "e_bidding",
            "contract_signed_on": "20/1/2568",
            "contract_amount": "280,000",
        },
    )
    body = response.content.decode()
    assert "บันทึกแล้ว" in body and 'name="version" value="1"' in body
    py = ProjectYear.objects.get(project=year_a.dredge)
    assert (py.disbursed, py.contract_amount, str(py.contract_signed_on)) == (
        Decimal(50000),
        Decimal(280000),
        "2025-01-20",
    )


def test_a_stale_row_shows_the_conflict_and_keeps_the_other_persons_data(client, cast, year_a):
    client.force_login(cast.alice)
    first = {"version": "0", "status": "in_progress", "progress": "40", "disbursed": "1000"}
    client.post(row_url(cast, year_a.dredge), first)
    body = client.post(row_url(cast, year_a.dredge), {**first, "disbursed": "9999"}).content
    assert "มีผู้อื่นบันทึกโครงการนี้ไปก่อนแล้ว" in body.decode()
    assert MonthlyProgress.objects.get().disbursed == Decimal(1000)


def test_a_bad_amount_is_named_and_nothing_is_saved(client, cast, year_a):
    client.force_login(cast.alice)
    body = client.post(
        row_url(cast, year_a.dredge),
        {"version": "0", "status": "in_progress", "progress": "40", "disbursed": "ห้าพัน"},
    ).content.decode()
    assert "เบิกจ่ายเดือนนี้ (บาท): “ห้าพัน” ไม่ใช่จำนวนเงิน" in body
    assert not ProjectYear.objects.exists()


def test_the_page_checks_the_budget_after_transfers_with_the_row_it_read(client, cast, year_a):
    """The entry page passes the budget of the row it read to the service: over it is refused."""
    client.force_login(cast.alice)
    over = {"version": "0", "status": "in_progress", "progress": "40", "disbursed": "300,000.01"}
    body = client.post(row_url(cast, year_a.dredge), over).content.decode()
    assert "เกินงบประมาณของโครงการ 300,000.00 บาท" in body
    assert not ProjectYear.objects.exists()
    body = client.post(row_url(cast, year_a.dredge), {**over, "disbursed": "300,000"}).content
    assert "บันทึกแล้ว" in body.decode()


def test_a_division_head_saves_only_the_projects_of_the_division(client, cast, year_a):
    ordinance = year_a.d_line.ordinance
    plan_services.budget_line_add(ordinance=ordinance, project=year_a.road, amount=Decimal(9000))
    client.force_login(cast.dana)
    ok = client.post(
        row_url(cast, year_a.road), {"version": "0", "status": "in_progress", "progress": "10"}
    )
    assert ok.status_code == 200 and ProjectYear.objects.filter(project=year_a.road).exists()
    refused = client.post(
        row_url(cast, year_a.dredge), {"version": "0", "status": "in_progress", "progress": "10"}
    )
    assert refused.status_code == 403
    assert not ProjectYear.objects.filter(project=year_a.dredge).exists()


def test_a_committee_member_reads_but_cannot_save(client, cast, year_a):
    client.force_login(cast.carl)
    page = client.get(reverse("monitoring:entry", args=[cast.a.code, 2568, 4]))
    assert page.status_code == 200 and 'name="progress"' not in page.content.decode()
    assert "กด Enter" not in page.content.decode()  # no keyboard hint on a page one only reads
    response = client.post(row_url(cast, year_a.dredge), {"version": "0", "status": "done"})
    assert response.status_code == 403


def test_closing_a_month_makes_the_page_read_only(client, cast, year_a):
    client.force_login(cast.alice)
    client.post(
        reverse("monitoring:close", args=[cast.a.code, 2568]), {"kind": "month", "number": "4"}
    )
    before = client.get(reverse("monitoring:entry", args=[cast.a.code, 2568, 5])).content.decode()
    assert "กด Enter เพื่อบันทึกแถวนั้น" in before  # an open month tells how to save a row
    body = client.get(reverse("monitoring:entry", args=[cast.a.code, 2568, 4])).content.decode()
    assert 'id="closed"' in body and 'name="progress"' not in body
    assert "กด Enter" not in body and "อ่านอย่างเดียว" in body
    response = client.post(
        row_url(cast, year_a.dredge), {"version": "0", "status": "in_progress", "progress": "5"}
    )
    assert "ปิดงวดแล้ว" in response.content.decode()
    assert not ProjectYear.objects.exists()


def test_evidence_must_really_be_an_image_or_pdf(client, cast, year_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cast.alice)
    url = reverse("monitoring:evidence_add", args=[cast.a.code, 2568, year_a.dredge.pk])
    fake = SimpleUploadedFile("photo.jpg", b"<html><script>alert(1)</script>", "image/jpeg")
    body = client.post(url, {"file": fake}, follow=True).content.decode()
    assert "รับเฉพาะภาพถ่าย JPG/PNG หรือไฟล์ PDF" in body
    real = SimpleUploadedFile("site.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "text/html")
    client.post(url, {"file": real, "caption": "หน้างาน"})
    evidence = ProjectYear.objects.get(project=year_a.dredge).evidence.get()
    assert evidence.content_type == "image/png"
    download = client.get(
        reverse("monitoring:evidence_file", args=[cast.a.code, 2568, year_a.dredge.pk, evidence.pk])
    )
    assert download["Content-Type"] == "image/png"
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_transfer_needs_the_council_for_a_new_item_and_changes_the_budget(client, cast, year_a):
    from monitoring.selectors import budget_of
    from plans.models import BudgetTransfer

    client.force_login(cast.alice)
    url = reverse("monitoring:transfer_new", args=[cast.a.code, 2568, year_a.d_line.pk])
    body = client.post(
        url,
        {
            "kind": "new_item",
            "amount": "50,000",
            "approver": "executive",
            "approved_on": "10/2/2568",
        },
        follow=True,
    ).content.decode()
    assert "ผู้อนุมัติ: " in body and "สภาท้องถิ่น" in body
    assert not BudgetTransfer.objects.exists()
    client.post(
        url,
        {
            "kind": "increase",
            "amount": "50,000",
            "approver": "executive",
            "approved_on": "10/2/2568",
        },
    )
    assert budget_of(cast.a, 2568, year_a.dredge.pk) == Decimal(350000)
    page = client.get(reverse("monitoring:transfers", args=[cast.a.code, 2568])).content.decode()
    assert "โอนเพิ่ม 50,000.00 บาท · ผู้บริหารท้องถิ่น อนุมัติ 10 กุมภาพันธ์ 2568" in page


def test_the_close_button_names_the_month_with_a_space(client, cast, year_a):
    client.force_login(cast.alice)
    body = client.get(reverse("monitoring:entry", args=[cast.a.code, 2568, 3])).content.decode()
    assert "ปิดงวดเดือน ธ.ค. 2567" in body and "ปิดงวดเดือนธ" not in body


def test_a_month_abbreviation_after_the_word_month_is_spaced(client, cast, year_a):
    """ "เดือน ต.ค. 2567", never "เดือนต.ค. 2567", on the project page and the import pages; and
    no template glues a value straight onto เดือน."""
    import re
    from pathlib import Path

    from django.conf import settings

    client.force_login(cast.alice)
    pages = [
        reverse("monitoring:project", args=[cast.a.code, 2568, year_a.dredge.pk]) + "?month=1",
        reverse("exchange:progress_import", args=[cast.a.code, 2568, 1]),
    ]
    for url in pages:
        body = client.get(url).content.decode()
        assert "เดือน ต.ค. 2567" in body, url
        assert "เดือนต.ค." not in body, url
    glued = [
        f"{path.relative_to(settings.BASE_DIR)}:{n}"
        for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"เดือน\{\{", line)
    ]
    assert glued == []


def test_a_row_refused_for_its_closed_month_comes_back_read_only(client, cast, year_a):
    from monitoring import services

    services.period_close(org=cast.a, fiscal_year=2568, kind="month", number=4)
    client.force_login(cast.alice)
    response = client.post(
        row_url(cast, year_a.dredge),
        {"version": "0", "status": "in_progress", "progress": "40", "disbursed": "0"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert "ปิดงวดแล้ว" in body
    assert 'name="progress"' not in body and "hx-post" not in body  # no form to type into again
    assert not MonthlyProgress.objects.exists()


def test_someone_who_edits_nothing_of_the_org_is_told_so_not_about_divisions(client, cast, year_a):
    """The province's analyst reads every org of the province and edits none of them."""
    client.force_login(cast.pat)
    response = client.post(
        row_url(cast, year_a.dredge),
        {"version": "0", "status": "in_progress", "progress": "40", "disbursed": "0"},
    )
    body = response.content.decode()
    assert response.status_code == 403
    assert "คุณไม่มีสิทธิ์แก้ไขข้อมูลของหน่วยงานนี้" in body and "หน่วยงานของคุณ" not in body
    assert not MonthlyProgress.objects.exists()
