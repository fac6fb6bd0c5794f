"""แบบที่ 1 แบบช่วยกำกับการจัดทำแผนยุทธศาสตร์ขององค์กรปกครองส่วนท้องถิ่นโดยตนเอง: a yes/no checklist,
kept as a template per regulation edition and answered per plan."""

from django.conf import settings
from django.db import models

from plans.models import Plan


class ChecklistTemplate(models.Model):
    code = models.CharField(max_length=30, unique=True)
    name = models.CharField(max_length=300)
    edition = models.CharField("ฉบับระเบียบ/คู่มือ", max_length=300)
    active = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.edition})"


class ChecklistItem(models.Model):
    template = models.ForeignKey(ChecklistTemplate, on_delete=models.CASCADE, related_name="items")
    part = models.CharField("ส่วน", max_length=200)
    number = models.PositiveSmallIntegerField()
    text = models.CharField("ประเด็น", max_length=300)

    class Meta:
        ordering = ["template", "number"]


class ChecklistAnswer(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="checklist_answers")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="answers")
    done = models.BooleanField("มีการดำเนินงาน")
    note = models.CharField("หมายเหตุ/หลักฐาน", max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "item"], name="evaluation_checklist_unique")
        ]
