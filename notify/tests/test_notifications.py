"""E-mail through a real local SMTP server and LINE through a local server standing in for the
Messaging API: a person links LINE with a one-time code; a returned submission reaches the
submitter once on each channel; people who chose the daily digest get one bundle instead."""

import base64
import hashlib
import hmac
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from monitoring import services as mon
from monitoring.models import Status
from notify import services
from notify.models import Frequency, LineAccount, Notification
from province import services as province

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(cast, year_a, reference_lists):
    mon.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=year_a.dredge,
        month=3,
        data=mon.ProgressInput(status=Status.IN_PROGRESS, progress=10, disbursed=Decimal(1000)),
        expected_version=0,
    )
    for user in (cast.alice, cast.dana, cast.carl, cast.pat, cast.bob):
        user.email = f"{user.username}@example.go.th"
        user.save()
    return year_a


def send_webhook(client, events, secret="test-channel-secret"):
    body = json.dumps({"destination": "Uoa", "events": events})
    signature = base64.b64encode(hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest())
    return client.post(
        reverse("line_webhook"),
        body,
        content_type="application/json",
        headers={"X-Line-Signature": signature.decode()},
    )


def text_event(text, user_id, token="reply-token-1"):
    return {
        "type": "message",
        "mode": "active",
        "timestamp": 1764547200000,
        "webhookEventId": "e1",
        "deliveryContext": {"isRedelivery": False},
        "replyToken": token,
        "source": {"type": "user", "userId": user_id},
        "message": {"id": "m1", "type": "text", "text": text, "quoteToken": "q"},
    }


def link_line(client, user, line_user_id):
    client.force_login(user)
    client.post(reverse("notify:settings"), {"action": "code"})
    code = LineAccount.objects.get(user=user).code
    assert code in client.get(reverse("notify:settings")).content.decode()
    assert send_webhook(client, [text_event(code, line_user_id)]).status_code == 200
    return code


def pushes(line_server, to):
    return [
        c
        for c in line_server.calls
        if c["path"] == "/v2/bot/message/push" and c["json"]["to"] == to
    ]


def test_a_person_links_line_with_a_one_time_code(client, cast, line_server):
    code = link_line(client, cast.alice, "U-alice")
    account = LineAccount.objects.get(user=cast.alice)
    assert account.line_user_id == "U-alice" and account.code is None
    (reply,) = [c for c in line_server.calls if c["path"] == "/v2/bot/message/reply"]
    assert reply["json"]["replyToken"] == "reply-token-1"
    assert "เชื่อมบัญชี LINE" in reply["json"]["messages"][0]["text"]
    assert reply["headers"]["Authorization"] == "Bearer test-channel-token"
    # the code is single-use; a forged signature is refused and links nothing
    send_webhook(client, [text_event(code, "U-mallory", "t2")])
    assert "ไม่ถูกต้อง" in line_server.calls[-1]["json"]["messages"][0]["text"]
    services.new_link_code(cast.bob)
    bob_code = LineAccount.objects.get(user=cast.bob).code
    assert send_webhook(client, [text_event(bob_code, "U-x")], secret="wrong").status_code == 400
    assert LineAccount.objects.get(user=cast.bob).line_user_id is None


def test_a_returned_submission_reaches_the_submitter_once_by_email_and_line(
    client, cast, recorded, worker, smtp_server, line_server
):
    link_line(client, cast.alice, "U-alice")
    link_line(client, cast.bob, "U-bob")
    sub = province.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)
    province.return_(submission=sub, reasons=[("โครงการขุดลอก", "ยังไม่บันทึกเลขที่สัญญา")], user=cast.pat)
    assert smtp_server.delivered() == []  # nothing leaves before the worker sends it
    worker()
    (mail,) = smtp_server.delivered()
    assert mail["to"] == ["alice@example.go.th"]
    assert "ส่งกลับแบบที่ 2 ไตรมาสที่ 1" in mail["subject"] and "ยังไม่บันทึกเลขที่สัญญา" in mail["body"]
    assert "/o/" in mail["body"]  # a link to the page that does it
    (push,) = pushes(line_server, "U-alice")
    assert "ยังไม่บันทึกเลขที่สัญญา" in push["json"]["messages"][0]["text"]
    assert push["headers"]["X-Line-Retry-Key"]
    assert pushes(line_server, "U-bob") == []
    worker()  # nothing twice
    assert len(smtp_server.delivered()) == 1 and len(pushes(line_server, "U-alice")) == 1


def test_the_daily_digest_bundles_the_rest_in_one_message_per_channel(
    client, cast, recorded, worker, smtp_server, line_server
):
    link_line(client, cast.alice, "U-alice")
    client.post(
        reverse("notify:settings"), {"by_email": "on", "by_line": "on", "frequency": "daily"}
    )
    assert services.preference(cast.alice).frequency == Frequency.DAILY
    sub = province.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)
    province.return_(submission=sub, reasons=[("ทั่วไป", "ตัวเลขไม่ตรง")], user=cast.pat)
    sub = province.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)
    province.approve(submission=sub, user=cast.pat)
    worker()
    assert [m for m in smtp_server.delivered() if "alice@example.go.th" in m["to"]] == []
    assert pushes(line_server, "U-alice") == []
    assert Notification.objects.filter(user=cast.alice).count() == 2

    call_command("send_digests")
    call_command("send_digests")  # a second server's timer: the same day's digest, once
    worker()
    (mail,) = [m for m in smtp_server.delivered() if "alice@example.go.th" in m["to"]]
    assert "สรุปงานประจำวัน" in mail["subject"]
    assert "ส่งกลับแบบที่ 2 ไตรมาสที่ 1" in mail["body"] and "อนุมัติแบบที่ 2 ไตรมาสที่ 1" in mail["body"]
    (push,) = pushes(line_server, "U-alice")
    text = push["json"]["messages"][0]["text"]
    assert "ส่งกลับแบบที่ 2" in text and "อนุมัติแบบที่ 2" in text
    today = timezone.localdate()
    assert set(
        Notification.objects.filter(user=cast.alice)
        .exclude(kind="digest")
        .values_list("digest_on", flat=True)
    ) == {today}
