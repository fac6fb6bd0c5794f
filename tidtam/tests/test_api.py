"""The JSON API: token auth, the same scoping as the web, version checks, OpenAPI."""

from decimal import Decimal

import pytest

from orgs.tokens import token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, cast):
    def as_(user):
        _, key = token_create(user=user, name="test")
        return {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    return as_


def test_no_token_no_data(client, cast):
    assert client.get("/api/v1/orgs").status_code == 401
    assert client.get("/api/v1/orgs", HTTP_AUTHORIZATION="Bearer tdt_forged").status_code == 401


def test_a_token_sees_what_its_user_sees(client, cast, plan_a, api):
    mine = client.get("/api/v1/orgs", **api(cast.alice)).json()
    assert [o["code"] for o in mine["items"]] == [cast.a.code]
    analyst = client.get("/api/v1/orgs", **api(cast.pat)).json()
    assert {o["code"] for o in analyst["items"]} >= {cast.a.code, cast.b.code}
    assert cast.far.code not in {o["code"] for o in analyst["items"]}
    plan = client.get(f"/api/v1/orgs/{cast.a.code}/plan", **api(cast.alice)).json()
    assert (
        plan["rows"][-1]["label"] == "รวม" and Decimal(plan["rows"][-1]["total_amount"]) == 2050000
    )
    projects = client.get(
        f"/api/v1/orgs/{cast.a.code}/projects?year=2568", **api(cast.alice)
    ).json()
    assert projects["count"] == 2


def test_another_orgs_data_is_404_through_the_api(client, cast, plan_a, api):
    for path in (f"/api/v1/orgs/{cast.a.code}/plan", f"/api/v1/orgs/{cast.a.code}/projects",
                 f"/api/v1/orgs/{cast.a.code}/progress/2568/3", f"/api/v1/orgs/{cast.a.code}/alerts/2568"):  # fmt: skip
        assert client.get(path, **api(cast.olga)).status_code == 404, path


def test_progress_is_written_with_a_version_check(client, cast, year_a, api):
    headers = api(cast.alice)
    url = f"/api/v1/orgs/{cast.a.code}/progress/2568/4/{year_a.dredge.pk}"
    body = {"version": 0, "status": "in_progress", "progress": 30, "disbursed": "1000.00"}
    first = client.put(url, body, content_type="application/json", **headers)
    assert first.status_code == 200 and first.json()["version"] == 1
    stale = client.put(
        url, {**body, "disbursed": "9.00"}, content_type="application/json", **headers
    )
    assert stale.status_code == 409 and stale.json()["current_version"] == 1
    bad = client.put(
        url,
        {**body, "version": 1, "status": "finished"},
        content_type="application/json",
        **headers,
    )
    assert bad.status_code == 422
    rows = client.get(f"/api/v1/orgs/{cast.a.code}/progress/2568/4", **headers).json()["items"]
    assert (
        next(r for r in rows if r["project_id"] == year_a.dredge.pk)["disbursed_month"] == "1000.00"
    )
    committee = client.put(
        url, {**body, "version": 1}, content_type="application/json", **api(cast.carl)
    )
    assert committee.status_code == 403


def test_the_openapi_schema_is_published(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Tidtam API"
    assert "/api/v1/orgs/{code}/progress/{fy}/{month}/{project_id}" in schema["paths"]
