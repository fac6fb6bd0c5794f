from django.core.management.base import BaseCommand
from django.db import transaction

from orgs.models import Organization
from tidtam.demo.generate import DEMO_PASSWORD, Generator


class Command(BaseCommand):
    help = "โหลดข้อมูลทดลอง: จังหวัดนครราชสีมา อบจ. และ อปท. 15 แห่ง (กำหนดผลได้ด้วย --seed)"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2568)
        parser.add_argument("--orgs", type=int, default=None, help="จำนวนหน่วยงาน (ค่าเริ่มต้น: ทั้งหมด)")
        parser.add_argument("--min-projects", type=int, default=80)
        parser.add_argument("--max-projects", type=int, default=300)
        parser.add_argument(
            "--force", action="store_true", help="โหลดแม้มีข้อมูลอยู่แล้ว (ข้อมูลเดิมจะไม่ถูกลบ)"
        )

    def handle(self, *args, seed, orgs, min_projects, max_projects, force, **kw):
        if Organization.objects.exists() and not force:
            self.stdout.write("มีข้อมูลอยู่แล้ว ไม่โหลดซ้ำ (ลบไฟล์ db.sqlite3 เพื่อเริ่มใหม่)")
            return
        self.stdout.write("กำลังสร้างข้อมูลทดลองจังหวัดนครราชสีมา …")
        gen = Generator(
            seed=seed, project_range=(min_projects, max_projects), log=self.stdout.write
        )
        with transaction.atomic():
            gen.province(max_orgs=orgs)
        self.stdout.write(f"\nผู้ใช้ทดลอง (รหัสผ่านทุกบัญชี: {DEMO_PASSWORD})")
        for username, label in gen.users:
            self.stdout.write(f"  {username:<24} {label}")
