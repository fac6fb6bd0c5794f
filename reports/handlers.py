"""The background jobs of the documents (registered from ReportsConfig.ready)."""

from core import audit
from jobs.services import Outcome, Refused, handler


def _document(job, progress):
    p = job.params
    doc, fmt, fy = p["doc"], p["fmt"], p.get("fy")
    progress.stage("กำลังจัดทำเอกสาร")
    if doc in ("p01", "p02"):
        from plans.access import get_plan
        from reports import documents

        build = documents.p01 if doc == "p01" else documents.p02
        return build(get_plan(job.org), p.get("seq"), fmt, thai_digits=p.get("thai", False))
    if doc in ("pd01", "pd02"):
        from plans.models import ActionPlan
        from reports import documents

        action_plan = ActionPlan.objects.filter(org=job.org, pk=p.get("action_plan")).first()
        if action_plan is None:
            raise Refused("ไม่พบแผนการดำเนินงาน")
        build = documents.pd01 if doc == "pd01" else documents.pd02
        return build(action_plan, fmt, thai_digits=p.get("thai", False))
    if doc == "annual":
        from reports.annual import annual_document

        return annual_document(
            job.org, fy, fmt, thai_digits=p.get("thai", False), photos=p.get("photos", False)
        )
    if doc == "province":
        from reports.province_docs import province_document

        return province_document(job.org.province, fy, fmt)
    raise Refused("ไม่รู้จักเอกสารนี้")


@handler("document")
def document(job, progress) -> Outcome:
    filename, _, data = _document(job, progress)
    return Outcome("จัดทำเอกสารเสร็จแล้ว", file=(filename, data))


@handler("freeze_report")
def freeze_report(job, progress) -> Outcome:
    """Keep the PDF of an announced annual report, as announced."""
    from reports.services import freeze_report as freeze

    with audit.acting(None, "งานเบื้องหลัง"):
        report = freeze(job.params["report"])
    if report is None:
        return Outcome("รายงานยังไม่ได้ประกาศ ไม่ต้องจัดเก็บ")
    return Outcome(f"จัดเก็บ PDF รายงานที่ประกาศของปี {report.fiscal_year} แล้ว")


@handler("freeze_edition")
def freeze_edition(job, progress) -> Outcome:
    """Keep the ผ.02 PDF of an approved edition (ITA O4), made once."""
    from reports.services import freeze_edition as freeze

    progress.stage("กำลังจัดทำ ผ.02")
    with audit.acting(None, "งานเบื้องหลัง"):
        edition = freeze(job.params["edition"])
    if edition is None:
        return Outcome("ฉบับนี้ยังไม่ได้อนุมัติ ไม่ต้องจัดเก็บ")
    return Outcome(f"จัดเก็บ PDF ผ.02 {edition.label} แล้ว")
