"""The written-out lookups of the hot path give the very instances the ORM gives (values and types,
on SQLite and PostgreSQL alike), and the audit log still sees their old values."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from monitoring import services
from monitoring.models import ProjectYear, Status
from monitoring.services import ProgressInput, locked_project_year
from orgs.access import org_by_code
from orgs.models import AuditEntry, Organization
from orgs.sessions import UserBackend
from plans.access import get_project_for_user
from tidtam import plainsql

pytestmark = pytest.mark.django_db


def same(a, b):
    """Every concrete field equal, and of the same type (a date stays a date, money a Decimal)."""
    assert type(a) is type(b)
    for f in type(a)._meta.concrete_fields:
        left, right = getattr(a, f.attname), getattr(b, f.attname)
        assert (f.name, left, type(left)) == (f.name, right, type(right))


@pytest.fixture
def year(cast, year_a):
    data = ProgressInput(
        status=Status.IN_PROGRESS, progress=35, disbursed=Decimal("12345.67"),
        contract_no="12/2568", contract_signed_on=dt.date(2025, 1, 15),
        contract_amount=Decimal("295000.50"), problems="ฝนตกชุก",
    )  # fmt: skip
    return services.progress_save(
        org=cast.a, fiscal_year=2568, project=year_a.dredge, month=4, data=data,
        expected_version=0, acting_user=cast.alice,
    )  # fmt: skip


def test_a_project_year_row_is_the_instance_the_orm_loads(cast, year):
    loaded = locked_project_year(cast.a, 2568, year.project_id)
    same(loaded, ProjectYear.objects.get(pk=year.pk))
    assert loaded.contract_signed_on == dt.date(2025, 1, 15)
    assert loaded.contract_amount == Decimal("295000.50")
    assert locked_project_year(cast.a, 2569, year.project_id) is None
    assert locked_project_year(cast.b, 2568, year.project_id) is None


def test_org_project_and_user_rows_are_the_instances_the_orm_loads(cast, year_a):
    org = org_by_code(cast.a.code)
    expected = Organization.objects.select_related("province").get(pk=cast.a.pk)
    same(org, expected)
    same(org.province, expected.province)
    assert org_by_code("0000000") is None

    project = get_project_for_user(cast.alice, cast.a, year_a.dredge.pk)
    same(project, year_a.dredge)
    same(project.plan, year_a.dredge.plan)

    user = get_user_model().objects.get(username="alice")
    same(UserBackend().get_user(user.pk), user)
    assert UserBackend().get_user(999_999) is None


def test_an_instance_from_a_written_out_row_keeps_its_old_values_for_the_log(cast, year):
    loaded = locked_project_year(cast.a, 2568, year.project_id)
    loaded.problems = "ผู้รับจ้างส่งมอบงานล่าช้า"
    loaded.save()
    entry = AuditEntry.objects.filter(model="monitoring.ProjectYear").latest("pk")
    # only the field that changed: money, dates and times read back equal to what was stored
    assert entry.changes == {"problems": ["ฝนตกชุก", "ผู้รับจ้างส่งมอบงานล่าช้า"]}


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
