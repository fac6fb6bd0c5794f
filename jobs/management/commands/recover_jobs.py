import datetime as dt

from django.core.management.base import BaseCommand

from jobs.services import recover


class Command(BaseCommand):
    help = "ลองใหม่งานที่ worker หยุดทำงานกลางคัน (สัญญาณล่าสุดเก่ากว่า JOB_STALE_SECONDS)"

    def add_arguments(self, parser):
        parser.add_argument("--stale-seconds", type=int, default=None)

    def handle(self, *args, stale_seconds=None, **options):
        stale = dt.timedelta(seconds=stale_seconds) if stale_seconds is not None else None
        count = recover(stale)
        self.stdout.write(f"งานที่หยุดกลางคันและนำกลับเข้าคิว: {count}")
