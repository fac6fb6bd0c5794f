"""The map's popup of a work: a completed work is shown by its หลังดำเนินการ photo (not the latest
photo of any stage), and the popup, photo loaded, is whole inside the map (its title not cut
off)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from monitoring.geo import map_projects
from monitoring.models import ProjectYear, Stage, Status
from monitoring.services import photo_add
from monitoring.tests.photo_files import phone_jpeg, upload

BKK = dt.timezone(dt.timedelta(hours=7))


def _photos(cast, project):
    """An หลังดำเนินการ photo, then a ก่อนดำเนินการ one added later (the latest of any stage)."""
    ids = {}
    for stage, day, colour in ((Stage.AFTER, 5, (30, 160, 60)), (Stage.BEFORE, 9, (200, 60, 30))):
        ids[stage] = photo_add(
            org=cast.a,
            fiscal_year=2568,
            project=project,
            stage=stage,
            upload=upload(phone_jpeg(gps=None, color=colour, size=(400, 300))),
            latitude="15.1",
            longitude="102.2",
            taken_at=dt.datetime(2025, 3, day, 10, tzinfo=BKK),
        ).photo.pk
    return ids


@pytest.mark.django_db
def test_a_completed_work_is_shown_by_its_after_photo(cast, year_a):
    ids = _photos(cast, year_a.dredge)
    (row,) = [r for r in map_projects([cast.a.pk], 2568) if r.project_id == year_a.dredge.pk]
    assert row.photo_id == ids[Stage.BEFORE]  # in progress: the latest photo
    ProjectYear.objects.filter(org=cast.a, project=year_a.dredge).update(status=Status.DONE)
    (row,) = [r for r in map_projects([cast.a.pk], 2568) if r.project_id == year_a.dredge.pk]
    assert row.photo_id == ids[Stage.AFTER] and row.after_photos == 1 and row.photos == 2


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_popup_shows_whole_with_the_after_photo(
    live_server, sign_in, browser, cast, year_a, settings
):
    from plans.models import ProjectPlace

    settings.MAP_TILE_URL = ""
    ids = _photos(cast, year_a.dredge)
    ProjectYear.objects.filter(org=cast.a, project=year_a.dredge).update(status=Status.DONE)
    ProjectPlace.objects.update_or_create(
        project=year_a.dredge, defaults={"latitude": "15.100000", "longitude": "102.200000"}
    )
    context = browser.new_context(viewport={"width": 390, "height": 700}, locale="th-TH")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, "alice")
    page.goto(f"{live_server.url}/o/{cast.a.code}/monitoring/map/2568/")
    expect(page.locator("#map")).to_have_attribute("data-state", "ready", timeout=15000)
    page.locator("#map").scroll_into_view_if_needed()
    box = page.locator("#map").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the marker
    popup = page.locator(".leaflet-popup-content")
    thumb = popup.locator("img.map-thumb")
    expect(thumb).to_have_count(1)
    assert f"/photos/{ids[Stage.AFTER]}/" in (thumb.get_attribute("src") or "")
    loaded = "img => img.complete && img.naturalWidth > 0"
    page.wait_for_function(loaded, arg=thumb.element_handle())
    page.wait_for_timeout(600)  # the pan after the photo has loaded
    box = page.locator("#map").bounding_box()
    title = popup.locator("a, strong").first.bounding_box()
    assert box is not None and title is not None
    assert title["y"] >= box["y"], (title, box)  # the title below the map's top edge
    assert errors == []
    context.close()
