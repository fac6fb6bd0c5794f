"""An officer brings in the official book in headless Chromium: the preview shows the sheets as
understood and the planted differences; confirming without approval gives a draft plan."""

import pytest
from playwright.sync_api import expect

from exchange.tests import official_books as books
from plans.models import Edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_previews_an_official_book_and_imports_it_as_a_draft(
    live_server, sign_in, page, cast, tmp_path, worker_process
):
    data, expected = books.book_wrong_totals()
    path = tmp_path / "ผ02.xlsx"
    path.write_bytes(data)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, "bob")
    page.goto(f"{live_server.url}/o/{cast.b.code}/exchange/import/")
    expect(page.locator("input[name=approve]")).to_have_count(0)
    page.set_input_files("#file", str(path))
    page.click("text=ตรวจสอบไฟล์")
    expect(page.locator("#preview")).to_contain_text("อ่านเป็นแบบ ผ.02 ตามแบบทางการ")
    expect(page.locator("#preview-sheets tbody tr")).to_have_count(2)  # ผ.02 "ถนน" and ผ.01
    expect(page.locator("#preview-differences li")).to_have_count(len(expected.differences))
    for n, text in enumerate(expected.differences):
        expect(page.locator("#preview-differences li").nth(n)).to_have_text(text)
    page.screenshot(path=str(tmp_path / "preview.png"), full_page=True)
    page.click("#confirm-import")
    page.click("#job-result", timeout=60_000)  # imported by the background worker
    expect(page.locator("h1")).not_to_contain_text("ตรวจสอบก่อนนำเข้า")
    edition = Edition.objects.get(plan__org=cast.b)
    assert (edition.status, edition.approved_on) == ("draft", None)
    assert errors == []
