from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate


def drop_rule_views(sender, using="default", **kwargs):
    """Before any migration runs: drop the shared-rule views (plans/models/rules.py), so that a
    migration may rebuild the tables under them (SQLite rebuilds a table to alter it, and refuses
    while a view names it; PostgreSQL refuses to change a column a view reads)."""
    from django.db import connections

    from plans.models.rules import VIEWS

    with connections[using].cursor() as cursor:
        for name, _ in reversed(VIEWS):
            cursor.execute(f"DROP VIEW IF EXISTS {name}")


def create_rule_views(sender, using="default", **kwargs):
    """After the migrations: the views again, from their one definition."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    from plans.models.rules import VIEWS

    connection = connections[using]
    applied = MigrationRecorder(connection).applied_migrations()
    if ("plans", "0006_shared_rule_views") not in applied:
        return  # migrated back to before the views (or not that far yet)
    drop_rule_views(sender, using)
    with connection.cursor() as cursor:
        for _, sql in VIEWS:
            cursor.execute(sql)


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "แผนพัฒนาท้องถิ่น"

    def ready(self):
        pre_migrate.connect(drop_rule_views, sender=self, dispatch_uid="plans_drop_rule_views")
        post_migrate.connect(create_rule_views, sender=self, dispatch_uid="plans_create_rule_views")
