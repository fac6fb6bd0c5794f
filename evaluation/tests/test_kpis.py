"""KPI results against targets: entered per year, shown with the share of the target reached."""

from decimal import Decimal

import pytest
from django.urls import reverse

from evaluation.kpis import kpi_table
from evaluation.models import KPIResult
from plans import services as plans_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def kpi(plan_a):
    return plans_services.kpi_save(
        strategy=plan_a.s1,
        name="ระยะทางถนนที่ก่อสร้าง",
        unit="กม.",
        targets={2567: Decimal(4), 2568: Decimal(5)},
    )


def test_the_officer_records_results_and_sees_the_share_of_the_target(
    client, cast, plan_a, kpi, django_assert_max_num_queries
):
    client.force_login(cast.alice)
    client.post(
        reverse("evaluation:kpi_save", args=[cast.a.code, kpi.pk]),
        {"actual_2567": "๓", "evidence_2567": "รายงานกองช่าง", "actual_2568": "5.5"},
    )
    results = {r.year: r.actual for r in KPIResult.objects.all()}
    assert results == {2567: Decimal(3), 2568: Decimal("5.5")}
    ((strategy, rows),) = kpi_table(plan_a)
    cells = {y: (t, a, p) for y, t, a, p, _ in rows[0].cells}
    assert cells[2567] == (Decimal(4), Decimal(3), Decimal("75.00"))
    assert cells[2568][2] == Decimal("110.00")
    assert cells[2566] == (None, None, None)
    with django_assert_max_num_queries(12):
        body = client.get(reverse("evaluation:kpis", args=[cast.a.code])).content.decode()
    assert "ระยะทางถนนที่ก่อสร้าง" in body and "75.00" in body


def test_a_bad_result_is_named_and_nothing_changes(client, cast, plan_a, kpi):
    client.force_login(cast.alice)
    body = client.post(
        reverse("evaluation:kpi_save", args=[cast.a.code, kpi.pk]),
        {"actual_2567": "สามกิโล"},
        follow=True,
    ).content.decode()
    assert "ผลปี 2567" in body and not KPIResult.objects.exists()
