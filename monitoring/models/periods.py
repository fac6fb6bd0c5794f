"""Reporting periods of the Thai fiscal year and their closing; a closed period is read-only."""

from collections.abc import Callable

from django.conf import settings
from django.db import models

from orgs.models import Organization


class PeriodKind(models.TextChoices):
    MONTH = "month", "เดือน"
    QUARTER = "quarter", "ไตรมาส"
    HALF = "half", "รอบ 6 เดือน"
    YEAR = "year", "ปีงบประมาณ"


MONTHS_OF: dict[str, Callable[[int], list[int]]] = {
    PeriodKind.MONTH: lambda n: [n],
    PeriodKind.QUARTER: lambda n: [3 * n - 2, 3 * n - 1, 3 * n],
    PeriodKind.HALF: lambda n: list(range(1, 7)) if n == 1 else list(range(7, 13)),
    PeriodKind.YEAR: lambda n: list(range(1, 13)),
}


class PeriodLock(models.Model):
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="period_locks")
    fiscal_year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=8, choices=PeriodKind.choices)
    number = models.PositiveSmallIntegerField(default=1)
    closed_at = models.DateTimeField(auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["org", "fiscal_year", "kind", "number"], name="monitoring_lock_unique"
            )
        ]

    @property
    def months(self) -> list[int]:
        return MONTHS_OF[PeriodKind(self.kind)](self.number)


class PeriodReport(models.Model):
    """The officer's text for a period's report: problems, obstacles and suggestions (แบบที่ 2 part
    4)."""

    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="period_reports")
    fiscal_year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=8, choices=PeriodKind.choices)
    number = models.PositiveSmallIntegerField(default=1)
    problems = models.TextField("ปัญหาและอุปสรรค", blank=True)
    suggestions = models.TextField("ข้อเสนอแนะ", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["org", "fiscal_year", "kind", "number"], name="monitoring_report_unique"
            )
        ]


# Report periods by their URL code: (kind, number, last fiscal month, Thai label)
REPORT_PERIODS = {
    "q1": (PeriodKind.QUARTER, 1, 3, "ไตรมาสที่ 1 (ตุลาคม – ธันวาคม)"),
    "q2": (PeriodKind.QUARTER, 2, 6, "ไตรมาสที่ 2 (มกราคม – มีนาคม)"),
    "q3": (PeriodKind.QUARTER, 3, 9, "ไตรมาสที่ 3 (เมษายน – มิถุนายน)"),
    "q4": (PeriodKind.QUARTER, 4, 12, "ไตรมาสที่ 4 (กรกฎาคม – กันยายน)"),
    "h1": (PeriodKind.HALF, 1, 6, "รอบ 6 เดือน (ตุลาคม – มีนาคม)"),
    "y": (PeriodKind.YEAR, 1, 12, "ประจำปีงบประมาณ (ตุลาคม – กันยายน)"),
}
