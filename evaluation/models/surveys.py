"""Satisfaction surveys (แบบที่ 3/2 overall, 3/3 per strategy, project outcome). Templates, scales
and band tables are data; answers come from the public page (web) or paper forms the officer types.
"""

import secrets

from django.conf import settings
from django.db import models

from orgs.models import Organization
from plans.models import Project, Strategy


class Scale(models.TextChoices):
    THREE = "three", "3 ระดับ (พอใจมาก / พอใจ / ไม่พอใจ)"
    ZERO_TEN = "zero_ten", "คะแนน 0–10"
    LIKERT5 = "likert5", "5 ระดับ (มากที่สุด … น้อยที่สุด)"


SCALE_CHOICES = {
    Scale.THREE: [(3, "พอใจมาก"), (2, "พอใจ"), (1, "ไม่พอใจ")],
    Scale.ZERO_TEN: [(v, str(v)) for v in range(10, -1, -1)],
    Scale.LIKERT5: [(5, "มากที่สุด"), (4, "มาก"), (3, "ปานกลาง"), (2, "น้อย"), (1, "น้อยที่สุด")],
}


class BandScheme(models.Model):
    """How a mean is put into words, e.g. 4.51–5.00 = มากที่สุด (0.5-step) or 4.21–5.00 (0.8-step)."""

    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.name


class Band(models.Model):
    scheme = models.ForeignKey(BandScheme, on_delete=models.CASCADE, related_name="bands")
    lower = models.DecimalField("ค่าเฉลี่ยตั้งแต่", max_digits=4, decimal_places=2)
    label = models.CharField("ระดับ", max_length=50)

    class Meta:
        ordering = ["scheme", "-lower"]


class SurveyTemplate(models.Model):
    code = models.CharField(max_length=30, unique=True)
    form = models.CharField("แบบ", max_length=20, help_text="3/2, 3/3 หรือ ประเมินโครงการ")
    name = models.CharField("ชื่อแบบสอบถาม", max_length=300)
    scale = models.CharField("มาตรวัด", max_length=10, choices=Scale.choices)
    band_scheme = models.ForeignKey(BandScheme, null=True, blank=True, on_delete=models.PROTECT)
    per_strategy = models.BooleanField("ถามแยกรายยุทธศาสตร์", default=False)
    edition = models.CharField("ฉบับ/แหล่งที่มา", max_length=200, blank=True)

    def __str__(self) -> str:
        return f"แบบที่ {self.form} {self.name}" if self.form[:1].isdigit() else self.name


class SurveyItem(models.Model):
    template = models.ForeignKey(SurveyTemplate, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["template", "number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="evaluation_item_unique")
        ]


def new_token() -> str:
    return secrets.token_urlsafe(9)


class Survey(models.Model):
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="surveys")
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณ")
    template = models.ForeignKey(SurveyTemplate, on_delete=models.PROTECT, related_name="surveys")
    title = models.CharField("ชื่อการสำรวจ", max_length=300)
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.PROTECT, related_name="surveys"
    )
    token = models.CharField(max_length=20, unique=True, default=new_token)
    is_open = models.BooleanField("เปิดรับคำตอบ", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-fiscal_year", "id"]

    def __str__(self) -> str:
        return self.title


class Sex(models.TextChoices):
    MALE = "m", "ชาย"
    FEMALE = "f", "หญิง"
    OTHER = "x", "ไม่ระบุ"


class AgeBand(models.TextChoices):
    UNDER_20 = "lt20", "ต่ำกว่า 20 ปี"
    A20_30 = "20_30", "20–30 ปี"
    A31_40 = "31_40", "31–40 ปี"
    A41_50 = "41_50", "41–50 ปี"
    A51_60 = "51_60", "51–60 ปี"
    OVER_60 = "gt60", "มากกว่า 60 ปี"


class Education(models.TextChoices):
    PRIMARY = "primary", "ประถมศึกษา"
    SECONDARY = "secondary", "มัธยมศึกษาหรือเทียบเท่า"
    DIPLOMA = "diploma", "อนุปริญญาหรือเทียบเท่า"
    BACHELOR = "bachelor", "ปริญญาตรี"
    HIGHER = "higher", "สูงกว่าปริญญาตรี"
    OTHER = "other", "อื่น ๆ"


class Occupation(models.TextChoices):
    OFFICIAL = "official", "รับราชการ"
    PRIVATE = "private", "เอกชน/รัฐวิสาหกิจ"
    TRADE = "trade", "ค้าขาย/ธุรกิจส่วนตัว"
    EMPLOYEE = "employee", "รับจ้าง"
    STUDENT = "student", "นักเรียน/นักศึกษา"
    FARMER = "farmer", "เกษตรกร"
    OTHER = "other", "อื่น ๆ"


class Channel(models.TextChoices):
    WEB = "web", "ตอบทางเว็บไซต์"
    PAPER = "paper", "แบบสอบถามกระดาษ"


class Response(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    sex = models.CharField("เพศ", max_length=2, choices=Sex.choices)
    age_band = models.CharField("อายุ", max_length=8, choices=AgeBand.choices)
    education = models.CharField("การศึกษา", max_length=12, choices=Education.choices)
    occupation = models.CharField("อาชีพหลัก", max_length=12, choices=Occupation.choices)
    submitted_at = models.DateTimeField(auto_now_add=True)
    client = models.CharField(max_length=64, blank=True, db_index=True)  # keyed hash of the device
    address = models.CharField(max_length=64, blank=True, db_index=True)  # keyed hash, never the IP
    # The shown form this answer came from: each form is accepted once (a replay is refused).
    form_token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(SurveyItem, on_delete=models.PROTECT, related_name="answers")
    strategy = models.ForeignKey(
        Strategy, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    value = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "item", "strategy"],
                name="evaluation_answer_unique",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                condition=models.Q(value__lte=10), name="evaluation_answer_range"
            ),
        ]
        indexes = [models.Index(fields=["item", "strategy"], name="evaluation_answer_item_idx")]
