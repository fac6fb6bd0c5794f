import json

import pytest
from django.urls import reverse

from plans import services as plans_services
from province.models import DuplicatePair, Verdict

pytestmark = pytest.mark.django_db


def test_the_province_map_shows_every_orgs_works_and_duplicates_as_lines(
    client, cast, year_a, django_capture_on_commit_callbacks
):
    import datetime as dt
    from decimal import Decimal

    from plans.services import ProjectData

    plan_b = plans_services.plan_create(org=cast.b, start_year=2566, end_year=2570)
    s = plans_services.strategy_create(plan=plan_b, number=1, name="โครงสร้างพื้นฐาน")
    edition = plans_services.edition_create(plan=plan_b, kind="original")
    (v,) = plans_services.projects_bulk_add(
        edition=edition,
        rows=[
            ProjectData(
                strategy=s,
                program=year_a.works,
                name="ขุดลอกห้วยโคกสูง ม.5",
                budgets={2568: Decimal(290000)},
            )
        ],
    )
    plans_services.edition_approve(
        edition=edition, approved_on=dt.date(2021, 12, 1), approver="นายก"
    )
    ordinance = plans_services.ordinance_create(
        org=cast.b, fiscal_year=2568, kind="annual", promulgated_on=dt.date(2024, 9, 20)
    )
    plans_services.budget_line_add(ordinance=ordinance, project=v.project, amount=Decimal(290000))
    plans_services.place_set(project=year_a.dredge, latitude="15.2", longitude="102.3")
    plans_services.place_set(project=v.project, latitude="15.2003", longitude="102.3002")
    DuplicatePair.objects.create(
        fiscal_year=2568,
        project_a=year_a.dredge,
        project_b=v.project,
        score=Decimal("0.9"),
        reason="ตำแหน่งเดียวกัน",
    )
    client.force_login(cast.pat)
    url = reverse("province:map_data", args=[cast.pao.code, 2568])
    response = client.get(url)
    data = json.loads(response.content)
    points = [f for f in data["features"] if f["geometry"]["type"] == "Point"]
    lines = [f for f in data["features"] if f["geometry"]["type"] == "LineString"]
    codes = data["org_codes"]
    assert {codes[f["properties"]["o"]] for f in points} == {cast.a.code, cast.b.code}
    # a marker carries its point, status and org only; the popup asks for the rest
    assert all(set(f["properties"]) == {"s", "o"} for f in points)
    dredge = next(f for f in points if f["id"] == year_a.dredge.pk)
    assert data["statuses"][dredge["properties"]["s"]][0] == "not_started"
    detail = data["detail_template"].format(cast.a.code, year_a.dredge.pk)
    props = json.loads(client.get(detail).content)
    assert props["name"] == "ขุดลอกลำห้วยโคกสูง หมู่ที่ 5" and props["org_name"] == cast.a.name
    assert props["status_label"] == "ยังไม่ได้ดำเนินการ" and props["budget"] == "300000.00"
    # the same data again: 304 Not Modified, nothing to download
    again = client.get(url, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304 and response["Cache-Control"] == "private, no-cache"
    assert len(lines) == 1 and lines[0]["geometry"]["coordinates"] == [
        [102.3, 15.2],
        [102.3002, 15.2003],
    ]
    only_b = json.loads(client.get(url + f"?org={cast.b.code}").content)
    assert {
        only_b["org_codes"][f["properties"]["o"]]
        for f in only_b["features"]
        if f["geometry"]["type"] == "Point"
    } == {cast.b.code}
    from orgs import versions
    from province import duplicates

    versions.discard_pending()
    with django_capture_on_commit_callbacks(execute=True):  # judged, committed: off the map
        duplicates.judge(pair=DuplicatePair.objects.get(), verdict=Verdict.NOT_DUPLICATE, user=None)
    data = json.loads(client.get(url).content)
    assert not [f for f in data["features"] if f["geometry"]["type"] == "LineString"]
    page = client.get(reverse("province:map", args=[cast.pao.code, 2568])).content.decode()
    assert "คู่โครงการที่อาจซ้ำซ้อน" in page and cast.b.name in page
    client.force_login(cast.alice)  # an org's officer is not the provincial unit
    assert client.get(url).status_code in (403, 404)


def test_the_province_map_data_takes_a_bounded_number_of_queries(
    client, cast, year_a, django_assert_max_num_queries
):
    """The same number of queries for 2 orgs as for 150 (bench/bench_map.py): grouped reads."""
    plans_services.place_set(project=year_a.dredge, latitude="15.2", longitude="102.3")
    client.force_login(cast.pat)
    url = reverse("province:map_data", args=[cast.pao.code, 2568])
    client.get(url)
    from django.core.cache import cache

    cache.clear()  # built again (the outline too): the queries of a first request
    with django_assert_max_num_queries(16):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(5):  # from the cache: the request's own and the version
        assert client.get(url).status_code == 200
