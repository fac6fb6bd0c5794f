"""kill -9 in the middle of a plan import, after rows were written inside its transaction:
afterwards the database holds nothing of it, passes its integrity check, and the same file then
imports completely (SQLite file in WAL mode, the production default for small installs)."""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import os, sys, time
sys.path.insert(0, os.getcwd())
os.environ["DJANGO_SETTINGS_MODULE"] = "tidtam.settings"
import django; django.setup()
from django.db import connection
import datetime as dt
from exchange.plan_import import EditionApproval, import_plan
from orgs.models import Organization, Province
from plans import services
step = sys.argv[1]
org = Organization.objects.get(code="K0001")
data = open(sys.argv[2], "rb").read()
if step == "hang":  # stop for good right after the first projects are written, inside the transaction
    original = services.projects_bulk_add
    def written_then_hang(**kw):
        result = original(**kw)
        print("written", len(result), flush=True)
        time.sleep(600)
        return result
    services.projects_bulk_add = written_then_hang
approved = {"ฉบับเดิม": EditionApproval(approver="นายก", approved_on=dt.date(2023, 10, 1))}
report = import_plan(org=org, data=data, filename="big.xlsx", commit=True, approvals=approved)
print("finished", report.ok, len(report.problems), flush=True)
"""  # noqa: E501


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as c:
        return c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_killing_the_process_mid_import_leaves_nothing_half_written(tmp_path):
    db = tmp_path / "kill.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {
        "DATABASE_URL": f"sqlite:///{db}"
    }

    def run(*a):
        return subprocess.run(
            [sys.executable, *a],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )

    run("manage.py", "migrate", "-v0")
    run(
        "-c",
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='tidtam.settings'; import django;"
        " django.setup();"
        "from orgs.models import Organization, Province;"
        "p=Province.objects.create(code='K1', name='ทดสอบ');"
        "Organization.objects.create(code='K0001', name='อบต.ทดสอบ', org_type='sao', province=p)",
    )
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_import import workbook

    big = tmp_path / "big.xlsx"
    big.write_bytes(workbook(3000))
    script = tmp_path / "run.py"
    script.write_text(SCRIPT)
    before = count(db, "plans_projectversion")
    proc = subprocess.Popen(
        [sys.executable, str(script), "hang", str(big)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline().strip()
    assert line.startswith("written"), proc.stderr.read()[-3000:]
    assert int(line.split()[1]) > 0  # rows really were written inside the open transaction
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    versions, plans = count(db, "plans_projectversion"), count(db, "plans_plan")
    assert (versions, plans) == (before, 0), (
        "a killed import must leave no plan and no project behind"
    )

    # the same file imported to the end writes all of it
    finished = subprocess.run(
        [sys.executable, str(script), "import", str(big)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "finished True" in finished.stdout, finished.stdout + finished.stderr[-2000:]
    assert count(db, "plans_projectversion") == 3000


SETUP = r"""
import datetime as dt, os, sys
from decimal import Decimal
sys.path.insert(0, os.getcwd())
os.environ["DJANGO_SETTINGS_MODULE"] = "tidtam.settings"
import django; django.setup()
from django.contrib.auth import get_user_model
from orgs.models import Membership, Organization, Province
from orgs.tokens import token_create
from plans import services as ps
from plans.models import Program
province = Province.objects.create(code="K1", name="ทดสอบ")
org = Organization.objects.create(code="K0001", name="อบต.ทดสอบ", org_type="sao", province=province)
user = get_user_model().objects.create_user("officer", password="x")
Membership.objects.create(user=user, org=org, role="officer")
plan = ps.plan_create(org=org, start_year=2566, end_year=2570)
strategy = ps.strategy_create(plan=plan, number=1, name="ยุทธศาสตร์ทดสอบ")
edition = ps.edition_create(plan=plan, kind="original")
rows = [ps.ProjectData(strategy=strategy, program=Program.objects.first(), name=f"โครงการที่ {i}",
                       budgets={2568: Decimal(100000)}) for i in range(60)]
versions = ps.projects_bulk_add(edition=edition, rows=rows)
ps.edition_approve(edition=edition, approved_on=dt.date(2022, 1, 1), approver="นายก")
ordinance = ps.ordinance_create(org=org, fiscal_year=2568, kind="annual", promulgated_on=dt.date(2024, 9, 20))
for v in versions:
    ps.budget_line_add(ordinance=ordinance, project=v.project, amount=Decimal(100000))
print(token_create(user=user, name="kill")[1])
print(",".join(str(v.project_id) for v in versions))
"""  # noqa: E501

SERVER = r"""
import os, sys, time
sys.path.insert(0, os.getcwd())
os.environ["DJANGO_SETTINGS_MODULE"] = "tidtam.settings"
import django; django.setup()
from wsgiref.simple_server import WSGIRequestHandler, make_server
from monitoring import services
hang_after = int(sys.argv[2])
if hang_after:  # hang for good once that many rows of the request are written (uncommitted)
    original, done = services.progress_save, []
    def counting(**kw):
        result = original(**kw)
        done.append(1)
        if len(done) == hang_after:
            print("written", len(done), flush=True)
            time.sleep(600)
        return result
    services.progress_save = counting
from tidtam.wsgi import application
class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass
server = make_server("127.0.0.1", int(sys.argv[1]), application, handler_class=Quiet)
print("serving", flush=True)
server.serve_forever()
"""


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def put(port, key, ids, timeout=60):
    import json
    import urllib.request

    rows = [
        {
            "project_id": int(p),
            "version": 0,
            "status": "in_progress",
            "progress": 50,
            "disbursed": "1234.50",
        }
        for p in ids
    ]
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/orgs/K0001/progress/2568/4",
        method="PUT",
        data=json.dumps(rows).encode(),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=timeout) as response:  # noqa: S310 - loopback only
        return response.status, json.loads(response.read())


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_killing_the_server_mid_way_through_a_months_bulk_save_leaves_nothing_half_written(
    tmp_path,
):
    import threading

    db = tmp_path / "kill.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {
        "DATABASE_URL": f"sqlite:///{db}"
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    out = subprocess.run(
        [sys.executable, "-c", SETUP],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout.split()
    key, ids = out[-2], out[-1].split(",")
    script = tmp_path / "server.py"
    script.write_text(SERVER)
    audit_before = count(db, "orgs_auditentry")

    def serve(hang_after):
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, str(script), str(port), str(hang_after)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout.readline().strip() == "serving", proc.stderr.read()[-3000:]
        return proc, port

    server, port = serve(hang_after=25)
    failed = []
    client = threading.Thread(target=lambda: failed.append(_put_fails(port, key, ids)))
    client.start()
    assert (
        server.stdout.readline().strip() == "written 25"
    )  # 25 rows written inside the transaction
    os.kill(server.pid, signal.SIGKILL)
    server.wait(timeout=30)
    client.join(timeout=60)
    assert server.returncode == -signal.SIGKILL and failed == [True]
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert (count(db, "monitoring_monthlyprogress"), count(db, "monitoring_projectyear")) == (0, 0)
    assert count(db, "orgs_auditentry") == audit_before  # no log of a write that did not happen

    server, port = serve(hang_after=0)
    try:
        status, body = put(port, key, ids)
    finally:
        server.kill()
        server.wait(timeout=30)
    assert (status, body["saved"]) == (200, 60)
    assert count(db, "monitoring_monthlyprogress") == 60
    with sqlite3.connect(db) as c:
        logged = c.execute(
            "SELECT count(*) FROM orgs_auditentry WHERE model = 'monitoring.MonthlyProgress'"
        )
        assert logged.fetchone()[0] == 60


def _put_fails(port, key, ids) -> bool:
    try:
        put(port, key, ids)
    except OSError:  # the connection dies with the server
        return True
    return False
