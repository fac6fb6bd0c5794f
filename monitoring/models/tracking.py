"""What happens to a budgeted project during a fiscal year: status, progress, contract,
disbursement.

ProjectYear holds the year's contract data and the current state (kept by the services from the
monthly rows); MonthlyProgress holds one row per fiscal month (1 = ต.ค. … 12 = ก.ย.), so a
quarter's report can be read as of its last month. `version` guards against lost updates.
"""

from django.conf import settings
from django.db import models

from orgs.models import Organization
from plans.models import Project


class Status(models.TextChoices):
    NOT_STARTED = "not_started", "ยังไม่ได้ดำเนินการ"
    IN_PROGRESS = "in_progress", "อยู่ระหว่างดำเนินการ"
    DONE = "done", "ดำเนินการแล้วเสร็จ"
    CANCELLED = "cancelled", "ยกเลิก"


class Procurement(models.TextChoices):
    E_BIDDING = "e_bidding", "ประกาศเชิญชวนทั่วไป (e-bidding)"
    E_MARKET = "e_market", "ประกาศเชิญชวนทั่วไป (e-market)"
    SELECTION = "selection", "วิธีคัดเลือก"
    SPECIFIC = "specific", "วิธีเฉพาะเจาะจง"
    SELF = "self", "ดำเนินการเอง (ไม่มีการจัดซื้อจัดจ้าง)"


class ProjectYear(models.Model):
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="project_years")
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณ (พ.ศ.)")
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="years")
    procurement = models.CharField(
        "วิธีการจัดซื้อจัดจ้าง", max_length=16, choices=Procurement.choices, blank=True
    )
    contract_no = models.CharField("เลขที่สัญญา/ใบสั่ง", max_length=100, blank=True)
    contract_signed_on = models.DateField("วันที่ลงนามสัญญา", null=True, blank=True)
    contract_amount = models.DecimalField(
        "จำนวนเงินตามสัญญา (ก่อหนี้ผูกพัน)", max_digits=15, decimal_places=2, null=True, blank=True
    )
    carried_over = models.DecimalField(
        "กันเงินไว้เบิกเหลื่อมปี", max_digits=15, decimal_places=2, default=0
    )
    problems = models.TextField("ปัญหาและอุปสรรค", blank=True)
    # current state, kept by monitoring.services from the monthly rows
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NOT_STARTED)
    progress = models.PositiveSmallIntegerField("ความก้าวหน้า (%)", default=0)
    disbursed = models.DecimalField("เบิกจ่ายสะสม", max_digits=15, decimal_places=2, default=0)
    last_month = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["org", "fiscal_year", "project"], name="monitoring_projectyear_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="monitoring_projectyear_progress"
            ),
            models.CheckConstraint(
                condition=models.Q(contract_amount__gte=0) | models.Q(contract_amount__isnull=True),
                name="monitoring_projectyear_contract_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["fiscal_year", "org"], name="monitoring_py_fy_org_idx")]


class MonthlyProgress(models.Model):
    project_year = models.ForeignKey(ProjectYear, on_delete=models.CASCADE, related_name="months")
    month = models.PositiveSmallIntegerField("เดือน (1 = ต.ค.)")
    status = models.CharField("สถานะ", max_length=16, choices=Status.choices)
    progress = models.PositiveSmallIntegerField("ความก้าวหน้า (%)", default=0)
    disbursed = models.DecimalField("เบิกจ่ายในเดือน (บาท)", max_digits=15, decimal_places=2)
    note = models.CharField("หมายเหตุ", max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(
                fields=["project_year", "month"], name="monitoring_monthly_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="monitoring_monthly_month"
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="monitoring_monthly_progress"
            ),
            models.CheckConstraint(
                condition=models.Q(disbursed__gte=0), name="monitoring_monthly_not_negative"
            ),
        ]


def evidence_path(instance, filename: str) -> str:
    import uuid
    from pathlib import Path

    return (
        f"evidence/{instance.project_year.org_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"
    )


class Evidence(models.Model):
    """A photo or document proving progress; checked on upload, served as a download only."""

    project_year = models.ForeignKey(ProjectYear, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    caption = models.CharField("คำอธิบาย", max_length=300, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
