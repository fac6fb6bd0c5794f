"""The written-out lookups of the hot path give the very instances the ORM gives (values and types,
on SQLite and PostgreSQL alike), and the audit log still sees their old values."""

import pytest
from django.contrib.auth import get_user_model

from orgs.access import org_with_grants
from orgs.models import Organization
from plans.access import get_project_for_user
from tidtam import plainsql

pytestmark = pytest.mark.django_db


def same(a, b):
    """Every concrete field equal, and of the same type (a date stays a date, money a Decimal)."""
    assert type(a) is type(b)
    for f in type(a)._meta.concrete_fields:
        left, right = getattr(a, f.attname), getattr(b, f.attname)
        assert (f.name, left, type(left)) == (f.name, right, type(right))


def test_org_project_and_user_rows_are_the_instances_the_orm_loads(cast, year_a):
    alice = get_user_model().objects.get(username="alice")
    org = org_with_grants(alice, cast.a.code)
    expected = Organization.objects.select_related("province").get(pk=cast.a.pk)
    same(org, expected)
    same(org.province, expected.province)
    assert org_with_grants(alice, "0000000") is None

    project = get_project_for_user(cast.alice, cast.a, year_a.dredge.pk)
    same(project, year_a.dredge)
    same(project.plan, year_a.dredge.plan)


def test_a_row_of_the_wrong_width_is_refused():
    with pytest.raises(ValueError, match="Organization"):
        plainsql.instance(Organization, (1, "x"))


def test_the_org_and_the_users_roles_come_in_one_statement(cast, django_assert_num_queries):
    from django.http import Http404

    from orgs.access import get_org_for_user, grants_for

    pat = get_user_model().objects.get(username="pat")  # the province's analyst: reads org B
    with django_assert_num_queries(1):
        org = get_org_for_user(pat, cast.b.code)
        assert grants_for(pat)  # already there: no second query
    same(org, Organization.objects.select_related("province").get(pk=cast.b.pk))
    fresh = get_user_model().objects.get(username="pat")
    assert set(pat._tidtam_grants) == set(grants_for(fresh)) and len(pat._tidtam_grants) == 1
    nobody = get_user_model().objects.create_user("nobody", password="pw")  # no membership
    with pytest.raises(Http404):
        get_org_for_user(nobody, cast.a.code)
    assert nobody._tidtam_grants == []
    with pytest.raises(Http404):
        get_org_for_user(
            get_user_model().objects.get(username="olga"), cast.a.code
        )  # other province


def test_the_years_of_an_org_are_those_with_an_ordinance_or_an_action_plan(cast, year_a):
    from plans import services as plans_services
    from plans.selectors import fiscal_years

    plans_services.action_plan_create(org=cast.a, fiscal_year=2569)  # a plan, no ordinance yet
    plans_services.action_plan_create(org=cast.b, fiscal_year=2570)  # another org's year
    assert fiscal_years(cast.a) == [2568, 2569]  # 2568 has both: listed once, in order
    assert fiscal_years(cast.far) == []
