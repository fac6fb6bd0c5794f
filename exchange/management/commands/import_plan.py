import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exchange.plan_import import EditionApproval, import_plan
from orgs.models import Organization


class Command(BaseCommand):
    help = "นำเข้าแผนพัฒนาท้องถิ่นจากไฟล์ .xlsx/.csv (ทั้งหมดหรือไม่มีเลย)"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--org", required=True, help="รหัส อปท.")
        parser.add_argument("--dry-run", action="store_true", help="ตรวจสอบอย่างเดียว ไม่บันทึก")
        parser.add_argument("--approver", default="", help="ผู้อนุมัติ (ใช้กับทุกฉบับในไฟล์)")
        parser.add_argument(
            "--approved-on", default="", help="วันที่อนุมัติ YYYY-MM-DD (ไม่ระบุ = นำเข้าเป็นฉบับร่าง)"
        )

    def handle(self, *args, file, org, dry_run, approver, approved_on, **kw):
        organization = Organization.objects.filter(code=org).first()
        if organization is None:
            raise CommandError(f"ไม่พบหน่วยงานรหัส {org}")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"ไม่พบไฟล์ {file}")
        approval = None
        if approver or approved_on:
            try:
                approval = EditionApproval(
                    approver=approver, approved_on=dt.date.fromisoformat(approved_on)
                )
            except ValueError as exc:
                raise CommandError("--approved-on ต้องเป็นวันที่แบบ YYYY-MM-DD") from exc
            if not approval.complete:
                raise CommandError("ต้องระบุทั้ง --approver และ --approved-on")
        preview = import_plan(
            org=organization, data=path.read_bytes(), filename=path.name, commit=False
        )
        approvals = {e.label: approval for e in preview.editions} if approval else {}
        report = import_plan(
            org=organization,
            data=path.read_bytes(),
            filename=path.name,
            commit=not dry_run,
            approvals=approvals,
        )
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"นำเข้าไม่ได้: พบ {len(report.problems)} ข้อผิดพลาด ไม่มีข้อมูลใดถูกบันทึก")
        verb = "ตรวจสอบผ่าน" if dry_run else "นำเข้าแล้ว"
        editions = ", ".join(
            f"{e.label} (+{len(e.added)}, แก้ไข {len(e.changed)})" for e in report.editions
        )
        self.stdout.write(f"{verb} {len(report.rows)} โครงการ: {editions}")
        for difference in report.differences:
            self.stdout.write(f"ผลต่างกับยอดที่พิมพ์: {difference}")
        for warning in report.warnings:
            self.stdout.write(f"ข้อสังเกต: {warning}")
