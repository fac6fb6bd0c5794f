"""Reads shared by evaluation pages and documents."""

import datetime as dt

from evaluation.models import Committee


def current_committee(org) -> Committee | None:
    return Committee.objects.filter(org=org).order_by("-term_start").first()


def scoring_closed(member, fiscal_year: int, on: dt.date | None = None) -> str | None:
    """Why `member` may no longer score `fiscal_year` (a Thai sentence), or None while they may:
    the year's annual report has been presented to the council or announced (the scores it
    reports are frozen), or the member's seat (or the committee's term) has ended."""
    from django.utils import timezone

    from evaluation.models import AnnualReport
    from thai.dates import thai_date

    today: dt.date = on or timezone.localdate()
    report = (
        AnnualReport.objects.filter(org_id=member.committee.org_id, fiscal_year=fiscal_year)
        .values("presented_on", "announced_on")
        .first()
    )
    if report:
        for day, what in (
            (report["presented_on"], "เสนอต่อสภาท้องถิ่น"),
            (report["announced_on"], "ประกาศผล"),
        ):
            if day is not None and day <= today:
                return (
                    f"ปีงบประมาณ {fiscal_year}: รายงานผลการติดตามและประเมินผล{what}แล้ว"
                    f"เมื่อ {thai_date(day)} คะแนนของปีนี้จึงแก้ไขไม่ได้"
                )
    ended = min(member.end, member.committee.term_end)
    if ended < today:
        return f"วาระกรรมการของ {member.name} สิ้นสุดแล้วเมื่อ {thai_date(ended)} จึงให้คะแนนไม่ได้"
    return None
