"""Vision, missions, strategies, goals, KPIs and tactics are kept in the app, not only by import."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from plans import services
from plans.models import KPI, LinkageLevel, LinkageTarget, Strategy, Tactic

pytestmark = pytest.mark.django_db


def test_an_officer_adds_a_strategy_a_tactic_and_a_kpi_with_yearly_targets(client, cast, plan_a):
    client.force_login(cast.alice)
    url = reverse("plans:strategy_new", args=[cast.a.code])
    client.post(url, {"name": "ยุทธศาสตร์ด้านการท่องเที่ยว"})
    strategy = Strategy.objects.get(plan=plan_a, name="ยุทธศาสตร์ด้านการท่องเที่ยว")
    assert strategy.number == 3

    client.post(
        reverse("plans:tactic_new", args=[cast.a.code, strategy.pk]), {"name": "ส่งเสริมตลาดน้ำ"}
    )
    assert Tactic.objects.get(strategy=strategy).number == 1

    client.post(
        reverse("plans:kpi_new", args=[cast.a.code, strategy.pk]),
        {"name": "จำนวนนักท่องเที่ยว", "unit": "คน", "target_2566": "1,000", "target_2570": "5000"},
    )
    kpi = KPI.objects.get(strategy=strategy)
    assert {t.year: t.value for t in kpi.targets.all()} == {2566: 1000, 2570: 5000}


def test_a_bad_kpi_target_names_the_field_and_saves_nothing(client, cast, plan_a):
    strategy = plan_a.strategies.get(number=1)
    client.force_login(cast.alice)
    response = client.post(
        reverse("plans:kpi_new", args=[cast.a.code, strategy.pk]),
        {"name": "ระยะทางถนนที่ก่อสร้าง", "target_2567": "สิบ"},
        follow=True,
    )
    assert not KPI.objects.filter(strategy=strategy).exists()
    assert "เป้าหมาย 2567" in response.content.decode()


def test_editing_a_kpi_changes_and_clears_targets(cast, plan_a):
    strategy = plan_a.strategies.get(number=1)
    kpi = services.kpi_save(
        strategy=strategy, name="ถนน", unit="กม.", targets={2566: Decimal(1), 2567: Decimal(2)}
    )
    services.kpi_save(
        strategy=strategy, kpi=kpi, name="ถนน คสล.", targets={2566: None, 2567: Decimal(3)}
    )
    kpi.refresh_from_db()
    assert kpi.name == "ถนน คสล."
    assert {t.year: t.value for t in kpi.targets.all()} == {2567: Decimal(3)}
    with pytest.raises(ValidationError, match="2571"):
        services.kpi_save(strategy=strategy, kpi=kpi, name="x", targets={2571: Decimal(1)})


def test_a_strategy_links_only_to_national_and_own_province_targets(cast, plan_a):
    strategy = plan_a.strategies.get(number=1)
    national = LinkageTarget.objects.filter(level=LinkageLevel.NATIONAL_STRATEGY).first()
    foreign = LinkageTarget.objects.create(
        level=LinkageLevel.PROVINCE, code="9", name="ยุทธศาสตร์จังหวัดอื่น", province=cast.far.province
    )
    services.strategy_update(strategy=strategy, name=strategy.name, linkages=[national])
    assert list(strategy.linkages.all()) == [national]
    with pytest.raises(ValidationError, match="จังหวัดนี้"):
        services.strategy_update(strategy=strategy, name=strategy.name, linkages=[foreign])
    assert list(strategy.linkages.all()) == [national]


def test_a_committee_member_reads_the_framework_but_cannot_change_it(client, cast, plan_a):
    client.force_login(cast.carl)
    page = client.get(reverse("plans:framework", args=[cast.a.code]))
    assert page.status_code == 200
    assert "ยุทธศาสตร์ด้านการพัฒนาการศึกษา" in page.content.decode()
    assert "เพิ่มยุทธศาสตร์" not in page.content.decode()
    response = client.post(reverse("plans:strategy_new", args=[cast.a.code]), {"name": "x"})
    assert response.status_code == 403
    assert plan_a.strategies.count() == 2


def test_missions_and_vision_are_saved_in_order(client, cast, plan_a):
    client.force_login(cast.alice)
    from orgs.stale import fingerprint

    client.post(
        reverse("plans:vision_edit", args=[cast.a.code]),
        {"vision": "เมืองน่าอยู่", "seen": fingerprint(plan_a)},
    )
    for text in ("พัฒนาโครงสร้างพื้นฐาน", "พัฒนาการศึกษา"):
        client.post(reverse("plans:mission_new", args=[cast.a.code]), {"text": text})
    plan_a.refresh_from_db()
    assert plan_a.vision == "เมืองน่าอยู่"
    assert [(m.number, m.text) for m in plan_a.missions.all()] == [
        (1, "พัฒนาโครงสร้างพื้นฐาน"),
        (2, "พัฒนาการศึกษา"),
    ]
