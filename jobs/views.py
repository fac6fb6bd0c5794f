from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import render

from jobs import selectors
from jobs.models import Job
from jobs.services import visible_to


def _job(request, job_id) -> Job:
    job = Job.objects.select_related("org").filter(pk=job_id).first()
    if job is None or not visible_to(request.user, job):
        raise Http404("ไม่พบงานนี้")
    return job


@login_required
def job_page(request, job_id):
    job = _job(request, job_id)
    return render(request, "jobs/page.html", {"job": job, "org": job.org})


@login_required
def job_status(request, job_id):
    return render(request, "jobs/_progress.html", {"job": _job(request, job_id)})


@login_required
def job_file(request, job_id):
    job = _job(request, job_id)
    if not job.result_file:
        raise Http404("งานนี้ยังไม่มีไฟล์ผลลัพธ์")
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=job.result_name)


@login_required
def operator(request):
    """The operator's view of the queue: what is running, waiting, and what failed (with why)."""
    if not (request.user.is_superuser or request.user.is_staff):
        raise PermissionDenied("เฉพาะผู้ดูแลระบบ")
    return render(request, "jobs/operator.html", selectors.queue_overview())
