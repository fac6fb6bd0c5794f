"""ผลการดำเนินงานตามตัวชี้วัด: the actual value of a strategy KPI for a year, against its target."""

from django.conf import settings
from django.db import models

from plans.models import KPI


class KPIResult(models.Model):
    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="results")
    year = models.PositiveSmallIntegerField("ปี (พ.ศ.)")
    actual = models.DecimalField("ผลการดำเนินงาน", max_digits=14, decimal_places=2)
    evidence = models.CharField("หลักฐาน/แหล่งข้อมูล", max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kpi", "year"], name="evaluation_kpiresult_unique")
        ]
