"""What a page returns after it enqueues a job (the pages of every app that start one)."""

from django.shortcuts import redirect, render

from jobs.models import Job


def job_started(request, job: Job):
    """The job's page (htmx: just its progress panel)."""
    if request.headers.get("HX-Request"):
        return render(request, "jobs/_progress.html", {"job": job})
    return redirect("jobs:page", job.pk)
