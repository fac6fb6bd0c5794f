"""The place picker of a project with no point and no photo opens on the org's own area (its
pinned projects, else its province's outline), never on the whole country."""

import json

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from monitoring.geo import org_area
from plans.models import ProjectPlace


def _pin(project, lat, lng):
    ProjectPlace.objects.update_or_create(
        project=project, defaults={"latitude": str(lat), "longitude": str(lng)}
    )


@pytest.mark.django_db
def test_the_area_is_the_orgs_pins_else_its_provinces_outline(cast, year_a, settings, tmp_path):
    from django.core.cache import cache

    cache.clear()
    assert org_area(cast.a) == {}  # no outline, no pin in the province: no area to give
    settings.BASE_DIR = tmp_path  # a province outline shipped with the app
    shipped = tmp_path / "tidtam" / "static" / "geo" / "province-30.geojson"
    shipped.parent.mkdir(parents=True)
    square = [[101.5, 14.5], [103.0, 14.5], [103.0, 16.0], [101.5, 16.0], [101.5, 14.5]]
    shipped.write_text(
        json.dumps({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [square]}})
    )
    cache.clear()
    area = org_area(cast.a)
    assert area["bounds"] == [[14.5, 101.5], [16.0, 103.0]]
    assert area["outline"]["geometry"]["coordinates"] == [square]
    _pin(year_a.lunch, 15.2, 102.3)
    _pin(year_a.dredge, 15.25, 102.35)
    assert org_area(cast.a)["bounds"] == [[15.2, 102.3], [15.25, 102.35]]


@pytest.mark.django_db
def test_the_project_page_gives_the_area_only_when_nothing_is_placed(client, cast, year_a):
    _pin(year_a.lunch, 15.2, 102.3)
    client.force_login(cast.alice)
    url = reverse("monitoring:project", args=[cast.a.code, 2568, year_a.dredge.pk])
    body = client.get(url).content.decode()
    area = json.loads(body.split('id="place-area" type="application/json">')[1].split("<")[0])
    assert area["bounds"] == [[15.2, 102.3], [15.2, 102.3]]
    _pin(year_a.dredge, 15.1, 102.2)
    body = client.get(url).content.decode()
    assert json.loads(body.split('id="place-area" type="application/json">')[1].split("<")[0]) == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_tap_in_the_middle_of_the_picker_lands_in_the_orgs_area(
    live_server, sign_in, page, cast, year_a, settings
):
    settings.MAP_TILE_URL = ""
    _pin(year_a.lunch, 15.2, 102.3)
    sign_in(page, "alice")
    page.goto(f"{live_server.url}/o/{cast.a.code}/monitoring/2568/projects/{year_a.dredge.pk}/")
    expect(page.locator("#place-map")).to_have_attribute("data-state", "ready")
    page.locator("#place-map").scroll_into_view_if_needed()
    box = page.locator("#place-map").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    lat = float(page.input_value("#place-form [name=latitude]"))
    lng = float(page.input_value("#place-form [name=longitude]"))
    assert abs(lat - 15.2) < 0.1 and abs(lng - 102.3) < 0.1, (lat, lng)
