"""Where a project's work is: a point (set on a map or taken from its photos) and/or the
sub-district (ตำบล, a code of the geothai dataset) and village number (หมู่ที่)."""

from django.conf import settings
from django.db import models

from plans.models.editions import Project


class PlaceSource(models.TextChoices):
    MAP = "map", "ปักหมุดบนแผนที่"
    PHOTO = "photo", "จากตำแหน่งของภาพถ่าย"
    TYPED = "typed", "พิมพ์พิกัด"


class ProjectPlace(models.Model):
    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="place")
    latitude = models.DecimalField("ละติจูด", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("ลองจิจูด", max_digits=9, decimal_places=6, null=True, blank=True)
    source = models.CharField("ที่มาของพิกัด", max_length=8, choices=PlaceSource.choices, blank=True)
    subdistrict_code = models.CharField("ตำบล (รหัส)", max_length=6, blank=True)
    village_no = models.PositiveSmallIntegerField("หมู่ที่", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(
                    latitude__gte=5.5, latitude__lte=20.5, longitude__gte=97.3, longitude__lte=105.7
                ),
                name="plans_place_in_thailand",
            ),
            models.CheckConstraint(
                condition=models.Q(village_no__isnull=True)
                | models.Q(village_no__gte=1, village_no__lte=99),
                name="plans_place_village_no",
            ),
        ]

    def __str__(self) -> str:
        return f"ที่ตั้งโครงการ {self.project_id}"

    @property
    def has_point(self) -> bool:
        return self.latitude is not None

    @property
    def subdistrict_label(self) -> str:
        from plans.places import subdistrict_label

        return subdistrict_label(self.subdistrict_code, self.village_no)


def outline_cache_key(province_id: int) -> str:
    """Where the province map's outline of pinned works is cached (monitoring.geo), with a
    fingerprint of the province's pins after it."""
    return f"tidtam:outline:{province_id}"
