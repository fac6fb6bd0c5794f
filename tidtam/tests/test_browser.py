"""Drives Debian's headless Chromium through Playwright against the live server."""

import pytest
from playwright.sync_api import expect

from plans.selectors import approved_seq_on, plan_summary

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STRATEGIES = [
    [1, "ยุทธศาสตร์ด้านโครงสร้างพื้นฐาน", "1.1", "ก่อสร้างถนน"],
    [2, "ยุทธศาสตร์ด้านการศึกษา", "", ""],
]


def test_an_officer_imports_a_plan_sees_p01_and_downloads_the_pdf(
    live_server, page, cast, make_workbook, tmp_path
):
    rows = [
        [
            1,
            "1.1",
            "แผนงานอุตสาหกรรมและการโยธา",
            "ก่อสร้างถนน คสล. หมู่ที่ 2",
            "",
            "",
            "-",
            "1,200,000",
            "",
            "",
            "",
            "",
            "",
            "กองช่าง",
            "ผ.02",
            "ฉบับเดิม",
        ],
        [
            2,
            "",
            "แผนงานการศึกษา",
            "อาหารกลางวันศูนย์พัฒนาเด็กเล็ก",
            "",
            "",
            "300,000",
            "300,000",
            "300,000",
            "300,000",
            "300,000",
            "",
            "",
            "กองการศึกษา",
            "",
            "ฉบับเดิม",
        ],
    ]
    path = tmp_path / "แผน.xlsx"
    path.write_bytes(make_workbook(rows, strategies=STRATEGIES))
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "bob")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_contain_text("ยังไม่มีแผนพัฒนาท้องถิ่น")

    page.click("text=นำเข้า Excel")
    page.set_input_files("#file", str(path))
    page.click("text=ตรวจสอบไฟล์")
    expect(page.locator("#preview")).to_contain_text("พร้อมนำเข้า 2 โครงการ")
    page.click("#confirm-import")

    expect(page.locator("#total-budget")).to_have_text("2,700,000.00")
    expect(page.locator("#total-projects")).to_have_text("6")
    plan = cast.b.plans.get()
    assert plan_summary(plan, approved_seq_on(plan)).total.total.amount == 2_700_000
    expect(page.locator("#p01 tr.total")).to_contain_text("2,700,000.00")
    # ECharts draws the stacked bars into one canvas; a script error would leave it empty.
    expect(page.locator("#chart canvas")).to_have_count(1)
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
    assert errors == []

    with page.expect_download() as info:
        page.click("text=ผ.01 PDF")
    download = info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.name.endswith(".pdf") and saved.read_bytes()[:5] == b"%PDF-"


def test_an_import_error_is_shown_and_nothing_is_saved(
    live_server, page, cast, make_workbook, tmp_path
):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(
        make_workbook(
            [[9, "", "แผนงานการศึกษา", "x", "", "", 1, 1, 1, 1, 1, "", "", "", "", ""]],
            strategies=STRATEGIES,
        )
    )
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "bob")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/o/{cast.b.code}/exchange/import/")
    page.set_input_files("#file", str(path))
    page.click("text=ตรวจสอบไฟล์")
    expect(page.locator("#import-errors tbody tr")).to_have_count(1)
    expect(page.locator("#import-errors tbody tr td").nth(1)).to_have_text("2")
    expect(page.locator("#import-errors")).to_contain_text("ไม่พบยุทธศาสตร์ “9”")
    assert not cast.b.plans.exists()
