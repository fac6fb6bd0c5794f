"""A real worker process (manage.py db_worker) is killed with SIGKILL in the middle of a plan
import, while the import's transaction is open: nothing of the import is in the database, and
after recovery the next attempt imports everything, once."""

import datetime as dt
import importlib.util
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from conftest import WORKER_CMD, worker_process_env
from exchange.handlers import upload_dir
from jobs import services
from jobs.models import JobStatus
from plans.models import Plan, Project

ROOT = Path(__file__).resolve().parents[2]
ROWS = 400


def bench_workbook(n: int) -> bytes:
    spec = importlib.util.spec_from_file_location(
        "bench_import", ROOT / "bench" / "bench_import.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.workbook(n)


def writing() -> bool:
    """Is another connection inside a write transaction right now (the import's)?"""
    if connection.vendor == "sqlite":
        probe = sqlite3.connect(connection.settings_dict["NAME"], timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            probe.close()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
            "pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND query ILIKE 'INSERT%%'"
        )
        return cursor.fetchone()[0] > 0


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_import_leaves_nothing_and_the_retry_completes(
    cast, reference_lists, settings
):
    settings.JOB_RETRY_BASE_SECONDS = 0
    token = uuid.uuid4().hex
    (upload_dir() / token).write_bytes(bench_workbook(ROWS))
    job = services.enqueue(
        kind="plan_import",
        title="นำเข้า",
        org=cast.b,
        user=cast.bob,
        params={
            "token": token,
            "name": "plan.xlsx",
            "approvals": {"ฉบับเดิม": {"approver": "นายก", "approved_on": "2022-12-20"}},
        },
    )
    cmd = [sys.executable, *WORKER_CMD]
    env = worker_process_env(settings.MEDIA_ROOT)
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 240
        busy = 0
        while busy < 3:  # the import's transaction seen open three probes in a row
            assert time.monotonic() < deadline, "the worker never started writing"
            assert proc.poll() is None, "the worker exited"
            job.refresh_from_db()
            assert job.status != JobStatus.DONE, "finished before it could be killed"
            busy = busy + 1 if job.status == JobStatus.RUNNING and writing() else 0
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING and job.attempts == 1
    assert not Plan.objects.filter(org=cast.b).exists() and not Project.objects.exists()

    assert services.recover() == 0  # its heartbeat is fresh: not given up yet
    time.sleep(1.1)
    assert services.recover(stale_after=dt.timedelta(seconds=1)) == 1
    batch = subprocess.run(
        [*cmd, "--batch"], cwd=ROOT, env=env, capture_output=True, timeout=300, check=True
    )
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, (job.error, batch.stderr[-2000:])
    assert job.attempts == 2 and "งานหยุดกลางคัน" not in job.message
    assert Project.objects.filter(plan__org=cast.b).count() == ROWS
    assert not (upload_dir() / token).exists()
