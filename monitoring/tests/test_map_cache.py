"""The maps' GeoJSON comes from the cache until a write changes what it shows: each kind of
writer, through its service, then the map again (monitoring.mapcache, orgs.versions)."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring import services
from monitoring.models import Stage
from monitoring.services import photos as photo_services
from monitoring.tests.photo_files import phone_jpeg, upload
from orgs import versions
from orgs.models import MapVersion
from orgs.versions import province_version
from plans import services as plans_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write as a request would: its transaction commits (the version moves on then)."""

    def run(write, *args, **kwargs):
        versions.discard_pending()  # the fixtures' writes wait for the test's commit (never)
        with django_capture_on_commit_callbacks(execute=True):
            return write(*args, **kwargs)

    return run


def officer_map(client, cast, query=""):
    client.force_login(cast.alice)
    response = client.get(reverse("monitoring:map_data", args=[cast.a.code, 2568]) + query)
    assert response.status_code == 200
    return json.loads(response.content)


def public_map(client, cast):
    url = reverse("open_projects", args=[cast.a.code, "geojson"]) + "?fy=2568"
    return json.loads(client.get(url).content)


def province_map(client, cast):
    client.force_login(cast.pat)
    response = client.get(reverse("province:map_data", args=[cast.pao.code, 2568]))
    assert response.status_code == 200
    return json.loads(response.content)


def points(data):
    return {f["id"]: f for f in data["features"] if f["geometry"]["type"] == "Point"}


def status_of(data, project_id):
    return data["statuses"][points(data)[project_id]["properties"]["s"]][0]


def by_id(data, project_id):
    return next(f["properties"] for f in data["features"] if f["id"] == project_id)


def test_a_second_request_is_served_from_the_cache(
    client, cast, year_a, committed, django_assert_max_num_queries
):
    committed(plans_services.place_set, project=year_a.dredge, latitude="15.2", longitude="102.3")
    client.force_login(cast.alice)
    url = reverse("monitoring:map_data", args=[cast.a.code, 2568])
    first = client.get(url)
    # the session, the user, the org, the roles and the map's version: no map query again
    with django_assert_max_num_queries(5):
        again = client.get(url)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304


def test_a_pin_set_and_cleared_shows_at_once(client, cast, year_a, committed):
    assert year_a.dredge.pk not in points(officer_map(client, cast))
    before = province_map(client, cast)["outline"]
    committed(plans_services.place_set, project=year_a.dredge, latitude="15.2", longitude="102.3")
    assert points(officer_map(client, cast))[year_a.dredge.pk]["geometry"]["coordinates"] == [
        102.3,
        15.2,
    ]
    after = province_map(client, cast)
    assert year_a.dredge.pk in points(after) and after["outline"] != before  # the outline too
    committed(plans_services.place_set, project=year_a.dredge)  # the pin cleared
    assert year_a.dredge.pk not in points(officer_map(client, cast))
    assert year_a.dredge.pk not in points(province_map(client, cast))


def test_a_months_save_shows_its_status_progress_and_disbursement(client, cast, year_a, committed):
    committed(plans_services.place_set, project=year_a.dredge, latitude="15.2", longitude="102.3")
    assert status_of(officer_map(client, cast), year_a.dredge.pk) == "not_started"
    assert by_id(public_map(client, cast), year_a.dredge.pk)["progress"] == 0
    committed(
        services.progress_save,
        org=cast.a,
        fiscal_year=2568,
        project=year_a.dredge,
        month=4,
        data=services.ProgressInput(status="in_progress", progress=40, disbursed=Decimal(1200)),
        expected_version=0,
        updated_by=cast.alice,
    )
    assert status_of(officer_map(client, cast), year_a.dredge.pk) == "in_progress"
    assert status_of(province_map(client, cast), year_a.dredge.pk) == "in_progress"
    public = by_id(public_map(client, cast), year_a.dredge.pk)
    assert (public["progress"], public["disbursed"]) == (40, "1200.00")


def test_a_months_bulk_save_through_the_api_shows_at_once(client, cast, year_a, committed):
    from orgs.tokens import token_create

    committed(plans_services.place_set, project=year_a.dredge, latitude="15.2", longitude="102.3")
    assert status_of(officer_map(client, cast), year_a.dredge.pk) == "not_started"
    _, key = token_create(user=cast.alice, name="test")
    rows = [{"project_id": year_a.dredge.pk, "status": "done", "progress": 100, "version": 0}]
    response = committed(
        client.put,
        f"/api/v1/orgs/{cast.a.code}/progress/2568/4",
        json.dumps(rows),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 200, response.content
    assert status_of(officer_map(client, cast), year_a.dredge.pk) == "done"


def test_a_photo_added_and_removed_shows_at_once(client, cast, year_a, committed):
    committed(plans_services.place_set, project=year_a.dredge, latitude="15.2", longitude="102.3")
    assert by_id(public_map(client, cast), year_a.dredge.pk)["photos"] == 0
    added = committed(
        photo_services.photo_add,
        org=cast.a,
        fiscal_year=2568,
        project=year_a.dredge,
        stage=Stage.AFTER,
        upload=upload(phone_jpeg()),
        uploaded_by=cast.alice,
    )
    public = by_id(public_map(client, cast), year_a.dredge.pk)
    assert (public["photos"], public["after_photos"]) == (1, 1) and public["photo"]
    committed(photo_services.photo_delete, photo=added.photo)
    assert by_id(public_map(client, cast), year_a.dredge.pk)["photos"] == 0


def test_budget_lines_and_transfers_show_at_once(client, cast, year_a, plan_a, committed):
    committed(plans_services.place_set, project=plan_a.road, latitude="15.1", longitude="102.2")
    committed(plans_services.place_set, project=year_a.dredge, latitude="15.2", longitude="102.3")
    assert by_id(public_map(client, cast), year_a.dredge.pk)["budget"] == "300000.00"
    assert plan_a.road.pk not in points(officer_map(client, cast))  # the road is not budgeted
    ordinance = committed(
        plans_services.ordinance_create,
        org=cast.a,
        fiscal_year=2568,
        kind="supplementary",
        number=1,
        promulgated_on=dt.date(2025, 1, 5),
    )
    line = committed(
        plans_services.budget_line_add, ordinance=ordinance, project=plan_a.road, amount=Decimal(9)
    )
    assert plan_a.road.pk in points(officer_map(client, cast))
    assert by_id(public_map(client, cast), plan_a.road.pk)["budget"] == "9.00"
    committed(plans_services.budget_line_update, line=line, amount=Decimal(12))
    assert by_id(public_map(client, cast), plan_a.road.pk)["budget"] == "12.00"
    committed(plans_services.budget_line_delete, line=line)
    assert plan_a.road.pk not in points(officer_map(client, cast))
    committed(
        services.transfer_record,
        line=year_a.d_line,
        kind="decrease",
        amount=Decimal(100000),
        approver="executive",
        approved_on=dt.date(2025, 1, 10),
    )
    assert by_id(public_map(client, cast), year_a.dredge.pk)["budget"] == "200000.00"


def test_an_approved_edition_shows_at_once_and_a_discarded_one_moves_the_version(
    client, cast, year_a, plan_a, committed
):
    from plans.models import ProjectVersion
    from plans.services import ProjectData

    committed(plans_services.place_set, project=year_a.dredge, latitude="15.2", longitude="102.3")
    v = ProjectVersion.objects.get(project=year_a.dredge, valid_until_seq__isnull=True)
    s2 = plan_a.strategies.get(number=2)
    assert year_a.dredge.pk not in points(officer_map(client, cast, "?strategy=2"))
    change = plans_services.edition_create(plan=plan_a, kind="change", number=1, year=2568)
    data = ProjectData(strategy=s2, program=v.program, name="ขุดลอกห้วยโคกสูง (ย้ายยุทธศาสตร์)")
    plans_services.project_change(project=year_a.dredge, edition=change, data=data)
    # a draft is not the plan: the map does not change
    assert year_a.dredge.pk not in points(officer_map(client, cast, "?strategy=2"))
    committed(
        plans_services.edition_approve,
        edition=change,
        approved_on=dt.date(2025, 1, 15),
        approver="นายก",
    )
    assert year_a.dredge.pk in points(officer_map(client, cast, "?strategy=2"))
    assert by_id(public_map(client, cast), year_a.dredge.pk)["name"] == data.name
    draft = plans_services.edition_create(plan=plan_a, kind="change", number=2, year=2568)
    version = province_version(cast.a.province_id)
    committed(plans_services.edition_discard, edition=draft)
    assert province_version(cast.a.province_id) == version + 1


def test_an_org_added_and_a_duplicate_judged_show_on_the_province_map(
    client, cast, year_a, committed
):
    from orgs.models import Organization
    from province import duplicates
    from province.models import DuplicatePair, Verdict

    committed(plans_services.place_set, project=year_a.dredge, latitude="15.2", longitude="102.3")
    committed(plans_services.place_set, project=year_a.lunch, latitude="15.2", longitude="102.3")
    pair = DuplicatePair.objects.create(
        fiscal_year=2568,
        project_a=year_a.dredge,
        project_b=year_a.lunch,
        score=Decimal("0.9"),
        reason="ตำแหน่งเดียวกัน",
    )
    lines = lambda d: [f for f in d["features"] if f["geometry"]["type"] == "LineString"]  # noqa: E731
    data = province_map(client, cast)
    assert len(lines(data)) == 1 and "6300999" not in data["orgs"]
    committed(duplicates.judge, pair=pair, verdict=Verdict.NOT_DUPLICATE, user=cast.pat)
    assert not lines(province_map(client, cast))
    committed(
        Organization.objects.create,
        code="6300999",
        name="เทศบาลตำบลใหม่",
        org_type="town",
        province=cast.a.province,
    )
    page = client.get(reverse("province:map", args=[cast.pao.code, 2568])).content.decode()
    assert "เทศบาลตำบลใหม่" in page
    version = province_version(cast.a.province_id)
    committed(duplicates.refresh, cast.a.province_id, 2568)
    assert province_version(cast.a.province_id) == version + 1


def test_one_bump_per_province_and_transaction_none_for_a_rollback(cast, year_a, committed):
    from django.db import transaction

    start = province_version(cast.a.province_id)

    def two_writes():
        with transaction.atomic():
            plans_services.place_set(project=year_a.dredge, latitude="15.2", longitude="102.3")
            plans_services.place_set(project=year_a.lunch, latitude="15.3", longitude="102.3")

    committed(two_writes)
    assert province_version(cast.a.province_id) == start + 1
    assert province_version(cast.far.province_id) == 0  # another province's maps stay

    def refused():
        with transaction.atomic():
            plans_services.place_set(project=year_a.dredge, latitude="15.9", longitude="102.3")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        committed(refused)
    assert province_version(cast.a.province_id) == start + 1
    committed(plans_services.place_set, project=year_a.dredge)
    assert MapVersion.objects.get(province_id=cast.a.province_id).n == start + 2
