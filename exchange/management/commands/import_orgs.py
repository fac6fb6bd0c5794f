from pathlib import Path

import geothai
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.audit import acting
from exchange.org_import import import_orgs
from orgs.models import Province
from orgs.services import districts_sync


class Command(BaseCommand):
    help = (
        "นำเข้ารายชื่อ อปท. ของจังหวัดจากไฟล์ .xlsx/.csv (รหัส อปท. · ชื่อ · ประเภท · อำเภอ; ทั้งหมดหรือไม่มีเลย)"
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--province", required=True, help="รหัสจังหวัด 2 หลัก เช่น 30 (นครราชสีมา)")
        parser.add_argument("--dry-run", action="store_true", help="ตรวจสอบอย่างเดียว ไม่บันทึก")

    def handle(self, *args, file, province, dry_run, **kw):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"ไม่พบไฟล์ {file}")
        found = geothai.province(province.strip())
        if found is None and not Province.objects.filter(code=province.strip()).exists():
            raise CommandError(f"ไม่พบจังหวัดรหัส {province} ในบัญชีของกรมการปกครอง")
        with acting(label="ระบบ (คำสั่ง import_orgs)"), transaction.atomic():
            target = Province.objects.filter(code=province.strip()).first()
            if target is None:  # a new province: its name and districts from geothai
                target = Province.objects.create(code=found.code, name=found.name_th)
                districts_sync(province=target)
            report = import_orgs(
                province=target, data=path.read_bytes(), filename=path.name, commit=not dry_run
            )
            if not report.ok or dry_run:
                transaction.set_rollback(True)
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"นำเข้าไม่ได้: พบ {len(report.problems)} ข้อผิดพลาด ไม่มีข้อมูลใดถูกบันทึก")
        verb = "ตรวจสอบผ่าน" if dry_run else "นำเข้าแล้ว"
        self.stdout.write(
            f"{verb} {len(report.rows)} แห่ง ใน{target}: ใหม่ {len(report.new)}"
            f" ปรับปรุง {len(report.updated)}"
        )
