from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tidtam.backup import restore


class Command(BaseCommand):
    help = "กู้คืนฐานข้อมูลจากไฟล์สำรอง (แทนที่ข้อมูลปัจจุบันทั้งหมด)"

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--yes", action="store_true", help="ยืนยันว่าจะแทนที่ข้อมูลปัจจุบัน")

    def handle(self, *args, path, yes, **options):
        if not yes:
            raise CommandError("การกู้คืนจะแทนที่ข้อมูลปัจจุบันทั้งหมด ใส่ --yes เพื่อยืนยัน")
        try:
            restore(Path(path))
        except FileNotFoundError:
            raise CommandError(f"ไม่พบไฟล์ {path}") from None
        self.stdout.write(f"กู้คืนข้อมูลจาก {path} แล้ว")
