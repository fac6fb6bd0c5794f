"""The background worker: it keeps the PDF of announced reports, runs the nightly rules once a
day however many workers share the database, and takes over a run whose worker died."""

import datetime as dt
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from evaluation import services as evaluation_services
from evaluation.models import AnnualReport
from monitoring.models import Alert, RuleKind
from orgs.models import AuditEntry, JobRun
from tidtam import worker

NIGHT = dt.time(1, 0)


def at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


@pytest.mark.django_db
def test_a_pass_keeps_the_pdf_of_announced_reports_only(client, cast, year_a):
    evaluation_services.annual_report_save(org=cast.a, fiscal_year=2568,
                                           presented_on=dt.date(2025, 12, 5),
                                           announced_on=dt.date(2025, 12, 10))  # fmt: skip
    evaluation_services.annual_report_save(org=cast.a, fiscal_year=2569)  # a draft
    lines = []
    done = worker.run_once(NIGHT, now=at(dt.date(2025, 12, 11), 0), say=lines.append)
    assert done == {"frozen": 1, "rules": False}  # before 01:00: no nightly run yet
    announced, draft = AnnualReport.objects.order_by("fiscal_year")
    assert announced.pdf and not draft.pdf
    stored = announced.pdf.read()
    assert stored[:5] == b"%PDF-" and "1/1" in lines[0]
    served = b"".join(
        client.get(reverse("public_annual", args=[cast.a.code, 2568])).streaming_content
    )
    assert served == stored  # the public gets the kept file
    entry = AuditEntry.objects.get(model="evaluation.AnnualReport", action="update")
    assert entry.actor == "งานเบื้องหลัง (worker)" and list(entry.changes) == ["pdf"]
    assert worker.run_once(NIGHT, now=at(dt.date(2025, 12, 11), 0), say=lines.append)["frozen"] == 0


@pytest.mark.django_db
def test_the_nightly_rules_run_once_a_day_after_their_hour(cast, year_a):
    day = dt.date(2025, 4, 30)  # FY 2568, April over: ขุดลอก (planned ม.ค.–มี.ค.) not started
    assert worker.nightly_rules(at(day, 0), NIGHT, say=lambda _: None) is False
    assert not Alert.objects.exists() and not JobRun.objects.exists()
    said = []
    assert worker.nightly_rules(at(day, 2), NIGHT, say=said.append) is True
    alerts = Alert.objects.filter(org=cast.a, fiscal_year=2568)
    assert alerts.filter(rule__kind=RuleKind.NOT_STARTED_LATE, project=year_a.dredge).exists()
    assert set(alerts.values_list("as_of", flat=True)) == {day}
    run = JobRun.objects.get(name=worker.NIGHTLY, key="2025-04-30")
    assert run.finished_at and f"สัญญาณเตือน {alerts.count():,} รายการ" in run.result
    assert said and "ปีงบประมาณ 2568" in said[0]
    Alert.objects.all().delete()
    assert worker.nightly_rules(at(day, 5), NIGHT, say=said.append) is False  # done today
    assert not Alert.objects.exists()
    assert worker.nightly_rules(at(day + dt.timedelta(days=1), 2), NIGHT, say=said.append)
    assert JobRun.objects.filter(name=worker.NIGHTLY).count() == 2


@pytest.mark.django_db
def test_a_claim_left_by_a_dead_worker_is_taken_over_when_stale(cast):
    now = timezone.now()
    assert worker.claim("job", "k", now) is not None
    assert worker.claim("job", "k", now + dt.timedelta(minutes=30)) is None  # still running
    late = now + worker.STALE + dt.timedelta(minutes=1)
    taken = worker.claim("job", "k", late)
    assert taken is not None and taken.started_at == late
    worker.finish(taken, "ok")
    assert worker.claim("job", "k", late + worker.STALE * 2) is None  # finished: never again


@pytest.mark.django_db(transaction=True)
def test_of_several_workers_at_once_exactly_one_claims_the_night(cast):
    n = 8
    barrier = threading.Barrier(n)
    won, errors = [], []

    def one():
        try:
            barrier.wait()
            if worker.claim(worker.NIGHTLY, "2026-01-01") is not None:
                won.append(1)
        except Exception as exc:  # surfaced below
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == [] and len(won) == 1
    assert JobRun.objects.count() == 1


@pytest.mark.django_db
def test_the_command_runs_a_pass_and_refuses_a_bad_time(cast, year_a, capsys):
    evaluation_services.annual_report_save(org=cast.a, fiscal_year=2568,
                                           announced_on=dt.date(2025, 12, 10))  # fmt: skip
    call_command("worker", "--once", "--nightly-at", "23:59")
    assert AnnualReport.objects.get(fiscal_year=2568).pdf
    assert "จัดเก็บ PDF รายงานที่ประกาศแล้ว 1/1" in capsys.readouterr().out
    with pytest.raises(CommandError, match="เวลาไม่ถูกต้อง"):
        call_command("worker", "--once", "--nightly-at", "25:00")
