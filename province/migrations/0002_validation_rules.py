"""The validation rules run when an org submits a period (editable data)."""

from django.db import migrations

RULES = [
    ("disbursed_le_budget", "เบิกจ่ายไม่เกินงบประมาณ", "disbursed <= budget",
     "เบิกจ่ายรวม {disbursed:,.2f} บาท เกินงบประมาณที่ตั้งไว้ {budget:,.2f} บาท"),
    ("contracted_le_budget", "ลงนามสัญญาไม่เกินงบประมาณ", "contracted <= budget",
     "ยอดลงนามสัญญารวม {contracted:,.2f} บาท เกินงบประมาณที่ตั้งไว้ {budget:,.2f} บาท"),
    ("contracted_projects_le_budgeted", "โครงการที่ลงนามสัญญาไม่เกินโครงการที่ตั้งงบประมาณ",
     "contracted_projects <= budgeted_projects",
     "โครงการที่ลงนามสัญญา {contracted_projects:,.0f} โครงการ มากกว่าโครงการที่ตั้งงบประมาณ {budgeted_projects:,.0f} โครงการ"),
    ("status_adds_up", "สถานะโครงการรวมกันเท่ากับโครงการที่ตั้งงบประมาณ",
     "done + in_progress + not_started + cancelled == budgeted_projects",
     "จำนวนโครงการตามสถานะรวม {status_total:,.0f} ไม่เท่ากับโครงการที่ตั้งงบประมาณ {budgeted_projects:,.0f}"),
    ("budgeted_in_plan", "โครงการที่ตั้งงบประมาณต้องอยู่ในแผนพัฒนาท้องถิ่น", "budgeted_not_in_plan == 0",
     "มีโครงการที่ตั้งงบประมาณแต่ไม่อยู่ในแผนพัฒนาท้องถิ่นฉบับที่อนุมัติ {budgeted_not_in_plan:,.0f} โครงการ"),
    ("has_progress", "มีการบันทึกผลการดำเนินงาน", "budgeted_projects == 0 or recorded_projects > 0",
     "ยังไม่ได้บันทึกผลการดำเนินงานของโครงการใดเลยในรอบนี้"),
]


def load(apps, schema_editor):
    Rule = apps.get_model("province", "ValidationRule")
    for code, name, expression, message in RULES:
        Rule.objects.update_or_create(
            code=code, defaults={"name": name, "expression": expression, "message": message}
        )


class Migration(migrations.Migration):
    dependencies = [("province", "0001_submissions")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
