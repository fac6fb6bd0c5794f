"""The action plan is numbered in the order it is printed; place and unit come from the project."""

import pytest
from django.urls import reverse

from conftest import seen_on
from plans.models import ActionPlanItem

pytestmark = pytest.mark.django_db


def test_items_are_numbered_in_order_and_prefilled_from_the_project(client, cast, year_a):
    ActionPlanItem.objects.filter(action_plan__fiscal_year=2568).update(seq_no=7)  # repeated
    client.force_login(cast.alice)
    ordinance_line = year_a.d_line
    from decimal import Decimal

    from plans import services

    extra = services.budget_line_add(
        ordinance=ordinance_line.ordinance, project=year_a.road, amount=Decimal(1000)
    )
    add = reverse("plans:action_item_new", args=[cast.a.code, 2568])
    seen = seen_on(client, reverse("plans:action_plan_year", args=[cast.a.code, 2568]), add)
    client.post(add, {"budget_line": str(extra.pk), "months": ["2", "3"], "seen": seen})
    item = ActionPlanItem.objects.get(budget_line=extra)
    assert item.place == "หมู่ที่ 3" and item.responsible_unit == "กองช่าง"
    page = client.get(reverse("plans:action_plan_year", args=[cast.a.code, 2568])).content.decode()
    numbers = [
        int(n) for n in __import__("re").findall(r'<tr><td class="num">(\d+)</td><td>', page)
    ]
    assert numbers == [1, 2, 3]
