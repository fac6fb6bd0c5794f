"""งานของฉัน: what is due, for whom and when, from the rules the system already knows.

Each rule is defined where it lives (publication.deadlines, province.services.due_date, the
30 days of ข้อ 26–27); this module only gathers them per person and role, for one day `today`.
"""

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse

from thai.dates import ce_year, fiscal_year, fiscal_year_bounds, thai_date

if TYPE_CHECKING:
    from orgs.models import Organization

ACTION_PLAN_DAYS = 30  # ข้อ 26–27: the action plan within 30 days of the ordinance
MONTHLY_ENTRY_DAY = 5  # the org's practice: a month's progress entered by the 5th of the next
ITA_SIX_MONTH_BY = (4, 30)  # the 6-month report (ITA O11/O19, ต.ค.–มี.ค.) published within April
WARN_DAYS = 45  # an item appears this many days before it is due


@dataclass
class Item:
    kind: str
    title: str
    due: dt.date | None
    url: str
    org: "Organization"
    done: bool = False
    detail: str = ""
    today: dt.date | None = None

    @property
    def days_left(self) -> int | None:
        return None if self.due is None or self.today is None else (self.due - self.today).days

    @property
    def state(self) -> str:
        if self.done:
            return "done"
        d = self.days_left
        if d is None:
            return "open"
        return "late" if d < 0 else "soon" if d <= 7 else "later"

    @property
    def when(self) -> str:
        """อีก 4 วัน (5 ธันวาคม 2569) / ครบกำหนดวันนี้ / เลยกำหนด 3 วัน"""
        if self.done:
            return "เสร็จแล้ว"
        d = self.days_left
        if d is None:
            return "รอดำเนินการ"
        on = thai_date(self.due)
        if d > 0:
            return f"อีก {d} วัน (ภายใน {on})"
        if d == 0:
            return f"ครบกำหนดวันนี้ ({on})"
        return f"เลยกำหนด {-d} วัน (กำหนด {on})"


def _sort(items):
    order = {"late": 0, "soon": 1, "open": 2, "later": 3, "done": 4}
    return sorted(items, key=lambda i: (order[i.state], i.due or dt.date.max, i.title))


def _near(due: dt.date | None, today: dt.date) -> bool:
    return due is not None and due - dt.timedelta(days=WARN_DAYS) <= today


def action_plan_items(org, today):
    from plans.models import ActionPlan, BudgetOrdinance

    out = []
    fy_now = fiscal_year(today)
    approved = {(a.fiscal_year) for a in ActionPlan.objects.filter(org=org, fiscal_year__gte=fy_now - 1)
                .exclude(approved_on=None, announced_on=None)}  # fmt: skip
    for o in BudgetOrdinance.objects.filter(org=org, fiscal_year__gte=fy_now - 1,
                                            promulgated_on__isnull=False).order_by("promulgated_on"):  # fmt: skip
        due = o.promulgated_on + dt.timedelta(days=ACTION_PLAN_DAYS)
        done = o.fiscal_year in approved
        if done and due < today - dt.timedelta(days=30):
            continue
        out.append(Item("action_plan", f"ประกาศแผนการดำเนินงาน ปีงบประมาณ {o.fiscal_year}", due,
                        reverse("plans:action_plan", args=[org.code]), org, done,
                        f"ภายใน {ACTION_PLAN_DAYS} วันนับแต่ประกาศใช้{o.get_kind_display()} "
                        f"({thai_date(o.promulgated_on)})", today))  # fmt: skip
    return out


def monthly_item(org, today):
    """Last month's progress: due on the MONTHLY_ENTRY_DAY of this month."""
    from monitoring.models import MonthlyProgress
    from plans.models import BudgetLine
    from thai.dates import fiscal_month_index

    last = today.replace(day=1) - dt.timedelta(days=1)
    fy, month = fiscal_year(last), fiscal_month_index(last)
    due = today.replace(day=MONTHLY_ENTRY_DAY)
    years = (BudgetLine.objects.filter(ordinance__org=org, ordinance__fiscal_year=fy)
             .values("project").distinct().count())  # fmt: skip
    if not years:
        return []
    entered = (MonthlyProgress.objects.filter(project_year__org=org, project_year__fiscal_year=fy,
                                              month=month)
               .values("project_year__project").distinct().count())  # fmt: skip
    label = thai_date(last).split(" ", 1)[1]
    return [Item("monthly", f"บันทึกผลการดำเนินงานประจำเดือน{label}", due,
                 reverse("monitoring:entry", args=[org.code, fy, month]), org, entered >= years,
                 f"บันทึกแล้ว {entered:,} จาก {years:,} โครงการ", today)]  # fmt: skip


def submission_items(org, today):
    """Each period's แบบที่ 2 to the province (due 15 days after the period) and what came back."""
    from monitoring.models import REPORT_PERIODS
    from province.models import Submission, SubmissionStatus
    from province.services import due_date

    out = []
    for fy in (fiscal_year(today) - 1, fiscal_year(today)):
        subs = {s.period: s for s in Submission.objects.filter(org=org, fiscal_year=fy)}
        for code, (_, _, _, label) in REPORT_PERIODS.items():
            due = due_date(fy, code)
            s = subs.get(code)
            url = reverse("province:submissions_year", args=[org.code, fy])
            if s is not None and s.status == SubmissionStatus.RETURNED:
                out.append(Item("returned", f"แก้ไขและส่งใหม่: แบบที่ 2 {label} ปี {fy}", due, url, org,
                                False, "อบจ. ส่งกลับให้แก้ไข", today))  # fmt: skip
            elif s is None and _near(due, today) and due >= today - dt.timedelta(days=120):
                out.append(Item("submission", f"ส่งแบบที่ 2 {label} ปี {fy} ให้ อบจ.", due, url, org,
                                False, "", today))  # fmt: skip
    return out


def six_month_item(org, today):
    fy = fiscal_year(today)
    due = dt.date(ce_year(fy), *ITA_SIX_MONTH_BY)
    if not _near(due, today) or today > due + dt.timedelta(days=30):
        return []
    return [Item("six_month", f"เผยแพร่รายงานการกำกับติดตามรอบ 6 เดือน ปี {fy} (ITA)", due,
                 reverse("reports:index", args=[org.code]), org, False,
                 "ตุลาคม – มีนาคม; ต้องเผยแพร่บนเว็บไซต์ภายในเดือนเมษายน", today)]  # fmt: skip


def annual_items(org, today):
    """The annual M&E report of the fiscal year that ended last 30 September (publication.py)."""
    from evaluation.models import AnnualReport
    from evaluation.publication import deadlines

    fy = fiscal_year(today) - 1  # the year that ended last 30 September
    december = dt.date(ce_year(fy), 12, 31)
    if today < fiscal_year_bounds(fy)[1] - dt.timedelta(days=60) or today > december + dt.timedelta(
        days=45
    ):
        return []
    report = AnnualReport.objects.filter(org=org, fiscal_year=fy).first() or AnnualReport(
        org=org, fiscal_year=fy
    )
    url = reverse("evaluation:annual_year", args=[org.code, fy])
    out = [Item("annual", f"รายงานผลการติดตามและประเมินผล ปี {fy}: {d.label}", d.due, url, org,
                d.done is not None or d.state == "ok", d.note, today)
           for d in deadlines(report, today)]  # fmt: skip
    return out


def committee_item(org, today):
    from evaluation.models import Committee

    c = Committee.objects.filter(org=org, term_start__lte=today).order_by("-term_start").first()
    if c is None or not _near(c.term_end, today) or c.term_end < today - dt.timedelta(days=60):
        return []
    return [Item("committee", "คณะกรรมการติดตามและประเมินผลครบวาระ แต่งตั้งชุดใหม่", c.term_end,
                 reverse("evaluation:committee", args=[org.code]), org, False,
                 f"วาระ {thai_date(c.term_start)} – {thai_date(c.term_end)}", today)]  # fmt: skip


def analyst_items(org, today):
    """The provincial unit: unlock requests to decide, submissions to check, orgs late."""
    from django.db.models import Count

    from monitoring.models import REPORT_PERIODS
    from orgs.models import Organization
    from province.models import Submission, SubmissionStatus, UnlockRequest
    from province.services import due_date

    out = []
    review = reverse("province:review", args=[org.code])
    pending = UnlockRequest.objects.filter(submission__org__province=org.province_id,
                                           granted_at__isnull=True).count()  # fmt: skip
    if pending:
        out.append(Item("unlocks", f"คำขอปลดล็อกรอพิจารณา {pending:,} รายการ", None, review, org,
                        False, "", today))  # fmt: skip
    waiting = Submission.objects.filter(org__province=org.province_id,
                                        status=SubmissionStatus.SUBMITTED).count()  # fmt: skip
    if waiting:
        out.append(Item("to_review", f"ข้อมูลรอตรวจ {waiting:,} รายการ", None, review, org, False,
                        "", today))  # fmt: skip
    orgs = Organization.objects.filter(province=org.province_id).count()
    fy = fiscal_year(today)
    for year in (fy - 1, fy):
        sent = dict(
            Submission.objects.filter(org__province=org.province_id, fiscal_year=year)
            .values_list("period").annotate(n=Count("id"))
            .values_list("period", "n")
        )  # fmt: skip
        for code, (_, _, _, label) in REPORT_PERIODS.items():
            due = due_date(year, code)
            late = orgs - sent.get(code, 0)
            if due < today and late > 0 and due >= today - dt.timedelta(days=120):
                out.append(Item("late_orgs", f"อปท. ยังไม่ส่งแบบที่ 2 {label} ปี {year}: {late:,} แห่ง",
                                due, reverse("province:review_year", args=[org.code, year]), org,
                                False, "", today))  # fmt: skip
    return out


WRITERS = {"officer", "executive", "admin"}


def my_work(user, today: dt.date) -> list[Item]:
    """Every item that needs this person, most urgent first."""
    from orgs.models import Membership

    items: list[Item] = []
    memberships = Membership.objects.filter(user=user).select_related("org", "org__province")
    seen = set()
    for m in memberships:
        org, role = m.org, m.role
        if (org.pk, role) in seen:
            continue
        seen.add((org.pk, role))
        if role in WRITERS:
            items += action_plan_items(org, today)
            items += monthly_item(org, today)
            items += submission_items(org, today)
            items += six_month_item(org, today)
            items += annual_items(org, today)
            items += committee_item(org, today)
        elif role == "division_head":
            items += monthly_item(org, today)
        elif role == "committee":
            items += annual_items(org, today)
            items += committee_item(org, today)
        elif role == "analyst":
            items += analyst_items(org, today)
    return _sort(items)
