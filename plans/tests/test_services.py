import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.selectors import approved_seq_on, edition_diff, plan_summary, project_rows, working_seq
from plans.services import ProjectData


def test_it_refuses_to_budget_a_project_not_in_an_approved_plan(plan_a):
    addition = services.edition_create(plan=plan_a, kind="addition", number=1, year=2567)
    new = services.project_add(
        edition=addition,
        data=ProjectData(
            strategy=plan_a.s1,
            program=plan_a.works,
            name="ก่อสร้างสะพาน คสล.",
            budgets={2568: Decimal(900000)},
        ),
    )
    ordinance = services.ordinance_create(
        org=plan_a.org, fiscal_year=2568, kind="annual", promulgated_on=dt.date(2024, 9, 15)
    )
    with pytest.raises(ValidationError, match="ยังไม่อยู่ในแผนพัฒนาท้องถิ่นฉบับที่อนุมัติแล้ว"):
        services.budget_line_add(ordinance=ordinance, project=new.project, amount=Decimal(800000))
    services.edition_approve(edition=addition, approved_on=dt.date(2024, 9, 1))
    line = services.budget_line_add(
        ordinance=ordinance, project=new.project, amount=Decimal(800000)
    )
    assert line.source == "annual"


def test_it_uses_the_edition_approved_by_the_ordinance_date(plan_a):
    addition = services.edition_create(plan=plan_a, kind="addition", number=1, year=2568)
    new = services.project_add(
        edition=addition,
        data=ProjectData(
            strategy=plan_a.s1,
            program=plan_a.works,
            name="ถนนสายใหม่",
            budgets={2568: Decimal(100000)},
        ),
    )
    services.edition_approve(edition=addition, approved_on=dt.date(2024, 10, 20))
    ordinance = services.ordinance_create(
        org=plan_a.org, fiscal_year=2568, kind="annual", promulgated_on=dt.date(2024, 9, 15)
    )
    with pytest.raises(ValidationError):
        services.budget_line_add(ordinance=ordinance, project=new.project, amount=Decimal(1))


def test_it_refuses_a_fiscal_year_outside_the_plan(plan_a):
    ordinance = services.ordinance_create(org=plan_a.org, fiscal_year=2571, kind="annual")
    with pytest.raises(ValidationError, match="อยู่นอกช่วงของ"):
        services.budget_line_add(
            ordinance=ordinance, project=plan_a.projects_[0], amount=Decimal(1)
        )


def test_it_counts_a_project_in_a_year_only_when_budgeted(plan_a):
    summary = plan_summary(plan_a, approved_seq_on(plan_a))
    assert [c.count for c in summary.total.cells] == [1, 2, 2, 1, 1]
    assert summary.total.total.count == 7
    assert summary.total.total.amount == Decimal(500000 + 300000 + 5 * 250000)
    strategy_rows = [r for r in summary.rows if r.level == "strategy"]
    assert [r.total.amount for r in strategy_rows] == [Decimal(800000), Decimal(1250000)]


def test_it_keeps_each_edition_and_diffs_two(plan_a):
    change = services.edition_create(plan=plan_a, kind="change", number=1, year=2567)
    road, ditch, lunch = plan_a.projects_
    v = project_rows(plan_a, 1).get(project=ditch)
    services.project_change(
        project=ditch,
        edition=change,
        data=ProjectData(
            strategy=v.strategy,
            tactic=v.tactic,
            program=v.program,
            name=v.name,
            location=v.location,
            budgets={2568: Decimal(450000)},
        ),
        expected_revision=v.revision,
    )
    services.project_remove(project=lunch, edition=change)
    services.edition_approve(edition=change, approved_on=dt.date(2024, 2, 1))
    assert plan_summary(plan_a, 1).total.total.amount == Decimal(2050000)
    assert plan_summary(plan_a, 2).total.total.amount == Decimal(950000)
    diff = {(d.kind, (d.after or d.before).name): d.fields for d in edition_diff(plan_a, 1, 2)}
    assert diff == {
        ("changed", "ขุดลอกลำห้วยโคกสูง หมู่ที่ 5"): ["budgets"],
        ("removed", "โครงการอาหารกลางวันศูนย์พัฒนาเด็กเล็ก"): [],
    }


def test_it_refuses_a_stale_edit(plan_a):
    change = services.edition_create(plan=plan_a, kind="correction", number=1)
    ditch = plan_a.projects_[1]
    v = project_rows(plan_a, 1).get(project=ditch)
    data = ProjectData(strategy=v.strategy, program=v.program, name="ชื่อใหม่", location=v.location)
    first = services.project_change(
        project=ditch, edition=change, data=data, expected_revision=v.revision
    )
    services.project_change(
        project=ditch, edition=change, data=data, expected_revision=first.revision
    )
    with pytest.raises(ValidationError, match="มีผู้แก้ไขโครงการนี้ก่อนหน้าคุณ"):
        services.project_change(
            project=ditch, edition=change, data=data, expected_revision=first.revision
        )


def test_it_allows_one_draft_at_a_time_and_locks_approved_editions(plan_a):
    services.edition_create(plan=plan_a, kind="addition", number=1, year=2567)
    with pytest.raises(ValidationError, match="มีฉบับร่าง"):
        services.edition_create(plan=plan_a, kind="change", number=1, year=2567)
    original = plan_a.editions.get(seq=1)
    with pytest.raises(ValidationError, match="อนุมัติแล้ว"):
        services.project_add(
            edition=original, data=ProjectData(strategy=plan_a.s1, program=plan_a.works, name="x")
        )


def test_discarding_a_draft_restores_the_plan(plan_a):
    change = services.edition_create(plan=plan_a, kind="change", number=1, year=2567)
    services.project_remove(project=plan_a.projects_[0], edition=change)
    assert project_rows(plan_a, working_seq(plan_a)).count() == 2
    services.edition_discard(edition=change)
    assert project_rows(plan_a, working_seq(plan_a)).count() == 3


def test_action_plan_deadline_is_30_days_after_the_ordinance():
    from plans.models.action import action_plan_due_date, mask_from_months, months_from_mask

    assert action_plan_due_date(dt.date(2024, 9, 16)) == dt.date(2024, 10, 16)
    assert months_from_mask(mask_from_months([1, 2, 12])) == [True, True] + [False] * 9 + [True]


def test_a_second_edition_of_the_same_label_is_refused_in_thai(plan_a):
    import datetime as dt

    from django.core.exceptions import ValidationError

    from plans import services as plan_services

    first = plan_services.edition_create(plan=plan_a, kind="addition", number=1, year=2569)
    plan_services.edition_approve(
        edition=first, approved_on=dt.date(2026, 1, 10), approver="นายกเทศมนตรี"
    )
    with pytest.raises(ValidationError) as refused:
        plan_services.edition_create(plan=plan_a, kind="addition", number=1, year=2569)
    assert refused.value.messages == ["มีฉบับ “เพิ่มเติม ครั้งที่ 1/2569” ของแผนนี้อยู่แล้ว"]
