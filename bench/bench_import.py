"""Import speed: generate a 5,000-project plan workbook, import it into a throw-away database,
print wall time, peak Python memory, and the ratio to merely reading the file with python-calamine.

    .venv/bin/python bench/bench_import.py [--projects 5000] [--database-url URL]
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=5000)
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="tidtam-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tidtam.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    data = workbook(args.projects)
    print(f"workbook: {args.projects:,} projects, {len(data) / 1e6:.1f} MB")

    from python_calamine import CalamineWorkbook

    t0 = time.perf_counter()
    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    rows = sum(len(wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names)
    read_s = time.perf_counter() - t0
    print(f"calamine read only:     {read_s:8.3f} s  ({rows:,} rows)")

    from exchange.plan_import import import_plan
    from orgs.models import Organization, Province

    province, _ = Province.objects.get_or_create(code="99", name="ทดสอบ")
    for label, commit in (("check only (preview)", False), ("full import (commit)", True)):
        org = Organization.objects.create(
            code=f"B{commit:d}{time.time_ns() % 10**9}",
            name="อบต.ทดสอบ",
            org_type="sao",
            province=province,
        )
        tracemalloc.start()
        t0 = time.perf_counter()
        report = import_plan(org=org, data=data, filename="bench.xlsx", commit=commit)
        took = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert report.ok, [str(p) for p in report.problems[:5]]
        print(
            f"{label:<22}: {took:8.3f} s  peak {peak / 1e6:6.1f} MB  ratio to read {took / read_s:6.1f}x"
        )
    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}")


def workbook(n: int) -> bytes:
    from openpyxl import Workbook

    from exchange.plan_export import template_headers
    from tidtam.demo import catalog as c

    rng = random.Random(5000)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("โครงการ")
    years = [2566, 2567, 2568, 2569, 2570]
    ws.append(template_headers(years))
    themes = [t for _, t in c.STRATEGY_POOL]
    programs = {
        p[0]: p[1]
        for p in __import__("plans.migrations.0002_reference_lists", fromlist=["x"]).PROGRAMS
    }
    for i in range(n):
        s = i % len(themes)
        name, program, target, kpi, result, lo, hi, unit = rng.choice(c.PROJECTS[themes[s]])
        name = f"{name.format(v=rng.choice(c.VILLAGES), m=rng.randint(1, 20))} ({i + 1})"
        budgets = [f"{rng.randint(lo, hi):,}" if rng.random() < 0.4 else "-" for _ in years]
        edition = "ฉบับเดิม" if i < n * 0.9 else "เพิ่มเติม ครั้งที่ 1/2567"
        ws.append(
            [
                s + 1,
                f"{s + 1}.1",
                programs[program],
                name,
                f"เพื่อ{result}",
                target,
                *budgets,
                kpi,
                result,
                c.DIVISIONS[unit],
                "ผ.02",
                edition,
                f"หมู่ที่ {rng.randint(1, 20)}",
            ]
        )
    ss = wb.create_sheet("ยุทธศาสตร์")
    ss.append(["ที่", "ยุทธศาสตร์", "กลยุทธ์ที่", "กลยุทธ์"])
    for i, (name, theme) in enumerate(c.STRATEGY_POOL, 1):
        ss.append([i, name, f"{i}.1", c.TACTICS[theme][0]])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


if __name__ == "__main__":
    main()
