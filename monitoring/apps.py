from django.apps import AppConfig

# The name of each model in the audit log (ประวัติการแก้ไข).
AUDIT_NAMES = {
    "PeriodLock": "การปิดงวด",
    "PeriodReport": "รายงานประจำงวด",
    "ProjectYear": "ผลการดำเนินงานโครงการรายปี",
    "MonthlyProgress": "ผลการดำเนินงานรายเดือน",
    "Evidence": "หลักฐานประกอบ",
    "Photo": "ภาพถ่ายการดำเนินงาน",
    "WarningRule": "เกณฑ์สัญญาณเตือน",
}
# How a row reaches its org's id; None: province- or system-wide (no org); unlisted: its `org`.
AUDIT_ORG_PATHS: dict[str, str | None] = {
    "MonthlyProgress": "project_year.org_id",
    "Evidence": "project_year.org_id",
    "Photo": "project_year.org_id",
    "WarningRule": None,
}
# Alerts are not audited: the rules recompute them.


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "การติดตามผล"

    def ready(self):
        from core import audit
        from monitoring import (
            deadlines,  # noqa: F401  (its items of งานของฉัน)
            handlers,  # noqa: F401  (registers its kinds of background jobs)
        )

        audit.register(self.label, names=AUDIT_NAMES, org_paths=AUDIT_ORG_PATHS, skip=("Alert",))

        from monitoring import selectors
        from plans import locks

        locks.register(
            closed_period_reached=selectors.closed_period_reached,
            closed_since=selectors.closed_since,
        )
