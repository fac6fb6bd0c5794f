"""The provincial M&E unit's loop: orgs submit a period, the analyst validates and approves or
returns it with reasons; an approved period is locked until an unlock is granted (recorded)."""

from django.conf import settings
from django.db import models

from monitoring.models import REPORT_PERIODS
from orgs.models import Organization
from province.labels import EVENT_LABELS

PERIOD_CHOICES = [(code, label) for code, (_, _, _, label) in REPORT_PERIODS.items()]


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", "ส่งแล้ว รอตรวจ"
    RETURNED = "returned", "ส่งกลับให้แก้ไข"
    APPROVED = "approved", "อนุมัติแล้ว"


class Submission(models.Model):
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="submissions")
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณ")
    period = models.CharField("รอบ", max_length=4, choices=PERIOD_CHOICES)
    status = models.CharField(max_length=12, choices=SubmissionStatus.choices)
    round = models.PositiveSmallIntegerField("ครั้งที่ส่ง", default=1)
    numbers = models.JSONField("ตัวเลขที่ส่ง", default=dict)
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["org", "fiscal_year", "period"], name="province_submission_unique"
            )
        ]


class SubmissionEvent(models.Model):
    """The history of a submission: submitted, returned (with reasons), approved, unlocked."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=20)
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["at", "id"]

    @property
    def action_label(self) -> str:
        return EVENT_LABELS.get(self.action, self.action)


class ReturnReason(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reasons")
    round = models.PositiveSmallIntegerField()
    item = models.CharField("รายการ", max_length=200)
    reason = models.TextField("เหตุผล")
    resolved = models.BooleanField(default=False)


class UnlockRequest(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="unlocks")
    reason = models.TextField("เหตุผลที่ขอแก้ไข")
    requested_at = models.DateTimeField(auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(null=True, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )


class ValidationRule(models.Model):
    """An expression over a submission's numbers, e.g. `disbursed <= budget`; checked on submit."""

    code = models.CharField(max_length=40, unique=True)
    name = models.CharField("ชื่อกฎ", max_length=200)
    expression = models.CharField("เงื่อนไขที่ต้องเป็นจริง", max_length=300)
    message = models.CharField("ข้อความเมื่อไม่ผ่าน", max_length=400)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["id"]


class Verdict(models.TextChoices):
    DUPLICATE = "duplicate", "ซ้ำซ้อน"
    NOT_DUPLICATE = "not_duplicate", "ไม่ซ้ำซ้อน"


class DuplicatePair(models.Model):
    """Two projects of neighbouring orgs that look like the same work; the analyst's verdict is kept
    across re-runs (the pair is keyed by its two projects, lower id first)."""

    fiscal_year = models.PositiveSmallIntegerField()
    project_a = models.ForeignKey("plans.Project", on_delete=models.CASCADE, related_name="+")
    project_b = models.ForeignKey("plans.Project", on_delete=models.CASCADE, related_name="+")
    score = models.DecimalField(max_digits=4, decimal_places=3)
    reason = models.CharField(max_length=400)
    verdict = models.CharField(max_length=16, choices=Verdict.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    seen_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["project_a", "project_b"], name="province_pair_unique"),
            models.CheckConstraint(
                condition=models.Q(project_a__lt=models.F("project_b")),
                name="province_pair_ordered",
            ),
        ]


IMPACTS = (
    "1. การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัดมีเป้าหมายและแนวทางในทิศทางเดียวกัน"
    " เชื่อมโยงกับยุทธศาสตร์ระดับบน ภายใต้สภาพปัญหาและความต้องการของแต่ละพื้นที่\n"
    "2. การประสานแผนพัฒนาระหว่างองค์กรปกครองส่วนท้องถิ่นช่วยลดความซ้ำซ้อนของโครงการ"
    " และจัดสรรทรัพยากรที่มีจำกัดได้อย่างมีประสิทธิภาพ"
)
RISKS = (
    "1. ความต้องการของประชาชนมีมากแต่งบประมาณมีไม่เพียงพอ โครงการในแผนจำนวนมากจึงไม่ได้รับงบประมาณ\n"
    "2. โครงการส่วนใหญ่เป็นโครงการด้านโครงสร้างพื้นฐาน ควรให้ความสำคัญกับยุทธศาสตร์ด้านอื่นควบคู่ไปด้วย\n"
    "3. ควรพัฒนาบุคลากรด้านนโยบายและแผนทั้งจังหวัดให้ปฏิบัติงานไปในทิศทางเดียวกัน"
)


class ProvinceReport(models.Model):
    """The provincial unit's narrative for its province summary (seed 000, part 3)."""

    province = models.ForeignKey("orgs.Province", on_delete=models.CASCADE, related_name="reports")
    fiscal_year = models.PositiveSmallIntegerField()
    impacts = models.TextField("ผลกระทบที่จะเกิดขึ้นในอนาคต", default=IMPACTS)
    risks = models.TextField("ความเสี่ยง ข้อสังเกต และข้อเสนอแนะ", default=RISKS)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["province", "fiscal_year"], name="province_report_unique"
            )
        ]
