"""The project page's photos and place, the access-checked photo files, the officer's map."""

import json

import pytest
from django.urls import reverse

from monitoring.models import Photo, Stage, Status
from monitoring.tests.photo_files import phone_jpeg, upload
from plans.models import ProjectPlace

pytestmark = pytest.mark.django_db


def project_url(cast, project):
    return reverse("monitoring:project", args=[cast.a.code, 2568, project.pk])


def post_photo(client, cast, project, **extra):
    url = reverse("monitoring:photo_add", args=[cast.a.code, 2568, project.pk])
    data = {"stage": Stage.BEFORE, "photo": upload(phone_jpeg()), "is_public": "on", **extra}
    return client.post(url, data, HTTP_ACCEPT="application/json")


def test_a_photo_is_uploaded_shown_and_served_only_to_readers(client, cast, year_a):
    client.force_login(cast.alice)
    response = post_photo(
        client,
        cast,
        year_a.dredge,
        latitude="15.1",
        longitude="102.2",
        accuracy="8",
        taken_at="2025-01-05T10:00:00+07:00",
        client_key="abc",
    )
    assert response.status_code == 201, response.content
    photo = Photo.objects.get()
    assert photo.position_source == "device" and photo.accuracy_m == 8
    again = post_photo(client, cast, year_a.dredge, client_key="abc")
    assert again.status_code == 200 and Photo.objects.count() == 1
    assert photo.is_public
    hidden = post_photo(client, cast, year_a.dredge, is_public="")  # the box unticked
    assert not Photo.objects.get(pk=hidden.json()["id"]).is_public
    Photo.objects.get(pk=hidden.json()["id"]).delete()
    body = client.get(project_url(cast, year_a.dredge)).content.decode()
    thumb = reverse(
        "monitoring:photo_file", args=[cast.a.code, 2568, year_a.dredge.pk, photo.pk, "thumb"]
    )
    assert thumb in body and "15.10000, 102.20000" in body
    served = client.get(thumb)
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert served["X-Content-Type-Options"] == "nosniff"
    client.force_login(cast.bob)  # another org of the province
    assert client.get(thumb).status_code == 404
    client.force_login(cast.carl)  # committee of A: reads, cannot add
    assert client.get(thumb).status_code == 200
    assert post_photo(client, cast, year_a.dredge).status_code == 403


def test_a_bad_upload_answers_a_thai_message(client, cast, year_a):
    client.force_login(cast.alice)
    url = reverse("monitoring:photo_add", args=[cast.a.code, 2568, year_a.dredge.pk])
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("x.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg")
    response = client.post(url, {"stage": "after", "photo": bad}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and "JPG" in response.json()["error"]
    response = client.post(url, {"stage": "after"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and "เลือกหรือถ่ายภาพ" in response.json()["error"]


def test_the_place_is_set_on_the_map_checked_and_taken_from_photos(client, cast, year_a):
    client.force_login(cast.alice)
    url = reverse("monitoring:place_save", args=[cast.a.code, 2568, year_a.dredge.pk])
    client.post(url, {"latitude": "48.8", "longitude": "2.3"})
    assert not ProjectPlace.objects.exists()
    client.post(
        url,
        {
            "latitude": "15.25",
            "longitude": "102.4",
            "subdistrict_code": "300101",
            "village_no": "5",
        },
    )
    place = ProjectPlace.objects.get()
    assert str(place.latitude) == "15.250000" and place.village_no == 5
    assert "ต.ในเมือง อ.เมืองนครราชสีมา" in place.subdistrict_label
    client.post(url, {"subdistrict_code": "310101"})  # Buriram: not the org's province
    place.refresh_from_db()
    assert place.subdistrict_code == "300101"
    post_photo(client, cast, year_a.dredge, latitude="15.3", longitude="102.5")
    client.post(url, {"from_photos": "1"})
    place.refresh_from_db()
    assert (str(place.latitude), str(place.longitude), place.source) == (
        "15.300000",
        "102.500000",
        "photo",
    )


def test_the_officers_map_data_is_geojson_of_the_orgs_works(client, cast, year_a):
    from plans import services

    client.force_login(cast.alice)
    services.place_set(project=year_a.dredge, latitude="15.2", longitude="102.3")
    post_photo(client, cast, year_a.dredge, latitude="15.2", longitude="102.3")
    url = reverse("monitoring:map_data", args=[cast.a.code, 2568])
    data = json.loads(client.get(url).content)
    assert data["type"] == "FeatureCollection" and data["total"] == 2 and data["unlocated"] == 1
    (f,) = data["features"]
    assert f["geometry"] == {"type": "Point", "coordinates": [102.3, 15.2]}
    assert f["id"] == year_a.dredge.pk and data["org_codes"][f["properties"]["o"]] == cast.a.code
    assert data["statuses"][f["properties"]["s"]][1] == "ยังไม่ได้ดำเนินการ"
    detail = client.get(data["detail_template"].format(cast.a.code, f["id"]))
    props = json.loads(detail.content)  # the popup, fetched on click
    assert props["name"] == "ขุดลอกลำห้วยโคกสูง หมู่ที่ 5"
    assert props["photos"] == 1 and props["url"] == project_url(cast, year_a.dredge)
    assert client.get(props["photo"])["Content-Type"] == "image/jpeg"
    assert data["orgs"] == {cast.a.code: cast.a.name}
    assert client.get(data["detail_template"].format(cast.a.code, 999999)).status_code == 404
    assert data["outline"]["geometry"]["type"] == "Polygon"
    assert json.loads(client.get(url + "?status=done").content)["total"] == 0
    assert json.loads(client.get(url + "?strategy=2").content)["total"] == 1  # lunch, no point
    page = client.get(reverse("monitoring:map", args=[cast.a.code, 2568])).content.decode()
    assert 'id="map"' in page and "leaflet.js" in page and "onclick" not in page
    client.force_login(cast.olga)
    assert client.get(url).status_code == 404


def test_a_completed_work_without_an_after_photo_is_flagged(client, cast, year_a):
    import datetime as dt

    from monitoring.models import Alert, ProjectYear
    from monitoring.rules import evaluate_org

    ProjectYear.objects.create(
        org=cast.a, fiscal_year=2568, project=year_a.dredge, status=Status.DONE
    )
    evaluate_org(cast.a, 2568, dt.date(2025, 5, 1))
    rule = "done_no_after_photo"
    assert Alert.objects.filter(rule__kind=rule, project=year_a.dredge).count() == 1
    client.force_login(cast.alice)
    post_photo(client, cast, year_a.dredge, stage=Stage.DURING)
    evaluate_org(cast.a, 2568, dt.date(2025, 5, 1))
    assert Alert.objects.filter(rule__kind=rule).count() == 1  # a "during" photo is not enough
    post_photo(client, cast, year_a.dredge, stage=Stage.AFTER)
    evaluate_org(cast.a, 2568, dt.date(2025, 5, 1))
    assert not Alert.objects.filter(rule__kind=rule).exists()


def test_the_monthly_entry_links_each_row_to_its_photos(client, cast, year_a):
    client.force_login(cast.alice)
    entry = reverse("monitoring:entry", args=[cast.a.code, 2568, 4])
    link = project_url(cast, year_a.dredge) + "#photos"
    assert f'href="{link}">ภาพถ่าย 0 ภาพ</a>' in client.get(entry).content.decode()
    post_photo(client, cast, year_a.dredge, latitude="15.2", longitude="102.3")
    post_photo(client, cast, year_a.dredge, stage=Stage.AFTER)
    assert f'href="{link}">ภาพถ่าย 2 ภาพ</a>' in client.get(entry).content.decode()


def test_the_province_outline_follows_a_new_pin_at_once(
    client, cast, year_a, django_capture_on_commit_callbacks
):
    from orgs import versions
    from plans import services

    client.force_login(cast.alice)
    url = reverse("monitoring:map_data", args=[cast.a.code, 2568])
    assert json.loads(client.get(url).content)["outline"] is None  # nothing pinned yet (cached)
    versions.discard_pending()
    with django_capture_on_commit_callbacks(execute=True):  # the pin's transaction commits
        services.place_set(project=year_a.dredge, latitude="15.2", longitude="102.3")
    assert json.loads(client.get(url).content)["outline"]["geometry"]["type"] == "Polygon"
