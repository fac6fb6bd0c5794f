"""The submission loop, service by service, and the safe rule expressions."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from monitoring import services as mon
from monitoring.models import PeriodLock, Status
from province import services
from province.expressions import RuleError, evaluate
from province.models import SubmissionStatus, ValidationRule

pytestmark = pytest.mark.django_db


def test_expressions_allow_arithmetic_and_comparisons_only():
    numbers = {"a": 3, "b": 5, "c": 8}
    assert evaluate("a + b == c", numbers) and evaluate("a <= b <= c", numbers)
    assert not evaluate("a > b or c < 0", numbers)
    for hostile in ("__import__('os').system('true')", "a.__class__", "[a]", "open('x')"):
        with pytest.raises(RuleError):
            evaluate(hostile, numbers)
    with pytest.raises(RuleError, match="ไม่รู้จักตัวเลข “d”"):
        evaluate("d > 0", numbers)


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
    return year_a


def test_the_whole_loop(cast, recorded):
    sub = services.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)
    assert sub.status == SubmissionStatus.SUBMITTED and sub.numbers["disbursed"] == 1000
    with pytest.raises(PermissionDenied):
        services.approve(submission=sub, user=cast.bob)  # another org's officer
    services.return_(submission=sub, reasons=[("โครงการขุดลอก", "ยังไม่บันทึกเลขที่สัญญา")], user=cast.pat)
    assert sub.status == SubmissionStatus.RETURNED and sub.reasons.get().round == 1
    sub = services.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)
    assert sub.round == 2 and sub.reasons.get().resolved
    services.approve(submission=sub, user=cast.pat)
    assert PeriodLock.objects.filter(
        org=cast.a, fiscal_year=2568, kind="quarter", number=1
    ).exists()
    with pytest.raises(ValidationError, match="ปิดงวดแล้ว"):
        mon.progress_save(
            org=cast.a,
            fiscal_year=2568,
            project=recorded.dredge,
            month=2,
            data=mon.ProgressInput(status=Status.IN_PROGRESS, progress=20),
            expected_version=1,
        )
    request = services.request_unlock(
        submission=sub, reason="แก้ยอดเบิกจ่ายเดือนธันวาคม", user=cast.alice
    )
    services.grant_unlock(request=request, user=cast.pat)
    assert not PeriodLock.objects.filter(org=cast.a, fiscal_year=2568).exists()
    assert [e.action for e in sub.events.all()] == [
        "submitted",
        "returned",
        "submitted",
        "approved",
        "unlock_requested",
        "unlocked",
    ]


def test_a_failing_rule_stops_the_submission_with_its_thai_message(cast, recorded):
    ValidationRule.objects.create(
        code="tiny",
        name="งบไม่เกิน 1 บาท",
        expression="budget <= 1",
        message="งบประมาณ {budget:,.2f} บาท เกิน 1 บาท",
    )
    with pytest.raises(ValidationError) as info:
        services.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)
    assert "งบประมาณ 550,000.00 บาท เกิน 1 บาท" in info.value.messages
    assert not cast.a.submissions.exists()


def test_nothing_recorded_cannot_be_submitted(cast, year_a, reference_lists):
    with pytest.raises(ValidationError, match="ยังไม่ได้บันทึกผลการดำเนินงาน"):
        services.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)


def test_the_analyst_of_another_province_sees_nothing_of_this_one(client, cast, recorded):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from orgs.models import Membership, Organization, Role

    sub = services.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)
    far_pao = Organization.objects.create(
        code="3100000", name="อบจ.บุรีรัมย์", org_type="pao", province=cast.far.province
    )
    stranger = get_user_model().objects.create_user("far.analyst", password="pw")
    Membership.objects.create(user=stranger, org=far_pao, role=Role.ANALYST)
    client.force_login(stranger)
    own = client.get(reverse("province:review_year", args=[far_pao.code, 2568])).content.decode()
    assert cast.a.name not in own
    for url in (
        reverse("province:review_year", args=[cast.pao.code, 2568]),
        reverse("province:submission", args=[cast.pao.code, sub.pk]),
        reverse("province:submission", args=[far_pao.code, sub.pk]),
        reverse("monitoring:province", args=[cast.pao.code, 2568]),
    ):
        assert client.get(url).status_code in (403, 404), url
    response = client.post(
        reverse("province:decide", args=[far_pao.code, sub.pk]), {"action": "approve"}
    )
    assert response.status_code == 404
    sub.refresh_from_db()
    assert sub.status == SubmissionStatus.SUBMITTED


def test_a_rule_that_divides_by_zero_is_reported_not_a_server_error(client, cast, recorded):
    """The attack as made: a rule `disbursed / cancelled > 0` and a submission with nothing
    cancelled crashed the submit page with a 500."""
    from django.urls import reverse

    ValidationRule.objects.create(
        code="div0", name="สัดส่วนยกเลิก", expression="disbursed / cancelled > 0", message="ไม่ผ่าน"
    )
    client.force_login(cast.alice)
    page = client.post(reverse("province:submit", args=[cast.a.code, 2568, "q1"]), follow=True)
    assert page.status_code == 200
    assert "หารด้วยศูนย์" in page.content.decode()
    assert not cast.a.submissions.exists()
    with pytest.raises(RuleError, match="หารด้วยศูนย์"):
        evaluate("1 / 0 > 0", {})


def test_the_review_page_names_every_number_and_step_in_thai(client, cast, recorded):
    from django.urls import reverse

    from province.labels import NUMBER_LABELS

    sub = services.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)
    services.return_(submission=sub, reasons=[("โครงการขุดลอก", "ยังไม่บันทึกสัญญา")], user=cast.pat)
    client.force_login(cast.pat)
    page = client.get(reverse("province:submission", args=[cast.pao.code, sub.pk])).content.decode()
    numbers, events = page.split("ตัวเลขที่ส่ง")[1], page.split('id="events"')[1]
    for key, label in NUMBER_LABELS.items():
        assert f">{key}<" not in numbers
        if key in sub.numbers:
            assert label in numbers
    assert ">submitted<" not in events and ">returned<" not in events
    assert "ส่งข้อมูล" in events and "ส่งกลับให้แก้ไข" in events


def test_the_review_opens_on_the_year_whose_submissions_wait(client, cast, recorded):
    import datetime as dt

    from django.urls import reverse

    from core.web import this_fy
    from notify.deadlines import my_work

    assert this_fy() != 2568
    services.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)
    (item,) = [i for i in my_work(cast.pat, dt.date(2026, 12, 1)) if i.kind == "to_review"]
    assert item.url == reverse("province:review_year", args=[cast.pao.code, 2568])
    client.force_login(cast.pat)
    page = client.get(reverse("province:review", args=[cast.pao.code]))
    states = [state for _, cells, _ in page.context["table"] for _, _, state in cells]
    assert page.context["fy"] == 2568 and "submitted_late" in states
