"""Structured logs: one JSON object per line with the request id, the user and the org."""

import json
import logging

import pytest
from django.urls import reverse

from core import logs


def test_a_line_is_one_json_object_with_the_context_and_the_extras():
    record = logging.LogRecord("tidtam.jobs", logging.WARNING, __file__, 1, "job refused", (), None)
    record.kind, record.problems = "plan_import", 3
    with logs.context(request_id="r-1", user="alice", org="6300101"):
        line = logs.JsonFormatter().format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["event"] == "job refused" and data["level"] == "WARNING"
    assert (data["request_id"], data["user"], data["org"]) == ("r-1", "alice", "6300101")
    assert data["kind"] == "plan_import" and data["problems"] == 3


def test_levels_come_from_the_environment():
    config = logs.config("warning", {"LOG_LEVEL_TIDTAM_JOBS": "debug"})
    assert config["root"]["level"] == "WARNING"
    assert config["loggers"] == {"tidtam.jobs": {"level": "DEBUG"}}


class Lines(logging.Handler):
    """Formats each record as it is emitted (inside the request), like the console handler."""

    def __init__(self):
        super().__init__()
        self.setFormatter(logs.JsonFormatter())
        self.lines = []

    def emit(self, record):
        self.lines.append(json.loads(self.format(record)))


@pytest.fixture
def lines():
    handler = Lines()
    logger = logging.getLogger("tidtam")
    old = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler.lines
    logger.removeHandler(handler)
    logger.setLevel(old)


@pytest.mark.django_db
def test_a_request_logs_with_its_id_user_and_org(client, cast, plan_a, lines):
    client.force_login(cast.alice)
    response = client.get(
        reverse("reports:p02", args=[cast.a.code, "pdf"]), headers={"X-Request-ID": "req-42"}
    )
    assert response["X-Request-ID"] == "req-42"
    (queued,) = [line for line in lines if line["event"] == "job queued"]
    assert (queued["request_id"], queued["user"], queued["org"]) == ("req-42", "alice", cast.a.code)
    assert queued["kind"] == "document"
    other = client.get(reverse("reports:p02", args=[cast.a.code, "pdf"]))
    assert other["X-Request-ID"] != "req-42" and len(other["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_a_refused_import_is_logged_with_who_and_where(cast, worker, lines, make_workbook):
    import uuid

    from exchange.handlers import upload_dir
    from jobs import services as jobs

    token = uuid.uuid4().hex
    (upload_dir() / token).write_bytes(b"not a workbook")
    jobs.enqueue(
        kind="plan_import",
        title="นำเข้า",
        org=cast.b,
        user=cast.bob,
        params={"token": token, "name": "plan.xlsx"},
    )
    worker()
    (refused,) = [line for line in lines if line["event"] == "job refused"]
    assert (
        refused["level"] == "WARNING" and refused["org"] == cast.b.code and refused["user"] == "bob"
    )
