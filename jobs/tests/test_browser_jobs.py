"""In a real browser: a 5,000-project import and the ผ.02 PDF of a 300-project org run on a
background worker process with a progress bar that survives a reload, while the web server keeps
answering other requests."""

import datetime as dt
import importlib.util
import time
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from exchange.plan_import import EditionApproval, import_plan
from jobs.models import Job, JobStatus
from plans.models import Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]


def bench_workbook(n: int) -> bytes:
    spec = importlib.util.spec_from_file_location(
        "bench_import", ROOT / "bench" / "bench_import.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.workbook(n)


def answered_quickly(page, url) -> float:
    started = time.monotonic()
    response = page.request.get(url)
    assert response.status == 200
    return time.monotonic() - started


def test_a_big_import_and_the_p02_pdf_run_in_the_background_with_progress(
    live_server, sign_in, page, cast, reference_lists, worker_process, tmp_path
):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # org A gets a 300-project plan for its ผ.02
    approved = {"ฉบับเดิม": EditionApproval(approver="นายก", approved_on=dt.date(2022, 12, 20))}
    report = import_plan(
        org=cast.a, data=bench_workbook(300), filename="a.xlsx", commit=True, approvals=approved
    )
    assert report.ok and Project.objects.filter(plan__org=cast.a).count() == 300
    path = tmp_path / "แผน5000.xlsx"
    path.write_bytes(bench_workbook(5000))

    sign_in(page, "bob")
    page.goto(f"{live_server.url}/o/{cast.b.code}/exchange/import/")
    page.set_input_files("#file", str(path))
    page.click("text=ตรวจสอบไฟล์")
    expect(page.locator("#preview")).to_contain_text("พร้อมนำเข้า 5000 โครงการ", timeout=120_000)
    page.fill("input[name=edition-0-approver]", "นายกองค์การบริหารส่วนตำบล")
    page.fill("input[name=edition-0-approved_on]", "2022-12-20")
    page.click("#confirm-import")

    job_url = page.url
    assert "/jobs/" in job_url
    bar = page.locator(".job progress")
    expect(bar).to_be_visible()
    expect(page.locator("#job-state")).to_contain_text("กำลังดำเนินการ", timeout=30_000)
    # the web server answers other people meanwhile (the import is on the worker)
    seconds = answered_quickly(page, f"{live_server.url}/o/{cast.b.code}/exchange/import/")
    job = Job.objects.get(kind="plan_import")
    assert job.status == JobStatus.RUNNING and seconds < 5, seconds
    page.reload()  # the page follows the same job after a reload
    expect(page.locator(".job")).to_have_attribute("data-status", "running")
    page.screenshot(path=str(tmp_path / "import-progress.png"), full_page=True)
    page.click("#job-result", timeout=300_000)
    expect(page.locator("#p01")).to_be_visible()
    assert Project.objects.filter(plan__org=cast.b).count() == 5000

    page.context.clear_cookies()
    sign_in(page, "alice")
    page.goto(live_server.url + reverse("plans:overview", args=[cast.a.code]))
    page.click("text=ผ.02 PDF")
    expect(page.locator(".job progress")).to_be_visible()
    with page.expect_download(timeout=180_000) as info:
        page.click("#job-download", timeout=180_000)
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name.startswith("ผ02") and saved.read_bytes()[:5] == b"%PDF-"
    assert saved.stat().st_size > 100_000
    assert errors == []
