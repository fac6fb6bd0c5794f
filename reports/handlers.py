"""The background jobs of the documents (registered from ReportsConfig.ready)."""

from core import audit
from jobs.services import Outcome, Refused, handler


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
