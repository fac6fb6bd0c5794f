"""Edition approval and a new edition catch mistakes before anything is saved, say which field is
wrong and keep what was typed."""

import pytest
from django.urls import reverse

from conftest import seen_on
from plans import services
from plans.models import Edition, EditionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(plan_a):
    return services.edition_create(plan=plan_a, kind="addition", number=1, year=2567)


def approve(client, cast, draft, **fields):
    data = {
        "approver": "นายสมชาย ใจดี",
        "meeting_on": "1/11/2567",
        "approved_on": "5/11/2567",
        "announced_on": "10/11/2567",
        **fields,
    }
    url = reverse("plans:edition_approve", args=[cast.a.code, draft.seq])
    data["seen"] = seen_on(client, reverse("plans:editions", args=[cast.a.code]), url)
    return client.post(url, data)


def test_a_good_approval_is_saved(client, cast, draft):
    client.force_login(cast.alice)
    assert approve(client, cast, draft).status_code == 302
    draft.refresh_from_db()
    assert draft.status == EditionStatus.APPROVED and draft.announced_on.year == 2024


@pytest.mark.parametrize(
    ("fields", "message", "field"),
    [
        ({"meeting_on": "6/11/2567"}, "วันที่ประชุมพิจารณาต้องไม่หลังวันที่อนุมัติ", "meeting_on"),
        ({"announced_on": "1/11/2567"}, "วันที่ประกาศใช้ต้องไม่ก่อนวันที่อนุมัติ", "announced_on"),
        ({"announced_on": ""}, "กรอกวันที่ประกาศใช้", "announced_on"),
        ({"approved_on": "20/11/2026"}, "ปี 2026 เป็นปี ค.ศ. ให้กรอกปี พ.ศ. (2569)", "approved_on"),
        ({"approved_on": "31/2/2569"}, "เดือนกุมภาพันธ์ 2569 มี 28 วัน", "approved_on"),
        ({"approver": ""}, "กรอกชื่อผู้อนุมัติ", "approver"),
    ],
)
def test_a_mistake_is_named_and_the_typed_values_stay(client, cast, draft, fields, message, field):
    client.force_login(cast.alice)
    answer = approve(client, cast, draft, **fields)
    assert answer.status_code == 400
    body = answer.content.decode()
    assert message in body
    form = body.split(f'id="approve-{draft.seq}"')[1].split("</form>")[0]
    assert 'value="นายสมชาย ใจดี"' in form or fields.get("approver") == ""
    assert 'value="5/11/2567"' in form or "approved_on" in fields  # other fields kept
    assert 'class="invalid"' in form
    draft.refresh_from_db()
    assert draft.status == EditionStatus.DRAFT


def test_the_approval_asks_for_confirmation(client, cast, draft):
    client.force_login(cast.alice)
    body = client.get(reverse("plans:editions", args=[cast.a.code])).content.decode()
    form = body.split(f'id="approve-{draft.seq}"')[1].split(">")[0]
    assert "data-confirm=" in form and "จะแก้ไขหรือยกเลิกฉบับนี้ไม่ได้" in form


def test_a_numbered_edition_needs_its_number_and_year(client, cast, plan_a):
    client.force_login(cast.alice)
    url = reverse("plans:editions", args=[cast.a.code])
    body = client.get(url).content.decode()
    new = body.split('id="edition-new"')[1].split("</form>")[0]
    assert '<option value="addition" selected>' in new  # an existing plan is amended
    assert 'value="original"' not in new
    answer = client.post(url, {"kind": "addition", "note": "เพิ่มโครงการถนน"})
    assert answer.status_code == 400
    body = answer.content.decode()
    assert "ฉบับเพิ่มเติมต้องระบุครั้งที่" in body and "ฉบับเพิ่มเติมต้องระบุปี พ.ศ." in body
    assert 'value="เพิ่มโครงการถนน"' in body
    assert not Edition.objects.filter(plan=plan_a, status=EditionStatus.DRAFT).exists()
    client.post(url, {"kind": "addition", "number": "1", "year": "2568"})
    assert Edition.objects.get(plan=plan_a, status=EditionStatus.DRAFT).label.endswith("1/2568")


def test_the_service_refuses_a_meeting_after_the_approval(draft):
    import datetime as dt

    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="ประชุมพิจารณา"):
        services.edition_approve(
            edition=draft, approved_on=dt.date(2024, 11, 5), meeting_on=dt.date(2024, 11, 6)
        )
