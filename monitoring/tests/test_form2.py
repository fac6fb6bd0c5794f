"""แบบที่ 2 numbers, as of a quarter's end, checked against the hand-counted fixture."""

import datetime as dt
from decimal import Decimal

import pytest

from monitoring import services
from monitoring.models import Status
from monitoring.queries import form2, month_end
from monitoring.services import ProgressInput

pytestmark = pytest.mark.django_db


def record(cast, project, month, version, **kw):
    return services.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=project,
        month=month,
        data=ProgressInput(**kw),
        expected_version=version,
    )


@pytest.fixture
def progress(cast, year_a):
    record(cast, year_a.lunch, 3, 0, status=Status.DONE, progress=100, disbursed=Decimal(250000))
    record(
        cast,
        year_a.dredge,
        4,
        0,
        status=Status.IN_PROGRESS,
        progress=40,
        disbursed=Decimal(100000),
        procurement="e_bidding",
        contract_signed_on=dt.date(2025, 1, 10),
        contract_amount=Decimal(280000),
    )
    return year_a


def test_month_end_is_the_last_day_of_the_fiscal_month():
    assert month_end(2568, 1) == dt.date(2024, 10, 31)
    assert month_end(2568, 5) == dt.date(2025, 2, 28)
    assert month_end(2567, 5) == dt.date(2024, 2, 29)


def test_quarter_one_counts_what_was_true_at_the_end_of_december(cast, progress):
    report = form2(cast.a, 2568, 3)
    s1, s2 = report.rows
    assert (s1.plan_n, s1.budget_n, s1.by_status[Status.NOT_STARTED]) == (1, 1, 1)
    assert (s1.contracted, s1.disbursed) == (0, 0)  # the contract was signed in January
    assert (s2.plan_n, s2.budget_n, s2.by_status[Status.DONE], s2.disbursed) == (1, 1, 1, 250000)
    assert report.total.budget == Decimal(550000)
    assert report.total.disbursed_pct == Decimal("45.45")  # 250,000 / 550,000
    assert report.total.status_pct[Status.DONE] == Decimal("50.00")


def test_quarter_two_sees_januarys_contract_and_disbursement(cast, progress):
    report = form2(cast.a, 2568, 6)
    s1 = report.rows[0]
    assert s1.by_status[Status.IN_PROGRESS] == 1
    assert (s1.contracted, s1.disbursed) == (Decimal(280000), Decimal(100000))
    assert s1.contracted_pct == Decimal("93.33")


def test_rounding_is_the_callers_choice(cast, progress):
    # disbursed 350,000 of 550,000 = 63.6363…%: rounding and truncation differ at 2 and 0 places
    assert form2(cast.a, 2568, 6).total.disbursed_pct == Decimal("63.64")  # rounds by default
    assert form2(cast.a, 2568, 6, mode="truncate").total.disbursed_pct == Decimal("63.63")
    assert form2(cast.a, 2568, 6, decimals=0).total.disbursed_pct == Decimal(64)
    assert form2(cast.a, 2568, 6, decimals=0, mode="truncate").total.disbursed_pct == Decimal(63)
    # contracted 280,000 of 300,000 = 93.333…%
    assert form2(cast.a, 2568, 6, decimals=1, mode="truncate").rows[0].contracted_pct == Decimal(
        "93.3"
    )


def test_special_subsidy_projects_have_their_own_table(cast, progress):
    from plans import services as plans_services

    subsidy = plans_services.ordinance_create(
        org=cast.a, fiscal_year=2568, kind="subsidy", promulgated_on=dt.date(2024, 11, 1)
    )
    plans_services.budget_line_add(
        ordinance=subsidy, project=progress.dredge, amount=Decimal(1000000)
    )
    report = form2(cast.a, 2568, 6)
    (row,) = report.subsidy
    assert (row.name, row.received, row.disbursed, row.remaining) == (
        "ขุดลอกลำห้วยโคกสูง หมู่ที่ 5",
        Decimal(1000000),
        Decimal(100000),
        Decimal(900000),
    )
    assert report.rows[0].budget == Decimal(1300000)
