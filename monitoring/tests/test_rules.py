"""Each early-warning rule fires on its case, stays quiet otherwise, and re-running is
idempotent."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command

from monitoring import services
from monitoring.models import Alert, RuleKind, Status, WarningRule
from monitoring.rules import elapsed_months, evaluate_org
from monitoring.services import ProgressInput
from plans import services as plans_services

pytestmark = pytest.mark.django_db
# year_a: ขุดลอก 300,000 planned ม.ค.–มี.ค. (months 4–6); อาหารกลางวัน 250,000 planned all year.


def kinds(cast, fy=2568):
    return sorted(
        Alert.objects.filter(org=cast.a, fiscal_year=fy).values_list("rule__kind", flat=True)
    )


def record(cast, project, month, version=0, **kw):
    return services.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=project,
        month=month,
        data=ProgressInput(**kw),
        expected_version=version,
    )


def test_elapsed_months_counts_whole_fiscal_months():
    assert elapsed_months(2568, dt.date(2024, 10, 30)) == 0
    assert elapsed_months(2568, dt.date(2024, 10, 31)) == 1
    assert elapsed_months(2568, dt.date(2025, 4, 15)) == 6
    assert elapsed_months(2568, dt.date(2026, 1, 1)) == 12


def test_not_started_fires_after_the_planned_months_plus_grace(cast, year_a):
    evaluate_org(cast.a, 2568, dt.date(2025, 4, 30))  # April over: 7 months; ขุดลอก ended month 6
    assert kinds(cast).count(RuleKind.NOT_STARTED_LATE) == 1
    alert = Alert.objects.get(rule__kind=RuleKind.NOT_STARTED_LATE)
    assert alert.project == year_a.dredge and "เดือนมีนาคม" in alert.message
    evaluate_org(cast.a, 2568, dt.date(2025, 3, 31))  # within grace (threshold 1 month)
    assert RuleKind.NOT_STARTED_LATE not in kinds(cast)


def test_a_started_project_does_not_fire_not_started(cast, year_a):
    record(cast, year_a.dredge, 4, status=Status.IN_PROGRESS, progress=10)
    evaluate_org(cast.a, 2568, dt.date(2025, 4, 30))
    assert RuleKind.NOT_STARTED_LATE not in kinds(cast)


def test_no_contract_by_march_fires_unless_signed_in_time(cast, year_a):
    evaluate_org(cast.a, 2568, dt.date(2025, 3, 31))
    assert kinds(cast).count(RuleKind.NO_CONTRACT) == 2
    record(
        cast,
        year_a.dredge,
        4,
        status=Status.IN_PROGRESS,
        progress=10,
        procurement="e_bidding",
        contract_signed_on=dt.date(2025, 1, 15),
        contract_amount=Decimal(280000),
    )
    record(cast, year_a.lunch, 1, status=Status.IN_PROGRESS, progress=10, procurement="self")
    evaluate_org(cast.a, 2568, dt.date(2025, 3, 31))
    assert RuleKind.NO_CONTRACT not in kinds(cast)


def test_disbursement_lag_compares_with_the_projects_own_planned_months(cast, year_a):
    # อาหารกลางวัน runs all year: after 6 months 50 % is expected; 10 % paid is 40 points behind
    record(cast, year_a.lunch, 6, status=Status.IN_PROGRESS, progress=50, disbursed=Decimal(25000))
    evaluate_org(cast.a, 2568, dt.date(2025, 3, 31))
    lag = Alert.objects.get(rule__kind=RuleKind.DISBURSEMENT_LAG, project=year_a.lunch)
    assert lag.value == Decimal("10.00")
    assert "ร้อยละ 50.00" in lag.message
    # ขุดลอก (ม.ค.–มี.ค.) is expected to be fully paid by then and has paid nothing
    assert Alert.objects.filter(rule__kind=RuleKind.DISBURSEMENT_LAG).count() == 2


def test_budget_and_action_plan_mismatches_fire_both_ways(cast, year_a):
    ordinance = year_a.d_line.ordinance
    action_plan = year_a.d_line.action_items.get().action_plan
    # one way: the road is budgeted but not in the action plan
    plans_services.budget_line_add(ordinance=ordinance, project=year_a.road, amount=Decimal(9000))
    # the other way: a library added to the plan is in the action plan but not budgeted
    addition = plans_services.edition_create(plan=year_a, kind="addition", number=1, year=2568)
    library = plans_services.project_add(
        edition=addition,
        data=plans_services.ProjectData(
            strategy=year_a.s2,
            program=year_a.edu,
            name="ห้องสมุดชุมชน",
            budgets={2568: Decimal(40000)},
        ),
    ).project
    plans_services.edition_approve(edition=addition, approved_on=dt.date(2024, 10, 15))
    plans_services.action_item_add(
        action_plan=action_plan, project=library, name="ห้องสมุด", amount=Decimal(40000), months=[3]
    )
    evaluate_org(cast.a, 2568, dt.date(2024, 11, 30))
    budgeted = Alert.objects.get(rule__kind=RuleKind.BUDGETED_NOT_IN_ACTION_PLAN)
    unbudgeted = Alert.objects.get(rule__kind=RuleKind.ACTION_PLAN_NOT_BUDGETED)
    assert (budgeted.project, unbudgeted.project) == (year_a.road, library)
    # each goes quiet once its other half exists
    plans_services.action_item_add(
        action_plan=action_plan, project=year_a.road, name="ถนน", amount=Decimal(9000), months=[2]
    )
    supplementary = plans_services.ordinance_create(
        org=cast.a, fiscal_year=2568, kind="supplementary", promulgated_on=dt.date(2024, 11, 1)
    )
    plans_services.budget_line_add(ordinance=supplementary, project=library, amount=Decimal(40000))
    evaluate_org(cast.a, 2568, dt.date(2024, 11, 30))
    found = kinds(cast)
    assert RuleKind.BUDGETED_NOT_IN_ACTION_PLAN not in found
    assert RuleKind.ACTION_PLAN_NOT_BUDGETED not in found


def test_an_action_item_without_budget_fires(cast, year_a):
    action_plan = year_a.d_line.action_items.get().action_plan
    plans_services.action_item_add(
        action_plan=action_plan, project=year_a.road, name="ถนน", amount=Decimal(9000), months=[2]
    )
    evaluate_org(cast.a, 2568, dt.date(2024, 11, 30))
    alert = Alert.objects.get(rule__kind=RuleKind.ACTION_PLAN_NOT_BUDGETED)
    assert alert.project == year_a.road


def test_an_idle_special_subsidy_fires_after_the_threshold(cast, year_a):
    subsidy = plans_services.ordinance_create(
        org=cast.a, fiscal_year=2568, kind="subsidy", promulgated_on=dt.date(2024, 10, 1)
    )
    plans_services.budget_line_add(ordinance=subsidy, project=year_a.road, amount=Decimal(900000))
    evaluate_org(cast.a, 2568, dt.date(2024, 12, 30))
    assert RuleKind.SUBSIDY_IDLE not in kinds(cast)  # only 2 months over
    evaluate_org(cast.a, 2568, dt.date(2024, 12, 31))
    assert kinds(cast).count(RuleKind.SUBSIDY_IDLE) == 1


def test_thresholds_and_wording_are_data(cast, year_a):
    rule = WarningRule.objects.get(kind=RuleKind.NOT_STARTED_LATE)
    rule.threshold, rule.message = 3, "ล่าช้า{project}มา {value} เดือน"
    rule.save()
    evaluate_org(cast.a, 2568, dt.date(2025, 8, 31))  # 11 months over; ขุดลอก ended month 6
    alert = Alert.objects.get(rule=rule)
    assert alert.message == "ล่าช้า “ขุดลอกลำห้วยโคกสูง หมู่ที่ 5” มา 5 เดือน"
    evaluate_org(cast.a, 2568, dt.date(2025, 5, 31))  # 8 months: within the 3-month grace
    assert not Alert.objects.filter(rule=rule).exists()


def test_the_command_is_idempotent(cast, year_a):
    call_command("evaluate_warnings", "--org", cast.a.code, "--fy", "2568", "--as-of", "30/9/2568")
    first = sorted(Alert.objects.values_list("rule__kind", "project_id", "message"))
    call_command("evaluate_warnings", "--org", cast.a.code, "--fy", "2568", "--as-of", "30/9/2568")
    assert sorted(Alert.objects.values_list("rule__kind", "project_id", "message")) == first
    assert len(first) >= 3
