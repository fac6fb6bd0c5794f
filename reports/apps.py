from django.apps import AppConfig

# The name of each model in the audit log (ประวัติการแก้ไข).
AUDIT_NAMES = {
    "ItaItem": "รายการข้อมูลเปิดเผยสาธารณะ (ITA/OIT)",
}
# How a row reaches its org's id; None: province- or system-wide (no org); unlisted: its `org`.
AUDIT_ORG_PATHS: dict[str, str | None] = {
    "ItaItem": None,
}


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "เอกสารและรายงาน"

    def ready(self):
        from core import audit
        from reports import (
            deadlines,  # noqa: F401  (its items of งานของฉัน)
            handlers,  # noqa: F401  (registers its kinds of background jobs)
        )

        audit.register(self.label, names=AUDIT_NAMES, org_paths=AUDIT_ORG_PATHS)
