from django.apps import AppConfig

# The name of each model in the audit log (ประวัติการแก้ไข).
AUDIT_NAMES = {
    "Submission": "การส่งข้อมูลให้ อบจ.",
    "SubmissionEvent": "ประวัติการส่งข้อมูล",
    "ReturnReason": "เหตุผลการส่งคืน",
    "UnlockRequest": "คำขอปลดล็อกงวด",
    "ValidationRule": "กฎตรวจสอบข้อมูล",
    "DuplicatePair": "คู่โครงการซ้ำซ้อน",
    "ProvinceReport": "รายงานสรุปของจังหวัด",
}
# How a row reaches its org's id; None: province- or system-wide (no org); unlisted: its `org`.
AUDIT_ORG_PATHS: dict[str, str | None] = {
    "SubmissionEvent": "submission.org_id",
    "ReturnReason": "submission.org_id",
    "UnlockRequest": "submission.org_id",
    "ValidationRule": None,
    "DuplicatePair": "project_a.plan.org_id",
    "ProvinceReport": None,
}


class ProvinceConfig(AppConfig):
    name = "province"
    verbose_name = "หน่วยติดตามและประเมินผลระดับจังหวัด"

    def ready(self):
        from core import audit
        from province import deadlines  # noqa: F401  (its items of งานของฉัน)
        from province.labels import NUMBER_LABELS

        audit.register(self.label, names=AUDIT_NAMES, org_paths=AUDIT_ORG_PATHS)
        audit.JSON_KEYS["province.Submission.numbers"] = NUMBER_LABELS
