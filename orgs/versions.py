"""The maps' version of a province: a counter in the database that goes up after every committed
write to what a map of the province shows — a pin, a project-year's status, progress or
disbursement, a photo, a budget line or transfer, an action-plan item, an edition approved or
discarded, an org added or renamed, a duplicate pair. The maps' built GeoJSON is cached under a
key that carries it (monitoring.mapcache), so a write is seen at once by every process (web
workers, background workers) whatever cache each keeps, and a map read between writes is built
once.

The writers (the services) call touch_org / touch_province inside their transaction. The counter
goes up once per province when the transaction commits, never for one rolled back, in a statement
of its own after the commit: no writer holds the counter's row while its transaction runs (a
month's saves in 150 orgs do not queue on it), and a map built between the commit and the bump
is only built again."""

import threading

from django.db import IntegrityError, transaction
from django.db.models import F

_local = threading.local()


def touch_org(org) -> None:
    """`org`: an Organization (its province known, no query) or an org's id."""
    if org is None:
        return
    province_id = getattr(org, "province_id", None)
    if province_id is None:
        from orgs.models import Organization

        province_id = (
            Organization.objects.filter(pk=org).values_list("province_id", flat=True).first()
        )
    touch_province(province_id)


def touch_province(province_id: int | None) -> None:
    """What the province's maps show changes in the current transaction (or now, outside one)."""
    if province_id is None:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _bump({province_id})
        return
    pending = getattr(_local, "pending", None)
    if pending is None or not any(entry[1] is _flush for entry in connection.run_on_commit):
        # none registered in this transaction (or it was rolled back with its savepoint)
        pending = _local.pending = set()
        transaction.on_commit(_flush, robust=True)
    pending.add(province_id)


def discard_pending() -> None:
    """Forget the touches waiting for a commit that will never come (a test's own transaction,
    rolled back at its end), so that a commit captured inside it bumps what it touched."""
    _local.pending = None


def _flush() -> None:
    pending, _local.pending = getattr(_local, "pending", None) or set(), None
    _bump(pending)


def _bump(province_ids: set[int]) -> None:
    from orgs.models import MapVersion

    for pid in sorted(province_ids):
        if MapVersion.objects.filter(province_id=pid).update(n=F("n") + 1):
            continue
        try:
            with transaction.atomic():
                MapVersion.objects.create(province_id=pid, n=1)
        except IntegrityError:  # made meanwhile by another writer (or the province is gone)
            MapVersion.objects.filter(province_id=pid).update(n=F("n") + 1)


def province_version(province_id: int) -> int:
    from orgs.models import MapVersion

    return (
        MapVersion.objects.filter(province_id=province_id).values_list("n", flat=True).first() or 0
    )
