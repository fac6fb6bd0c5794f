import datetime as dt

from django.db.models import Count
from django.utils import timezone

from jobs.models import Job, JobStatus

# django.tasks' task states, as the operator reads them
TASK_STATUS_LABELS = {
    "READY": "รอทำงาน",
    "RUNNING": "กำลังทำงาน",
    "SUCCESSFUL": "สำเร็จ",
    "FAILED": "ล้มเหลว",
}


def queue_overview(now: dt.datetime | None = None) -> dict:
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    since = now - dt.timedelta(days=7)
    return {
        "active": list(
            Job.objects.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING]).select_related(
                "org", "user"
            )[:100]
        ),
        "failed": list(
            Job.objects.filter(status=JobStatus.FAILED, finished_at__gte=since)
            .exclude(error="")
            .select_related("org", "user")[:100]
        ),
        "retrying": Job.objects.filter(status=JobStatus.QUEUED, attempts__gt=0).count(),
        "tasks": {
            TASK_STATUS_LABELS.get(status, status): n
            for status, n in DBTaskResult.objects.values_list("status")
            .annotate(n=Count("id"))
            .values_list("status", "n")
        },
    }
