"""The queue: a job runs once on a worker, reports progress, is retried with backoff after a
failure (recorded, visible to the operator), is given up after its last attempt, and a job whose
worker died is found by its stale heartbeat and completed on the next attempt."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jobs import services
from jobs.models import Job, JobStatus

CALLS: list[int] = []


@services.handler("test_flaky")
def flaky(job, progress):
    CALLS.append(job.attempts)
    progress(1, 2)
    if job.attempts <= job.params.get("fail_times", 0):
        raise RuntimeError(f"ล้มเหลวครั้งที่ {job.attempts}")
    return services.Outcome("เสร็จ", file=("ผล.txt", "สวัสดี".encode()))


@pytest.fixture(autouse=True)
def _calls():
    CALLS.clear()


@pytest.mark.django_db
def test_a_job_runs_on_the_worker_and_keeps_its_result(worker, cast, client):
    job = services.enqueue(kind="test_flaky", title="ทดสอบ", org=cast.a, user=cast.alice)
    assert (
        Job.objects.get(pk=job.pk).status == JobStatus.QUEUED and not DBTaskResult.objects.exists()
    )
    assert worker() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempts == 1 and CALLS == [1]
    assert DBTaskResult.objects.get(id=job.task_id).status == "SUCCESSFUL"
    client.force_login(cast.alice)
    body = client.get(reverse("jobs:page", args=[job.pk])).content.decode()
    assert "เสร็จ" in body and "ดาวน์โหลด ผล.txt" in body and "hx-trigger" not in body
    download = client.get(reverse("jobs:file", args=[job.pk]))
    assert b"".join(download.streaming_content).decode() == "สวัสดี"
    client.force_login(cast.olga)  # another province: not hers
    assert client.get(reverse("jobs:page", args=[job.pk])).status_code == 404
    assert worker() == 0 and CALLS == [1]  # never twice


@pytest.mark.django_db
def test_a_failed_attempt_is_retried_with_backoff_and_recorded(worker, cast, settings):
    job = services.enqueue(kind="test_flaky", title="ทดสอบ", params={"fail_times": 1})
    settings.JOB_RETRY_BASE_SECONDS = 60
    worker()
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and job.attempts == 1 and "ล้มเหลวครั้งที่ 1" in job.error
    assert job.retry_at > timezone.now() + dt.timedelta(seconds=50)
    failed = DBTaskResult.objects.get(status="FAILED")
    assert "ล้มเหลวครั้งที่ 1" in failed.traceback
    assert worker() == 0  # the retry waits for its time
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    worker()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and CALLS == [1, 2] and job.error == ""


def test_backoff_grows_fourfold(settings):
    settings.JOB_RETRY_BASE_SECONDS = 30
    assert [services.backoff(a).total_seconds() for a in (1, 2, 3)] == [30, 120, 480]


@pytest.mark.django_db
def test_the_last_failure_is_final_logged_and_shown_to_the_operator(worker, cast, client, caplog):
    job = services.enqueue(
        kind="test_flaky", title="งานที่พังเสมอ", params={"fail_times": 9}, max_attempts=3
    )
    worker()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.attempts == 3 and CALLS == [1, 2, 3]
    assert any(r.levelname == "ERROR" and r.getMessage() == "job failed" for r in caplog.records)
    cast.alice.is_staff = True
    cast.alice.save()
    client.force_login(cast.alice)
    body = client.get(reverse("jobs:operator")).content.decode()
    assert "งานที่พังเสมอ" in body and "ล้มเหลวครั้งที่ 3" in body
    states = body.split("งานในคิวตามสถานะ: ", 1)[1].split("</p>", 1)[0]
    assert "ล้มเหลว 3" in states and not any(c.isascii() and c.isalpha() for c in states), states
    client.force_login(cast.bob)
    assert client.get(reverse("jobs:operator")).status_code == 403


@pytest.mark.django_db
def test_a_job_whose_worker_died_is_retried_once_its_heartbeat_is_stale(worker, cast):
    job = services.enqueue(kind="test_flaky", title="ทดสอบ")
    # as if a worker claimed it and was killed: task RUNNING, job RUNNING, heartbeat 20 min old
    from jobs.tasks import run_job

    result = run_job.enqueue(job.pk, 1)
    DBTaskResult.objects.filter(id=result.id).update(status="RUNNING", started_at=timezone.now())
    old = timezone.now() - dt.timedelta(minutes=20)
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, attempts=1, heartbeat_at=old, task_id=result.id
    )
    assert services.recover(dt.timedelta(minutes=30)) == 0  # not stale yet
    assert services.recover(dt.timedelta(minutes=10)) == 1
    assert DBTaskResult.objects.get(id=result.id).status == "FAILED"
    worker()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempts == 2 and CALLS == [2]


@pytest.mark.django_db
def test_a_keyed_job_is_enqueued_once(worker):
    a = services.enqueue(kind="test_flaky", title="ครั้งเดียว", key="k:2026-12-01")
    b = services.enqueue(kind="test_flaky", title="ครั้งเดียว", key="k:2026-12-01")
    assert a.pk == b.pk
    worker()
    assert CALLS == [1]
