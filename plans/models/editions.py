"""The plan as a sequence of editions, and projects as versions valid over a range of editions.

A ProjectVersion is valid from the edition that introduced it (valid_from_seq) until the edition
that replaced or removed it (valid_until_seq, exclusive; NULL while current). "The plan as of
edition S" is then one range filter that the database can index and aggregate.
"""

from django.db import models

from orgs.models import Division
from plans.models.framework import Plan, Program, Strategy, Tactic


class EditionKind(models.TextChoices):
    ORIGINAL = "original", "ฉบับเดิม"
    REVIEW = "review", "ทบทวน"
    ADDITION = "addition", "เพิ่มเติม"
    CHANGE = "change", "เปลี่ยนแปลง"
    CORRECTION = "correction", "แก้ไข"


class EditionStatus(models.TextChoices):
    DRAFT = "draft", "ร่าง"
    APPROVED = "approved", "อนุมัติแล้ว"


class Edition(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="editions")
    seq = models.PositiveIntegerField("ลำดับ")
    kind = models.CharField("ประเภท", max_length=16, choices=EditionKind.choices)
    number = models.PositiveSmallIntegerField("ครั้งที่", null=True, blank=True)
    year = models.PositiveSmallIntegerField("ปี พ.ศ.", null=True, blank=True)
    status = models.CharField(
        max_length=16, choices=EditionStatus.choices, default=EditionStatus.DRAFT
    )
    approver = models.CharField("ผู้อนุมัติ", max_length=200, blank=True)
    meeting_on = models.DateField("วันที่ประชุมพิจารณา", null=True, blank=True)
    approved_on = models.DateField("วันที่อนุมัติ", null=True, blank=True)
    announced_on = models.DateField("วันที่ประกาศใช้", null=True, blank=True)
    note = models.TextField("หมายเหตุ", blank=True)
    # The framework's names as the edition was approved: {"strategies": {id: [number, name]},
    # "tactics": {id: [number, name]}}; an approved edition is shown with these, never today's.
    framework = models.JSONField("ยุทธศาสตร์/กลยุทธ์ ณ วันอนุมัติ", default=dict, blank=True)
    # The ผ.02 PDF of the approved edition, made once and kept (reports.services.freeze_edition):
    # the public (ITA O4) reads the stored document, never a fresh rendering.
    pdf = models.FileField("ผ.02 ที่จัดเก็บ", upload_to="editions/", blank=True)

    class Meta:
        ordering = ["seq"]
        constraints = [
            models.CheckConstraint(  # approved means approved on a date (see plans.models.rules)
                condition=models.Q(status="draft") | models.Q(approved_on__isnull=False),
                name="plans_edition_approved_has_date",
            ),
            models.UniqueConstraint(fields=["plan", "seq"], name="plans_edition_unique_seq"),
            models.UniqueConstraint(
                fields=["plan", "kind", "number", "year"],
                name="plans_edition_unique_label",
                nulls_distinct=False,
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        kind = EditionKind(self.kind)
        if kind == EditionKind.ORIGINAL:
            return kind.label
        text = kind.label
        if self.number:
            text += f" ครั้งที่ {self.number}"
            if self.year:
                text += f"/{self.year}"
        elif self.year:
            text += f" ปี {self.year}"
        return text

    @property
    def is_approved(self) -> bool:
        return self.status == EditionStatus.APPROVED

    def stale_content(self) -> list:
        """What the approver and the officer see of a draft beyond its own row: every project it
        adds, changes or removes, each at its revision (orgs.stale)."""
        return list(
            ProjectVersion.objects.filter(edition=self).order_by("pk").values_list("pk", "revision")
        )

    def stale_shown(self) -> str:
        count = ProjectVersion.objects.filter(edition=self).count()
        return f"โครงการที่เพิ่ม/แก้ไข/ตัดออกในฉบับนี้ขณะนี้: {count:,} รายการ"


class ProjectForm(models.TextChoices):
    P02 = "ผ.02", "ผ.02 โครงการพัฒนา"
    P02_1 = "ผ.02/1", "ผ.02/1 โครงการตามแผนชุมชน"
    P02_2 = "ผ.02/2", "ผ.02/2 โครงการเกินศักยภาพ (ประสานหน่วยงานอื่น)"
    P03 = "ผ.03", "ผ.03 บัญชีครุภัณฑ์"


class Project(models.Model):
    """Identity of a project across editions; its content lives in ProjectVersion."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="projects")
    created_in = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"โครงการ #{self.pk}"

    @classmethod
    def audit_names(cls, pks) -> dict[int, str]:
        """The name of each project (its latest version), for the audit log."""
        rows = (
            ProjectVersion.objects.filter(project_id__in=pks)
            .order_by("project_id", "-valid_from_seq")
            .values_list("project_id", "name")
        )
        names: dict[int, str] = {}
        for pk, name in rows:
            names.setdefault(pk, name)
        return names


class ProjectVersion(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="versions")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="versions")
    valid_from_seq = models.PositiveIntegerField()
    valid_until_seq = models.PositiveIntegerField(null=True, blank=True)
    removed = models.BooleanField("ตัดออกจากแผน", default=False)
    revision = models.PositiveIntegerField(default=1)

    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="+")
    tactic = models.ForeignKey(
        Tactic, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    seq_no = models.PositiveIntegerField("ที่", default=0)
    name = models.CharField("โครงการ", max_length=500)
    objective = models.TextField("วัตถุประสงค์", blank=True)
    target = models.TextField("เป้าหมาย (ผลผลิตของโครงการ)", blank=True)
    kpi = models.TextField("ตัวชี้วัด (KPI)", blank=True)
    expected_result = models.TextField("ผลที่คาดว่าจะได้รับ", blank=True)
    division = models.ForeignKey(
        Division, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responsible_unit = models.CharField("หน่วยงานรับผิดชอบหลัก", max_length=200, blank=True)
    form = models.CharField(
        "แบบ", max_length=8, choices=ProjectForm.choices, default=ProjectForm.P02
    )
    location = models.CharField("สถานที่ (หมู่ที่/ชุมชน)", max_length=300, blank=True)

    class Meta:
        ordering = ["strategy__number", "seq_no", "id"]
        indexes = [
            models.Index(
                fields=["plan", "valid_from_seq", "valid_until_seq"], name="plans_pv_asof_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["project", "edition"], name="plans_pv_one_per_edition"),
            models.CheckConstraint(
                condition=models.Q(valid_until_seq__isnull=True)
                | models.Q(valid_until_seq__gt=models.F("valid_from_seq")),
                name="plans_pv_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


# The free-text content of a ผ.02 row; forms, diffs and exports all use this one list.
PROJECT_TEXT_FIELDS = (
    "name",
    "objective",
    "target",
    "kpi",
    "expected_result",
    "responsible_unit",
    "form",
    "location",
)


class ProjectBudget(models.Model):
    version = models.ForeignKey(ProjectVersion, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField("ปี พ.ศ.")
    amount = models.DecimalField("งบประมาณ (บาท)", max_digits=15, decimal_places=2)

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["version", "year"], name="plans_budget_unique_year"),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="plans_budget_not_negative"
            ),
        ]
