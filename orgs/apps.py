from django.apps import AppConfig

# The name of each model in the audit log (ประวัติการแก้ไข).
AUDIT_NAMES = {
    "Province": "จังหวัด",
    "District": "อำเภอ",
    "Organization": "หน่วยงาน (อปท.)",
    "OrgTypeChange": "การเปลี่ยนประเภท อปท.",
    "Division": "กอง/สำนัก",
    "Membership": "สิทธิ์ผู้ใช้ในหน่วยงาน",
    "ApiToken": "โทเค็น API",
}
# How a row reaches its org's id; None: province- or system-wide (no org); unlisted: its `org`.
AUDIT_ORG_PATHS: dict[str, str | None] = {
    "Province": None,
    "District": None,
    "Organization": "pk",
    "ApiToken": None,
}
# The log itself, the login log (a security record of its own) and the maps' version counter
# (bookkeeping, no one's entry) are not audited.
SKIP = ("AuditEntry", "LoginAttempt", "MapVersion")


class OrgsConfig(AppConfig):
    name = "orgs"
    verbose_name = "องค์กรและผู้ใช้"

    def ready(self):
        from core import audit
        from orgs.models import AuditEntry

        audit.keep_log_in(AuditEntry)
        audit.register(self.label, names=AUDIT_NAMES, org_paths=AUDIT_ORG_PATHS, skip=SKIP)
        audit.register("auth", names={"User": "ผู้ใช้"}, org_paths={"User": None}, only=("User",))

        from django.db.models.signals import post_delete, post_save

        from orgs.models import Organization

        post_save.connect(_org_changed, sender=Organization, dispatch_uid="orgs_map_version")
        post_delete.connect(_org_changed, sender=Organization, dispatch_uid="orgs_map_version")


def _org_changed(sender, instance, **kwargs):
    """An org added, renamed, moved or removed: its province's maps change (orgs.versions)."""
    from orgs import versions

    versions.touch_province(instance.province_id)
