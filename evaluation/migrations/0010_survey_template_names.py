"""The 5-level Likert survey of the overall performance is not the DLA's แบบที่ 3/2 (three levels:
พอใจมาก / พอใจ / ไม่พอใจ, domain.md §2.5): it was listed as a second "แบบที่ 3/2". It keeps its
code and answers, under a name of its own."""

from django.db import migrations

LIKERT = (
    "ภาพรวม",
    "แบบสำรวจความพึงพอใจต่อผลการดำเนินงานในภาพรวม มาตราส่วน 5 ระดับ (ใช้แทนแบบที่ 3/2)",
)
BEFORE = ("3/2", "แบบสำรวจความพึงพอใจต่อการดำเนินงานในภาพรวม (5 ระดับ)")


def rename(apps, schema_editor, names=LIKERT):
    SurveyTemplate = apps.get_model("evaluation", "SurveyTemplate")
    form, name = names
    SurveyTemplate.objects.filter(code="likert_overall").update(form=form, name=name)


def undo(apps, schema_editor):
    rename(apps, schema_editor, BEFORE)


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0009_survey_form_token")]
    operations = [migrations.RunPython(rename, undo)]
