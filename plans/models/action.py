"""แผนการดำเนินงาน (ผด.01/ผด.02) for a fiscal year, with the Oct–Sep month grid."""

import datetime as dt

from django.db import models

from orgs.models import Organization
from plans.models.budget import BudgetLine
from plans.models.editions import Project

ACTION_PLAN_DUE_DAYS = 30  # ข้อ 26–27: within 30 days of the ordinance


class ActionPlan(models.Model):
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="action_plans")
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณ (พ.ศ.)")
    amendment = models.PositiveSmallIntegerField("แก้ไขครั้งที่", default=0)
    approved_on = models.DateField("วันที่อนุมัติ", null=True, blank=True)
    announced_on = models.DateField("วันที่ประกาศ", null=True, blank=True)

    class Meta:
        ordering = ["fiscal_year", "amendment"]
        constraints = [
            models.UniqueConstraint(
                fields=["org", "fiscal_year", "amendment"], name="plans_actionplan_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        text = f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {self.fiscal_year}"
        if self.amendment:
            text += f" (แก้ไขครั้งที่ {self.amendment})"
        return text


def months_from_mask(mask: int) -> list[bool]:
    return [bool(mask >> i & 1) for i in range(12)]


def mask_from_months(months: list[int]) -> int:
    """months: fiscal month indices 1 (ต.ค.) … 12 (ก.ย.)."""
    mask = 0
    for m in months:
        if not 1 <= m <= 12:
            raise ValueError(m)
        mask |= 1 << (m - 1)
    return mask


class ActionPlanItem(models.Model):
    action_plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="items")
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.PROTECT, related_name="action_items"
    )
    budget_line = models.ForeignKey(
        BudgetLine, null=True, blank=True, on_delete=models.PROTECT, related_name="action_items"
    )
    other_agency = models.CharField("หน่วยงานอื่นที่ดำเนินการ", max_length=200, blank=True)
    seq_no = models.PositiveIntegerField("ที่", default=0)
    name = models.CharField("โครงการ", max_length=500)
    activity = models.TextField("รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", blank=True)
    amount = models.DecimalField("งบประมาณ (บาท)", max_digits=15, decimal_places=2)
    place = models.CharField("สถานที่ดำเนินการ", max_length=300, blank=True)
    responsible_unit = models.CharField("หน่วยงานรับผิดชอบหลัก", max_length=200, blank=True)
    months = models.PositiveSmallIntegerField("เดือนที่ดำเนินการ (bitmask ต.ค.=1)", default=0)
    first_month = models.PositiveSmallIntegerField("เดือนแรกตามแผน (1=ต.ค.)", default=0)
    last_month = models.PositiveSmallIntegerField("เดือนสุดท้ายตามแผน (1=ต.ค.)", default=0)

    class Meta:
        ordering = ["seq_no", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="plans_actionitem_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(months__lt=4096), name="plans_actionitem_months_mask"
            ),
        ]

    @property
    def month_flags(self) -> list[bool]:
        return months_from_mask(self.months)


def action_plan_due_date(promulgated_on: dt.date | None) -> dt.date | None:
    if promulgated_on is None:
        return None
    return promulgated_on + dt.timedelta(days=ACTION_PLAN_DUE_DAYS)
