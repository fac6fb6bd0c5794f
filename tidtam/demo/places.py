"""Demo places and photos: works on a physical site are pinned within a few km of their district's
town (approximate coordinates), with the ตำบล from geothai and the หมู่ที่ from the name; the
completed works of one town get an "after" photo (a generated picture, no real person in it)."""

import io
import random
import re
from decimal import Decimal

import geothai
from PIL import Image, ImageDraw

from monitoring.models import ProjectYear, Stage, Status
from plans.models import ProjectPlace, ProjectVersion
from province.duplicates import is_asset

TOWNS = {  # district → (lat, lng) of its town, approximately
    "เมืองนครราชสีมา": (14.97, 102.10),
    "บัวใหญ่": (15.58, 102.43),
    "ปากช่อง": (14.71, 101.42),
    "พิมาย": (15.22, 102.49),
    "สีคิ้ว": (14.90, 101.72),
    "สูงเนิน": (14.89, 101.82),
    "หนองบัว": (15.10, 102.70),
    "ขามทะเลสอ": (14.96, 101.93),
    "โนนสูง": (15.18, 102.25),
    "โนนไทย": (15.20, 102.07),
}
MOO = re.compile(r"(?:หมู่ที่|ม\.)\s*(\d+)")


def _subdistricts(province_code: str, district_name: str) -> list[str]:
    for d in geothai.districts(province_code):
        if d.name_th == district_name:
            return [s.code for s in geothai.subdistricts(d.code)]
    return []


def pin_works(org, seed: int) -> int:
    """A place for every current work on a physical site of the org's plan (bulk: demo data)."""
    rng = random.Random(f"{seed}-{org.code}")
    district = org.district.name if org.district else ""
    lat0, lng0 = TOWNS.get(
        district, (15.0 + rng.uniform(-0.5, 0.5), 102.0 + rng.uniform(-0.6, 0.6))
    )
    codes = _subdistricts(org.province.code, district)
    places = []
    for project_id, name in ProjectVersion.objects.filter(
        plan__org=org, valid_until_seq__isnull=True, removed=False
    ).values_list("project_id", "name"):
        if not is_asset(name):
            continue
        moo = MOO.search(name)
        places.append(
            ProjectPlace(
                project_id=project_id,
                source="map",
                latitude=Decimal(f"{lat0 + rng.uniform(-0.03, 0.03):.6f}"),
                longitude=Decimal(f"{lng0 + rng.uniform(-0.03, 0.03):.6f}"),
                subdistrict_code=rng.choice(codes) if codes else "",
                village_no=int(moo.group(1)) if moo and 0 < int(moo.group(1)) < 100 else None,
            )
        )
    ProjectPlace.objects.bulk_create(places, ignore_conflicts=True)
    return len(places)


def picture(seed: int, label: str) -> bytes:
    rng = random.Random(seed)
    img = Image.new("RGB", (960, 720), (135, 190, 235))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 430, 960, 720), fill=(110 + rng.randint(0, 40), 150, 90))
    draw.polygon([(380, 720), (580, 720), (500, 430), (460, 430)], fill=(170, 170, 165))
    draw.text((20, 20), label, fill=(20, 20, 20))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


def photograph_done_works(org, fiscal_year: int, limit: int = 12) -> int:
    """An "after" photo, at the work's place, for the org's first completed works of the year."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from monitoring.services.photos import photo_add

    done = ProjectYear.objects.filter(
        org=org, fiscal_year=fiscal_year, status=Status.DONE, project__place__latitude__isnull=False
    )
    n = 0
    for py in done.select_related("project__place", "project__plan")[:limit]:
        place = py.project.place
        photo_add(
            org=org,
            fiscal_year=fiscal_year,
            project=py.project,
            stage=Stage.AFTER,
            upload=SimpleUploadedFile("after.jpg", picture(py.pk, f"{org.code}-{py.project_id}")),
            latitude=place.latitude,
            longitude=place.longitude,
            caption="ภาพหลังดำเนินการ (ข้อมูลทดลอง)",
        )
        n += 1
    return n
