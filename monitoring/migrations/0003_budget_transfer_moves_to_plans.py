"""BudgetTransfer now lives in plans (plans/0004 renamed its table); monitoring forgets it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0002_default_rules"),
        ("plans", "0004_budget_transfer_moves_to_plans"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="BudgetTransfer")],
            database_operations=[],
        )
    ]
