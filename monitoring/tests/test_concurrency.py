"""Twenty writers on one project at once, each on its own database connection: no lost update.

Each writer reads the row (version), adds its own amount to this month's disbursement and saves
with the version it read; on Conflict it re-reads and tries again. If any update were lost, the
final amount would be less than the sum of all writers' amounts.
"""

import threading
from decimal import Decimal

import pytest
from django.db import connection

from monitoring import services
from monitoring.models import MonthlyProgress, ProjectYear, Status
from monitoring.selectors import entry_row

pytestmark = pytest.mark.django_db(transaction=True)

WRITERS = 20
ROUNDS = 3


def test_concurrent_writers_lose_no_update(cast, year_a):
    project = year_a.lunch
    conflicts = []
    errors = []
    barrier = threading.Barrier(WRITERS)

    def writer(n: int):
        try:
            barrier.wait()
            for _ in range(ROUNDS):
                while True:
                    row = entry_row(cast.a, 2568, 1, project.pk)
                    assert row is not None
                    data = services.ProgressInput(
                        status=Status.IN_PROGRESS,
                        progress=10,
                        disbursed=row.disbursed_month + Decimal(n),
                    )
                    try:
                        services.progress_save(
                            org=cast.a,
                            fiscal_year=2568,
                            project=project,
                            month=1,
                            data=data,
                            expected_version=row.version,
                        )
                        break
                    except services.Conflict:
                        conflicts.append(n)
        except Exception as exc:  # surfaced below; a thread cannot fail the test itself
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(1, WRITERS + 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    expected = Decimal(sum(range(1, WRITERS + 1)) * ROUNDS)
    assert MonthlyProgress.objects.get(project_year__project=project, month=1).disbursed == expected
    py = ProjectYear.objects.get(project=project)
    assert py.version == WRITERS * ROUNDS
    assert py.disbursed == expected
    assert conflicts, "the writers never collided, so the test proved nothing"
