"""The ITA (OIT) items an org publishes, as data per fiscal year: the assessment renames and
renumbers them from year to year, so the operator edits them; `source` says which document of
the system answers the item (reports.ita resolves it to a stable public URL and its date)."""

from django.db import models


class ItaSource(models.TextChoices):
    PLAN = "plan", "แผนพัฒนาท้องถิ่นที่อนุมัติแล้ว (ผ.02)"
    ACTION_PLAN = "action_plan", "แผนการดำเนินงานประจำปี (ผด.02)"
    SPENDING_PLAN = "spending_plan", "บัญชีสรุปแผนการดำเนินงาน/การใช้จ่ายงบประมาณ (ผด.01)"
    SIX_MONTH = "six_month", "รายงานการกำกับติดตามผล รอบ 6 เดือน"
    SIX_MONTH_SPENDING = "six_month_spending", "แบบที่ 2 ไตรมาสที่ 2 (การใช้จ่ายงบประมาณ 6 เดือน)"
    ANNUAL = "annual", "รายงานผลการติดตามและประเมินผลประจำปีที่ประกาศแล้ว"
    ANNUAL_SPENDING = "annual_spending", "แบบที่ 2 ไตรมาสที่ 4 (การใช้จ่ายงบประมาณทั้งปี)"
    SURVEY = "survey", "ผลการสำรวจความพึงพอใจ (แบบที่ 3/2 ในรายงานประจำปี)"


class ItaItem(models.Model):
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณที่ประเมิน (พ.ศ.)")
    code = models.CharField("รหัสข้อ", max_length=12)
    name = models.CharField("ชื่อข้อมูล", max_length=300)
    source = models.CharField("เอกสารจากระบบ", max_length=24, choices=ItaSource.choices)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)
    due_on = models.DateField("กำหนดเผยแพร่", null=True, blank=True)

    class Meta:
        ordering = ["fiscal_year", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "code"], name="reports_ita_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
