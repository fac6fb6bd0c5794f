"""Committee members score the plan; the system averages per item, totals, and applies the bar."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from evaluation.models import ScoreTemplate
from evaluation.scores import consolidated

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee(cast, plan_a, reference_lists):
    sitting = timezone.localdate() - dt.timedelta(days=365)  # a committee in its term today
    c = services.committee_create(org=cast.a, appointed_on=sitting, term_start=sitting)
    c.carl = services.member_add(
        committee=c, name="นายคาร์ล", seat="council", role="chair", user=cast.carl
    )
    c.other = services.member_add(committee=c, name="นางสาวอร", seat="expert", role="member")
    return c


def full_marks(template, minus=Decimal(0)):
    items = list(template.items.all())
    return {i.pk: i.max_points - (minus if n == 0 else 0) for n, i in enumerate(items)}


def test_members_scores_are_averaged_per_item_and_compared_with_the_bar(cast, committee):
    strategy = ScoreTemplate.objects.get(code="strategy")
    services.score_save(
        member=committee.carl,
        template=strategy,
        fiscal_year=2568,
        points=full_marks(strategy, Decimal(10)),
    )
    services.score_save(
        member=committee.other,
        template=strategy,
        fiscal_year=2568,
        points=full_marks(strategy, Decimal(15)),
    )
    result = consolidated(cast.a, strategy, 2568)
    assert result.members == 2 and result.full == Decimal(100)
    assert result.items[0][1] == Decimal("7.50")  # item 1 (20 points): (10 + 5) / 2
    assert result.total == Decimal("87.50") and result.passed is True
    assert sorted(t for _, t in result.by_member) == [Decimal(85), Decimal(90)]
    services.score_save(
        member=committee.carl,
        template=strategy,
        fiscal_year=2569,
        points=full_marks(strategy, Decimal(20)),
    )
    later = consolidated(cast.a, strategy, 2569)
    assert (later.total, later.passed, later.last_year) == (Decimal(80), True, Decimal("87.50"))


def test_a_score_above_the_items_full_points_or_a_blank_is_refused(cast, committee):
    project = ScoreTemplate.objects.get(code="project")
    too_much = full_marks(project)
    too_much[next(iter(too_much))] += 1
    with pytest.raises(ValidationError, match="ให้ได้ 0 ถึง 10"):
        services.score_save(
            member=committee.carl, template=project, fiscal_year=2568, points=too_much
        )
    blank = full_marks(project)
    blank[next(iter(blank))] = None
    with pytest.raises(ValidationError, match="ยังไม่ได้ให้คะแนนข้อ 1"):
        services.score_save(member=committee.carl, template=project, fiscal_year=2568, points=blank)
    assert consolidated(cast.a, project, 2568).members == 0


def test_a_committee_member_sees_the_work_and_scores_in_the_browser(client, cast, committee):
    client.force_login(cast.carl)
    page = client.get(reverse("evaluation:scoring_year", args=[cast.a.code, 2568])).content.decode()
    assert 'id="my-work"' in page and "ให้คะแนน" in page
    strategy = ScoreTemplate.objects.get(code="strategy")
    data = {f"item_{i.pk}": str(i.max_points) for i in strategy.items.all()}
    client.post(reverse("evaluation:score_sheet", args=[cast.a.code, 2568, "strategy"]), data)
    assert consolidated(cast.a, strategy, 2568).total == Decimal(100)


def test_someone_without_a_seat_cannot_score(client, cast, committee):
    client.force_login(cast.dana)
    response = client.get(reverse("evaluation:score_sheet", args=[cast.a.code, 2568, "strategy"]))
    assert response.status_code == 403


@pytest.mark.parametrize("hostile", ["NaN", "sNaN", "-Infinity", "1e99999"])
def test_a_score_of_nan_or_infinity_is_refused_not_a_server_error(client, cast, committee, hostile):
    """The attack as made: a score `NaN`/`sNaN` answered 500."""
    client.force_login(cast.carl)
    strategy = ScoreTemplate.objects.get(code="strategy")
    data = {f"item_{i.pk}": str(i.max_points) for i in strategy.items.all()}
    data[next(iter(data))] = hostile
    page = client.post(
        reverse("evaluation:score_sheet", args=[cast.a.code, 2568, "strategy"]), data
    )
    assert page.status_code == 200 and "ข้อ 1" in page.content.decode()
    assert consolidated(cast.a, strategy, 2568).members == 0


def test_a_score_sheet_for_a_year_outside_the_plan_is_refused(client, cast, committee):
    """The attack as made: a sheet for FY2560 (no plan covers it) was accepted."""
    client.force_login(cast.carl)
    strategy = ScoreTemplate.objects.get(code="strategy")
    data = {f"item_{i.pk}": str(i.max_points) for i in strategy.items.all()}
    page = client.post(
        reverse("evaluation:score_sheet", args=[cast.a.code, 2560, "strategy"]), data
    )
    assert "ไม่อยู่ในช่วงของแผน" in page.content.decode()
    assert consolidated(cast.a, strategy, 2560).members == 0


def test_scoring_a_year_is_refused_once_its_report_is_presented_and_shown_read_only(
    client, cast, committee
):
    from evaluation.models import ScoreEntry

    strategy = ScoreTemplate.objects.get(code="strategy")
    services.score_save(
        member=committee.carl, template=strategy, fiscal_year=2568, points=full_marks(strategy)
    )
    services.annual_report_save(
        org=cast.a, fiscal_year=2568, presented_on=timezone.localdate() - dt.timedelta(days=3)
    )
    with pytest.raises(
        ValidationError, match="ปีงบประมาณ 2568: รายงานผลการติดตามและประเมินผลเสนอต่อสภา"
    ):
        services.score_save(
            member=committee.carl,
            template=strategy,
            fiscal_year=2568,
            points=full_marks(strategy, Decimal(10)),
        )
    assert consolidated(cast.a, strategy, 2568).total == Decimal(100)
    # another year is still open
    services.score_save(
        member=committee.carl, template=strategy, fiscal_year=2569, points=full_marks(strategy)
    )

    client.force_login(cast.carl)
    url = reverse("evaluation:score_sheet", args=[cast.a.code, 2568, "strategy"])
    page = client.get(url).content.decode()
    assert 'id="score-closed"' in page and "เสนอต่อสภาท้องถิ่นแล้ว" in page
    assert "บันทึกคะแนน</button>" not in page and " disabled" in page
    posted = {f"item_{pk}": "0" for pk in full_marks(strategy)}
    response = client.post(url, posted, follow=True)
    assert "คะแนนของปีนี้จึงแก้ไขไม่ได้" in response.content.decode()
    assert not ScoreEntry.objects.filter(sheet__fiscal_year=2568, points=0).exists()
    listing = client.get(reverse("evaluation:scoring_year", args=[cast.a.code, 2568]))
    assert "ดูคะแนนได้อย่างเดียว" in listing.content.decode()


def test_a_member_whose_term_has_ended_cannot_score(client, cast, committee):
    from evaluation.models import ScoreSheet

    strategy = ScoreTemplate.objects.get(code="strategy")
    ended = timezone.localdate() - dt.timedelta(days=1)
    type(committee).objects.filter(pk=committee.pk).update(term_end=ended)
    committee.carl.refresh_from_db()
    with pytest.raises(ValidationError, match="วาระกรรมการของ นายคาร์ล สิ้นสุดแล้ว"):
        services.score_save(
            member=committee.carl, template=strategy, fiscal_year=2568, points=full_marks(strategy)
        )
    assert not ScoreSheet.objects.exists()
    client.force_login(cast.carl)
    url = reverse("evaluation:score_sheet", args=[cast.a.code, 2568, "strategy"])
    page = client.get(url).content.decode()
    assert 'id="score-closed"' in page and "สิ้นสุดแล้ว" in page
    client.post(url, {f"item_{pk}": "5" for pk in full_marks(strategy)})
    assert not ScoreSheet.objects.exists()
