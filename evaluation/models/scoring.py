"""Plan-quality scoring by the committee (แบบการให้คะแนนยุทธศาสตร์/โครงการ). Templates are data with
their point breakdown (editable: the 2561 manual's breakdown is only partly confirmed)."""

from django.db import models

from evaluation.models.committee import CommitteeMember
from orgs.models import Organization


class ScoreTemplate(models.Model):
    code = models.CharField(max_length=30, unique=True)
    name = models.CharField("ชื่อแบบให้คะแนน", max_length=300)
    edition = models.CharField("ฉบับ/แหล่งที่มา", max_length=300, blank=True)
    pass_percent = models.DecimalField("เกณฑ์ผ่าน (ร้อยละของคะแนนเต็ม)", max_digits=5, decimal_places=2)

    def __str__(self) -> str:
        return self.name


class ScoreItem(models.Model):
    template = models.ForeignKey(ScoreTemplate, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField()
    number = models.CharField("ข้อ", max_length=10)
    text = models.CharField("ประเด็นการพิจารณา", max_length=400)
    max_points = models.DecimalField("คะแนนเต็ม", max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["template", "order"]


class ScoreSheet(models.Model):
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="score_sheets")
    fiscal_year = models.PositiveSmallIntegerField()
    template = models.ForeignKey(ScoreTemplate, on_delete=models.PROTECT, related_name="sheets")
    member = models.ForeignKey(CommitteeMember, on_delete=models.PROTECT, related_name="sheets")
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["org", "fiscal_year", "template", "member"], name="evaluation_sheet_unique"
            )
        ]


class ScoreEntry(models.Model):
    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="entries")
    item = models.ForeignKey(ScoreItem, on_delete=models.PROTECT, related_name="entries")
    points = models.DecimalField(max_digits=6, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sheet", "item"], name="evaluation_entry_unique"),
            models.CheckConstraint(
                condition=models.Q(points__gte=0), name="evaluation_entry_positive"
            ),
        ]
