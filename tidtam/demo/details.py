"""The demo orgs' own details: address (ตำบล and postal code from geothai), an emblem, the
executive by name (the title นาย/นาง/นางสาว matching the person), the planning division, heads."""

import io
import random

import geothai
from django.conf import settings
from django.core.files.base import ContentFile

from orgs import services
from orgs.models import Division, Organization, OrgType

MEN = ["สมชาย", "ประเสริฐ", "วิชัย", "สุรพล", "บุญมี", "สมศักดิ์", "อนันต์", "ไพโรจน์", "ชาญวิทย์", "ธนากร"]
WOMEN = ["สมศรี", "วันเพ็ญ", "มาลี", "สุภาพร", "กาญจนา", "รัตนา", "พรทิพย์", "นงลักษณ์", "อรุณี", "จันทร์เพ็ญ"]
SURNAMES = [
    "ศรีสุข",
    "แก้วประเสริฐ",
    "บุญเรือง",
    "จันทร์หอม",
    "พรหมมา",
    "สุขเจริญ",
    "ทองดี",
    "ใจงาม",
    "ปัญญาดี",
    "วงศ์สวัสดิ์",
    "ชัยมงคล",
    "ศรีวิเศษ",
]
PLANNING = "กองวิชาการและแผนงาน"
SLUG_SITES = "go.th"


def person(rng: random.Random) -> str:
    """A full name with the title that matches the person: นาย for a man; นาง or นางสาว for a
    woman."""
    if rng.random() < 0.5:
        return f"นาย{rng.choice(MEN)} {rng.choice(SURNAMES)}"
    return f"{rng.choice(['นาง', 'นางสาว'])}{rng.choice(WOMEN)} {rng.choice(SURNAMES)}"


def split_name(full: str) -> tuple[str, str]:
    """“นางสาวนงลักษณ์ ชัยมงคล” → (“นงลักษณ์”, “ชัยมงคล”): a user's first and last name."""
    given, _, family = full.partition(" ")
    for title in ("นางสาว", "นาย", "นาง"):
        if given.startswith(title):
            given = given[len(title) :]
            break
    return given, family


def emblem_png(org: Organization) -> bytes:
    """A round seal with the org's short type and name, drawn with the bundled Sarabun."""
    from PIL import Image, ImageDraw, ImageFont

    size = 360
    img = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    hues: dict[str, tuple[int, int, int]] = {OrgType.PAO: (14, 74, 140), OrgType.SAO: (20, 110, 60)}
    hue = hues.get(org.org_type, (150, 30, 30))
    d.ellipse((8, 8, size - 8, size - 8), fill=(255, 250, 235), outline=hue, width=14)
    d.ellipse((40, 40, size - 40, size - 40), outline=hue, width=4)
    bold = str(settings.FONT_DIR / "Sarabun-Bold.ttf")
    big, small = ImageFont.truetype(bold, 92), ImageFont.truetype(bold, 34)
    d.text((size / 2, size / 2 - 18), org.type_short, font=big, fill=hue, anchor="mm")
    short = org.name.removeprefix("องค์การบริหารส่วนตำบล").removeprefix("องค์การบริหารส่วนจังหวัด")
    short = short.removeprefix("เทศบาลเมือง").removeprefix("เทศบาลตำบล")
    d.text((size / 2, size / 2 + 62), short[:14], font=small, fill=hue, anchor="mm")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def fill(org: Organization, slug: str, rng: random.Random) -> None:
    heads = {}
    for division in Division.objects.filter(org=org):
        heads[division.name] = services.division_save(
            org=org,
            division=division,
            name=division.name,
            head_name=person(rng),
            head_title=("หัวหน้า" if division.name.startswith("สำนัก") else "ผู้อำนวยการ")
            + division.name,
        )
    subdistricts = (
        geothai.subdistricts(org.district.code) if org.district and org.district.code else []
    )
    place = next(
        (s for s in subdistricts if s.name_th in org.name),
        subdistricts[0] if subdistricts else None,
    )
    services.org_details_update(
        org=org,
        data={
            "address": f"{rng.randint(1, 299)} หมู่ที่ {rng.randint(1, 12)}",
            "subdistrict": place.name_th if place else "",
            "postal_code": place.postal_codes[0] if place and place.postal_codes else "",
            "executive_name": person(rng),
            "executive_title": services_title(org),
            "planning_division": heads.get(PLANNING),
            "website": f"https://www.{slug}.{SLUG_SITES}",
            "email": f"saraban@{slug}.{SLUG_SITES}",
        },
        emblem=ContentFile(emblem_png(org), name="emblem.png"),
    )


def services_title(org: Organization) -> str:
    from orgs.models import default_executive_title

    return default_executive_title(org)
