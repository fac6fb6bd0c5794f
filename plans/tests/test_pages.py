"""Each page renders for the officer and does a bounded number of queries, whatever the plan
size."""

import pytest
from django.urls import reverse

from orgs.models import Membership, Organization, Role
from tidtam.demo.generate import Generator


@pytest.fixture
def demo(reference_lists):
    Generator(seed=7, project_range=(60, 60), log=lambda *_: None).province(max_orgs=2)
    org = Organization.objects.get(code="6300101")
    officer = Membership.objects.get(org=org, role=Role.OFFICER).user
    return org, officer


# name, kwargs, max queries (session+user+memberships+org ≈ 4, then the page's own reads)
PAGES: list[tuple[str, dict[str, object], int]] = [
    (
        "plans:overview",
        {},
        16,
    ),  # plan, 4 grouped aggregates, strategies, tactics, programs, editions, count
    (
        "plans:projects",
        {},
        14,
    ),  # plan, editions, count, page of versions + budgets prefetch, strategies, draft
    ("plans:framework", {}, 14),  # plan, missions, strategies + 4 prefetches, linkage targets
    ("plans:editions", {}, 10),
    ("plans:edition_compare", {}, 16),
    ("plans:budget", {}, 12),
    ("plans:action_plan", {}, 14),
    ("reports:index", {}, 10),
]


@pytest.mark.parametrize(("name", "kwargs", "budget"), PAGES)
def test_it_renders_with_a_bounded_number_of_queries(
    client, demo, django_assert_max_num_queries, name, kwargs, budget
):
    org, officer = demo
    client.force_login(officer)
    with django_assert_max_num_queries(budget):
        response = client.get(reverse(name, kwargs={"org_code": org.code, **kwargs}))
    assert response.status_code == 200


def test_the_overview_shows_the_p01_totals(client, demo):
    from plans.selectors import approved_seq_on, plan_summary

    org, officer = demo
    client.force_login(officer)
    plan = org.plans.get()
    total = plan_summary(plan, approved_seq_on(plan)).total.total
    body = client.get(reverse("plans:overview", args=[org.code])).content.decode()
    assert f'id="total-budget">{total.amount:,.2f}<' in body
    assert total.count > 60  # recurring projects count once per budgeted year


def test_the_action_plan_page_shows_the_deadline(client, demo):
    org, officer = demo
    client.force_login(officer)
    body = client.get(reverse("plans:action_plan_year", args=[org.code, 2568])).content.decode()
    assert "ภายใน 30 วัน" in body and 'id="due"' in body
