"""Early-warning rules are data: each has a Thai name, a threshold and a sentence saying why and
what to do. The kind says which check in monitoring.rules runs it; the officer or the provincial
unit edits the rest."""

from django.db import models

from orgs.models import Organization
from plans.models import Project


class RuleKind(models.TextChoices):
    NOT_STARTED_LATE = "not_started_late", "ยังไม่เริ่มทั้งที่เลยเดือนตามแผน"
    NO_CONTRACT = "no_contract", "ยังไม่ลงนามสัญญาภายในเดือนที่กำหนด"
    DISBURSEMENT_LAG = "disbursement_lag", "เบิกจ่ายช้ากว่าสัดส่วนเวลาที่ผ่านไป"
    BUDGETED_NOT_IN_ACTION_PLAN = "budget_no_action", "ตั้งงบประมาณแล้วแต่ไม่อยู่ในแผนการดำเนินงาน"
    ACTION_PLAN_NOT_BUDGETED = "action_no_budget", "อยู่ในแผนการดำเนินงานแต่ไม่ได้ตั้งงบประมาณ"
    SUBSIDY_IDLE = "subsidy_idle", "เงินอุดหนุนเฉพาะกิจยังไม่เคลื่อนไหว"
    DONE_NO_AFTER_PHOTO = "done_no_after_photo", "แล้วเสร็จแต่ไม่มีภาพถ่ายหลังดำเนินการ"


class Severity(models.TextChoices):
    RED = "red", "ต้องแก้ไขด่วน"
    AMBER = "amber", "เฝ้าระวัง"


class WarningRule(models.Model):
    kind = models.CharField(max_length=24, choices=RuleKind.choices, unique=True)
    name = models.CharField("ชื่อสัญญาณเตือน", max_length=200)
    threshold = models.DecimalField("เกณฑ์", max_digits=12, decimal_places=2)
    threshold_label = models.CharField("ความหมายของเกณฑ์", max_length=200)
    message = models.TextField(
        "ข้อความ (เหตุผลและสิ่งที่ควรทำ)",
        help_text="ใช้ {project} {threshold} {value} {month} แทนค่าได้",
    )
    severity = models.CharField(max_length=8, choices=Severity.choices, default=Severity.AMBER)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Alert(models.Model):
    """The result of the last evaluation of one rule for one project (or the whole org)."""

    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="alerts")
    fiscal_year = models.PositiveSmallIntegerField()
    rule = models.ForeignKey(WarningRule, on_delete=models.CASCADE, related_name="hits")
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts"
    )
    severity = models.CharField(max_length=8, choices=Severity.choices)
    message = models.TextField()
    value = models.DecimalField(max_digits=15, decimal_places=2, null=True)
    as_of = models.DateField()
    evaluated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["org_id", "rule_id", "id"]
        indexes = [
            models.Index(fields=["fiscal_year", "org", "rule"], name="monitoring_alert_fy_org_idx")
        ]
