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


# The name of each model in the audit log (ประวัติการแก้ไข).
AUDIT_NAMES = {
    "Program": "แผนงาน",
    "LinkageTarget": "ยุทธศาสตร์ที่เชื่อมโยง",
    "Plan": "แผนพัฒนาท้องถิ่น",
    "Mission": "พันธกิจ",
    "Strategy": "ยุทธศาสตร์",
    "Goal": "เป้าประสงค์",
    "KPI": "ตัวชี้วัด",
    "KPITarget": "ค่าเป้าหมายตัวชี้วัด",
    "Tactic": "กลยุทธ์/แนวทางการพัฒนา",
    "Edition": "ฉบับของแผน (เพิ่มเติม/เปลี่ยนแปลง)",
    "Project": "โครงการ",
    "ProjectVersion": "รายละเอียดโครงการ",
    "ProjectBudget": "งบประมาณโครงการรายปี",
    "BudgetOrdinance": "เทศบัญญัติ/ข้อบัญญัติงบประมาณ",
    "BudgetLine": "รายการงบประมาณ",
    "ActionPlan": "แผนการดำเนินงาน",
    "ActionPlanItem": "โครงการในแผนการดำเนินงาน",
    "ProjectPlace": "ที่ตั้งโครงการ",
    "BudgetTransfer": "การโอน/แก้ไขงบประมาณ",
}
# How a row reaches its org's id; None: province- or system-wide (no org); unlisted: its `org`.
AUDIT_ORG_PATHS: dict[str, str | None] = {
    "Program": None,
    "LinkageTarget": None,
    "Mission": "plan.org_id",
    "Strategy": "plan.org_id",
    "Goal": "strategy.plan.org_id",
    "KPI": "strategy.plan.org_id",
    "KPITarget": "kpi.strategy.plan.org_id",
    "Tactic": "strategy.plan.org_id",
    "Edition": "plan.org_id",
    "Project": "plan.org_id",
    "ProjectVersion": "plan.org_id",
    "ProjectBudget": "version.plan.org_id",
    "BudgetLine": "ordinance.org_id",
    "ActionPlanItem": "action_plan.org_id",
    "ProjectPlace": "project.plan.org_id",
    "BudgetTransfer": "line.ordinance.org_id",
}


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "แผนพัฒนาท้องถิ่น"

    def ready(self):
        from core import audit
        from plans import deadlines  # noqa: F401  (its items of งานของฉัน)

        audit.register(self.label, names=AUDIT_NAMES, org_paths=AUDIT_ORG_PATHS)

        pre_migrate.connect(drop_rule_views, sender=self, dispatch_uid="plans_drop_rule_views")
        post_migrate.connect(create_rule_views, sender=self, dispatch_uid="plans_create_rule_views")
