from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exchange.plan_import import import_plan
from orgs.models import Organization


class Command(BaseCommand):
    help = "นำเข้าแผนพัฒนาท้องถิ่นจากไฟล์ .xlsx/.csv (ทั้งหมดหรือไม่มีเลย)"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--org", required=True, help="รหัส อปท.")
        parser.add_argument("--dry-run", action="store_true", help="ตรวจสอบอย่างเดียว ไม่บันทึก")
        parser.add_argument("--draft", action="store_true", help="นำเข้าเป็นฉบับร่าง (ยังไม่อนุมัติ)")

    def handle(self, *args, file, org, dry_run, draft, **kw):
        organization = Organization.objects.filter(code=org).first()
        if organization is None:
            raise CommandError(f"ไม่พบหน่วยงานรหัส {org}")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"ไม่พบไฟล์ {file}")
        report = import_plan(
            org=organization,
            data=path.read_bytes(),
            filename=path.name,
            commit=not dry_run,
            approve=not draft,
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
