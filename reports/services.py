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
    if it is not announced. Two callers at once: the second waits on the row and finds the PDF."""
    with transaction.atomic():
        report = (
            AnnualReport.objects.published()
            .select_for_update()
            .select_related("org")
            .filter(pk=report_id)
            .first()
        )
        if report is not None and not report.pdf:
            _, _, data = annual_document(report.org, report.fiscal_year, "pdf")
            report.pdf.save(
                f"{report.org.code}-{report.fiscal_year}.pdf", ContentFile(data), save=False
            )
            report.save(update_fields=["pdf"])
        return report


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
    returns the edition, or None if it is not approved. Like freeze_report: made once, the
    second caller waits on the row and finds the stored file."""
    from reports.documents import p02

    with transaction.atomic():
        edition = (
            Edition.objects.select_for_update()
            .select_related("plan__org")
            .filter(pk=edition_id, status=EditionStatus.APPROVED)
            .first()
        )
        if edition is not None and not edition.pdf:
            plan = edition.plan
            _, _, data = p02(plan, edition.seq, "pdf")
            edition.pdf.save(
                f"{plan.org.code}-{plan.start_year}-{plan.end_year}-{edition.seq}.pdf",
                ContentFile(data),
                save=False,
            )
            edition.save(update_fields=["pdf"])
        return edition
