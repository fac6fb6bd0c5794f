"""The public side of the evidence: ITA items with stable links and dates, the public map and
photos, the year's projects as open data (CSV, JSON, GeoJSON)."""

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse

from monitoring.models import Stage
from monitoring.services import photos as photo_services
from monitoring.tests.photo_files import phone_jpeg, upload
from plans import services as plan_services

pytestmark = pytest.mark.django_db


def photo(cast, project, *, public=True, gps=(15.2, 102.3)):
    return photo_services.photo_add(
        org=cast.a,
        fiscal_year=2568,
        project=project,
        stage=Stage.AFTER,
        upload=upload(phone_jpeg(gps=gps)),
        is_public=public,
    ).photo


def test_the_public_page_lists_the_years_ita_items_with_dates_and_working_links(
    client, cast, worker, year_a
):
    from monitoring import services as monitoring_services
    from plans.models import ActionPlan

    ActionPlan.objects.filter(org=cast.a, fiscal_year=2568).update(
        approved_on=dt.date(2024, 10, 10), announced_on=dt.date(2024, 10, 15)
    )
    body = client.get(reverse("public_org", args=[cast.a.code]) + "?ita=2568").content.decode()
    assert 'id="ita-items"' in body
    for code, name in [
        ("O4", "แผนพัฒนาท้องถิ่น"),
        ("O10", "แผนดำเนินงานประจำปี"),
        ("O11", "รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน"),
        ("O20", "รายงานผลการใช้จ่ายงบประมาณประจำปี"),
    ]:
        assert f'data-code="{code}"' in body and name in body
    assert "20 ธ.ค. 2564" in body or "20 ธันวาคม 2564" in body  # the plan's approval
    assert "15 ต.ค. 2567" in body or "15 ตุลาคม 2567" in body  # the action plan's announcement
    o4 = reverse("public_ita", args=[cast.a.code, 2568, "O4"])
    assert f'href="{o4}">http://testserver{o4}</a>' in body  # the full address to copy
    assert client.get(o4).status_code == 503  # the plan's PDF is being made by the worker
    worker()
    response = client.get(o4)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get(reverse("public_ita", args=[cast.a.code, 2568, "O10"])).content.startswith(
        b"%PDF"
    )
    o11 = reverse("public_ita", args=[cast.a.code, 2568, "O11"])
    missing = client.get(o11)
    assert missing.status_code == 404 and f'href="{o11}"' not in body
    monitoring_services.period_close(org=cast.a, fiscal_year=2568, kind="half", number=1)
    assert client.get(o11).content.startswith(b"%PDF")
    assert client.get(reverse("public_ita", args=[cast.a.code, 2568, "O99"])).status_code == 404


def test_ita_items_are_data_the_operator_edits_per_year(client, cast, year_a):
    from django.contrib.auth import get_user_model

    from reports.models import ItaItem

    root = get_user_model().objects.create_superuser("root", password="pw")
    client.force_login(root)
    url = reverse("ita_settings_year", args=[2571])
    assert "ยังไม่มีรายการของปีนี้" in client.get(url).content.decode()
    client.post(url, {"copy_from": "2570"})
    assert ItaItem.objects.filter(fiscal_year=2571).count() == 8
    item = ItaItem.objects.get(fiscal_year=2571, code="O10")
    client.post(
        url,
        {
            "item": item.pk,
            "code": "o9",
            "name": "แผนการดำเนินงานประจำปี",
            "source": "action_plan",
            "order": "2",
        },
    )
    item.refresh_from_db()
    assert (item.code, item.name) == ("O9", "แผนการดำเนินงานประจำปี")
    assert ItaItem.objects.get(fiscal_year=2570, code="O10")  # the other year is untouched
    client.post(url, {"code": "O4", "name": "ซ้ำ", "source": "plan"})
    assert ItaItem.objects.filter(fiscal_year=2571, code="O4").count() == 1
    client.force_login(cast.alice)
    assert client.get(url).status_code == 403


def test_public_photos_only_when_public_and_of_that_org(client, cast, year_a):
    shown, hidden = photo(cast, year_a.dredge), photo(cast, year_a.dredge, public=False)
    ok = client.get(reverse("public_photo", args=[cast.a.code, shown.pk, "thumb"]))
    assert ok.status_code == 200 and ok["Content-Type"] == "image/jpeg"
    assert (
        client.get(reverse("public_photo", args=[cast.a.code, hidden.pk, "full"])).status_code
        == 404
    )
    assert (
        client.get(reverse("public_photo", args=[cast.b.code, shown.pk, "full"])).status_code == 404
    )


def test_open_data_projects_carry_place_status_and_photo_links(client, cast, year_a):
    plan_services.place_set(
        project=year_a.dredge,
        latitude="15.2",
        longitude="102.3",
        subdistrict_code="300101",
        village_no=5,
    )
    p = photo(cast, year_a.dredge)
    base = reverse("open_projects", args=[cast.a.code, "json"]) + "?fy=2568"
    data = json.loads(client.get(base).content)
    dredge = next(r for r in data["projects"] if r["project_id"] == year_a.dredge.pk)
    assert dredge["latitude"] == "15.200000" and "หมู่ที่ 5 ต.ในเมือง" in dredge["place"]
    assert dredge["status"] == "not_started" and dredge["photos"] == 1
    assert dredge["photo"].endswith(reverse("public_photo", args=[cast.a.code, p.pk, "full"]))
    lunch = next(r for r in data["projects"] if r["project_id"] == year_a.lunch.pk)
    assert lunch["latitude"] == "" and lunch["photo"] == ""
    text = client.get(base.replace(".json", ".csv")).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2 and {r["latitude"] for r in rows} == {"15.200000", ""}
    geo = json.loads(
        client.get(reverse("open_projects", args=[cast.a.code, "geojson"]) + "?fy=2568").content
    )
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 1
    assert geo["features"][0]["properties"]["url"] == ""  # no officer links in public data
    page = client.get(reverse("public_map", args=[cast.a.code]) + "?fy=2568").content.decode()
    assert "projects.geojson?fy=2568" in page and "onclick" not in page


def test_a_hostile_project_name_stays_text_in_the_csv(client, cast, year_a):
    from plans.models import ProjectVersion

    ProjectVersion.objects.filter(project=year_a.dredge).update(name='=HYPERLINK("http://x")')
    url = reverse("open_projects", args=[cast.a.code, "csv"]) + "?fy=2568"
    text = client.get(url).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text


@pytest.mark.parametrize("typed", ["31/10/2026", "2026-10-31", "๒๐๒๖-๑๐-๓๑"])
def test_the_ita_due_date_refuses_a_christian_era_year_however_written(client, typed):
    """31/10/2026 and the ISO 2026-10-31 are both refused with the same Thai message; nothing is
    saved. The Buddhist-era date (either order) is kept."""
    import datetime as dt

    from django.contrib.auth import get_user_model

    from reports.models import ItaItem

    root = get_user_model().objects.create_superuser("root", password="pw")
    client.force_login(root)
    url = reverse("ita_settings_year", args=[2571])
    post = {"code": "O12", "name": "รายงานผลการดำเนินงานประจำปี", "source": "annual"}
    body = client.post(url, {**post, "due_on": typed}, follow=True).content.decode()
    assert "ปี 2026 เป็นปี ค.ศ. ให้กรอกปี พ.ศ. (2569)" in body
    assert not ItaItem.objects.filter(fiscal_year=2571, code="O12").exists()
    for be in ("31/10/2569", "2569-10-31"):
        client.post(url, {**post, "due_on": be})
        item = ItaItem.objects.get(fiscal_year=2571, code="O12")
        assert item.due_on == dt.date(2026, 10, 31)
        item.delete()
