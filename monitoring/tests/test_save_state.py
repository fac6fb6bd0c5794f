"""What a month's save reads before it writes (the locked year, the month's row, the closed months):
the very instances the ORM loads, on SQLite and PostgreSQL alike, the year and its month in one
statement."""

import datetime as dt
from decimal import Decimal

import pytest

from monitoring import services
from monitoring.models import MonthlyProgress, PeriodLock, ProjectYear, Status
from monitoring.services import ProgressInput, save_state
from orgs.models import AuditEntry

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
        status=Status.IN_PROGRESS,
        progress=35,
        disbursed=Decimal("12345.67"),
        contract_no="12/2568",
        contract_signed_on=dt.date(2025, 1, 15),
        contract_amount=Decimal("295000.50"),
        problems="ฝนตกชุก",
    )
    return services.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=year_a.dredge,
        month=4,
        data=data,
        expected_version=0,
        updated_by=cast.alice,
    )


def test_a_saves_state_is_the_instances_the_orm_loads_and_the_closed_months(cast, year):
    state = save_state(cast.a, 2568, year.project_id, 4)
    same(state.year, ProjectYear.objects.get(pk=year.pk))
    same(state.month, MonthlyProgress.objects.get(project_year=year, month=4))
    assert state.month.project_year is state.year  # no query to reach the org for the log
    assert state.year.contract_signed_on == dt.date(2025, 1, 15)
    assert state.year.contract_amount == Decimal("295000.50")
    assert state.closed == set()
    assert save_state(cast.a, 2568, year.project_id, 5).month is None  # month not recorded yet
    # a row per lock: the quarter ม.ค.–มี.ค. (months 4–6) and the month ต.ค. (1)
    PeriodLock.objects.create(org=cast.a, fiscal_year=2568, kind="quarter", number=2)
    PeriodLock.objects.create(org=cast.a, fiscal_year=2568, kind="month", number=1)
    PeriodLock.objects.create(org=cast.b, fiscal_year=2568, kind="year", number=1)  # another org
    PeriodLock.objects.create(org=cast.a, fiscal_year=2569, kind="year", number=1)  # another year
    state = save_state(cast.a, 2568, year.project_id, 4)
    assert state.closed == {1, 4, 5, 6}
    same(state.year, ProjectYear.objects.get(pk=year.pk))
    empty = save_state(cast.a, 2569, year.project_id, 4)
    assert (empty.year, empty.month, empty.closed) == (None, None, set(range(1, 13)))
    assert save_state(cast.b, 2568, year.project_id, 4).year is None


def test_the_locked_year_keeps_its_old_values_for_the_log(cast, year):
    loaded = save_state(cast.a, 2568, year.project_id, 4).year
    loaded.problems = "ผู้รับจ้างส่งมอบงานล่าช้า"
    loaded.save()
    entry = AuditEntry.objects.filter(model="monitoring.ProjectYear").latest("pk")
    # only the field that changed: money, dates and times read back equal to what was stored
    assert entry.changes == {"problems": ["ฝนตกชุก", "ผู้รับจ้างส่งมอบงานล่าช้า"]}


def test_the_year_and_its_month_are_one_statement_and_the_closed_months_one_more(
    cast, year, django_assert_num_queries
):
    PeriodLock.objects.create(org=cast.a, fiscal_year=2568, kind="month", number=2)
    with django_assert_num_queries(2):
        state = save_state(cast.a, 2568, year.project_id, 4)
        assert state.month.project_year.org_id == cast.a.pk  # no query to reach the org
    assert state.closed == {2}
    with django_assert_num_queries(1):  # a caller saving many rows gives the closed months
        state = save_state(cast.a, 2568, year.project_id, 4, closed={2, 3})
    assert (state.year.pk, state.month.month, state.closed) == (year.pk, 4, {2, 3})
