import datetime as dt
import signal
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from tidtam.worker import run_once


class Command(BaseCommand):
    help = (
        "งานเบื้องหลัง: จัดเก็บ PDF ของรายงานที่ประกาศแล้ว และประเมินสัญญาณเตือนทุกคืน"
        " — รันได้หลายเครื่องพร้อมกันบนฐานข้อมูลเดียว (งานประจำคืนทำเพียงครั้งเดียวต่อวัน)"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="ทำหนึ่งรอบแล้วจบ (สำหรับ cron/systemd timer)"
        )
        parser.add_argument("--interval", type=int, default=60, help="วินาทีระหว่างรอบ (ค่าเริ่มต้น 60)")
        parser.add_argument(
            "--nightly-at", default="01:00", help="เวลาเริ่มงานประจำคืน ชช:นน (ค่าเริ่มต้น 01:00)"
        )

    def handle(self, *args, once, interval, nightly_at, **options):
        try:
            at = dt.time.fromisoformat(nightly_at)
        except ValueError:
            raise CommandError(f"--nightly-at: เวลาไม่ถูกต้อง “{nightly_at}” (ใช้ ชช:นน)") from None
        say = self.stdout.write
        if once:
            run_once(at, say=say)
            return
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        say(f"worker เริ่มทำงาน: ทุก {interval} วินาที, งานประจำคืนหลัง {at:%H:%M} น.")
        while not stopping:
            close_old_connections()
            try:
                run_once(at, say=say)
            except Exception as exc:  # one failed pass must not stop the worker; the next retries
                self.stderr.write(f"รอบนี้ล้มเหลว: {exc!r}")
            for _ in range(interval):
                if stopping:
                    break
                time.sleep(1)
        say("worker หยุดทำงาน")
