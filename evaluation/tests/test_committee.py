"""The committee: two-year term, one chair and one secretary, seats counted against ข้อ 28."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import seen_on
from evaluation import services
from evaluation.models import Committee, Meeting

pytestmark = pytest.mark.django_db


def test_an_officer_appoints_a_committee_for_two_years_and_adds_members(client, cast, plan_a):
    client.force_login(cast.alice)
    page = reverse("evaluation:committee", args=[cast.a.code])
    new = reverse("evaluation:committee_new", args=[cast.a.code])
    appoint = {"order_no": "123/2567", "appointed_on": "1/10/2567", "term_start": "1/10/2567"}
    client.post(new, {**appoint, "seen": seen_on(client, page, new)})
    committee = Committee.objects.get(org=cast.a)
    assert (committee.term_start, committee.term_end) == (
        dt.date(2024, 10, 1),
        dt.date(2026, 9, 30),
    )
    url = reverse("evaluation:member_new", args=[cast.a.code])
    seen = seen_on(client, page, url)
    client.post(url, {"name": "นายสมชาย ใจดี", "seat": "council", "role": "chair", "seen": seen})
    second = {"name": "นางสาวสมหญิง", "seat": "expert", "role": "chair", "seen": seen}
    body = client.post(url, second, follow=True).content.decode()
    assert "มีประธานกรรมการอยู่แล้ว" in body
    member = committee.members.get()
    assert member.selected_by == "สภาท้องถิ่น" and member.end == committee.term_end
    page = client.get(reverse("evaluation:committee", args=[cast.a.code])).content.decode()
    assert "นายสมชาย ใจดี" in page


def test_meetings_are_recorded_with_their_minutes(cast, plan_a):
    committee = services.committee_create(
        org=cast.a, appointed_on=dt.date(2024, 10, 1), term_start=dt.date(2024, 10, 1)
    )
    services.meeting_add(
        committee=committee,
        held_on=dt.date(2025, 11, 20),
        title="ติดตามผลรอบ 12 เดือน",
        fiscal_year=2568,
        minutes="ที่ประชุมรับทราบ",
    )
    assert Meeting.objects.get().fiscal_year == 2568
    with pytest.raises(ValidationError):
        services.meeting_add(committee=committee, held_on=dt.date(2025, 11, 20), title="")


def test_the_committee_page_is_read_only_for_a_committee_member(client, cast, plan_a):
    client.force_login(cast.carl)
    assert client.get(reverse("evaluation:committee", args=[cast.a.code])).status_code == 200
    response = client.post(
        reverse("evaluation:committee_new", args=[cast.a.code]),
        {"appointed_on": "1/10/2567", "term_start": "1/10/2567"},
    )
    assert response.status_code == 403 and not Committee.objects.exists()


def test_form1_is_answered_per_plan_all_items_or_nothing(client, cast, plan_a, reference_lists):
    from evaluation.models import ChecklistAnswer, ChecklistTemplate

    items = list(ChecklistTemplate.objects.get(code="form1_2548").items.all())
    assert len(items) == 18
    client.force_login(cast.alice)
    url = reverse("evaluation:form1", args=[cast.a.code])
    partial = {f"item_{i.pk}": "yes" for i in items[:-1]}
    body = client.post(url, partial, follow=True).content.decode()
    assert "ยังไม่ได้ตอบ 1 ข้อ" in body and not ChecklistAnswer.objects.exists()
    data = {**partial, f"item_{items[-1].pk}": "no", f"note_{items[0].pk}": "คำสั่งที่ 45/2564"}
    page = client.post(url, data, follow=True).content.decode()
    assert 'id="form1-done">17<' in page
    assert ChecklistAnswer.objects.get(item=items[0]).note == "คำสั่งที่ 45/2564"
    client.force_login(cast.carl)
    assert client.post(url, data).status_code == 403


def test_a_committee_whose_term_has_ended_is_flagged_where_it_meets_and_scores(
    client, cast, plan_a
):
    ended = services.committee_create(
        org=cast.a, appointed_on=dt.date(2021, 10, 1), term_start=dt.date(2021, 10, 1)
    )
    assert ended.term_ended
    services.meeting_add(
        committee=ended,
        held_on=ended.term_end + dt.timedelta(days=30),
        title="ประชุมหลังหมดวาระ",
        fiscal_year=2568,
    )
    client.force_login(cast.alice)
    for name in ("evaluation:committee", "evaluation:scoring"):
        page = client.get(reverse(name, args=[cast.a.code])).content.decode()
        assert 'id="term-ended"' in page and "วาระของคณะกรรมการชุดนี้สิ้นสุดแล้ว" in page, name
    page = client.get(reverse("evaluation:committee", args=[cast.a.code])).content.decode()
    assert "หลังสิ้นสุดวาระ" in page.split('id="meetings"')[1]
    from django.utils import timezone

    today = timezone.localdate()
    current = services.committee_create(org=cast.a, appointed_on=today, term_start=today)
    assert not current.term_ended
    page = client.get(reverse("evaluation:committee", args=[cast.a.code])).content.decode()
    assert 'id="term-ended"' not in page
