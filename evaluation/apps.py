from django.apps import AppConfig

# The name of each model in the audit log (ประวัติการแก้ไข).
AUDIT_NAMES = {
    "AnnualReport": "รายงานผลการติดตามและประเมินผลประจำปี",
    "Committee": "คณะกรรมการติดตามและประเมินผล",
    "CommitteeMember": "กรรมการ",
    "Meeting": "การประชุมคณะกรรมการ",
    "ChecklistTemplate": "แบบที่ 1 (แม่แบบ)",
    "ChecklistItem": "ข้อคำถามแบบที่ 1",
    "ChecklistAnswer": "คำตอบแบบที่ 1",
    "KPIResult": "ผลตามตัวชี้วัด",
    "ScoreTemplate": "แบบให้คะแนน",
    "ScoreItem": "ประเด็นการให้คะแนน",
    "ScoreSheet": "ใบให้คะแนนของกรรมการ",
    "ScoreEntry": "คะแนนรายประเด็น",
    "BandScheme": "เกณฑ์การแปลผล",
    "Band": "ช่วงคะแนนการแปลผล",
    "SurveyTemplate": "แบบสำรวจ (แม่แบบ)",
    "SurveyItem": "ข้อคำถามแบบสำรวจ",
    "Survey": "แบบสำรวจความพึงพอใจ",
    "Response": "ผู้ตอบแบบสำรวจ",
    "Answer": "คำตอบแบบสำรวจ",
}
# How a row reaches its org's id; None: province- or system-wide (no org); unlisted: its `org`.
AUDIT_ORG_PATHS: dict[str, str | None] = {
    "CommitteeMember": "committee.org_id",
    "Meeting": "committee.org_id",
    "ChecklistTemplate": None,
    "ChecklistItem": None,
    "ChecklistAnswer": "plan.org_id",
    "KPIResult": "kpi.strategy.plan.org_id",
    "ScoreTemplate": None,
    "ScoreItem": None,
    "ScoreEntry": "sheet.org_id",
    "BandScheme": None,
    "Band": None,
    "SurveyTemplate": None,
    "SurveyItem": None,
    "Response": "survey.org_id",
    "Answer": "response.survey.org_id",
}


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = "การประเมินผล"

    def ready(self):
        from core import audit
        from evaluation import deadlines  # noqa: F401  (its items of งานของฉัน)

        audit.register(self.label, names=AUDIT_NAMES, org_paths=AUDIT_ORG_PATHS)
