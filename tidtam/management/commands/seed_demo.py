from django.core.management.base import BaseCommand
from django.db import transaction

from monitoring.rules import evaluate
from orgs.models import Organization
from province import duplicates
from province.models import DuplicatePair
from thai.dates import fiscal_year_bounds
from tidtam.demo.generate import DEMO_PASSWORD, Generator
from tidtam.demo.progress import DEMO_AS_OF


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
            province = gen.province(max_orgs=orgs)
        queued = _queue_plans_in_force(province)
        self.stdout.write(f"  ผ.02 ของแผนที่ใช้บังคับ (ITA O4) รอจัดทำเบื้องหลัง: {queued} ฉบับ")
        for fy in (2568, 2569, 2570):
            duplicates.refresh(province.pk, fy)  # the analyst's list and map show them
        for fy in (2568, 2569, 2570):  # as the list counts them (a pair is kept in its last year)
            pairs = DuplicatePair.objects.filter(fiscal_year=fy).count()
            self.stdout.write(f"  โครงการที่อาจซ้ำซ้อนข้ามหน่วยงาน ปีงบประมาณ {fy}: {pairs:,} คู่")
        for fy in (2568, 2569, 2570):
            as_of = min(DEMO_AS_OF, fiscal_year_bounds(fy)[1])
            count = evaluate(Organization.objects.filter(province=province), fy, as_of)
            self.stdout.write(f"  สัญญาณเตือนปีงบประมาณ {fy}: {count:,} รายการ")
        self.stdout.write(f"\nผู้ใช้ทดลอง (รหัสผ่านทุกบัญชี: {DEMO_PASSWORD})")
        for username, label in gen.users:
            self.stdout.write(f"  {username:<24} {label}")


def _queue_plans_in_force(province) -> int:
    """The demo approves hundreds of editions without their PDFs (minutes of rendering); only the
    edition in force today of each org is queued, for its public ITA O4 link."""
    from plans.models import Edition, Plan
    from plans.selectors import approved_seq_on
    from plans.services import edition_pdf_later

    queued = 0
    for plan in Plan.objects.filter(org__province=province).select_related("org"):
        seq = approved_seq_on(plan)
        edition = Edition.objects.filter(plan=plan, seq=seq).first() if seq else None
        if edition is not None:
            edition_pdf_later(edition)
            queued += 1
    return queued
