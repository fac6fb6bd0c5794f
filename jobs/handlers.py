"""What each kind of job does. Each handler gets the Job and a progress(done, total) callable and
returns an Outcome; it raises Refused for a final, explained no, anything else to be retried."""

from pathlib import Path

from django.conf import settings
from django.urls import reverse

from jobs.services import Outcome, Refused, handler
from orgs import audit


def upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


@handler("plan_import")
def plan_import(job, progress) -> Outcome:
    """Import a confirmed plan workbook (all-or-nothing: import_plan writes in one transaction)."""
    from exchange.import_forms import approvals_from_params
    from exchange.plan_import import import_plan

    path = upload_dir() / job.params["token"]
    if not path.exists():
        raise Refused("ไม่พบไฟล์ที่รอนำเข้า (อาจถูกลบเพราะค้างไว้นานเกิน) กรุณาอัปโหลดใหม่")
    progress.stage("กำลังตรวจและบันทึกข้อมูล")
    with audit.acting(job.user, "งานเบื้องหลัง"):
        report = import_plan(
            org=job.org,
            data=path.read_bytes(),
            filename=job.params["name"],
            commit=True,
            approvals=approvals_from_params(job.params.get("approvals")),
            programs=job.params.get("programs") or {},
            acting_user=job.user,
            progress=progress,
        )
    if not report.ok:
        raise Refused("ไฟล์มีข้อผิดพลาด ไม่มีข้อมูลใดถูกบันทึก",
                      [str(p) for p in report.problems][:200])  # fmt: skip
    path.unlink(missing_ok=True)
    editions = ", ".join(e.label for e in report.editions)
    return Outcome(f"นำเข้า {len(report.rows):,} โครงการแล้ว ({editions})",
                   url=reverse("plans:overview", args=[job.org.code]))  # fmt: skip


def _document(job, progress):
    p = job.params
    doc, fmt, fy = p["doc"], p["fmt"], p.get("fy")
    progress.stage("กำลังจัดทำเอกสาร")
    if doc == "p02":
        from plans.access import get_plan
        from reports import documents

        return documents.p02(get_plan(job.org), p.get("seq"), fmt, thai_digits=p.get("thai", False))
    if doc == "annual":
        from reports.annual import annual_document

        return annual_document(job.org, fy, fmt, thai_digits=p.get("thai", False))
    if doc == "province":
        from reports.province_docs import province_document

        return province_document(job.org.province, fy, fmt)
    raise Refused("ไม่รู้จักเอกสารนี้")


@handler("document")
def document(job, progress) -> Outcome:
    filename, _, data = _document(job, progress)
    return Outcome("จัดทำเอกสารเสร็จแล้ว", file=(filename, data))


@handler("evaluate")
def evaluate(job, progress) -> Outcome:
    """The early-warning rules of every org of a province (or of the country), org by org so the
    progress moves and one org's evaluation is one transaction."""
    from django.db import transaction
    from django.utils import timezone

    from monitoring.rules import evaluate as evaluate_rules
    from notify.services import weekly_warnings
    from orgs.models import Organization
    from thai.dates import fiscal_year_bounds

    fy = job.params["fy"]
    chosen = Organization.objects.order_by("code")
    if job.params.get("province"):
        chosen = chosen.filter(province_id=job.params["province"])
    orgs = list(chosen)
    as_of = min(timezone.localdate(), fiscal_year_bounds(fy)[1])
    found = 0
    with audit.acting(job.user, "งานเบื้องหลัง"):
        for n, org in enumerate(orgs):
            progress(n, len(orgs))
            with transaction.atomic():
                found += evaluate_rules([org], fy, as_of)
            if job.params.get("tell"):  # the nightly run: this week's warnings, once a week
                weekly_warnings(org, fy, timezone.localdate())
    progress(len(orgs), len(orgs))
    return Outcome(f"ประเมินสัญญาณเตือน {len(orgs):,} หน่วยงานแล้ว พบ {found:,} รายการ")


@handler("freeze_report")
def freeze_report(job, progress) -> Outcome:
    """Keep the PDF of an announced annual report, as announced."""
    from reports.services import freeze_report as freeze

    with audit.acting(None, "งานเบื้องหลัง"):
        report = freeze(job.params["report"])
    if report is None:
        return Outcome("รายงานยังไม่ได้ประกาศ ไม่ต้องจัดเก็บ")
    return Outcome(f"จัดเก็บ PDF รายงานที่ประกาศของปี {report.fiscal_year} แล้ว")


@handler("deliver")
def deliver(job, progress) -> Outcome:
    from notify.models import Notification
    from notify.services import deliver as send

    n = Notification.objects.select_related("user").filter(pk=job.params["notification"]).first()
    if n is None:
        return Outcome("ไม่มีการแจ้งเตือนนี้แล้ว")
    sent = send(n)
    return Outcome(f"ส่งแล้วทาง {', '.join(sent) or 'ไม่มีช่องทางที่เปิดไว้'}")


@handler("digests")
def digests(job, progress) -> Outcome:
    import datetime as dt

    from notify.services import send_digests

    counts = send_digests(dt.date.fromisoformat(job.params["day"]))
    return Outcome(f"ส่งสรุปประจำวันถึง {counts['people']:,} คน")
