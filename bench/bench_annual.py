"""Annual M&E report generation for a 300-project org (goal: PDF ≤ 5 s).

Seeds the deterministic demo generator with 300 projects per org into a throw-away database
(a full evaluated year: monthly progress, surveys, scores, KPIs), then times the one-click PDF and
DOCX of the annual report for the org with the largest plan.

    .venv/bin/python bench/bench_annual.py [--runs 3] [--database-url URL]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="tidtam-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tidtam.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from orgs.models import Organization
    from plans.selectors import approved_seq_on, versions_as_of
    from reports.annual import annual_document
    from tidtam.demo.generate import Generator

    t0 = time.perf_counter()
    Generator(seed=300, project_range=(300, 300), log=lambda *_: None).province(max_orgs=3)
    sizes = {
        o: versions_as_of(o.plans.get(), approved_seq_on(o.plans.get())).count()
        for o in Organization.objects.all()
    }
    org = max(sizes, key=sizes.get)
    print(
        f"seeded 3 orgs in {time.perf_counter() - t0:.1f} s; timing {org.name}:"
        f" {sizes[org]} projects in the plan as approved"
    )
    for fmt in ("pdf", "docx"):
        times, size = [], 0
        for _ in range(args.runs):
            t0 = time.perf_counter()
            _, _, data = annual_document(org, 2569, fmt)
            times.append(time.perf_counter() - t0)
            size = len(data)
        print(
            f"annual report {fmt.upper():4}: median {statistics.median(times):.2f} s"
            f" (min {min(times):.2f}, {size / 1024:.0f} KB){'  goal ≤ 5 s' if fmt == 'pdf' else ''}"
        )
    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}")


if __name__ == "__main__":
    main()
