"""Photos of a work with place and time, at three stages (ก่อน / ระหว่าง / หลังดำเนินการ).

The stored file is re-encoded by monitoring.photos: orientation applied, every EXIF field other
than the position and the time removed; a thumbnail is made beside it. A photo without a position
is kept and marked (position_source = none).
"""

from django.conf import settings
from django.db import models

from monitoring.models.tracking import ProjectYear


class Stage(models.TextChoices):
    BEFORE = "before", "ก่อนดำเนินการ"
    DURING = "during", "ระหว่างดำเนินการ"
    AFTER = "after", "หลังดำเนินการ"


class PositionSource(models.TextChoices):
    DEVICE = "device", "ตำแหน่งจากโทรศัพท์ขณะถ่าย"
    EXIF = "exif", "ตำแหน่งจากข้อมูลในภาพ (EXIF)"
    NONE = "none", "ไม่มีตำแหน่ง"


class TimeSource(models.TextChoices):
    DEVICE = "device", "เวลาจากโทรศัพท์ขณะถ่าย"
    EXIF = "exif", "เวลาจากข้อมูลในภาพ (EXIF)"
    UPLOAD = "upload", "เวลาที่อัปโหลด (ไม่มีเวลาถ่ายในภาพ)"


def _path(instance, kind: str) -> str:
    import uuid

    return f"photos/{instance.project_year.org_id}/{uuid.uuid4().hex}{kind}.jpg"


def photo_path(instance, filename: str) -> str:
    return _path(instance, "")


def thumb_path(instance, filename: str) -> str:
    return _path(instance, "-t")


class Photo(models.Model):
    project_year = models.ForeignKey(ProjectYear, on_delete=models.CASCADE, related_name="photos")
    stage = models.CharField("ขั้นตอน", max_length=8, choices=Stage.choices)
    image = models.FileField(upload_to=photo_path)
    thumbnail = models.FileField(upload_to=thumb_path)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    original_name = models.CharField(max_length=255)
    caption = models.CharField("คำอธิบาย", max_length=300, blank=True)
    latitude = models.DecimalField("ละติจูด", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("ลองจิจูด", max_digits=9, decimal_places=6, null=True, blank=True)
    accuracy_m = models.PositiveIntegerField("ความคลาดเคลื่อน (เมตร)", null=True, blank=True)
    position_source = models.CharField(
        "ที่มาของตำแหน่ง", max_length=8, choices=PositionSource.choices, default=PositionSource.NONE
    )
    taken_at = models.DateTimeField("เวลาถ่าย")
    time_source = models.CharField("ที่มาของเวลา", max_length=8, choices=TimeSource.choices)
    is_public = models.BooleanField("เผยแพร่ต่อสาธารณะ", default=True)
    # a retried upload (slow connection) carries the same key and does not make a second photo
    client_key = models.CharField(max_length=64, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["stage", "taken_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project_year", "client_key"],
                condition=~models.Q(client_key=""),
                name="monitoring_photo_one_per_key",
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(
                    latitude__gte=5.5, latitude__lte=20.5, longitude__gte=97.3, longitude__lte=105.7
                ),
                name="monitoring_photo_in_thailand",
            ),
        ]
        indexes = [models.Index(fields=["project_year", "stage"], name="monitoring_photo_py_idx")]

    @property
    def has_position(self) -> bool:
        return self.latitude is not None
