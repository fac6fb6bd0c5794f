"""Writes of the reports app: keeping the PDF of an announced annual report.

The public reads the document that was announced, not one that changes when someone edits the
data afterwards: the first time an announced report is asked for (by a citizen, or by the
background worker that does it ahead of them) its PDF is made and stored, once."""

from django.core.files.base import ContentFile
from django.db import transaction

from evaluation.models import AnnualReport
from plans.models import Edition, EditionStatus
from reports.annual import annual_document


def freeze_report(report_id: int) -> AnnualReport | None:
    """Make and keep the PDF of an announced report if it has none; returns the report, or None
    if it is not announced. The layout runs outside any transaction (SQLite would be locked for
    every writer meanwhile); the row is locked only to store the file, and a second maker finds
    it stored and keeps the first."""
    report = AnnualReport.objects.published().select_related("org").filter(pk=report_id).first()
    if report is None or report.pdf:
        return report
    _, _, data = annual_document(report.org, report.fiscal_year, "pdf")
    with transaction.atomic():
        locked = AnnualReport.objects.published().select_for_update().filter(pk=report_id).first()
        if locked is not None and not locked.pdf:
            locked.pdf.save(
                f"{report.org.code}-{report.fiscal_year}.pdf", ContentFile(data), save=False
            )
            locked.save(update_fields=["pdf"])
        return locked


def unfrozen_reports():
    return AnnualReport.objects.published().filter(pdf="").order_by("pk")


def freeze_announced_reports(progress=None) -> int:
    """The worker's job: keep the PDF of every announced report that has none yet."""
    done = 0
    ids = list(unfrozen_reports().values_list("pk", flat=True))
    for n, pk in enumerate(ids, 1):
        report = freeze_report(pk)
        if report is not None:
            done += 1
            if progress:
                progress(n, len(ids), report)
    return done


def freeze_edition(edition_id: int) -> Edition | None:
    """Make and keep the ผ.02 PDF of an approved edition if it has none (the ITA O4 document);
    returns the edition, or None if it is not approved. Made by the worker (queued on approval):
    the seconds of layout run outside any transaction, so the database stays writable for
    everyone meanwhile (SQLite locks it whole); the row is locked only to store the file, and a
    second maker finds it stored and keeps the first."""
    from reports.documents import p02

    edition = (
        Edition.objects.select_related("plan__org")
        .filter(pk=edition_id, status=EditionStatus.APPROVED)
        .first()
    )
    if edition is None or edition.pdf:
        return edition
    plan = edition.plan
    _, _, data = p02(plan, edition.seq, "pdf")
    with transaction.atomic():
        locked = Edition.objects.select_for_update().filter(pk=edition.pk).first()
        if locked is not None and not locked.pdf:
            locked.pdf.save(
                f"{plan.org.code}-{plan.start_year}-{plan.end_year}-{edition.seq}.pdf",
                ContentFile(data),
                save=False,
            )
            locked.save(update_fields=["pdf"])
        return locked
