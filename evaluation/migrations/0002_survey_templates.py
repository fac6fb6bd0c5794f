"""Survey templates, their items and the two band tables in use (domain.md §2.5), as data."""

from django.db import migrations

ITEMS_3 = [
    "มีการเปิดโอกาสให้ประชาชนมีส่วนร่วมในโครงการ/กิจกรรม",
    "มีการประชาสัมพันธ์ให้ประชาชนรับรู้ข้อมูลของโครงการ/กิจกรรม",
    "มีการเปิดโอกาสให้ประชาชนแสดงความคิดเห็นในโครงการ/กิจกรรม",
    "มีการรายงานผลการดำเนินงานของโครงการ/กิจกรรมให้ประชาชนทราบ",
    "มีความโปร่งใสในการดำเนินงานโครงการ/กิจกรรม",
    "การดำเนินงานเป็นไปตามระยะเวลาที่กำหนด",
    "ผลการดำเนินโครงการ/กิจกรรมนำไปสู่การแก้ไขปัญหาของประชาชนในท้องถิ่น",
    "การแก้ไขปัญหาและการตอบสนองความต้องการของประชาชน",
    "ประโยชน์ที่ประชาชนได้รับจากการดำเนินโครงการ/กิจกรรม",
]
ITEMS_PROJECT = [
    "โครงการตรงกับความต้องการของประชาชน",
    "การประชาสัมพันธ์และการแจ้งข่าวสารของโครงการ",
    "ความเหมาะสมของสถานที่และระยะเวลาดำเนินการ",
    "คุณภาพของผลงาน/สิ่งที่ได้รับจากโครงการ",
    "ประโยชน์ที่ได้รับและการนำไปใช้ในชีวิตประจำวัน",
]
SCHEMES = {
    "half": ("ช่วงละ 0.5 (Best): 4.51–5.00 มากที่สุด … 1.00–1.50 น้อยที่สุด",
             [("4.51", "มากที่สุด"), ("3.51", "มาก"), ("2.51", "ปานกลาง"), ("1.51", "น้อย"),
              ("0", "น้อยที่สุด")]),
    "equal": ("ช่วงเท่ากัน 0.8: 4.21–5.00 มากที่สุด … 1.00–1.80 น้อยที่สุด",
              [("4.21", "มากที่สุด"), ("3.41", "มาก"), ("2.61", "ปานกลาง"), ("1.81", "น้อย"),
               ("0", "น้อยที่สุด")]),
}
TEMPLATES = [
    ("3_2", "3/2", "แบบประเมินความพึงพอใจต่อผลการดำเนินงานขององค์กรปกครองส่วนท้องถิ่นในภาพรวม",
     "three", None, False, ITEMS_3),
    ("3_3", "3/3", "แบบประเมินความพึงพอใจต่อผลการดำเนินงานขององค์กรปกครองส่วนท้องถิ่นในแต่ละยุทธศาสตร์",
     "zero_ten", None, True, ITEMS_3),
    ("likert_overall", "3/2", "แบบสำรวจความพึงพอใจต่อการดำเนินงานในภาพรวม (5 ระดับ)",
     "likert5", "half", False, ITEMS_3),
    ("project", "โครงการ", "แบบสำรวจความพึงพอใจต่อผลการดำเนินโครงการ (5 ระดับ)",
     "likert5", "half", False, ITEMS_PROJECT),
]


def load(apps, schema_editor):
    BandScheme = apps.get_model("evaluation", "BandScheme")
    Band = apps.get_model("evaluation", "Band")
    SurveyTemplate = apps.get_model("evaluation", "SurveyTemplate")
    SurveyItem = apps.get_model("evaluation", "SurveyItem")
    schemes = {}
    for code, (name, bands) in SCHEMES.items():
        scheme, _ = BandScheme.objects.update_or_create(code=code, defaults={"name": name})
        scheme.bands.all().delete()
        Band.objects.bulk_create(Band(scheme=scheme, lower=lo, label=lab) for lo, lab in bands)
        schemes[code] = scheme
    for code, form, name, scale, scheme, per_strategy, items in TEMPLATES:
        template, _ = SurveyTemplate.objects.update_or_create(
            code=code,
            defaults={"form": form, "name": name, "scale": scale, "per_strategy": per_strategy,
                      "band_scheme": schemes.get(scheme),
                      "edition": "คู่มือการติดตามและประเมินผล (กรมส่งเสริมการปกครองท้องถิ่น)"},
        )
        for n, text in enumerate(items, 1):
            SurveyItem.objects.update_or_create(template=template, number=n, defaults={"text": text})


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_committee_and_surveys")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
