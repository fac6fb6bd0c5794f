"""Telling people: a notification is recorded once per person and key, then delivered by e-mail
(Django's SMTP backend) and LINE (Messaging API) — at once for people who chose "ทันที", in the
next daily digest for the others. Delivery runs as a background job; each channel is marked sent
as soon as it went out, so a retried job never sends the same thing twice."""

import datetime as dt
import logging
import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from notify import line
from notify.models import Frequency, LineAccount, Notification, Preference

log = logging.getLogger("tidtam.notify")
CODE_MINUTES = 15


def preference(user) -> Preference:
    return Preference.objects.get_or_create(user=user)[0]


def absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url if url.startswith("/") else url


def notify(
    user, *, kind: str, key: str, title: str, body: str = "", url: str = ""
) -> Notification | None:
    """Record something a person must know; sent now or in the digest, by their choice."""
    if user is None or not user.is_active:
        return None
    try:
        with transaction.atomic():
            n = Notification.objects.create(
                user=user, kind=kind, key=key, title=title[:300], body=body, url=url
            )
    except IntegrityError:
        return None  # told already
    if preference(user).frequency == Frequency.IMMEDIATE:
        from jobs import services as jobs

        jobs.enqueue(
            kind="deliver",
            title=f"ส่งการแจ้งเตือนถึง {user.get_username()}",
            user=user,
            params={"notification": n.pk},
            max_attempts=5,
        )
    log.info("notification recorded", extra={"kind": kind, "to": user.get_username()})
    return n


def _text(n: Notification) -> str:
    parts = [n.title]
    if n.body:
        parts.append(n.body)
    if n.url:
        parts.append(absolute(n.url))
    return "\n\n".join(parts)


def deliver(n: Notification) -> list[str]:
    """Send the notification on the person's channels that have not had it yet."""
    pref = preference(n.user)
    sent = []
    if pref.by_email and n.user.email and n.email_sent_at is None:
        send_mail(f"[ติดตาม] {n.title}", _text(n), None, [n.user.email])
        Notification.objects.filter(pk=n.pk).update(email_sent_at=timezone.now())
        sent.append("email")
    account = LineAccount.objects.filter(user=n.user, line_user_id__isnull=False).first()
    line_user_id = account.line_user_id if account else None
    if pref.by_line and line_user_id is not None and line.configured() and n.line_sent_at is None:
        line.push(line_user_id, _text(n), retry_key=f"notification:{n.pk}")
        Notification.objects.filter(pk=n.pk).update(line_sent_at=timezone.now())
        sent.append("line")
    log.info(
        "notification delivered",
        extra={"kind": n.kind, "to": n.user.get_username(), "channels": sent},
    )
    return sent


# -- the daily digest -------------------------------------------------------------------------


def digest_text(user, today: dt.date) -> tuple[str, list[Notification]]:
    """The day's bundle for one person: what happened that they were not told of yet, and what
    of their work is late or due within a week."""
    from notify.deadlines import my_work

    pending = list(
        Notification.objects.filter(
            user=user, digest_on=None, email_sent_at=None, line_sent_at=None
        ).exclude(kind="digest")
    )
    due = [i for i in my_work(user, today) if i.state in ("late", "soon")]
    if not pending and not due:
        return "", []
    lines = []
    if pending:
        lines.append("เรื่องใหม่")
        lines += [f"• {n.title}" + (f" — {absolute(n.url)}" if n.url else "") for n in pending]
    if due:
        lines.append("งานที่ใกล้ครบกำหนดหรือเลยกำหนด")
        lines += [f"• {i.title} ({i.org.name}): {i.when}" for i in due]
    lines.append(f"งานของฉันทั้งหมด: {absolute('/')}")
    return "\n".join(lines), pending


def send_digests(today: dt.date) -> dict:
    """One e-mail and one LINE message per person for the day (at most): the LINE OA's free
    quota is counted in messages, and a digest is one."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True, memberships__isnull=False).distinct()
    counts = {"people": 0, "failed": 0}
    failures = []
    for user in users:
        text, pending = digest_text(user, today)
        if not text:
            continue
        digest, _ = Notification.objects.get_or_create(
            user=user,
            key=f"digest:{today.isoformat()}",
            defaults={
                "kind": "digest",
                "title": f"สรุปงานประจำวันที่ {today.day}/{today.month}/{today.year + 543}",
                "body": text,
            },
        )
        try:
            deliver(digest)
        except Exception as exc:  # one person's mailbox must not stop the others'
            failures.append(f"{user.get_username()}: {exc}")
            counts["failed"] += 1
            log.warning(
                "digest not delivered", extra={"to": user.get_username(), "error": str(exc)}
            )
            continue
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(digest_on=today)
        counts["people"] += 1
    if failures:
        raise RuntimeError("; ".join(failures)[:1000])  # the job is retried; sent ones are skipped
    return counts


# -- linking a LINE account -------------------------------------------------------------------


def new_link_code(user) -> LineAccount:
    account, _ = LineAccount.objects.get_or_create(user=user)
    for _ in range(5):
        code = f"{secrets.randbelow(10**6):06d}"
        if not LineAccount.objects.filter(code=code).exists():
            break
    account.code, account.code_expires_at = (
        code,
        timezone.now() + dt.timedelta(minutes=CODE_MINUTES),
    )
    account.save(update_fields=["code", "code_expires_at"])
    return account


def link(code: str, line_user_id: str) -> LineAccount | None:
    """The person sent their code to the OA: their LINE user id is now theirs in Tidtam."""
    code = code.strip().replace(" ", "")
    if not code.isdigit():
        return None
    with transaction.atomic():
        account = (
            LineAccount.objects.select_for_update()
            .filter(code=code, code_expires_at__gt=timezone.now())
            .first()
        )
        if account is None:
            return None
        LineAccount.objects.filter(line_user_id=line_user_id).exclude(pk=account.pk).update(
            line_user_id=None, linked_at=None
        )  # fmt: skip  (one LINE account, one person)
        account.line_user_id, account.linked_at = line_user_id, timezone.now()
        account.code, account.code_expires_at = None, None
        account.save()
    log.info("line account linked", extra={"to": account.user.get_username()})
    return account


def unlink(user) -> None:
    """The person stops receiving LINE messages: their account forgets its LINE user id."""
    LineAccount.objects.filter(user=user).update(line_user_id=None, linked_at=None)


def handle_events(events) -> int:
    from linebot.v3.webhooks import FollowEvent, MessageEvent, TextMessageContent

    handled = 0
    for event in events:
        if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
            account = link(event.message.text, event.source.user_id)
            if account:
                name = account.user.get_full_name() or account.user.get_username()
                line.reply(
                    event.reply_token,
                    f"เชื่อมบัญชี LINE กับระบบติดตามของ {name} แล้ว จะได้รับการแจ้งเตือนทางนี้",
                )
            else:
                line.reply(
                    event.reply_token,
                    "รหัสไม่ถูกต้องหรือหมดอายุ ขอรหัสใหม่ได้ที่หน้า "
                    f"“ตั้งค่าการแจ้งเตือน” {absolute('/my-work/settings/')}",
                )
            handled += 1
        elif isinstance(event, FollowEvent):
            line.reply(
                event.reply_token,
                "สวัสดีครับ พิมพ์รหัส 6 หลักจากหน้า “ตั้งค่าการแจ้งเตือน” ในระบบติดตาม เพื่อรับการแจ้งเตือนทาง LINE",
            )
            handled += 1
    return handled


def thai_date(day: dt.date) -> str:
    from thai.dates import short_be

    return short_be(day)
