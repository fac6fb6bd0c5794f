"""Schemathesis against the published OpenAPI spec: every operation, fed generated parameters and
bodies (huge numbers, odd strings, missing fields), must never answer with a server error, and what
it answers must match the spec. The org code is pinned to a real org so the handlers run for real.
Derandomized, so a failure found once is found again on the next run."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from orgs.tokens import token_create

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture(autouse=True)
def _keep_connection(db):
    """Like Django's test client, keep the test's connection open across WSGI requests (the handler
    closes it at request end, which would end the test's transaction)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _schema():
    from tidtam.wsgi import application

    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


schema = _schema()


@pytest.fixture
def bearer(cast):
    _, key = token_create(user=cast.alice, name="fuzz")
    return {"Authorization": f"Bearer {key}"}


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case, cast, year_a, bearer):
    if "code" in (case.path_parameters or {}):
        case.path_parameters["code"] = cast.a.code
    case.call_and_validate(headers=bearer, checks=CHECKS)
