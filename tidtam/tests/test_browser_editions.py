"""Edition approval in headless Chromium: a numbered edition without its number, an AD year and a
day that does not exist are each named in Thai with what was typed kept; the irreversible step asks
first; a good approval is saved."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_approves_an_edition_after_correcting_each_mistake(
    live_server, sign_in, page, cast, plan_a
):
    from plans.models import Edition, EditionStatus

    sign_in(page, "alice")
    page.goto(f"{live_server.url}/o/{cast.a.code}/editions/")

    new = page.locator("#edition-new")
    expect(new.locator("select[name=kind]")).to_have_value("addition")  # not ฉบับเดิม
    new.locator("input[name=note]").fill("เพิ่มโครงการรางระบายน้ำ")
    new.locator("button[type=submit]").click()  # เพิ่มเติม with no ครั้งที่ / ปี
    new = page.locator("#edition-new")
    expect(new).to_contain_text("ฉบับเพิ่มเติมต้องระบุครั้งที่")
    expect(new).to_contain_text("ฉบับเพิ่มเติมต้องระบุปี พ.ศ.")
    expect(new.locator("input[name=note]")).to_have_value("เพิ่มโครงการรางระบายน้ำ")
    assert not Edition.objects.filter(status=EditionStatus.DRAFT).exists()
    new.locator("input[name=number]").fill("1")
    new.locator("input[name=year]").fill("2568")
    new.locator("button[type=submit]").click()
    draft = Edition.objects.get(status=EditionStatus.DRAFT)
    assert draft.label.endswith("1/2568")

    form = page.locator(f"#approve-{draft.seq}")
    dialogs: list[str] = []
    say_yes = {"now": False}  # the officer dismisses the question at first

    def answer(dialog):
        dialogs.append(dialog.message)
        if say_yes["now"]:
            dialog.accept()
        else:
            dialog.dismiss()

    page.on("dialog", answer)
    form.locator("input[name=approver]").fill("นายสมชาย ใจดี")
    form.locator("input[name=meeting_on]").fill("1/11/2568")
    form.locator("input[name=approved_on]").fill("20/11/2026")  # an AD year
    form.locator("input[name=announced_on]").fill("25/11/2568")
    form.locator("button[type=submit]").click()
    assert dialogs and "แก้ไขหรือยกเลิกฉบับนี้ไม่ได้" in dialogs[0]  # asked before the step
    expect(form.locator("input[name=approved_on]")).to_have_value("20/11/2026")
    draft.refresh_from_db()
    assert draft.status == EditionStatus.DRAFT  # dismissed: nothing sent

    say_yes["now"] = True
    form.locator("button[type=submit]").click()
    form = page.locator(f"#approve-{draft.seq}")
    expect(form.locator(".invalid")).to_contain_text("วันที่อนุมัติ")
    expect(form).to_contain_text("ปี 2026 เป็นปี ค.ศ. ให้กรอกปี พ.ศ.")
    expect(form.locator("input[name=approver]")).to_have_value("นายสมชาย ใจดี")
    expect(form.locator("input[name=announced_on]")).to_have_value("25/11/2568")
    expect(form.locator("input[name=approved_on]")).to_have_value("20/11/2026")

    form.locator("input[name=approved_on]").fill("31/2/2569")  # no such day
    form.locator("button[type=submit]").click()
    form = page.locator(f"#approve-{draft.seq}")
    expect(form).to_contain_text("เดือนกุมภาพันธ์ 2569 มี 28 วัน")
    expect(form.locator("input[name=meeting_on]")).to_have_value("1/11/2568")
    expect(form.locator("input[name=approved_on]")).to_have_value("31/2/2569")
    draft.refresh_from_db()
    assert draft.status == EditionStatus.DRAFT

    form.locator("input[name=approved_on]").fill("20/11/2568")
    form.locator("button[type=submit]").click()
    expect(page.locator(f"#approve-{draft.seq}")).to_have_count(0)
    draft.refresh_from_db()
    assert draft.status == EditionStatus.APPROVED and draft.approver == "นายสมชาย ใจดี"
    assert str(draft.approved_on) == "2025-11-20" and str(draft.announced_on) == "2025-11-25"
    assert len(dialogs) == 4  # every submission of the approval asked first
