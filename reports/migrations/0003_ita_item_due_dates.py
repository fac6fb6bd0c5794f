"""Each ITA item of a year gets the day it must be on the website (กำหนดเผยแพร่), data per year
like its code: the action plan and the year's plans within October (30 days of the ordinance),
the 6-month reports within April, the year's spending once September's figures are in (October),
the annual report and its survey within December after the year ends. The operator edits them."""

import datetime as dt

from django.db import migrations, models

# source → (month, the Christian-era year relative to the fiscal year's ending year)
DUE = {
    "plan": (10, 31, -1),
    "action_plan": (10, 31, -1),
    "spending_plan": (10, 31, -1),
    "six_month": (4, 30, 0),
    "six_month_spending": (4, 30, 0),
    "annual_spending": (10, 31, 0),
    "annual": (12, 31, 0),
    "survey": (12, 31, 0),
}


def default_due(fiscal_year: int, source: str) -> dt.date | None:
    if source not in DUE:
        return None
    month, day, shift = DUE[source]
    return dt.date(fiscal_year - 543 + shift, month, day)


def load(apps, schema_editor):
    ItaItem = apps.get_model("reports", "ItaItem")
    for item in ItaItem.objects.filter(due_on__isnull=True):
        item.due_on = default_due(item.fiscal_year, item.source)
        item.save(update_fields=["due_on"])


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_ita_items_data")]
    operations = [
        migrations.AddField(
            model_name="itaitem",
            name="due_on",
            field=models.DateField(blank=True, null=True, verbose_name="กำหนดเผยแพร่"),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
