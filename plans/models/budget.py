"""Budget ordinance (ข้อบัญญัติ/เทศบัญญัติ) and other money a plan project can carry."""

from django.db import models

from orgs.models import Organization
from plans.models.editions import Project


class OrdinanceKind(models.TextChoices):
    ANNUAL = "annual", "งบประมาณรายจ่ายประจำปี"
    SUPPLEMENTARY = "supplementary", "งบประมาณรายจ่ายเพิ่มเติม"
    ACCUMULATED = "accumulated", "จ่ายขาดเงินสะสม"
    SUBSIDY = "subsidy", "เงินอุดหนุนเฉพาะกิจ"
    OTHER = "other", "งบประมาณจากหน่วยงานอื่น"


class FundingSource(models.TextChoices):
    ANNUAL = "annual", "งบประมาณรายจ่ายประจำปี"
    SUPPLEMENTARY = "supplementary", "งบประมาณรายจ่ายเพิ่มเติม"
    ACCUMULATED = "accumulated", "เงินสะสม"
    SPECIFIC_SUBSIDY = "specific_subsidy", "เงินอุดหนุนเฉพาะกิจ"
    OTHER_AGENCY = "other_agency", "หน่วยงานอื่น"


class BudgetOrdinance(models.Model):
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="ordinances")
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณ (พ.ศ.)")
    kind = models.CharField("ประเภท", max_length=16, choices=OrdinanceKind.choices)
    number = models.PositiveSmallIntegerField("ฉบับที่", default=1)
    council_approved_on = models.DateField("สภาเห็นชอบเมื่อ", null=True, blank=True)
    promulgated_on = models.DateField("ประกาศใช้เมื่อ", null=True, blank=True)

    class Meta:
        ordering = ["fiscal_year", "kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["org", "fiscal_year", "kind", "number"], name="plans_ordinance_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(fiscal_year__gte=2540, fiscal_year__lte=2700),
                name="plans_ordinance_fy_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        kind = OrdinanceKind(self.kind)
        if kind in (OrdinanceKind.ANNUAL, OrdinanceKind.SUPPLEMENTARY):
            if kind == OrdinanceKind.ANNUAL:  # "…รายจ่ายประจำปีงบประมาณ พ.ศ. 2570", said once
                return (
                    f"{self.org.ordinance_name}งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {self.fiscal_year}"
                )
            return (
                f"{self.org.ordinance_name}{kind.label} (ฉบับที่ {self.number})"
                f" ประจำปีงบประมาณ พ.ศ. {self.fiscal_year}"
            )
        return f"{kind.label} ครั้งที่ {self.number} ปีงบประมาณ พ.ศ. {self.fiscal_year}"


class BudgetLine(models.Model):
    ordinance = models.ForeignKey(BudgetOrdinance, on_delete=models.CASCADE, related_name="lines")
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="budget_lines")
    source = models.CharField("แหล่งเงิน", max_length=20, choices=FundingSource.choices)
    amount = models.DecimalField("งบประมาณ (บาท)", max_digits=15, decimal_places=2)
    item = models.CharField("รายการ/ประเภทรายจ่าย", max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["ordinance", "project"], name="plans_bl_ord_proj_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="plans_budgetline_not_negative"
            ),
        ]
