"""Results are of months lived: a month that has not begun is read-only and refuses a save."""

import pytest
from django.urls import reverse

from core.web import this_fy
from monitoring.models import MonthlyProgress

pytestmark = pytest.mark.django_db


def test_a_future_month_is_read_only_and_refuses_a_save(client, cast, year_a):
    import datetime as dt
    from decimal import Decimal

    from plans import services

    later = this_fy()  # its September has not begun
    if later > 2570:
        pytest.skip("the fixture's plan runs 2566–2570")
    ordinance = services.ordinance_create(
        org=cast.a, fiscal_year=later, kind="annual", promulgated_on=dt.date(2025, 9, 20)
    )
    services.budget_line_add(ordinance=ordinance, project=year_a.lunch, amount=Decimal(250000))
    client.force_login(cast.alice)
    page = client.get(reverse("monitoring:entry", args=[cast.a.code, later, 12])).content.decode()
    assert 'id="future"' in page and "ยังไม่ถึงเดือนนี้ บันทึกผลได้ตั้งแต่" in page
    assert 'name="progress"' not in page
    assert 'class=" future"' in page or "future" in page.split('class="month-tabs"')[1]
    url = reverse("monitoring:row", args=[cast.a.code, later, 12, year_a.lunch.pk])
    answer = client.post(url, {"version": "0", "status": "in_progress", "progress": "10"})
    assert "ยังไม่ถึงเดือนนี้" in answer.content.decode()
    assert not MonthlyProgress.objects.exists()


def test_a_past_month_is_open(client, cast, year_a):
    client.force_login(cast.alice)
    page = client.get(reverse("monitoring:entry", args=[cast.a.code, 2568, 6])).content.decode()
    assert 'id="future"' not in page and 'name="progress"' in page
