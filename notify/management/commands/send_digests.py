from django.core.management.base import BaseCommand
from django.utils import timezone

from jobs import services


class Command(BaseCommand):
    help = "ส่งสรุปงานประจำวันทางอีเมลและ LINE (ผ่านคิวงาน ครั้งเดียวต่อวัน)"

    def handle(self, *args, **options):
        today = timezone.localdate()
        job = services.enqueue(
            kind="digests",
            title=f"ส่งสรุปงานประจำวัน {today.isoformat()}",
            params={"day": today.isoformat()},
            key=f"digests:{today.isoformat()}",
        )
        self.stdout.write(f"งาน #{job.pk}: {job.title} ({job.get_status_display()})")
