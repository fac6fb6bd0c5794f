"""The go-live walk, from an empty database, in headless Chromium with a real SMTP server: the
operator sets up the province and its อบจ.; the อบจ. loads its orgs from a file (a wrong row is
refused, nothing written; fixed, loaded) and invites an org's officer; the officer sets a password
from the delivered e-mail, fills the org's details and two divisions and invites a division head;
the head edits only their division's project; the officer disables the head, who can no longer
sign in, and the head's edit still shows their name."""

import csv
import io
import re
import time
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from conftest import PLAN_ROWS, PLAN_STRATEGIES
from orgs.models import AuditEntry, Membership, Organization, Province, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ORGS = [
    ["6300101", "เทศบาลเมืองบัวใหญ่", "ทม.", "บัวใหญ่"],
    ["6300102", "เทศบาลเมืองปากช่อง", "ทม.", "ปากช่อง"],
    ["6300103", "เทศบาลเมืองสีคิ้ว", "ทม.", "สีคิ้ว"],
    ["6300201", "เทศบาลตำบลสูงเนิน", "ทต.", "สูงเนิน"],
    ["6300202", "เทศบาลตำบลโนนสูง", "ทต.", "โนนสูง"],
    ["6300203", "เทศบาลตำบลพิมาย", "ทต.", "พิมาย"],
    ["6300301", "องค์การบริหารส่วนตำบลกระเบื้องใหญ่", "อบต.", "พิมาย"],
    ["6300302", "องค์การบริหารส่วนตำบลด่านช้าง", "อบต.", "บัวใหญ่"],
    ["6300303", "องค์การบริหารส่วนตำบลหนองบัวสะอาด", "อบต.", "บัวใหญ่"],
    ["6300304", "องค์การบริหารส่วนตำบลโคกกรวด", "อบต.", "เมืองนครราชสีมา"],
]
PASSWORD = "ติดตาม-ไปด้วยกัน-2569"


def _csv(rows) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerows([["รหัส อปท.", "ชื่อ", "ประเภท", "อำเภอ"], *rows])
    return buf.getvalue().encode()


def _link(smtp_server, address: str) -> str:
    """The path of the link in the last e-mail delivered to `address`."""
    for _ in range(50):
        mine = smtp_server.to(address)
        if mine:
            return urlparse(smtp_server.links(mine[-1])[0]).path
        time.sleep(0.1)
    raise AssertionError(f"no e-mail to {address}")


def _sign_out(page):
    page.click("#whoami button[type=submit]")


def _accept(page, url, path, password=PASSWORD):
    page.goto(url + path)
    page.fill("#id_new_password1", password)
    page.fill("#id_new_password2", password)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("ตั้งรหัสผ่านแล้ว")


def test_going_live_in_a_province_from_an_empty_database(
    live_server,
    sign_in,
    page,
    smtp_server,
    reference_lists,
    make_workbook,
    tmp_path,
    worker_process,
):
    assert not Organization.objects.exists() and not get_user_model().objects.exists()
    url = live_server.url
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    get_user_model().objects.create_superuser(
        "operator", "it@korat.go.th", PASSWORD
    )  # createsuperuser

    # The operator: the province (from geothai) and its อบจ., whose M&E admin is invited.
    sign_in(page, "operator", PASSWORD)
    page.click("#setup-province")
    page.select_option("#id_province_code", label="นครราชสีมา")
    page.fill("#id_pao_code", "6300000")
    page.fill("#id_admin_email", "me@koratpao.go.th")
    page.fill("#id_admin_first_name", "วันเพ็ญ")
    page.fill("#id_admin_last_name", "ศรีสุข")
    page.click("#province-setup button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("องค์การบริหารส่วนจังหวัดนครราชสีมา")
    korat = Province.objects.get(code="30")
    assert korat.districts.count() == 32  # every อำเภอ of นครราชสีมา
    _sign_out(page)

    # The อบจ.'s admin accepts and loads the province's orgs: a wrong row refuses the whole file.
    _accept(page, url, _link(smtp_server, "me@koratpao.go.th"))
    sign_in(page, "me@koratpao.go.th", PASSWORD)
    expect(page.locator("#my-roles")).to_contain_text("เจ้าหน้าที่วิเคราะห์ระดับจังหวัด")
    page.click("text=ผู้ใช้และหน่วยงาน")
    page.click("#org-tabs >> text=อปท. ในจังหวัด")
    page.click("text=นำเข้ารายชื่อ อปท. จากไฟล์")
    wrong = [*ORGS[:6], ["6300204", "เทศบาลตำบลขามทะเลสอ", "ทต.", "ขามทะเลสอใต้"], *ORGS[7:]]
    (tmp_path / "อปท.csv").write_bytes(_csv(wrong))
    page.set_input_files("#file", str(tmp_path / "อปท.csv"))
    page.click("text=ตรวจสอบไฟล์")
    expect(page.locator("#import-errors")).to_contain_text("ไม่พบอำเภอ“ขามทะเลสอใต้”")
    expect(page.locator("#import-errors tbody tr")).to_have_count(1)
    expect(page.locator("#import-errors tbody td").nth(1)).to_have_text("8")  # the row, named
    assert Organization.objects.count() == 1
    (tmp_path / "อปท.csv").write_bytes(_csv(ORGS))
    page.set_input_files("#file", str(tmp_path / "อปท.csv"))
    page.click("text=ตรวจสอบไฟล์")
    expect(page.locator("#preview")).to_contain_text("พร้อมนำเข้า 10 แห่ง")
    page.click("#confirm-import")
    expect(page.locator("#province-orgs tbody tr")).to_have_count(11)
    assert Organization.objects.get(code="6300302").district.name == "บัวใหญ่"

    # … and invites Bua Yai's first officer.
    row = page.locator("#org-6300101")
    row.locator("input[name=email]").fill("plan@buayai.go.th")
    row.locator("input[name=first_name]").fill("สมศรี")
    row.locator("input[name=last_name]").fill("ใจดี")
    row.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("plan@buayai.go.th")
    _sign_out(page)

    # The officer: password from the e-mail, the org's details, two divisions, a division head.
    _accept(page, url, _link(smtp_server, "plan@buayai.go.th"))
    sign_in(page, "plan@buayai.go.th", PASSWORD)
    expect(page.locator("#whoami")).to_contain_text("สมศรี ใจดี")
    expect(page.locator("#my-roles")).to_contain_text("นักวิเคราะห์นโยบายและแผน")
    page.click("text=ผู้ใช้และหน่วยงาน")
    page.click("#org-tabs >> text=กอง/สำนัก")
    for name, head, title in [
        ("กองช่าง", "นายวีระ ช่างดี", "ผู้อำนวยการกองช่าง"),
        ("กองการศึกษา", "นางมาลี ศรีสอน", "ผู้อำนวยการกองการศึกษา"),
    ]:
        page.fill("#division-add #id_name", name)
        page.fill("#division-add #id_head_name", head)
        page.fill("#division-add #id_head_title", title)
        page.click("#division-add button[type=submit]")
    expect(page.locator("#divisions tbody tr")).to_have_count(2)
    page.click("#org-tabs >> text=ข้อมูลหน่วยงาน")
    page.fill("#id_address", "99 หมู่ที่ 1 ถนนนิเวศรัตน์")
    page.select_option("#id_subdistrict", "บัวใหญ่")
    page.fill("#id_executive_name", "นายประเสริฐ ใจกล้า")
    page.fill("#id_executive_title", "นายกเทศมนตรีเมืองบัวใหญ่")
    page.select_option("#id_planning_division", label="กองช่าง")
    page.fill("#id_website", "https://www.buayai.go.th")
    page.fill("#id_email", "saraban@buayai.go.th")
    page.click("#org-details button[type=submit]")
    expect(page.locator("#full-address")).to_have_text(
        "99 หมู่ที่ 1 ถนนนิเวศรัตน์ ตำบลบัวใหญ่ อำเภอบัวใหญ่ จังหวัดนครราชสีมา 30120"
    )
    page.click("#org-tabs >> text=ผู้ใช้และบทบาท")
    page.fill("#invite #id_email", "weera@buayai.go.th")
    page.fill("#invite #id_first_name", "วีระ")
    page.fill("#invite #id_last_name", "ช่างดี")
    page.select_option("#invite #id_role", Role.DIVISION_HEAD)
    page.select_option("#invite #id_division", label="กองช่าง")
    page.click("#invite button[type=submit]")
    expect(page.locator("#people")).to_contain_text("รอตั้งรหัสผ่าน")
    # A plan to work on, imported as a draft (the head edits in it), on the background worker.
    page.click("nav.menu summary:has-text('วางแผน')")  # the menu's groups open on a click
    page.click("nav.menu >> text=นำเข้า Excel")
    (tmp_path / "แผน.xlsx").write_bytes(make_workbook(PLAN_ROWS, strategies=PLAN_STRATEGIES))
    page.set_input_files("#file", str(tmp_path / "แผน.xlsx"))
    page.click("text=ตรวจสอบไฟล์")
    page.click("#confirm-import")
    page.click("#job-result", timeout=60_000)
    expect(page.locator("#total-projects")).to_be_visible()
    _sign_out(page)

    # The head: only their division's project is editable; they edit it.
    _accept(page, url, _link(smtp_server, "weera@buayai.go.th"))
    sign_in(page, "weera@buayai.go.th", PASSWORD)
    expect(page.locator("#my-roles")).to_contain_text("หัวหน้าส่วนราชการ")
    buayai = Organization.objects.get(code="6300101")
    road, lunch = (
        buayai.plans.get().projects.get(versions__name=n)
        for n in ("ก่อสร้างถนน คสล. หมู่ที่ 2", "อาหารกลางวันศูนย์พัฒนาเด็กเล็ก")
    )
    page.goto(f"{url}/o/6300101/projects/{lunch.pk}/")
    expect(page.locator("text=แก้ไขใน")).to_have_count(0)
    page.goto(f"{url}/o/6300101/projects/{road.pk}/")
    page.click("text=แก้ไขใน")
    page.fill("#id_location", "หมู่ที่ 2 บ้านโนนสำราญ")
    page.click('main form button[type=submit]:has-text("บันทึก")')
    expect(page.locator(".messages")).to_contain_text("บันทึกการแก้ไข")
    assert page.goto(f"{url}/o/6300101/projects/{lunch.pk}/edit/").status in (403, 404)
    page.goto(f"{url}/")
    _sign_out(page)

    # The officer disables the head: no more sign-in; the edit keeps the head's name.
    sign_in(page, "plan@buayai.go.th", PASSWORD)
    page.click("text=ผู้ใช้และหน่วยงาน")
    page.click("#people tr:has-text('weera@buayai.go.th') >> text=จัดการ")
    page.click("#disable-person")
    expect(page.locator("#people")).to_contain_text("ปิดการใช้งาน")
    page.goto(f"{url}/o/6300101/audit/")
    expect(page.locator("#audit-log")).to_contain_text("วีระ ช่างดี")
    expect(page.locator("#audit-log")).to_contain_text("หมู่ที่ 2 บ้านโนนสำราญ")
    _sign_out(page)
    sign_in(page, "weera@buayai.go.th", PASSWORD)
    expect(page.locator(".errorlist")).to_contain_text("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")
    head = get_user_model().objects.get(username="weera@buayai.go.th")
    assert not head.is_active and Membership.objects.filter(user=head).exists()
    assert AuditEntry.objects.filter(user=head, model__startswith="plans.").exists()
    assert errors == []
    assert re.search(r"ตั้งรหัสผ่าน", smtp_server.body(smtp_server.to("weera@buayai.go.th")[0]))
