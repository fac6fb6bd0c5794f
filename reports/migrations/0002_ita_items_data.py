"""The eight OIT items the system produces, for the fiscal years 2567–2570 (the operator edits them
per year on the ITA settings page when the assessment renames or renumbers an item)."""

from django.db import migrations

ITEMS = [
    ("O4", "แผนพัฒนาท้องถิ่น", "plan"),
    ("O10", "แผนดำเนินงานประจำปี", "action_plan"),
    ("O11", "รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน", "six_month"),
    ("O12", "รายงานผลการดำเนินงานประจำปี", "annual"),
    ("O16", "รายงานผลการสำรวจความพึงพอใจ", "survey"),
    ("O18", "แผนการใช้จ่ายงบประมาณประจำปี", "spending_plan"),
    ("O19", "รายงานการกำกับติดตามการใช้จ่ายงบประมาณ รอบ 6 เดือน", "six_month_spending"),
    ("O20", "รายงานผลการใช้จ่ายงบประมาณประจำปี", "annual_spending"),
]
YEARS = (2567, 2568, 2569, 2570)


def load(apps, schema_editor):
    ItaItem = apps.get_model("reports", "ItaItem")
    for fy in YEARS:
        for order, (code, name, source) in enumerate(ITEMS, 1):
            ItaItem.objects.update_or_create(
                fiscal_year=fy, code=code, defaults={"name": name, "source": source, "order": order}
            )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_ita_items")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
