"""The ITA (OIT) section of the public page: for a fiscal year, each item the operator listed
(reports.ItaItem), the stable public URL that answers it and when it was published.

The URL is /p/<org>/ita/<fy>/<code>/ — the same whatever the document's file name — and serves
the document only once it is published (plan edition approved, action plan approved/announced,
period closed, annual report announced); before that it answers 404 with a Thai sentence."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from evaluation.models import AnnualReport
from monitoring.models import PeriodLock
from monitoring.models.periods import MONTHS_OF
from orgs.models import Organization
from plans.models import ActionPlan, Edition, Plan
from plans.selectors import approved_seq_on, year_as_of
from reports.models import ItaItem, ItaSource


@dataclass
class ItaRow:
    item: ItaItem
    url: str
    published_on: dt.date | None
    what: str
    pending: bool = False  # published, its kept PDF still being made by the worker

    @property
    def published(self) -> bool:
        return self.published_on is not None


def items_for(fy: int) -> list[ItaItem]:
    """The year's items; a year nobody listed yet takes the nearest earlier year's list."""
    year = (
        ItaItem.objects.filter(fiscal_year__lte=fy)
        .order_by("-fiscal_year")
        .values_list("fiscal_year", flat=True)
        .first()
    )
    return list(ItaItem.objects.filter(fiscal_year=year)) if year else []


class Sources:
    """What the org has published for the year, read once for all its items (6 queries)."""

    def __init__(self, org: Organization, fy: int):
        self.org, self.fy = org, fy
        self.plan = (
            Plan.objects.filter(org=org, start_year__lte=fy, end_year__gte=fy)
            .order_by("-start_year")
            .first()
        )
        self.edition = None
        if self.plan is not None:
            # the plan in force in the year: as approved on the year's last day (today while the
            # year runs), by the shared rule; an approval dated later is not this year's O4
            seq = approved_seq_on(self.plan, year_as_of(fy))
            if seq is not None:
                self.edition = Edition.objects.filter(plan=self.plan, seq=seq).first()
        self.action_plan = (
            ActionPlan.objects.filter(org=org, fiscal_year=fy)
            .filter(Q(approved_on__isnull=False) | Q(announced_on__isnull=False))
            .order_by("-amendment")
            .first()
        )
        self.locks = list(PeriodLock.objects.filter(org=org, fiscal_year=fy))
        self.annual = AnnualReport.objects.filter(
            org=org, fiscal_year=fy, announced_on__isnull=False
        ).first()

    def closed_through(self, month: int) -> dt.date | None:
        """The day months 1…month were all closed (the earliest lock covering `month`)."""
        covered: dict[int, dt.datetime] = {}
        for lock in self.locks:
            for m in MONTHS_OF[lock.kind](lock.number):
                if m not in covered or lock.closed_at < covered[m]:
                    covered[m] = lock.closed_at
        if any(m not in covered for m in range(1, month + 1)):
            return None
        return timezone.localdate(max(covered[m] for m in range(1, month + 1)))

    def published_on(self, source: str) -> dt.date | None:
        if source == ItaSource.PLAN:
            e = self.edition
            if e is None:
                return None
            announced = e.announced_on
            return announced if announced and announced <= timezone.localdate() else e.approved_on
        if source in (ItaSource.ACTION_PLAN, ItaSource.SPENDING_PLAN):
            ap = self.action_plan
            return (ap.announced_on or ap.approved_on) if ap else None
        if source in (ItaSource.SIX_MONTH, ItaSource.SIX_MONTH_SPENDING):
            return self.closed_through(6)
        if source in (ItaSource.ANNUAL, ItaSource.SURVEY):
            return self.annual.announced_on if self.annual else None
        if source == ItaSource.ANNUAL_SPENDING:
            return self.closed_through(12)
        return None


def ita_rows(org: Organization, fy: int) -> list[ItaRow]:
    sources = Sources(org, fy)
    return [
        ItaRow(
            item,
            reverse("public_ita", args=[org.code, fy, item.code]),
            sources.published_on(item.source),
            ItaSource(item.source).label,
            item.source == ItaSource.PLAN
            and sources.edition is not None
            and not sources.edition.pdf
            and sources.published_on(item.source) is not None,
        )
        for item in items_for(fy)
    ]


class Pending(Exception):
    """The item's kept document is still being made by the worker."""

    def __init__(self, edition):
        super().__init__(edition)
        self.edition = edition


def document(org: Organization, fy: int, code: str):
    """(filename, content type, bytes) of the item's document, or a redirect URL for the
        announced annual report's kept PDF. Raises Http404 when the item is not published, Pending
    while the worker is still making the plan's kept PDF."""
    from plans.services import edition_pdf_later
    from reports import documents, monitoring_docs

    item = next((i for i in items_for(fy) if i.code.lower() == code.lower()), None)
    if item is None:
        raise Http404("ไม่มีรายการนี้ในปีงบประมาณนี้")
    sources = Sources(org, fy)
    if sources.published_on(item.source) is None:
        raise Http404(f"{item.code} {item.name} ปีงบประมาณ {fy} ยังไม่ได้เผยแพร่")
    source = item.source
    if source == ItaSource.PLAN:
        # published_on above found the approved edition, so both exist
        assert sources.plan is not None and sources.edition is not None
        plan = sources.plan
        edition = sources.edition
        if not edition.pdf:  # a worker makes it after the approval: never in the request
            edition_pdf_later(edition)  # queued once (an edition approved before the queue)
            raise Pending(edition)
        with edition.pdf.open("rb") as kept:
            data = kept.read()
        return f"ผ02-{org.code}-{plan.start_year}-{plan.end_year}.pdf", "application/pdf", data
    if source in (ItaSource.ACTION_PLAN, ItaSource.SPENDING_PLAN):
        assert sources.action_plan is not None  # published_on above found it
        if source == ItaSource.ACTION_PLAN:
            return documents.pd02(sources.action_plan, "pdf")
        return documents.pd01(sources.action_plan, "pdf")
    if source == ItaSource.SIX_MONTH:
        return monitoring_docs.six_month_document(org, fy, "pdf")
    if source == ItaSource.SIX_MONTH_SPENDING:
        return monitoring_docs.form2_document(org, fy, "q2", "pdf")
    if source == ItaSource.ANNUAL_SPENDING:
        return monitoring_docs.form2_document(org, fy, "q4", "pdf")
    return reverse("public_annual", args=[org.code, fy])  # annual, survey: the kept PDF
