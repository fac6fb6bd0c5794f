"""Finding 5 of the attack run, as it was made: each of these answered 500 (or HTML on the API)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from orgs.tokens import token_create

pytestmark = pytest.mark.django_db
BIG = "1" + "0" * 24  # a 25-digit integer


@pytest.fixture
def bearer(cast):
    _, key = token_create(user=cast.alice, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def kpi(plan_a):
    from plans import services as plan_services

    return plan_services.kpi_save(
        strategy=plan_a.s1, name="ร้อยละของถนนที่ได้มาตรฐาน", unit="ร้อยละ", targets={2568: Decimal(80)}
    )


def test_a_nul_byte_in_the_project_search_is_harmless(client, cast, plan_a):
    client.force_login(cast.alice)
    page = client.get(reverse("plans:projects", args=[cast.a.code]), {"q": "ถนน\x00"})
    assert page.status_code == 200


def test_a_nul_byte_in_the_api_note_and_evidence_answers_json_400(
    client, cast, year_a, kpi, bearer
):
    from evaluation.models import KPIResult
    from monitoring.models import MonthlyProgress

    url = f"/api/v1/orgs/{cast.a.code}/progress/2568/4/{year_a.dredge.pk}"
    body = {
        "version": 0,
        "status": "in_progress",
        "progress": 30,
        "disbursed": "1000.00",
        "note": "a\x00b",
    }
    answer = client.put(url, body, content_type="application/json", **bearer)
    assert answer.status_code == 400 and answer["Content-Type"].startswith("application/json")
    assert not MonthlyProgress.objects.exists()
    url = f"/api/v1/orgs/{cast.a.code}/kpis/{kpi.pk}/results/2568"
    answer = client.put(
        url, {"actual": "85", "evidence": "\x00"}, content_type="application/json", **bearer
    )
    assert answer.status_code == 400 and "detail" in answer.json()
    assert not KPIResult.objects.exists()


def test_a_kpi_result_too_big_for_its_column_is_refused(client, cast, kpi, bearer):
    from evaluation.models import KPIResult

    url = f"/api/v1/orgs/{cast.a.code}/kpis/{kpi.pk}/results/2568"
    answer = client.put(
        url, {"actual": "1e20", "evidence": ""}, content_type="application/json", **bearer
    )
    assert answer.status_code == 422 and "ใหญ่เกิน" in str(answer.json())
    client.force_login(cast.alice)
    page = client.post(
        reverse("evaluation:kpi_save", args=[cast.a.code, kpi.pk]),
        {"actual_2568": "1" + "0" * 20},
        follow=True,
    )
    assert page.status_code == 200
    assert not KPIResult.objects.exists()


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_in_json_are_refused(client, cast, kpi, bearer, value):
    url = f"/api/v1/orgs/{cast.a.code}/kpis/{kpi.pk}/results/2568"
    body = '{"actual": VALUE, "evidence": ""}'.replace("VALUE", value)
    answer = client.put(url, body, content_type="application/json", **bearer)
    assert answer.status_code in (400, 422) and answer["Content-Type"].startswith(
        "application/json"
    )


def test_25_digit_integers_in_paths_are_404(client, cast, plan_a, bearer):
    client.force_login(cast.alice)
    for url in (
        f"/o/{cast.a.code}/monitoring/dashboard/{BIG}/",
        f"/o/{cast.a.code}/documents/annual/{BIG}.pdf",
        f"/o/{cast.a.code}/plans/projects/{BIG}/",
        f"/national/{BIG}/",
        f"/p/{cast.a.code}/annual/{BIG}.pdf",
    ):
        assert client.get(url).status_code == 404, url
    answer = client.get(f"/api/v1/orgs/{cast.a.code}/progress/{BIG}/4", **bearer)
    assert answer.status_code == 404 and answer["Content-Type"].startswith("application/json")
    answer = client.get(f"/api/v1/orgs/{cast.a.code}/alerts/99999", **bearer)
    assert answer.status_code == 404


def test_the_api_answers_json_even_when_it_fails(client, cast, bearer, monkeypatch):
    import tidtam.api

    def boom(*a, **k):
        raise RuntimeError("simulated fault")

    monkeypatch.setattr(tidtam.api, "readable_orgs", boom)
    answer = client.get("/api/v1/orgs", **bearer)
    assert answer.status_code == 500 and answer.json()["detail"]


def test_numbers_are_bounded_to_the_column_that_stores_them(cast, plan_a, reference_lists):
    """parse_amount takes up to 10^13 baht; a KPI target (10^12), a warning threshold (10^10) and an
    item's full points (10^4) are smaller columns, refused in Thai rather than overflowing."""
    from django.core.exceptions import ValidationError

    from evaluation import services as evaluation_services
    from evaluation.models import ScoreTemplate
    from monitoring import services as monitoring_services
    from monitoring.models import WarningRule
    from plans import services as plan_services

    with pytest.raises(ValidationError, match="ใหญ่เกิน"):
        plan_services.kpi_save(strategy=plan_a.s1, name="k", targets={2568: Decimal("5e12")})
    rule = WarningRule.objects.first()
    with pytest.raises(ValidationError, match="ใหญ่เกิน"):
        monitoring_services.rule_update(
            rule=rule, name="x", threshold=Decimal("1e11"), message="", severity="red", active=True
        )
    template = ScoreTemplate.objects.first()
    item = template.items.first()
    with pytest.raises(ValidationError, match="ใหญ่เกิน"):
        evaluation_services.score_template_update(
            template=template, points={item.pk: Decimal("1e9")}, pass_percent=Decimal(60)
        )
