"""The background worker: the jobs that should not wait for a user to ask.

- every pass: keep the PDF of every announced annual report (reports.services), so a citizen's
  first download is instant and the stored document is the one announced;
- once a day, after NIGHTLY_AT: evaluate the early-warning rules of every org for the current
  fiscal year (monitoring.rules), so dashboards and the province's early warning are fresh.

Several app servers may each run a worker against one database: a nightly run is claimed by
inserting its JobRun row (unique per day), so exactly one worker does it; a claim left by a worker
that died is taken over once it is older than STALE."""

import datetime as dt
import time

from django.db import IntegrityError, transaction
from django.utils import timezone

from orgs import audit
from orgs.models import JobRun, Organization

STALE = dt.timedelta(hours=2)
NIGHTLY = "nightly-rules"


def claim(name: str, key: str, now: dt.datetime | None = None) -> JobRun | None:
    """Claim a piece of work for this worker; None if another worker has it (or did it)."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            return JobRun.objects.create(name=name, key=key, started_at=now)
    except IntegrityError:
        pass
    taken = JobRun.objects.filter(
        name=name, key=key, finished_at__isnull=True, started_at__lt=now - STALE
    ).update(started_at=now)  # compare-and-set: one of several late-comers wins
    return JobRun.objects.get(name=name, key=key) if taken else None


def finish(run: JobRun, result: str) -> None:
    run.finished_at, run.result = timezone.now(), result
    run.save(update_fields=["finished_at", "result"])


def nightly_rules(now: dt.datetime, nightly_at: dt.time, say=print) -> bool:
    """Evaluate every org's warnings for today, once per day across all workers."""
    from monitoring.rules import evaluate
    from thai.dates import fiscal_year

    local = timezone.localtime(now)
    if local.time() < nightly_at:
        return False
    run = claim(NIGHTLY, local.date().isoformat(), now)
    if run is None:
        return False
    fy = fiscal_year(local.date())
    started = time.perf_counter()
    count = evaluate(Organization.objects.all(), fy, local.date())
    result = (
        f"ปีงบประมาณ {fy}: สัญญาณเตือน {count:,} รายการ ({time.perf_counter() - started:.1f} วินาที)"
    )
    finish(run, result)
    say(f"ประเมินสัญญาณเตือนประจำวัน {result}")
    return True


def freeze_reports(say=print) -> int:
    from reports.services import freeze_announced_reports

    def progress(n, total, report):
        say(f"จัดเก็บ PDF รายงานที่ประกาศแล้ว {n}/{total}: {report.org.code} ปี {report.fiscal_year}")

    return freeze_announced_reports(progress)


def run_once(nightly_at: dt.time, now: dt.datetime | None = None, say=print) -> dict:
    with audit.acting(None, "งานเบื้องหลัง (worker)"):
        frozen = freeze_reports(say)
        rules = nightly_rules(now or timezone.now(), nightly_at, say)
    return {"frozen": frozen, "rules": rules}
