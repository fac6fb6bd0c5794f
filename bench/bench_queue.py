"""Throughput of the background queue (django.tasks + django-tasks-db) on this machine.

    .venv/bin/python bench/bench_queue.py [--jobs 400] [--workers 1,2,4] [--database-url URL]

Enqueues N real jobs (jobs.services.enqueue of a `freeze_report` of a report that is not
announced: claim, heartbeat thread, handler, result row — everything but the work itself), then
starts W `manage.py db_worker --batch` processes and times until the queue is empty. Prints jobs/s
for each W and the ratio to one worker measured in the same run. Default database: a temporary
SQLite file; pass a PostgreSQL URL to measure the production set-up."""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=400)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="tidtam-queue-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/queue.sqlite3"
    os.environ["MEDIA_ROOT"] = tmp
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tidtam.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from jobs import services
    from jobs.models import Job

    call_command("migrate", verbosity=0)
    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}, {os.cpu_count()} cores")
    baseline = None
    for w in [int(x) for x in args.workers.split(",")]:
        Job.objects.all().delete()
        DBTaskResult.objects.all().delete()
        t0 = time.perf_counter()
        for _ in range(args.jobs):
            services.enqueue(kind="freeze_report", title="bench", params={"report": -1})
        enqueue_s = time.perf_counter() - t0
        cmd = [
            sys.executable,
            "manage.py",
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0",
            "--verbosity",
            "0",
        ]
        t0 = time.perf_counter()
        procs = [subprocess.Popen([*cmd, "--worker-id", f"bench-{i}"], cwd=ROOT) for i in range(w)]
        for p in procs:
            p.wait()
        took = time.perf_counter() - t0
        done = Job.objects.filter(status="done").count()
        rate = done / took
        baseline = baseline or rate
        print(
            f"{w} worker(s): {done:,}/{args.jobs:,} jobs in {took:6.2f} s = {rate:7.1f} jobs/s "
            f"(ratio to 1 worker {rate / baseline:4.2f}x); enqueue"
            f" {args.jobs / enqueue_s:7.1f} jobs/s"
        )


if __name__ == "__main__":
    main()
