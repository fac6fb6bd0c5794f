"""Early warning: a work marked completed with no photo of the finished work (หลังดำเนินการ)."""

from django.db import migrations

RULE = (
    "done_no_after_photo",
    "งานแล้วเสร็จแต่ยังไม่มีภาพถ่ายหลังดำเนินการ",
    0,
    "ไม่มีเกณฑ์ (ตรวจทุกโครงการที่แล้วเสร็จ)",
    "amber",
    "โครงการ{project}บันทึกว่าดำเนินการแล้วเสร็จ แต่ยังไม่มีภาพถ่ายหลังดำเนินการ"
    " ควรถ่ายภาพผลงานพร้อมตำแหน่งจากโทรศัพท์และแนบในหน้าโครงการ"
    " เพื่อใช้เป็นหลักฐานในรายงานและเผยแพร่ต่อประชาชน",
)


def load(apps, schema_editor):
    WarningRule = apps.get_model("monitoring", "WarningRule")
    kind, name, threshold, label, severity, message = RULE
    WarningRule.objects.update_or_create(
        kind=kind,
        defaults={"name": name, "threshold": threshold, "threshold_label": label,
                  "severity": severity, "message": message},
    )


def unload(apps, schema_editor):
    apps.get_model("monitoring", "WarningRule").objects.filter(kind=RULE[0]).delete()


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0003_photos")]
    operations = [migrations.RunPython(load, unload)]
