"""An approved edition has an approval date (the plan as of a date needs one), and keeps the
framework's names as approved. Approved editions without a date get the date of the meeting or
announcement that approved them; with neither they go back to draft, to be approved in the app."""

from django.db import migrations, models


def date_the_approvals(apps, schema_editor):
    Edition = apps.get_model("plans", "Edition")
    undated = Edition.objects.filter(status="approved", approved_on__isnull=True)
    for edition in undated:
        edition.approved_on = edition.meeting_on or edition.announced_on
        if edition.approved_on is None:
            edition.status = "draft"
        edition.save(update_fields=["approved_on", "status"])
    for edition in Edition.objects.filter(status="approved").select_related("plan"):
        strategies = apps.get_model("plans", "Strategy").objects.filter(plan=edition.plan_id)
        tactics = apps.get_model("plans", "Tactic").objects.filter(strategy__plan=edition.plan_id)
        edition.framework = {
            "strategies": {str(s.pk): [s.number, s.name] for s in strategies},
            "tactics": {str(t.pk): [t.number, t.name] for t in tactics},
        }
        edition.save(update_fields=["framework"])


class Migration(migrations.Migration):
    dependencies = [("plans", "0004_budget_transfer_moves_to_plans")]

    operations = [
        migrations.AddField(
            model_name="edition",
            name="framework",
            field=models.JSONField(blank=True, default=dict, verbose_name="ยุทธศาสตร์/กลยุทธ์ ณ วันอนุมัติ"),
        ),
        migrations.RunPython(date_the_approvals, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="edition",
            constraint=models.CheckConstraint(condition=models.Q(("status", "draft"), ("approved_on__isnull", False), _connector="OR"), name="plans_edition_approved_has_date"),
        ),
    ]
