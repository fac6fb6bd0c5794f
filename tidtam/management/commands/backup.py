import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand

from tidtam.backup import backup


class Command(BaseCommand):
    help = "สำรองฐานข้อมูล (SQLite: สำเนาที่สอดคล้องขณะระบบทำงาน, PostgreSQL: pg_dump)"

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="ไฟล์ปลายทาง (ค่าเริ่มต้น: backups/tidtam-วันเวลา)")

    def handle(self, *args, path, **options):
        if not path:
            Path("backups").mkdir(exist_ok=True)
            path = f"backups/tidtam-{dt.datetime.now().astimezone():%Y%m%d-%H%M%S}.backup"
        done = backup(Path(path))
        self.stdout.write(f"สำรองข้อมูลแล้ว: {done} ({done.stat().st_size / 1e6:.1f} MB)")
