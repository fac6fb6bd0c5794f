"""BudgetTransfer moves from monitoring to plans, next to the budget line it changes. The table
is renamed (monitoring_budgettransfer → plans_budgettransfer); its rows, ids and log entries stay."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="monitoring", model="budgettransfer").first()
    if old is None:
        return
    if ContentType.objects.filter(app_label="plans", model="budgettransfer").exists():
        ContentType.objects.filter(app_label="plans", model="budgettransfer").delete()
    old.app_label = "plans"
    old.save(update_fields=["app_label"])


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="plans", model="budgettransfer").update(
        app_label="monitoring"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("monitoring", "0002_default_rules"),
        ("plans", "0003_action_item_first_month"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="BudgetTransfer",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=[("increase", "โอนเพิ่ม"), ("decrease", "โอนลด"), ("new_item", "โอนตั้งจ่ายเป็นรายการใหม่"), ("explanation", "แก้ไขเปลี่ยนแปลงคำชี้แจงงบประมาณ")], max_length=16, verbose_name="ประเภท")),
                        ("amount", models.DecimalField(decimal_places=2, default=0, max_digits=15, verbose_name="จำนวนเงิน (บาท)")),
                        ("investment", models.BooleanField(default=False, verbose_name="งบลงทุน")),
                        ("changes_nature", models.BooleanField(default=False, verbose_name="เปลี่ยนแปลงลักษณะ ปริมาณ คุณภาพ หรือสถานที่")),
                        ("approver", models.CharField(choices=[("executive", "ผู้บริหารท้องถิ่น"), ("council", "สภาท้องถิ่น")], max_length=16, verbose_name="ผู้อนุมัติ")),
                        ("approved_on", models.DateField(verbose_name="วันที่อนุมัติ")),
                        ("reference", models.CharField(blank=True, max_length=200, verbose_name="เลขที่/ครั้งที่ประชุม")),
                        ("reason", models.TextField(blank=True, verbose_name="เหตุผล")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("created_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("line", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="transfers", to="plans.budgetline")),
                    ],
                    options={
                        "ordering": ["approved_on", "id"],
                        "db_table": "monitoring_budgettransfer",
                        "constraints": [models.CheckConstraint(condition=models.Q(("amount__gte", 0)), name="monitoring_transfer_not_negative")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="budgettransfer", table=None),
        migrations.RemoveConstraint(model_name="budgettransfer", name="monitoring_transfer_not_negative"),
        migrations.AddConstraint(
            model_name="budgettransfer",
            constraint=models.CheckConstraint(condition=models.Q(("amount__gte", 0)), name="plans_transfer_not_negative"),
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
