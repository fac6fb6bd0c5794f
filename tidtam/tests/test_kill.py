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
from exchange.plan_import import import_plan
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
report = import_plan(org=org, data=data, filename="big.xlsx", commit=True)
print("finished", report.ok, len(report.problems), flush=True)
"""


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as c:
        return c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_killing_the_process_mid_import_leaves_nothing_half_written(tmp_path):
    db = tmp_path / "kill.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {
        "DATABASE_URL": f"sqlite:///{db}"
    }
    run = lambda *a: subprocess.run([sys.executable, *a], cwd=ROOT, env=env, check=True,  # noqa: E731
                                    capture_output=True, text=True, timeout=300)  # fmt: skip
    run("manage.py", "migrate", "-v0")
    run("-c", "import os; os.environ['DJANGO_SETTINGS_MODULE']='tidtam.settings'; import django; django.setup();"
              "from orgs.models import Organization, Province;"
              "p=Province.objects.create(code='K1', name='ทดสอบ');"
              "Organization.objects.create(code='K0001', name='อบต.ทดสอบ', org_type='sao', province=p)")  # fmt: skip
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_import import workbook

    big = tmp_path / "big.xlsx"
    big.write_bytes(workbook(3000))
    script = tmp_path / "run.py"
    script.write_text(SCRIPT)
    before = count(db, "plans_projectversion")
    proc = subprocess.Popen([sys.executable, str(script), "hang", str(big)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
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
    finished = subprocess.run([sys.executable, str(script), "import", str(big)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)  # fmt: skip
    assert "finished True" in finished.stdout, finished.stdout + finished.stderr[-2000:]
    assert count(db, "plans_projectversion") == 3000
