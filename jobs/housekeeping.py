"""The nightly clean-up: expired sessions, old login attempts, uploads that were never confirmed,
old job results and finished task rows."""

import datetime as dt
import logging
import time
from pathlib import Path

from django.conf import settings
from django.utils import timezone

log = logging.getLogger("tidtam.housekeeping")


def run(now: dt.datetime | None = None) -> dict[str, int]:
    from django.contrib.sessions.models import Session
    from django.core.files.storage import default_storage
    from django_tasks_db.models import DBTaskResult

    from jobs.models import Job, JobStatus
    from orgs.models import LoginAttempt

    now = now or timezone.now()
    media = Path(settings.MEDIA_ROOT)
    sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    attempts, _ = LoginAttempt.objects.filter(
        at__lt=now - dt.timedelta(days=settings.LOGIN_ATTEMPTS_KEEP_DAYS)
    ).delete()
    uploads_before = now.timestamp() - settings.UPLOADS_KEEP_HOURS * 3600
    # an upload still waiting for its import job is kept
    waiting = set(
        Job.objects.filter(
            kind="plan_import", status__in=[JobStatus.QUEUED, JobStatus.RUNNING]
        ).values_list("params__token", flat=True)
    )
    uploads = 0
    for folder in (media / "imports",):
        if folder.is_dir():
            for path in folder.iterdir():
                if (
                    path.is_file()
                    and path.name not in waiting
                    and path.stat().st_mtime < uploads_before
                ):
                    path.unlink(missing_ok=True)
                    uploads += 1
    old_jobs = Job.objects.filter(
        finished_at__lt=now - dt.timedelta(days=settings.JOB_RESULTS_KEEP_DAYS)
    )
    results = 0
    for job in old_jobs.exclude(result_file=""):
        if job.result_file.name:
            default_storage.delete(job.result_file.name)
        results += 1
    jobs, _ = old_jobs.delete()
    # result files no job points at (a worker died between writing the file and the row)
    referenced = set(Job.objects.exclude(result_file="").values_list("result_file", flat=True))
    orphans = 0
    folder = media / "jobs"
    if folder.is_dir():
        for path in folder.iterdir():
            if f"jobs/{path.name}" not in referenced and path.stat().st_mtime < time.time() - 3600:
                path.unlink(missing_ok=True)
                orphans += 1
    tasks, _ = DBTaskResult.objects.filter(
        status__in=["SUCCESSFUL", "FAILED"],
        finished_at__lt=now - dt.timedelta(days=settings.JOB_RESULTS_KEEP_DAYS),
    ).delete()
    counts = {
        "session หมดอายุ": sessions,
        "ประวัติการเข้าสู่ระบบ": attempts,
        "ไฟล์อัปโหลดค้าง": uploads,
        "ไฟล์ผลงานเบื้องหลัง": results + orphans,
        "งานเบื้องหลังเก่า": jobs,
        "แถวคิวงานเก่า": tasks,
    }
    log.info("housekeeping done", extra={"counts": counts})
    return counts
