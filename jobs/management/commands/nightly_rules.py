from django.core.management.base import BaseCommand
from django.utils import timezone

from jobs import services
from thai.dates import fiscal_year


class Command(BaseCommand):
    help = "ส่งงานประเมินสัญญาณเตือนของทุกหน่วยงานประจำวันเข้าคิว (ครั้งเดียวต่อวัน แม้สั่งจากหลายเครื่อง)"

    def handle(self, *args, **options):
        today = timezone.localdate()
        fy = fiscal_year(today)
        job = services.enqueue(
            kind="evaluate",
            title=f"ประเมินสัญญาณเตือนประจำวัน ปีงบประมาณ {fy}",
            params={"fy": fy, "tell": True},
            key=f"nightly-rules:{today.isoformat()}",
        )
        self.stdout.write(f"งาน #{job.pk}: {job.title} ({job.get_status_display()})")
