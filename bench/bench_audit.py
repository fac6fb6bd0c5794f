"""What the audit trail costs a page that only reads: loading 20,000 monthly rows as model
instances with the audit connected to MonthlyProgress, and with it disconnected, in the same run.
Prints both times and their ratio (1.00 = the audit costs a read nothing).

    .venv/bin/python bench/bench_audit.py [--rows 20000] [--runs 5] [--database-url URL]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def seed(rows: int) -> None:
    from monitoring.models import MonthlyProgress, ProjectYear
    from orgs.models import Organization, Province
    from plans.models import Edition, Plan, Project

    province = Province.objects.create(code="30", name="นครราชสีมา")
    org = Organization.objects.create(
        code="6300101", name="เทศบาลเมืองบัวใหญ่", org_type="town", province=province
    )
    plan = Plan.objects.create(org=org, title="แผนพัฒนาท้องถิ่น", start_year=2566, end_year=2570)
    edition = Edition.objects.create(plan=plan, seq=1, kind="original")
    n_years = -(-rows // 12)
    # the seed is not what is measured: plain bulk inserts, no signals, no log
    projects = Project.objects.bulk_create(
        [Project(plan=plan, created_in=edition) for _ in range(n_years)]
    )
    years = ProjectYear.objects.bulk_create(
        [ProjectYear(org=org, fiscal_year=2568, project=p) for p in projects]
    )
    MonthlyProgress.objects.bulk_create(
        [
            MonthlyProgress(
                project_year=y,
                month=m,
                status="in_progress",
                progress=m * 8,
                disbursed=Decimal("1250.50"),
                note="ตามแผน",
            )
            for y in years
            for m in range(1, 13)
        ][:rows],
        batch_size=2000,
    )


def load_time(runs: int) -> float:
    from monitoring.models import MonthlyProgress

    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        loaded = list(MonthlyProgress.objects.all())
        times.append(time.perf_counter() - t0)
        assert loaded
    return statistics.median(times)


def disconnect(model) -> None:
    """The model as if it were not audited (what a table outside the log costs to read)."""
    import importlib

    try:
        audit = importlib.import_module("core.audit")
    except ImportError:  # the layout before the audit moved to core
        audit = importlib.import_module("orgs.audit")
    if hasattr(audit, "disconnect"):
        audit.disconnect(model)
    else:
        from django.db.models.signals import post_init

        post_init.disconnect(sender=model, dispatch_uid=f"audit:{model._meta.label}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="tidtam-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tidtam.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from monitoring.models import MonthlyProgress

    call_command("migrate", verbosity=0)
    seed(args.rows)
    n = MonthlyProgress.objects.count()
    load_time(1)  # warm the caches
    audited = load_time(args.runs)
    disconnect(MonthlyProgress)
    plain = load_time(args.runs)
    print(f"{n:,} MonthlyProgress rows loaded as instances (median of {args.runs}):")
    print(f"  audited:     {audited * 1000:7.1f} ms")
    print(f"  not audited: {plain * 1000:7.1f} ms  (the baseline, same run)")
    print(f"  audited / not audited: {audited / plain:.2f}×  (goal ≤ 1.15×)")
    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}")


if __name__ == "__main__":
    main()
