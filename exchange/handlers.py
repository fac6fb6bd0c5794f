"""The background jobs of the Excel imports (registered from ExchangeConfig.ready)."""

from pathlib import Path

from django.conf import settings
from django.urls import reverse

from core import audit
from jobs.services import Outcome, Refused, handler


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
    with audit.acting(job.user):
        report = import_plan(
            org=job.org,
            data=path.read_bytes(),
            filename=job.params["name"],
            commit=True,
            approvals=approvals_from_params(job.params.get("approvals")),
            programs=job.params.get("programs") or {},
            progress=progress,
        )
    if not report.ok:
        raise Refused("ไฟล์มีข้อผิดพลาด ไม่มีข้อมูลใดถูกบันทึก", [str(p) for p in report.problems][:200])
    path.unlink(missing_ok=True)
    editions = ", ".join(e.label for e in report.editions)
    return Outcome(
        f"นำเข้า {len(report.rows):,} โครงการแล้ว ({editions})",
        url=reverse("plans:overview", args=[job.org.code]),
    )
