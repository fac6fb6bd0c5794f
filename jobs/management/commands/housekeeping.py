from django.core.management.base import BaseCommand

from jobs.housekeeping import run


class Command(BaseCommand):
    help = "ล้างข้อมูลค้าง: session หมดอายุ, ประวัติการเข้าสู่ระบบเก่า, ไฟล์อัปโหลดที่ไม่ได้ยืนยัน, ผลงานเบื้องหลังเก่า"

    def handle(self, *args, **options):
        for label, count in run().items():
            self.stdout.write(f"{label}: {count:,}")
