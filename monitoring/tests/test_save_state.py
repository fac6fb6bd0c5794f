"""What a month's save reads before it writes (the locked year, the month's row, the closed months):
the very instances the ORM loads, on SQLite and PostgreSQL alike, in one statement
(monitoring.sql.SAVE_STATE)."""

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


def test_the_year_its_month_and_the_closed_months_are_one_statement(
    cast, year, django_assert_num_queries
):
    PeriodLock.objects.create(org=cast.a, fiscal_year=2568, kind="month", number=2)
    PeriodLock.objects.create(org=cast.a, fiscal_year=2568, kind="quarter", number=4)
    with django_assert_num_queries(1):
        state = save_state(cast.a, 2568, year.project_id, 4)
        assert state.month.project_year.org_id == cast.a.pk  # no query to reach the org
    assert state.closed == {2, 10, 11, 12}
    with django_assert_num_queries(1):  # a caller saving many rows gives the closed months
        state = save_state(cast.a, 2568, year.project_id, 4, closed={2, 3})
    assert (state.year.pk, state.month.month, state.closed) == (year.pk, 4, {2, 3})


def test_a_written_out_save_stores_and_logs_what_the_orms_save_does(cast, year):
    """core.rawrows.save against Model.save(update_fields=…): the same row stored (types kept)
    and the same audit entry, money, dates and the auto_now time included."""
    from core import rawrows
    from monitoring.services.progress import YEAR_FIELDS, YEAR_STATE

    saved = (*YEAR_FIELDS, *YEAR_STATE, "updated_at")

    def change(py):
        py.contract_amount, py.contract_signed_on = Decimal("123456.78"), dt.date(2025, 2, 3)
        py.problems, py.version, py.status = "น้ำท่วม", py.version + 1, Status.DONE

    orm = save_state(cast.a, 2568, year.project_id, 4).year
    change(orm)
    orm.save(update_fields=saved)
    by_orm = AuditEntry.objects.filter(model="monitoring.ProjectYear").latest("pk")
    stored_by_orm = ProjectYear.objects.get(pk=year.pk)
    ProjectYear.objects.filter(pk=year.pk).update(
        contract_amount=year.contract_amount,
        contract_signed_on=year.contract_signed_on,
        problems=year.problems,
        version=year.version,
        status=year.status,
    )
    written = save_state(cast.a, 2568, year.project_id, 4).year
    change(written)
    assert rawrows.save(written, saved)
    by_sql = AuditEntry.objects.filter(model="monitoring.ProjectYear").latest("pk")
    assert by_sql.pk != by_orm.pk
    assert (by_sql.changes, by_sql.label, by_sql.org_id) == (
        by_orm.changes,
        by_orm.label,
        by_orm.org_id,
    )
    assert by_sql.changes["problems"] == ["ฝนตกชุก", "น้ำท่วม"]
    stored = ProjectYear.objects.get(pk=year.pk)
    assert stored.updated_at > stored_by_orm.updated_at  # auto_now, as save() sets it
    stored.updated_at = stored_by_orm.updated_at
    same(stored, stored_by_orm)


def test_a_written_out_create_stores_and_logs_what_the_orms_create_does(cast, year):
    from core import rawrows

    def month(n):
        return MonthlyProgress(
            project_year=year,
            month=n,
            status=Status.IN_PROGRESS,
            progress=40,
            disbursed=Decimal("1500.25"),
            note="ส่งงานงวดที่ 1",
            updated_by=cast.alice,
        )

    by_orm = month(5)
    by_orm.save()
    written = month(6)
    rawrows.create(written)
    assert written.pk is not None and written.pk != by_orm.pk
    a, b = (
        AuditEntry.objects.get(model="monitoring.MonthlyProgress", object_id=str(m.pk))
        for m in (by_orm, written)
    )
    assert a.changes.pop("month") == [None, 5] and b.changes.pop("month") == [None, 6]
    assert (
        (a.action, a.changes, a.org_id)
        == (b.action, b.changes, b.org_id)
        == ("create", a.changes, cast.a.pk)
    )
    assert b.changes["disbursed"] == [None, "1500.25"]
    stored = MonthlyProgress.objects.get(pk=written.pk)
    assert (stored.disbursed, stored.note, stored.updated_by_id) == (
        Decimal("1500.25"),
        "ส่งงานงวดที่ 1",
        cast.alice.pk,
    )
    assert stored.updated_at is not None


def test_every_field_of_the_year_and_the_month_is_saved_or_a_key():
    """A field added to ProjectYear or MonthlyProgress is written by a month's save (the lists in
    monitoring.services.progress) or is one of the row's keys: never silently left out."""
    from monitoring.services.progress import MONTH_FIELDS, YEAR_FIELDS, YEAR_STATE

    def fields(model):
        return {f.name for f in model._meta.concrete_fields if not f.primary_key}

    assert fields(ProjectYear) == {
        *YEAR_FIELDS,
        *YEAR_STATE,
        "updated_at",
        *("org", "fiscal_year", "project"),
    }
    assert fields(MonthlyProgress) == {
        *MONTH_FIELDS,
        "updated_by",
        "updated_at",
        *("project_year", "month"),
    }


def test_a_month_saved_again_keeps_every_field_it_was_given(cast, year):
    data = ProgressInput(
        status=Status.DONE,
        progress=100,
        disbursed=Decimal("2000.10"),
        note="ส่งมอบงานแล้ว",
        procurement="e_bidding",
        contract_no="15/2568",
        contract_signed_on=dt.date(2025, 1, 20),
        contract_amount=Decimal("290000.00"),
        carried_over=Decimal("1000.00"),
        problems="ไม่มี",
    )
    services.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=year.project,
        month=4,
        data=data,
        expected_version=year.version,
        updated_by=cast.alice,
    )
    py = ProjectYear.objects.get(pk=year.pk)
    month = MonthlyProgress.objects.get(project_year=year, month=4)
    for name in ("status", "progress", "note"):
        assert getattr(month, name) == getattr(data, name)
    assert month.disbursed == data.disbursed
    for name in ("procurement", "contract_no", "contract_signed_on", "contract_amount"):
        assert getattr(py, name) == getattr(data, name)
    assert (py.carried_over, py.problems, py.status, py.progress) == (
        Decimal("1000.00"),
        "ไม่มี",
        Status.DONE,
        100,
    )
    assert (py.disbursed, py.version) == (Decimal("2000.10"), year.version + 1)


def test_a_stale_version_writes_and_logs_nothing(cast, year):
    """core.rawrows.save with a compare-and-set: the row no longer holds the version read."""
    from core import rawrows
    from monitoring.services.progress import YEAR_FIELDS, YEAR_STATE

    stale = save_state(cast.a, 2568, year.project_id, 4).year
    ProjectYear.objects.filter(pk=year.pk).update(version=year.version + 5)  # someone else's save
    entries = AuditEntry.objects.count()
    stale.problems, seen = "ทับของคนอื่น", stale.version
    saved = (*YEAR_FIELDS, *YEAR_STATE, "updated_at")
    assert not rawrows.save(stale, saved, where={"version": seen})
    assert ProjectYear.objects.get(pk=year.pk).problems == "ฝนตกชุก"
    assert AuditEntry.objects.count() == entries
