"""The tenant matrix: every web URL and every API operation × every role, held by someone of another
org, → 404 (or 403), never org A's data. Both lists are generated — the web URLs from the URL conf,
the API operations from the published OpenAPI spec — so a new URL or endpoint is covered the day
it is added. Read-only roles of org A itself are refused every API write."""

import pytest
from django.urls import reverse

from orgs.models import Division, Membership, Role
from orgs.tests.test_tenant_isolation import object_ids, org_urls, url_for
from orgs.tokens import token_create

pytestmark = pytest.mark.django_db
ORG_PARAM = "code"


@pytest.fixture
def foreign(cast, django_user_model):
    """One user for every role, each in org B of the same province — except the analyst, whose role
    reads the whole province by design, who comes from the other province."""
    users = {}
    for role in Role.values:
        org = cast.far if role == Role.ANALYST else cast.b
        user = django_user_model.objects.create_user(f"foreign_{role}", password="pw")
        division = (
            Division.objects.create(org=org, name="กองช่าง") if role == Role.DIVISION_HEAD else None
        )
        Membership.objects.create(user=user, org=org, role=role, division=division)
        users[role] = user
    return users


def api_operations():
    """(method, path template, body schema) of every API operation that takes an org code."""
    from tidtam.api import api

    spec = api.get_openapi_schema()
    found = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            names = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            if ORG_PARAM in names:
                found.append((method, path, _body(spec, op)))
    return found


def _body(spec, op) -> dict | list | None:
    """A well-formed body for the operation, so the request reaches the handler's access check
    instead of stopping at validation."""
    content = op.get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return None
    schema = content["schema"]
    if schema.get("type") == "array":
        return [_object(spec, schema["items"])]
    return _object(spec, schema)


def _object(spec, schema) -> dict:
    ref = schema["$ref"].rsplit("/", 1)[-1]
    props = spec["components"]["schemas"][ref]["properties"]
    sample = {"integer": 1, "number": "1", "string": "in_progress", "boolean": False}
    body = {}
    for name, prop in props.items():
        kind = prop.get("type") or next(t["type"] for t in prop["anyOf"] if t["type"] != "null")
        body[name] = sample[kind]
    return body


def with_ids(body, ids: dict):
    """Put org A's real ids into a body's id fields, so a refusal can't come from a missing row."""
    if isinstance(body, list):
        return [with_ids(item, ids) for item in body]
    if isinstance(body, dict):
        return {k: ids.get(k, v) for k, v in body.items()}
    return body


def api_url(path: str, org_code: str, ids: dict) -> str:
    values = {"code": org_code, "fy": 2568, "month": 3, "year": 2568, "period": "q1", **ids}
    for name, value in values.items():
        path = path.replace("{" + name + "}", str(value))
    assert "{" not in path, f"{path}: give the matrix a value for this path parameter"
    return path


def call(client, method, url, body, token):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if body is None:
        return getattr(client, method)(url, **headers)
    return getattr(client, method)(url, body, content_type="application/json", **headers)


def test_the_matrix_covers_every_kind_of_api_operation():
    ops = api_operations()
    assert {m for m, _, _ in ops} == {"get", "put", "post"} and len(ops) >= 15


@pytest.mark.parametrize("role", Role.values)
def test_every_api_operation_answers_404_to_every_foreign_role(client, cast, plan_a, foreign, role):
    ids = object_ids(plan_a)
    _, token = token_create(user=foreign[role], name="matrix")
    listed = client.get("/api/v1/orgs", HTTP_AUTHORIZATION=f"Bearer {token}").json()["items"]
    assert cast.a.code not in {o["code"] for o in listed}
    for method, path, body in api_operations():
        url = api_url(path, cast.a.code, ids)
        response = call(client, method, url, with_ids(body, ids), token)
        assert response.status_code in (403, 404), (
            f"{role}: {method.upper()} {url} → {response.status_code}"
        )
        assert plan_a.projects_[0].versions.first().name not in response.content.decode()


@pytest.mark.parametrize("role", [Role.DIVISION_HEAD, Role.COMMITTEE, Role.EXECUTIVE, Role.ADMIN])
def test_every_web_url_answers_404_to_every_foreign_role(client, cast, plan_a, foreign, role):
    """Officers of org B and of the other province are in test_tenant_isolation; these are the
    rest."""
    ids = object_ids(plan_a)
    client.force_login(foreign[role])
    for name, keys in org_urls():
        url = url_for(name, keys, cast.a.code, ids)
        for method in (client.get, client.post):
            status = method(url).status_code
            assert status == 404, f"{role}: {method.__name__.upper()} {url} → {status}"


def test_the_foreign_analyst_sees_no_web_url_of_org_a(client, cast, plan_a, foreign):
    ids = object_ids(plan_a)
    client.force_login(foreign[Role.ANALYST])
    for name, keys in org_urls():
        url = url_for(name, keys, cast.a.code, ids)
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("plans:overview", args=[cast.far.code])).status_code != 404


@pytest.mark.parametrize("who", ["carl", "pat"])
def test_read_only_roles_of_org_a_are_refused_every_api_write(client, cast, plan_a, who):
    """The committee member and the province's analyst read org A; no write operation lets them
    in."""
    ids = object_ids(plan_a)
    _, token = token_create(user=getattr(cast, who), name="matrix")
    writes = [(m, p, b) for m, p, b in api_operations() if m != "get"]
    for method, path, body in writes:
        url = api_url(path, cast.a.code, ids)
        body = with_ids(body, ids)
        status = call(client, method, url, body, token).status_code
        assert status == 403, f"{who}: {method.upper()} {url} → {status}"
