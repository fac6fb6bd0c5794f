"""On a phone (390 px wide) no page scrolls sideways as a whole: wide tables scroll inside
themselves, selects and long links fit the screen."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# against the phone's width: a mobile viewport zooms out to whatever the page needs
OVERFLOW = "document.documentElement.scrollWidth - 390"


def test_the_citizen_and_the_officer_pages_fit_a_phone(
    live_server, browser, cast, year_a, reference_lists
):
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = phone.new_page()
    for path in (f"/p/{cast.a.code}/", f"/p/{cast.a.code}/map/"):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("h1")).to_be_visible()
        assert page.evaluate(OVERFLOW) <= 0, path
    expect(page.locator("select").first).to_be_visible()

    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    expect(page.locator("header.top .who")).to_be_visible()
    for path in (
        f"/o/{cast.a.code}/projects/",
        f"/o/{cast.a.code}/monitoring/map/2568/",
        f"/o/{cast.a.code}/monitoring/2568/6/",
    ):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("h1")).to_be_visible()
        assert page.evaluate(OVERFLOW) <= 0, path
    phone.close()
