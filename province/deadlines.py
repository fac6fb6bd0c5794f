"""งานของฉัน: แบบที่ 2 to send, sent back, and the provincial unit's work (registered from
ProvinceConfig.ready)."""

import datetime as dt

from django.db.models import Count
from django.urls import reverse

from monitoring.models import REPORT_PERIODS
from notify.deadlines import WRITERS, Item, near, source
from orgs.models import Organization
from province.models import Submission, SubmissionStatus, UnlockRequest
from province.selectors import pending_review_year
from province.services import due_date
from thai.dates import fiscal_year


@source(*WRITERS)
def submission_items(org, today):
    """Each period's แบบที่ 2 to the province (due 15 days after the period) and what came back."""
    out = []
    for fy in (fiscal_year(today) - 1, fiscal_year(today)):
        subs = {s.period: s for s in Submission.objects.filter(org=org, fiscal_year=fy)}
        for code, (_, _, _, label) in REPORT_PERIODS.items():
            due = due_date(fy, code)
            s = subs.get(code)
            url = reverse("province:submissions_year", args=[org.code, fy])
            if s is not None and s.status == SubmissionStatus.RETURNED:
                out.append(
                    Item(
                        "returned",
                        f"แก้ไขและส่งใหม่: แบบที่ 2 {label} ปี {fy}",
                        due,
                        url,
                        org,
                        False,
                        "อบจ. ส่งกลับให้แก้ไข",
                        today,
                    )
                )
            elif s is None and near(due, today) and due >= today - dt.timedelta(days=120):
                out.append(
                    Item(
                        "submission",
                        f"ส่งแบบที่ 2 {label} ปี {fy} ให้ อบจ.",
                        due,
                        url,
                        org,
                        False,
                        "",
                        today,
                    )
                )
    return out


@source("analyst")
def analyst_items(org, today):
    """The provincial unit: unlock requests to decide, submissions to check, orgs late."""
    out = []
    review = reverse("province:review", args=[org.code])
    pending = UnlockRequest.objects.filter(
        submission__org__province=org.province_id, granted_at__isnull=True
    ).count()
    if pending:
        out.append(
            Item(
                "unlocks",
                f"คำขอปลดล็อกรอพิจารณา {pending:,} รายการ",
                None,
                review,
                org,
                False,
                "",
                today,
            )
        )
    waiting = Submission.objects.filter(
        org__province=org.province_id, status=SubmissionStatus.SUBMITTED
    ).count()
    if waiting:
        year = pending_review_year(org.province_id)
        at = reverse("province:review_year", args=[org.code, year]) if year else review
        out.append(
            Item("to_review", f"ข้อมูลรอตรวจ {waiting:,} รายการ", None, at, org, False, "", today)
        )
    orgs = Organization.objects.filter(province=org.province_id).count()
    fy = fiscal_year(today)
    for year in (fy - 1, fy):
        sent = dict(
            Submission.objects.filter(org__province=org.province_id, fiscal_year=year)
            .values_list("period")
            .annotate(n=Count("id"))
            .values_list("period", "n")
        )
        for code, (_, _, _, label) in REPORT_PERIODS.items():
            due = due_date(year, code)
            late = orgs - sent.get(code, 0)
            if due < today and late > 0 and due >= today - dt.timedelta(days=120):
                out.append(
                    Item(
                        "late_orgs",
                        f"อปท. ยังไม่ส่งแบบที่ 2 {label} ปี {year}: {late:,} แห่ง",
                        due,
                        reverse("province:review_year", args=[org.code, year]),
                        org,
                        False,
                        "",
                        today,
                    )
                )
    return out
