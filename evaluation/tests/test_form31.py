"""แบบที่ 3/1: plan vs carried out per strategy, with both percentage bases, KPIs and satisfaction."""

from decimal import Decimal

import pytest
from django.urls import reverse

from evaluation import services as ev
from evaluation.form31 import form31
from evaluation.models import Channel, SurveyTemplate
from monitoring import services as mon
from monitoring.models import Status
from plans import services as plans_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluated_year(cast, year_a, reference_lists):
    mon.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=year_a.dredge,
        month=6,
        data=mon.ProgressInput(status=Status.DONE, progress=100, disbursed=Decimal(290000)),
        expected_version=0,
    )
    plans_services.kpi_save(strategy=year_a.s1, name="ลำห้วยที่ขุดลอก", targets={2568: Decimal(1)})
    kpi = year_a.s1.kpis.get()
    ev.kpi_results_save(kpi=kpi, values={2568: (Decimal(1), "")})
    survey = ev.survey_create(
        org=cast.a,
        fiscal_year=2568,
        template=SurveyTemplate.objects.get(code="3_3"),
        title="3/3 ปี 2568",
    )
    items = list(survey.template.items.all())
    profile = {"sex": "m", "age_band": "gt60", "education": "primary", "occupation": "farmer"}
    for v in (8, 9):
        answers = {(i.pk, s.pk): v for i in items for s in (year_a.s1, year_a.s2)}
        ev.response_submit(survey=survey, channel=Channel.PAPER, profile=profile, answers=answers)
    return year_a


def test_carried_out_per_strategy_with_kpis_and_satisfaction(cast, evaluated_year):
    report = form31(cast.a, 2568)
    s1, s2 = report.rows
    assert (s1.strategy.plan_n, s1.carried_out, s1.carried_pct) == (1, 1, Decimal("100.00"))
    assert (s1.kpis_met, s1.kpis_measured, s1.satisfaction) == (1, 1, Decimal("8.50"))
    assert (s2.strategy.plan_n, s2.carried_out, s2.carried_pct) == (1, 0, Decimal("0.00"))
    everything = form31(cast.a, 2568, base="all")
    assert everything.rows[0].carried_pct == Decimal(
        "50.00"
    )  # 1 of the 2 plan projects of the year


def test_the_page_states_the_percentage_base(client, cast, evaluated_year):
    client.force_login(cast.carl)
    body = client.get(reverse("evaluation:form31_year", args=[cast.a.code, 2568]) + "?base=all")
    assert "ร้อยละของโครงการในแผนทั้งหมด" in body.content.decode()
