"""Drives Debian's headless Chromium through Playwright against the live server."""

import pytest
from playwright.sync_api import expect

from conftest import PLAN_ROWS, PLAN_STRATEGIES
from plans.selectors import approved_seq_on, plan_summary

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_imports_a_plan_sees_p01_and_downloads_the_pdf(
    live_server, sign_in, page, cast, make_workbook, tmp_path, worker_process
):
    path = tmp_path / "แผน.xlsx"
    path.write_bytes(make_workbook(PLAN_ROWS, strategies=PLAN_STRATEGIES))
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    sign_in(page, "bob")
    expect(page.locator("h1")).to_contain_text("งานของฉัน")  # the home page, then the org
    page.click(f"a:has-text('{cast.b.name}')")
    expect(page.locator("h1")).to_contain_text("ยังไม่มีแผนพัฒนาท้องถิ่น")

    page.click("nav.menu summary:has-text('วางแผน')")  # the menu's groups open on a click
    page.click("nav.menu >> text=นำเข้า Excel")
    page.set_input_files("#file", str(path))
    page.click("text=ตรวจสอบไฟล์")
    expect(page.locator("#preview")).to_contain_text("พร้อมนำเข้า 2 โครงการ")
    page.fill("input[name=edition-0-approver]", "นายกองค์การบริหารส่วนตำบล")
    page.fill("input[name=edition-0-approved_on]", "2022-12-20")
    page.click("#confirm-import")
    # the import runs on the background worker; its page follows it and links to the result
    page.click("#job-result", timeout=60_000)

    expect(page.locator("#total-budget")).to_have_text("2,700,000.00")
    expect(page.locator("#total-projects")).to_have_text("6")
    plan = cast.b.plans.get()
    assert plan_summary(plan, approved_seq_on(plan)).total.total.amount == 2_700_000
    expect(page.locator("#p01 tr.total")).to_contain_text("2,700,000.00")
    # ECharts draws the stacked bars into one canvas; a script error would leave it empty.
    expect(page.locator("#chart canvas")).to_have_count(1)
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
    assert errors == []

    page.click("text=ผ.01 PDF")  # made by the worker: the job's page, then the file
    expect(page.locator(".job")).to_be_visible()
    with page.expect_download(timeout=60_000) as info:
        page.click("#job-download", timeout=60_000)
    download = info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.name.endswith(".pdf") and saved.read_bytes()[:5] == b"%PDF-"


def test_an_import_error_is_shown_and_nothing_is_saved(
    live_server, sign_in, page, cast, make_workbook, tmp_path
):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(
        make_workbook(
            [[9, "", "แผนงานการศึกษา", "x", "", "", 1, 1, 1, 1, 1, "", "", "", "", ""]],
            strategies=PLAN_STRATEGIES,
        )
    )
    sign_in(page, "bob")
    page.goto(f"{live_server.url}/o/{cast.b.code}/exchange/import/")
    page.set_input_files("#file", str(path))
    page.click("text=ตรวจสอบไฟล์")
    expect(page.locator("#import-errors tbody tr")).to_have_count(1)
    expect(page.locator("#import-errors tbody tr td").nth(1)).to_have_text("2")
    expect(page.locator("#import-errors")).to_contain_text("ไม่พบยุทธศาสตร์ “9”")
    assert not cast.b.plans.exists()


def test_an_officer_enters_a_month_and_sees_the_dashboard_and_form2_change(
    live_server, sign_in, page, cast, year_a
):
    sign_in(page, "alice")
    base = f"{live_server.url}/o/{cast.a.code}/monitoring"

    page.goto(f"{base}/dashboard/2568/")
    expect(page.locator("#disbursed-pct")).to_have_text("0.00%")

    page.goto(f"{base}/2568/6/")  # มีนาคม 2568
    dredge = page.locator(f"#r{year_a.dredge.pk}")
    dredge.locator("select[name=status]").select_option("done")
    dredge.locator("input[name=progress]").fill("100")
    dredge.locator("input[name=disbursed]").fill("280,000")
    dredge.locator("input[name=contract_signed_on]").fill("15/1/2568")
    dredge.locator("input[name=contract_amount]").fill("280,000")
    dredge.locator("input[name=contract_amount]").press("Enter")  # Enter saves the row
    expect(page.locator(f"#r{year_a.dredge.pk} .row-note")).to_have_text("บันทึกแล้ว")

    lunch = page.locator(f"#r{year_a.lunch.pk}")
    lunch.locator("select[name=status]").select_option("in_progress")
    lunch.locator("input[name=progress]").fill("50")
    lunch.locator("input[name=disbursed]").fill("๑๒๕,๐๐๐")  # Thai digits are fine
    lunch.locator("button[type=submit]").click()
    expect(page.locator(f"#r{year_a.lunch.pk} .row-note")).to_have_text("บันทึกแล้ว")
    expect(page.locator(f"#r{year_a.lunch.pk}")).to_contain_text("125,000.00")

    page.goto(f"{base}/form2/2568/q2/")
    total = page.locator("#form2-status tr.total td")
    expect(total.nth(3)).to_have_text("2")  # both projects budgeted
    expect(total.nth(7)).to_have_text("1")  # one in progress
    expect(total.nth(9)).to_have_text("1")  # one done
    expect(page.locator("#form2-money tr.total td").nth(4)).to_have_text("405,000.00")

    page.goto(f"{base}/dashboard/2568/")
    expect(page.locator("#disbursed-pct")).to_have_text("73.64%")
    page.click("text=ประเมินใหม่ตอนนี้")
    expect(page.locator("#rules")).to_contain_text("ยังไม่ลงนามสัญญา")
    expect(page.locator("#curve canvas")).to_have_count(1)


def test_a_citizen_answers_a_survey_on_a_phone_and_the_officer_sees_the_count_rise(
    live_server, sign_in, browser, page, cast, plan_a, monkeypatch
):
    from evaluation import forms as survey_forms
    from evaluation.models import SurveyTemplate
    from evaluation.services import survey_create

    monkeypatch.setattr(survey_forms, "MIN_SECONDS", 1)  # people need a few seconds; tests less
    survey = survey_create(
        org=cast.a,
        fiscal_year=2568,
        template=SurveyTemplate.objects.get(code="likert_overall"),
        title="ความพึงพอใจต่อการดำเนินงาน ปี 2568",
    )
    sign_in(page, "alice")
    page.goto(f"{live_server.url}/o/{cast.a.code}/evaluation/surveys/{survey.pk}/")
    expect(page.locator("#respondents")).to_have_text("0")
    link = page.locator("#public-link").get_attribute("href")

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    citizen = phone.new_page()
    citizen.goto(link)
    citizen.get_by_label("หญิง").check()
    citizen.get_by_label("41–50 ปี").check()
    citizen.get_by_label("มัธยมศึกษาหรือเทียบเท่า").check()
    citizen.get_by_label("เกษตรกร").check()
    total = citizen.locator("#survey-form .q").count()
    expect(citizen.locator("#survey-progress .count")).to_have_text(f"4 จาก {total}")
    citizen.wait_for_timeout(5500)  # past the too-fast guard (5 s): what is checked is the form
    citizen.click("#survey-form button[type=submit]")  # incomplete: said in Thai, not by Chromium
    expect(citizen.locator(".messages .error")).to_contain_text("กรุณาตอบให้ครบทุกข้อ")
    expect(citizen.get_by_label("เกษตรกร")).to_be_checked()
    citizen.click("#survey-later")  # save and continue later: the answers stay on the phone
    expect(citizen.locator("#survey-later-note")).to_be_visible()
    citizen.goto(link)
    expect(citizen.locator("#survey-restored")).to_be_visible()
    expect(citizen.get_by_label("เกษตรกร")).to_be_checked()
    for question in citizen.locator("fieldset.q-block").nth(1).locator(".q").all():
        question.get_by_label("มาก", exact=True).check()
    expect(citizen.locator("#survey-progress .count")).to_have_text(f"{total} จาก {total}")
    citizen.wait_for_timeout(1200)
    citizen.click("#survey-form button[type=submit]")
    expect(citizen.locator("#thanks")).to_be_visible()
    expect(citizen.locator("#to-public")).to_be_visible()  # not a dead end
    citizen.goto(link)  # sent: nothing is brought back
    expect(citizen.locator("#survey-restored")).to_be_hidden()
    expect(citizen.get_by_label("เกษตรกร")).not_to_be_checked()
    phone.close()

    page.reload()
    expect(page.locator("#respondents")).to_have_text("1")
    expect(page.locator("#overall-mean")).to_have_text("4.00")


def test_the_province_loop_submit_return_resubmit_approve_lock(
    live_server, sign_in, browser, page, cast, year_a
):
    from decimal import Decimal

    from monitoring import services as mon
    from monitoring.models import Status

    mon.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=year_a.dredge,
        month=3,
        data=mon.ProgressInput(status=Status.IN_PROGRESS, progress=10, disbursed=Decimal(1000)),
        expected_version=0,
    )

    sign_in(page, "alice")
    mine = f"{live_server.url}/o/{cast.a.code}/province/submissions/2568/"
    page.goto(mine)
    page.on("dialog", lambda dialog: dialog.accept())  # the confirmation before sending
    page.locator("#p-q1 a.btn").click()  # the figures first, then the confirmation
    expect(page.locator("#preview")).to_contain_text("งบประมาณ (บาท)")
    page.click("#confirm-submit button")
    expect(page.locator("#p-q1")).to_contain_text("ส่งแล้ว รอตรวจ")

    analyst = browser.new_context().new_page()
    sign_in(analyst, "pat")
    analyst.goto(f"{live_server.url}/o/{cast.pao.code}/province/review/2568/")
    analyst.locator("#completeness").get_by_role("link", name="รอตรวจ").click()
    analyst.locator("#return-form input[name=item]").first.fill("ขุดลอกลำห้วยโคกสูง")
    analyst.locator("#return-form input[name=reason]").first.fill("ยังไม่แนบหลักฐานการเบิกจ่าย")
    analyst.locator("#return-form button").click()
    expect(analyst.locator("#status")).to_have_text("ส่งกลับให้แก้ไข")

    page.goto(mine)
    expect(page.locator("#p-q1")).to_contain_text("ยังไม่แนบหลักฐานการเบิกจ่าย")
    page.locator("#p-q1 a.btn").click()
    page.click("#confirm-submit button")
    expect(page.locator("#p-q1")).to_contain_text("ส่งครั้งที่ 2")

    analyst.reload()
    analyst.click("#approve")
    expect(analyst.locator("#status")).to_have_text("อนุมัติแล้ว")

    page.goto(f"{live_server.url}/o/{cast.a.code}/monitoring/2568/3/")
    expect(page.locator("#closed")).to_be_visible()
    expect(page.locator("#entry input[name=progress]")).to_have_count(0)


def test_a_quarter_not_yet_ended_cannot_be_sent(live_server, sign_in, page, cast, year_a):
    from core.web import this_fy
    from province.models import Submission

    sign_in(page, "alice")
    later = this_fy() + 1
    page.goto(f"{live_server.url}/o/{cast.a.code}/province/submissions/{later}/")
    expect(page.locator("#p-q4")).to_contain_text("ยังไม่สิ้นสุด ส่งได้ตั้งแต่")
    expect(page.locator("#p-q4 a.btn, #p-q4 button")).to_have_count(0)
    page.goto(f"{live_server.url}/o/{cast.a.code}/province/submissions/{later}/q4/submit/")
    expect(page.locator("#early")).to_contain_text("ยังไม่สิ้นสุด")
    expect(page.locator("#confirm-submit")).to_have_count(0)
    assert not Submission.objects.exists()


def test_monthly_entry_keeps_typed_values_offline_on_500_and_after_the_session_expires(
    live_server, sign_in, page, cast, year_a
):
    from monitoring.models import MonthlyProgress

    sign_in(page, "alice")
    page.goto(f"{live_server.url}/o/{cast.a.code}/monitoring/2568/6/")
    row = page.locator(f"#r{year_a.dredge.pk}")
    row.locator("select[name=status]").select_option("in_progress")
    row.locator("input[name=progress]").fill("40")
    row.locator("input[name=disbursed]").fill("12,500")

    page.context.set_offline(True)  # offline: a Thai message in the row, the values stay
    row.locator("button[type=submit]").click()
    expect(row.locator(".row-note")).to_contain_text("ไม่มีการเชื่อมต่ออินเทอร์เน็ต")
    expect(row.locator("input[name=progress]")).to_have_value("40")
    page.context.set_offline(False)

    page.route("**/rows/**", lambda route: route.fulfill(status=500, body="error"))
    row.locator("button[type=submit]").click()  # the server fails
    expect(row.locator(".row-note")).to_contain_text("ระบบขัดข้อง รหัส 500")
    expect(row.locator("input[name=disbursed]")).to_have_value("12,500")
    page.unroute("**/rows/**")

    page.context.clear_cookies(name="sessionid")  # the session expires
    row.locator("button[type=submit]").click()
    expect(row.locator(".row-note")).to_contain_text("หมดเวลาการเข้าระบบ")
    expect(page.locator("#entry form#id_username, #entry input[name=username]")).to_have_count(0)
    expect(row.locator("input[name=progress]")).to_have_value("40")
    assert not MonthlyProgress.objects.exists()

    other = page.context.new_page()  # sign in again in another tab; the typed row is still here
    sign_in(other, "alice")
    other.close()
    row.locator("button[type=submit]").click()
    expect(page.locator(f"#r{year_a.dredge.pk} .row-note")).to_have_text("บันทึกแล้ว")
    saved = MonthlyProgress.objects.get()
    assert saved.progress == 40 and saved.disbursed == 12500


def test_the_project_form_filters_tactics_links_a_division_and_reports_every_mistake(
    live_server, sign_in, page, cast, plan_a
):
    from plans import services
    from plans.models import ProjectVersion

    services.tactic_create(strategy=plan_a.s2, number=1, name="ส่งเสริมการศึกษาปฐมวัย")
    services.edition_create(plan=plan_a, kind="addition", number=1, year=2567)
    sign_in(page, "alice")
    page.goto(f"{live_server.url}/o/{cast.a.code}/projects/new/")
    page.select_option("#id_strategy", str(plan_a.s1.pk))
    visible = page.locator("#id_tactic option:not([hidden])")
    expect(visible).to_have_count(2)  # — ไม่ระบุ — and 1.1 only
    page.select_option("#id_strategy", str(plan_a.s2.pk))
    expect(page.locator("#id_tactic option:not([hidden])")).to_have_count(2)
    expect(page.locator("#id_tactic")).to_contain_text("ส่งเสริมการศึกษาปฐมวัย")

    page.click("#project-form button[type=submit]")  # nothing filled in: every mistake at once
    expect(page.locator("#form-errors")).to_contain_text("แก้ไข")
    assert page.locator(".field-error").count() >= 2  # ชื่อโครงการ and แผนงาน, in one round

    page.select_option("#id_strategy", str(plan_a.s1.pk))
    page.select_option("#id_program", str(plan_a.works.pk))
    page.fill("#id_name", "ก่อสร้างรางระบายน้ำ หมู่ที่ 7")
    page.select_option("#id_division", str(cast.works.pk))
    page.fill("#id_budget_2568", "450,000")
    page.click("#project-form button[type=submit]")
    expect(page.locator("h1")).to_contain_text("ก่อสร้างรางระบายน้ำ")
    version = ProjectVersion.objects.get(name="ก่อสร้างรางระบายน้ำ หมู่ที่ 7")
    assert version.division == cast.works and version.responsible_unit == "กองช่าง"


def test_an_officer_finds_a_project_corrects_a_budget_line_and_deletes_one(
    live_server, sign_in, page, cast, year_a
):
    from plans.models import BudgetLine

    sign_in(page, "alice")
    page.goto(f"{live_server.url}/o/{cast.a.code}/budget/2568/")
    page.fill("input[data-filter-select=id_project]", "ถนน")  # the picker narrows as one types
    expect(page.locator("#id_project option:not([hidden])").filter(has_text="รหัส")).to_have_count(1)
    expect(page.locator("#id_project")).to_have_value(str(year_a.road.pk))

    line = year_a.l_line
    row = page.locator(f"#line-{line.pk}")
    row.locator("summary").click()
    row.locator("input[name=amount]").fill("260,000")
    row.locator("form").first.locator("button").click()
    expect(page.locator(".messages")).to_contain_text("แก้ไขรายการงบประมาณแล้ว")
    expect(page.locator(f"#line-{line.pk}")).to_contain_text("260,000.00")
    line.refresh_from_db()
    assert line.amount == 260000

    page.on("dialog", lambda dialog: dialog.accept())
    dredge = page.locator(f"#line-{year_a.d_line.pk}")  # in the action plan: refused
    dredge.locator("summary").click()
    dredge.locator("text=ลบรายการนี้").click()
    expect(page.locator(".messages")).to_contain_text("อยู่ในแผนการดำเนินงานแล้ว")
    assert BudgetLine.objects.filter(pk=year_a.d_line.pk).exists()
