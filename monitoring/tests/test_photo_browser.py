"""On a phone: the officer photographs a finished work with the phone's position (Chromium's
geolocation), sees it on the project page, pins the project from the photo and finds it on the
map."""

import pytest
from playwright.sync_api import expect

from monitoring.tests.photo_files import phone_jpeg

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
HERE = {"latitude": 15.212345, "longitude": 102.312345, "accuracy": 9}


def test_a_phone_photo_with_its_position_shows_on_the_project_and_on_the_map(
    live_server, sign_in, browser, cast, year_a, tmp_path, settings
):
    settings.MAP_TILE_URL = ""  # no tile server here: the points over the province outline
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
        locale="th-TH",
        geolocation=HERE,
        permissions=["geolocation"],
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, "alice")

    image = tmp_path / "site.jpg"
    image.write_bytes(phone_jpeg(gps=None, when=None))  # the camera wrote no position
    project = f"{live_server.url}/o/{cast.a.code}/monitoring/2568/projects/{year_a.dredge.pk}/"
    page.goto(project)
    page.select_option("#photo-stage", "after")
    page.set_input_files("#photo-camera", str(image))
    expect(page.locator("#photo-status")).to_contain_text("บันทึกภาพหลังดำเนินการแล้ว", timeout=20000)
    page.wait_for_load_state("load")
    after = page.locator("section[data-stage=after]")
    expect(after.locator("li[data-photo] img")).to_have_count(1, timeout=10000)
    expect(after).to_contain_text("15.21235, 102.31235")  # the phone's position, not "ไม่มีตำแหน่ง"
    thumb = after.locator("img")
    thumb.scroll_into_view_if_needed()  # loading="lazy"
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=thumb.element_handle()
    )

    page.get_by_role("button", name="ใช้ตำแหน่งจากภาพถ่าย").click()
    expect(page.locator("#place")).to_contain_text("15.212345, 102.312345")
    page.screenshot(path=str(tmp_path / "project.png"), full_page=True)

    page.goto(f"{live_server.url}/o/{cast.a.code}/monitoring/map/2568/")
    expect(page.locator("#map")).to_have_attribute("data-state", "ready", timeout=15000)
    expect(page.locator("#map")).to_have_attribute("data-markers", "1")
    expect(page.locator("#map-summary")).to_contain_text("แสดง 1 โครงการบนแผนที่ จาก 2 โครงการ")
    page.locator("#map").scroll_into_view_if_needed()
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the only marker
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("ขุดลอกลำห้วยโคกสูง หมู่ที่ 5")
    expect(popup).to_contain_text("ภาพถ่าย 1 ภาพ (หลังดำเนินการ 1)")
    expect(popup.locator("img.map-thumb")).to_have_count(1)
    page.screenshot(path=str(tmp_path / "map.png"))
    assert errors == []
    context.close()
