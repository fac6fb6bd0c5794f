"""Enqueue, run, retry and recover jobs.

A job runs as the task jobs.tasks.run_job(job_id, attempt) on the django-tasks-db queue. Running
it is claimed with a compare-and-set on (status, attempts), so a task left behind by a retry or a
dead worker never runs the job twice. Every job's writes are all-or-nothing (one transaction, or a
file stored before the row points at it), so a worker killed mid-task leaves nothing half-written:
`recover_jobs` finds the job by its stale heartbeat and enqueues the next attempt."""

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from core import logs
from jobs.models import Job, JobStatus

log = logging.getLogger("tidtam.jobs")


class Refused(Exception):
    """The work itself says no (e.g. an import with errors): final, not retried."""

    def __init__(self, message: str, problems: list | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Outcome:
    message: str
    file: tuple[str, bytes] | None = None  # (download name, content)
    url: str = ""
    extra: dict = field(default_factory=dict)


HANDLERS: dict[str, Callable] = {}


def handler(kind: str):
    def register(fn):
        HANDLERS[kind] = fn
        return fn

    return register


def backoff(attempt: int) -> dt.timedelta:
    """Wait before attempt `attempt + 1`: base, ×4, ×16 … (30 s, 2 min, 8 min by default)."""
    return dt.timedelta(seconds=settings.JOB_RETRY_BASE_SECONDS * 4 ** max(0, attempt - 1))


def _enqueue_task(
    job: Job, attempt: int, run_after: dt.datetime | None = None, priority: int = 0
) -> None:
    from jobs.tasks import run_job

    task = (
        run_job.using(run_after=run_after, priority=priority) if run_after or priority else run_job
    )
    result = task.enqueue(job.pk, attempt)
    Job.objects.filter(pk=job.pk).update(task_id=result.id)
    job.task_id = result.id


def enqueue(
    *,
    kind: str,
    title: str,
    org=None,
    user=None,
    params=None,
    key=None,
    max_attempts: int = 3,
    priority: int = 0,
) -> Job:
    """Record the job and put its first attempt on the queue once the caller's transaction
    commits (a job is never run against data that was rolled back). With a `key`, a second
    enqueue of the same key returns the existing job. A negative `priority` is work nobody waits
    for: the worker takes it after what people asked for."""
    if kind not in HANDLERS:
        raise ValueError(f"unknown job kind {kind!r}")
    try:
        with transaction.atomic():
            job = Job.objects.create(
                kind=kind,
                title=title,
                org=org,
                user=user,
                params=params or {},
                key=key,
                max_attempts=max_attempts,
            )
    except IntegrityError:
        return Job.objects.get(key=key)
    transaction.on_commit(lambda: _enqueue_task(job, 1, priority=priority))
    log.info("job queued", extra={"job": job.pk, "kind": kind})
    return job


class Progress:
    """progress(done, total) for the work: written at most every PROGRESS_EVERY seconds, and only
    outside the work's own transaction (inside it the row would only be seen after commit)."""

    PROGRESS_EVERY = 0.5

    def __init__(self, job: Job):
        self.job = job
        self.depth = len(connection.atomic_blocks) if connection.in_atomic_block else 0
        self.last = 0.0

    def writable(self) -> bool:
        now_depth = len(connection.atomic_blocks) if connection.in_atomic_block else 0
        return now_depth == self.depth

    def __call__(self, done: int, total: int, stage: str | None = None) -> None:
        now = time.monotonic()
        if now - self.last < self.PROGRESS_EVERY and done < total or not self.writable():
            return
        self.last = now
        changes = {"done": done, "total": total, "heartbeat_at": timezone.now()}
        if stage is not None:
            changes["stage"] = stage
        Job.objects.filter(pk=self.job.pk).update(**changes)

    def stage(self, text: str) -> None:
        if self.writable():
            Job.objects.filter(pk=self.job.pk).update(stage=text, heartbeat_at=timezone.now())


class Heartbeat(threading.Thread):
    """While a job runs, its row's heartbeat is refreshed every HEARTBEAT_SECONDS from a thread of
    its own, so only a worker that really stopped goes silent (however long one step takes)."""

    def __init__(self, job_id: int, attempt: int):
        super().__init__(daemon=True, name=f"heartbeat-{job_id}")
        self.job_id, self.attempt, self.stopped = job_id, attempt, threading.Event()

    def run(self) -> None:
        from django.db import connection as thread_connection

        try:
            while not self.stopped.wait(settings.JOB_HEARTBEAT_SECONDS):
                try:
                    Job.objects.filter(
                        pk=self.job_id, attempts=self.attempt, status=JobStatus.RUNNING
                    ).update(heartbeat_at=timezone.now())
                except Exception:  # a busy database now and then: the next beat will do
                    log.debug("heartbeat skipped", exc_info=True)
        finally:
            thread_connection.close()

    def stop(self) -> None:
        self.stopped.set()


def execute(job_id: int, attempt: int) -> str:
    """The task's body. Returns a short word for the task result."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, attempts=attempt - 1, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING,
        attempts=attempt,
        started_at=now,
        heartbeat_at=now,
        done=0,
        stage="",
        retry_at=None,
    )
    if not claimed:
        log.info("job skipped (already taken)", extra={"job": job_id, "attempt": attempt})
        return "skipped"
    job = Job.objects.select_related("org", "user").get(pk=job_id)
    with logs.context(
        job=job.pk,
        user=job.user.username if job.user else None,
        org=job.org.code if job.org else None,
    ):
        log.info("job started", extra={"kind": job.kind, "attempt": attempt})
        started = time.perf_counter()
        beat = Heartbeat(job.pk, attempt)
        beat.start()
        try:
            outcome = HANDLERS[job.kind](job, Progress(job))
        except Refused as exc:
            _finish(job, JobStatus.FAILED, message=str(exc), problems=exc.problems)
            log.warning(
                "job refused",
                extra={"kind": job.kind, "reason": str(exc), "problems": len(exc.problems)},
            )
            return "refused"
        except Exception as exc:
            fail(job, f"{type(exc).__name__}: {exc}")
            raise  # the task result records the traceback too
        finally:
            beat.stop()
        _store(job, outcome)
        log.info(
            "job done", extra={"kind": job.kind, "seconds": round(time.perf_counter() - started, 2)}
        )
        return "done"


def _store(job: Job, outcome: Outcome) -> None:
    """The result file is written first, then the row points at it in one update: a worker that
    dies between the two leaves an unreferenced file (housekeeping removes it), never a job that
    claims a result it does not have."""
    name = ""
    if outcome.file:
        filename, data = outcome.file
        from django.core.files.storage import default_storage

        name = default_storage.save(f"jobs/{job.pk}-{job.attempts}.bin", ContentFile(data))
        job.result_name = filename
    _finish(job, JobStatus.DONE, message=outcome.message, url=outcome.url, file=name)
    job.refresh_from_db()


def _finish(job: Job, status: str, *, message="", problems=None, url="", file="") -> bool:
    """Record the end of this attempt, unless the job moved on meanwhile (given up for lost and
    retried): then the attempt's result is dropped."""
    changes = {
        "status": status,
        "finished_at": timezone.now(),
        "message": message,
        "problems": problems or [],
        "result_url": url,
    }
    if file:
        changes["result_file"], changes["result_name"] = file, job.result_name
    if status == JobStatus.DONE:
        changes["done"], changes["error"] = F("total"), ""
    ours = Job.objects.filter(pk=job.pk, attempts=job.attempts, status=JobStatus.RUNNING)
    if not ours.update(**changes):
        log.warning("job result dropped: the job moved on", extra={"job": job.pk})
        if file:
            from django.core.files.storage import default_storage

            default_storage.delete(file)
        return False
    return True


def fail(job: Job, error: str) -> None:
    """An attempt failed: record it; enqueue the next attempt after a backoff, or give up."""
    job.error = error[:2000]
    if job.attempts < job.max_attempts:
        retry_at = timezone.now() + backoff(job.attempts)
        job.status, job.retry_at = JobStatus.QUEUED, retry_at
        job.save(update_fields=["status", "error", "retry_at"])
        _enqueue_task(job, job.attempts + 1, retry_at)
        log.warning(
            "job attempt failed, will retry",
            extra={
                "job": job.pk,
                "kind": job.kind,
                "attempt": job.attempts,
                "error": job.error,
                "retry_at": retry_at.isoformat(),
            },
        )
    else:
        job.status, job.finished_at = JobStatus.FAILED, timezone.now()
        job.message = "ดำเนินการไม่สำเร็จ ผู้ดูแลระบบได้รับแจ้งแล้ว"
        job.save(update_fields=["status", "error", "finished_at", "message"])
        log.error(
            "job failed",
            extra={"job": job.pk, "kind": job.kind, "attempts": job.attempts, "error": job.error},
        )


def recover(stale_after: dt.timedelta | None = None, now: dt.datetime | None = None) -> int:
    """Jobs whose worker stopped (killed, machine lost) mid-task: their heartbeat is older than
    `stale_after`. Each counts as a failed attempt and is retried (or given up)."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    stale_after = (
        stale_after if stale_after is not None else dt.timedelta(seconds=settings.JOB_STALE_SECONDS)
    )
    count = 0
    for job in Job.objects.filter(status=JobStatus.RUNNING, heartbeat_at__lte=now - stale_after):
        if not Job.objects.filter(
            pk=job.pk, status=JobStatus.RUNNING, heartbeat_at=job.heartbeat_at
        ).update(heartbeat_at=now):
            continue  # it moved on meanwhile
        if job.task_id:
            DBTaskResult.objects.filter(id=job.task_id, status="RUNNING").update(
                status="FAILED",
                finished_at=now,
                exception_class_path="jobs.WorkerLost",
                traceback="the worker stopped while running this task",
            )
        fail(job, "งานหยุดกลางคัน (worker หยุดทำงาน)")
        count += 1
    return count


def visible_to(user, job: Job) -> bool:
    if user.is_superuser or job.user_id == user.pk:
        return True
    if job.org_id is None:
        return False
    from orgs.access import readable_orgs

    return readable_orgs(user).filter(pk=job.org_id).exists()
