"""A budget line's typing mistake can be corrected or the line deleted, until the year's work
(transfers, the action plan) refers to it; its แหล่งเงิน follows from the document."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from orgs.stale import fingerprint
from plans import services
from plans.models import BudgetLine

pytestmark = pytest.mark.django_db


@pytest.fixture
def line(cast, plan_a):
    ordinance = services.ordinance_create(
        org=cast.a, fiscal_year=2569, kind="annual", promulgated_on=dt.date(2025, 9, 20)
    )
    lunch = plan_a.projects_[2]
    return services.budget_line_add(ordinance=ordinance, project=lunch, amount=Decimal(25000))


def test_a_line_is_corrected_and_deleted(client, cast, line):
    client.force_login(cast.alice)
    url = reverse("plans:budget_line_edit", args=[cast.a.code, 2569, line.pk])
    client.post(url, {"amount": "250,000", "item": "ค่าอาหารกลางวัน", "seen": fingerprint(line)})
    line.refresh_from_db()
    assert line.amount == 250000 and line.item == "ค่าอาหารกลางวัน"
    client.post(url, {"amount": "-5", "item": "", "seen": fingerprint(line)})  # changes nothing
    line.refresh_from_db()
    assert line.amount == 250000
    client.post(reverse("plans:budget_line_remove", args=[cast.a.code, 2569, line.pk]))
    assert not BudgetLine.objects.filter(pk=line.pk).exists()


def test_only_the_officer_changes_lines_of_their_own_org(client, cast, line):
    url = reverse("plans:budget_line_edit", args=[cast.a.code, 2569, line.pk])
    for user, status in ((cast.dana, 403), (cast.carl, 403), (cast.bob, 404)):
        client.force_login(user)
        assert client.post(url, {"amount": "1"}).status_code == status
    line.refresh_from_db()
    assert line.amount == 25000


def test_a_line_in_the_action_plan_is_not_deleted(cast, line):
    action_plan = services.action_plan_create(org=cast.a, fiscal_year=2569)
    services.action_item_add(
        action_plan=action_plan,
        budget_line=line,
        name="อาหารกลางวัน",
        amount=Decimal(25000),
        months=[1],
    )
    with pytest.raises(ValidationError, match="อยู่ในแผนการดำเนินงานแล้ว"):
        services.budget_line_delete(line=line)
    services.budget_line_update(line=line, amount=Decimal(26000))  # a correction still is fine
    line.refresh_from_db()
    assert line.amount == 26000


def test_the_picker_numbers_projects_and_the_source_follows_the_document(client, cast, line):
    client.force_login(cast.alice)
    page = client.get(reverse("plans:budget_year", args=[cast.a.code, 2569])).content.decode()
    assert 'name="source"' not in page
    assert "รหัส" in page.split('id="id_project"')[1].split("</select>")[0]
    assert 'data-filter-select="id_project"' in page
    assert line.source == "annual"
