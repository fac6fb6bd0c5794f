import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from monitoring.rules import evaluate
from orgs.models import Organization
from thai.dates import fiscal_year, parse_thai_date


class Command(BaseCommand):
    help = (
        "ประเมินสัญญาณเตือนล่วงหน้าของทุกหน่วยงาน (หรือเฉพาะจังหวัด/หน่วยงาน) สำหรับงานประจำคืน"
        " — รันซ้ำได้ ผลลัพธ์เดิมถูกแทนที่"
    )

    def add_arguments(self, parser):
        parser.add_argument("--org", help="รหัส อปท.")
        parser.add_argument("--province", help="รหัสจังหวัด")
        parser.add_argument("--fy", type=int, help="ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีปัจจุบัน)")
        parser.add_argument("--as-of", help="ประเมิน ณ วันที่ (วว/ดด/ปปปป พ.ศ.) ค่าเริ่มต้น: วันนี้")

    def handle(self, *args, org, province, fy, as_of, **options):
        try:
            day = parse_thai_date(as_of) if as_of else timezone.localdate()
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        fy = fy or fiscal_year(day)
        orgs = Organization.objects.all()
        if org:
            orgs = orgs.filter(code=org)
        if province:
            orgs = orgs.filter(province__code=province)
        if not orgs.exists():
            raise CommandError("ไม่พบหน่วยงานตามที่ระบุ")
        started = time.perf_counter()
        count = evaluate(orgs, fy, day)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"ปีงบประมาณ {fy} ณ {day:%d/%m}/{day.year + 543}: {orgs.count():,} หน่วยงาน"
            f" สัญญาณเตือน {count:,} รายการ ({seconds:.2f} วินาที)"
        )
