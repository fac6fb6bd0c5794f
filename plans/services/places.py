"""Setting where a project's work is."""

from decimal import Decimal, InvalidOperation

import geothai
from django.core.exceptions import ValidationError
from django.db import transaction

from orgs.versions import touch_org
from plans.models import Project
from plans.models.places import PlaceSource, ProjectPlace
from thai.geo import in_thailand

SIX = Decimal("0.000001")


def _coord(value, label: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value).strip()).quantize(SIX)
    except (InvalidOperation, ValueError):
        raise ValidationError({label: f"{label}ต้องเป็นตัวเลข เช่น 15.123456"}) from None


@transaction.atomic
def place_set(
    *,
    project: Project,
    latitude=None,
    longitude=None,
    subdistrict_code: str = "",
    village_no: int | None = None,
    source: str = PlaceSource.MAP,
    updated_by=None,
) -> ProjectPlace:
    """Record the project's point and/or ตำบล + หมู่ที่; a point must lie in Thailand and a
    sub-district in the org's province."""
    lat, lng = _coord(latitude, "ละติจูด"), _coord(longitude, "ลองจิจูด")
    if (lat is None) != (lng is None):
        raise ValidationError("ระบุทั้งละติจูดและลองจิจูด หรือเว้นว่างทั้งคู่")
    if lat is not None and not in_thailand(lat, lng):
        raise ValidationError("พิกัดอยู่นอกประเทศไทย (ละติจูด 5.5–20.5, ลองจิจูด 97.3–105.7)")
    code = (subdistrict_code or "").strip()
    if code:
        s = geothai.subdistrict(code)
        if s is None:
            raise ValidationError({"subdistrict_code": "ไม่พบตำบลนี้ในข้อมูลเขตการปกครอง"})
        province = project.plan.org.province.code
        if s.province_code != province:
            raise ValidationError({"subdistrict_code": "ตำบลนี้ไม่อยู่ในจังหวัดของหน่วยงาน"})
    if village_no in ("", None):
        village_no = None
    else:
        try:
            village_no = int(village_no)
        except (TypeError, ValueError):
            raise ValidationError({"village_no": "หมู่ที่ต้องเป็นตัวเลข 1–99"}) from None
        if not 1 <= village_no <= 99:
            raise ValidationError({"village_no": "หมู่ที่ต้องเป็นตัวเลข 1–99"})
    if source not in PlaceSource.values:
        source = PlaceSource.MAP
    place = ProjectPlace.objects.filter(project=project).first() or ProjectPlace(project=project)
    place.latitude, place.longitude = lat, lng
    place.source = source if lat is not None else ""
    place.subdistrict_code, place.village_no = code, village_no
    place.updated_by = updated_by
    place.full_clean()
    place.save()
    touch_org(project.plan.org_id)  # the maps (and the province's outline) show the new pin
    return place
