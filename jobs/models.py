"""A piece of long work a person (or the schedule) started: what it is, how far it got, how it
ended. The queue itself is django.tasks on django-tasks-db; a Job is what people see of it."""

from django.conf import settings
from django.db import models

from orgs.models import Organization


class JobStatus(models.TextChoices):
    QUEUED = "queued", "รอคิว"
    RUNNING = "running", "กำลังดำเนินการ"
    DONE = "done", "เสร็จแล้ว"
    FAILED = "failed", "ไม่สำเร็จ"


class Job(models.Model):
    kind = models.CharField(max_length=32)
    title = models.CharField("งาน", max_length=200)
    # a job that must run once however many servers ask for it (e.g. "nightly-rules:2026-12-01")
    key = models.CharField(max_length=100, null=True, blank=True, unique=True)
    org = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    params = models.JSONField(default=dict)
    status = models.CharField(max_length=8, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    stage = models.CharField(max_length=100, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    max_attempts = models.PositiveSmallIntegerField(default=3)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    retry_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    message = models.TextField(blank=True)
    problems = models.JSONField(default=list, blank=True)
    result_file = models.FileField(upload_to="jobs/", blank=True)
    result_name = models.CharField(max_length=200, blank=True)
    result_url = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "heartbeat_at"])]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0
