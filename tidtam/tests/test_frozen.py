"""What was approved or locked stays as it was; it changes only through the recorded unlock path."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from monitoring.queries import form2
from monitoring.testing import approved_project, month_saved, transfer
from plans import services as ps
from plans.models import Edition
from plans.selectors import approved_seq_on, plan_summary
from province import services as province

FY = 2568
D = Decimal


@pytest.fixture
def q1_approved(cast, year_a):
    """Q1 of FY2568 recorded (the dredging contracted on 5 Nov 2024), submitted and approved."""
    month_saved(
        year_a.dredge,
        FY,
        3,
        status="in_progress",
        progress=10,
        disbursed=D(20000),
        procurement="e_bidding",
        contract_no="7/2568",
        contract_signed_on=dt.date(2024, 11, 5),
        contract_amount=D(250000),
        expected_version=0,
    )
    sub = province.submit(org=cast.a, fiscal_year=FY, period="q1", user=cast.alice)
    province.approve(submission=sub, user=cast.pat)
    return sub


def figures(org, month=3):
    t = form2(org, FY, month).total
    return t.budget, t.contracted, t.disbursed, t.budget_n


def test_a_transfer_dated_inside_an_approved_quarter_is_refused_until_it_is_unlocked(
    cast, year_a, q1_approved
):
    before = figures(cast.a)
    with pytest.raises(ValidationError, match="งวดที่ปิดแล้ว"):
        transfer(year_a.d_line, "increase", D(50000), dt.date(2024, 12, 10))
    assert figures(cast.a) == before
    # a transfer dated after the quarter changes only what comes after it
    transfer(year_a.d_line, "increase", D(50000), dt.date(2025, 1, 10))
    assert figures(cast.a) == before and figures(cast.a, 4)[0] == before[0] + D(50000)
    # the recorded unlock path opens it again
    asked = province.request_unlock(submission=q1_approved, reason="โอนงบ ธ.ค.", user=cast.alice)
    province.grant_unlock(request=asked, user=cast.pat)
    transfer(year_a.d_line, "increase", D(1000), dt.date(2024, 12, 10))
    assert figures(cast.a)[0] == before[0] + D(1000)


def test_a_contract_date_typed_into_an_open_month_cannot_reach_an_approved_quarter(
    cast, year_a, q1_approved
):
    from monitoring.models import ProjectYear

    before = figures(cast.a)
    lunch = {
        "status": "in_progress",
        "progress": 10,
        "procurement": "e_bidding",
        "contract_no": "9/2568",
    }
    with pytest.raises(ValidationError, match="สัญญาลงนามในงวดที่ปิดแล้ว"):
        month_saved(
            year_a.lunch,
            FY,
            5,
            **lunch,
            contract_signed_on=dt.date(2024, 12, 1),
            contract_amount=D(100000),
            expected_version=0,
        )
    # nor can the approved contract's amount or date be edited from an open month
    dredge = ProjectYear.objects.get(org=cast.a, fiscal_year=FY, project=year_a.dredge)
    dredge_contract = {
        "status": "in_progress",
        "progress": 20,
        "procurement": "e_bidding",
        "contract_no": "7/2568",
        "contract_amount": D(250000),
    }
    with pytest.raises(ValidationError, match="สัญญาลงนามในงวดที่ปิดแล้ว"):
        month_saved(
            year_a.dredge,
            FY,
            5,
            **dredge_contract,
            contract_signed_on=dt.date(2025, 2, 1),
            expected_version=dredge.version,
        )
    assert figures(cast.a) == before
    # a contract signed in an open month is fine, and so is a save that keeps the contract as it is
    month_saved(
        year_a.lunch,
        FY,
        5,
        **lunch,
        contract_signed_on=dt.date(2025, 2, 1),
        contract_amount=D(100000),
        expected_version=0,
    )
    month_saved(
        year_a.dredge,
        FY,
        5,
        **dredge_contract,
        contract_signed_on=dt.date(2024, 11, 5),
        expected_version=dredge.version,
    )
    assert figures(cast.a) == before


def test_an_api_save_keeps_the_contract_it_does_not_carry(client, cast, year_a, q1_approved):
    from monitoring.models import ProjectYear
    from orgs.tokens import token_create

    _, key = token_create(user=cast.alice, name="t")
    py = ProjectYear.objects.get(org=cast.a, fiscal_year=FY, project=year_a.dredge)
    reply = client.put(
        f"/api/v1/orgs/{cast.a.code}/progress/{FY}/5/{year_a.dredge.pk}",
        {"version": py.version, "status": "in_progress", "progress": 40, "disbursed": "1000"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert reply.status_code == 200, reply.content
    py.refresh_from_db()
    assert (py.contract_no, py.contract_signed_on, py.contract_amount) == (
        "7/2568",
        dt.date(2024, 11, 5),
        D(250000),
    )


def test_a_budget_line_or_an_approval_dated_inside_an_approved_quarter_is_refused(
    cast, year_a, q1_approved
):
    plan = year_a
    ordinance = plan.d_line.ordinance  # promulgated 20 Sep 2024: counts from month 1
    with pytest.raises(ValidationError, match="งวดที่ปิดแล้ว"):
        ps.budget_line_add(ordinance=ordinance, project=plan.road, amount=D(10000))
    edition = ps.edition_create(plan=plan, kind="addition", number=1, year=2568)
    with pytest.raises(ValidationError, match="งวดที่ปิดแล้ว"):
        ps.edition_approve(edition=edition, approved_on=dt.date(2024, 12, 1))
    ps.edition_approve(edition=edition, approved_on=dt.date(2025, 1, 20))
    assert approved_seq_on(plan, dt.date(2024, 12, 31)) == 1


def test_renaming_a_strategy_does_not_rewrite_an_approved_edition(cast, plan_a):
    from reports.documents import _p02_blocks

    approved = approved_seq_on(plan_a)
    old = plan_a.s1.name
    ps.strategy_update(strategy=plan_a.s1, name="ยุทธศาสตร์ด้านโครงสร้างพื้นฐานและผังเมือง")
    labels = [r.label for r in plan_summary(plan_a, approved).rows if r.level == "strategy"]
    assert labels[0] == f"ยุทธศาสตร์ที่ 1 {old}"
    blocks, _ = _p02_blocks(plan_a, approved)
    assert blocks[0][0].name == old
    # a draft shows the framework as it is now
    draft = ps.edition_create(plan=plan_a, kind="review", number=1, year=2568)
    labels = [r.label for r in plan_summary(plan_a, draft.seq).rows if r.level == "strategy"]
    assert labels[0] == "ยุทธศาสตร์ที่ 1 ยุทธศาสตร์ด้านโครงสร้างพื้นฐานและผังเมือง"


def test_an_approved_edition_without_an_approval_date_cannot_exist(cast, plan_a):
    edition = ps.edition_create(plan=plan_a, kind="addition", number=1, year=2568)
    with pytest.raises(ValidationError, match="วันที่อนุมัติ"):
        ps.edition_approve(edition=edition, approved_on=None, approver="นำเข้าจากไฟล์")
    with pytest.raises(IntegrityError), transaction.atomic():
        Edition.objects.filter(pk=edition.pk).update(status="approved")
    edition.refresh_from_db()
    assert edition.status == "draft"


def test_a_project_of_an_edition_approved_after_the_ordinance_is_not_budgetable(cast, plan_a):
    project = approved_project(
        plan_a,
        kind="addition",
        number=1,
        year=2568,
        approved_on=dt.date(2024, 12, 1),
        data=ps.ProjectData(
            strategy=plan_a.s2, program=plan_a.edu, name="ห้องสมุดชุมชน", budgets={FY: D(10000)}
        ),
    )
    ordinance = ps.ordinance_create(
        org=cast.a, fiscal_year=FY, kind="annual", promulgated_on=dt.date(2024, 9, 20)
    )
    with pytest.raises(ValidationError, match="ยังไม่อยู่ในแผนพัฒนาท้องถิ่นฉบับที่อนุมัติแล้ว"):
        ps.budget_line_add(ordinance=ordinance, project=project, amount=D(10000))
    later = ps.ordinance_create(
        org=cast.a, fiscal_year=FY, kind="supplementary", promulgated_on=dt.date(2025, 1, 5)
    )
    ps.budget_line_add(ordinance=later, project=project, amount=D(10000))


def test_an_announcement_date_to_come_publishes_nothing_until_that_day(client, cast, settings):
    from django.utils import timezone

    from evaluation.models import AnnualReport
    from reports.services import freeze_announced_reports

    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    AnnualReport.objects.create(org=cast.a, fiscal_year=FY, announced_on=tomorrow)
    assert freeze_announced_reports() == 0
    assert not AnnualReport.objects.get().pdf
    pdf = client.get(reverse("public_annual", args=[cast.a.code, FY]))
    assert pdf.status_code == 404
    listed = client.get(reverse("open_reports", args=[cast.a.code, "json"])).json()
    assert listed == [] or listed.get("reports", listed.get("items", [])) == []
    assert AnnualReport.objects.published(on=tomorrow).count() == 1
