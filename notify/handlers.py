"""The background jobs of the deliveries (registered from NotifyConfig.ready)."""

import datetime as dt

from jobs.services import Outcome, handler
from notify.models import Notification
from notify.services import deliver as send
from notify.services import send_digests


@handler("deliver")
def deliver(job, progress) -> Outcome:
    n = Notification.objects.select_related("user").filter(pk=job.params["notification"]).first()
    if n is None:
        return Outcome("ไม่มีการแจ้งเตือนนี้แล้ว")
    sent = send(n)
    return Outcome(f"ส่งแล้วทาง {', '.join(sent) or 'ไม่มีช่องทางที่เปิดไว้'}")


@handler("digests")
def digests(job, progress) -> Outcome:
    counts = send_digests(dt.date.fromisoformat(job.params["day"]))
    return Outcome(f"ส่งสรุปประจำวันถึง {counts['people']:,} คน")
