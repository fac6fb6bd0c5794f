"""Recording a month: checks, current state, closed periods, and no lost update."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from monitoring import services
from monitoring.models import MonthlyProgress, ProjectYear, Status
from monitoring.selectors import entry_rows
from monitoring.services import Conflict, ProgressInput

pytestmark = pytest.mark.django_db


def save(cast, project, month, version, **kw):
    data = ProgressInput(status=kw.pop("status", Status.IN_PROGRESS), **kw)
    return services.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=project,
        month=month,
        data=data,
        expected_version=version,
        updated_by=cast.alice,
    )


def test_months_add_up_and_the_latest_month_is_the_current_state(cast, year_a):
    py = save(cast, year_a.dredge, 4, 0, progress=30, disbursed=Decimal(50000))
    py = save(cast, year_a.dredge, 5, py.version, progress=80, disbursed=Decimal(150000))
    py = save(cast, year_a.dredge, 4, py.version, progress=40, disbursed=Decimal(60000))
    assert (py.status, py.progress, py.disbursed, py.last_month) == (
        Status.IN_PROGRESS,
        80,
        Decimal(210000),
        5,
    )
    rows = {r.project_id: r for r in entry_rows(cast.a, 2568, 5)}
    assert rows[year_a.dredge.pk].disbursed_before == Decimal(60000)
    assert rows[year_a.dredge.pk].cumulative == Decimal(210000)
    assert rows[year_a.dredge.pk].percent == Decimal(70)


def test_a_stale_version_is_refused_and_nothing_is_overwritten(cast, year_a):
    first = save(cast, year_a.lunch, 1, 0, progress=10, disbursed=Decimal(20000))
    save(cast, year_a.lunch, 1, first.version, progress=20, disbursed=Decimal(25000))
    with pytest.raises(Conflict, match="มีผู้อื่นบันทึกโครงการนี้ไปก่อนแล้ว"):
        save(cast, year_a.lunch, 1, first.version, progress=90, disbursed=Decimal(1))
    row = MonthlyProgress.objects.get(project_year__project=year_a.lunch, month=1)
    assert (row.progress, row.disbursed) == (20, Decimal(25000))


def test_two_first_writers_cannot_both_create_the_year(cast, year_a):
    save(cast, year_a.lunch, 1, 0, progress=10)
    with pytest.raises(Conflict):
        save(cast, year_a.lunch, 2, 0, progress=50)
    assert ProjectYear.objects.get(project=year_a.lunch).progress == 10


@pytest.mark.parametrize(
    ("kw", "field", "text"),
    [
        ({"status": Status.DONE, "progress": 90}, "progress", "ร้อยละ 100"),
        ({"status": Status.NOT_STARTED, "progress": 5}, "status", "ยังไม่ได้ดำเนินการ"),
        ({"progress": 101}, "progress", "0–100"),
        ({"disbursed": Decimal(300001)}, "disbursed", "เกินงบประมาณ"),
        ({"contract_amount": Decimal(400000)}, "contract_amount", "เกินงบประมาณ"),
        ({"contract_amount": Decimal(1000)}, "contract_signed_on", "วันที่ลงนาม"),
    ],
)
def test_bad_values_are_refused_with_the_field_named(cast, year_a, kw, field, text):
    with pytest.raises(ValidationError) as info:
        save(cast, year_a.dredge, 4, 0, **kw)
    assert text in " ".join(info.value.message_dict[field])
    assert not ProjectYear.objects.exists()


def test_a_project_neither_budgeted_nor_planned_for_the_year_is_refused(cast, year_a):
    with pytest.raises(ValidationError, match="ไม่อยู่ในงบประมาณ"):
        save(cast, year_a.road, 4, 0, progress=10)


def test_a_closed_month_is_read_only(cast, year_a):
    services.period_close(org=cast.a, fiscal_year=2568, kind="quarter", number=1)
    with pytest.raises(ValidationError, match="ธันวาคม ปิดงวดแล้ว"):
        save(cast, year_a.lunch, 3, 0, progress=10)
    save(cast, year_a.lunch, 4, 0, progress=10)  # ม.ค. is in Q2, still open
    assert MonthlyProgress.objects.filter(month=4).count() == 1


def test_transfers_change_the_budget_and_need_the_right_approver(cast, year_a):
    import datetime as dt

    with pytest.raises(ValidationError, match="สภาท้องถิ่น"):
        services.transfer_record(
            line=year_a.d_line,
            kind="new_item",
            amount=Decimal(1000),
            approver="executive",
            approved_on=dt.date(2025, 1, 10),
        )
    services.transfer_record(
        line=year_a.d_line,
        kind="decrease",
        amount=Decimal(100000),
        approver="executive",
        approved_on=dt.date(2025, 1, 10),
    )
    with pytest.raises(ValidationError) as info:
        save(cast, year_a.dredge, 4, 0, disbursed=Decimal(250000))
    assert "200,000.00" in " ".join(info.value.message_dict["disbursed"])


def test_the_row_a_save_answers_with_is_the_row_read_back(cast, year_a):
    """saved_row spares the save a second read; it must agree with that read, field for field."""
    import datetime as dt

    from monitoring.selectors import entry_row, saved_row

    services.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=year_a.dredge,
        month=3,
        data=services.ProgressInput(status="in_progress", progress=10, disbursed=Decimal(700)),
        expected_version=0,
    )
    row = entry_row(cast.a, 2568, 4, year_a.dredge.pk)
    data = services.ProgressInput(
        status="in_progress",
        progress=35,
        disbursed=Decimal(1500),
        note="งวดที่ 1",
        procurement="e_bidding",
        contract_no="12/2568",
        contract_signed_on=dt.date(2025, 1, 20),
        contract_amount=Decimal(280000),
    )
    py = services.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=year_a.dredge,
        month=4,
        data=data,
        expected_version=row.version,
    )
    assert saved_row(row, data, py) == entry_row(cast.a, 2568, 4, year_a.dredge.pk)


def test_resaving_a_month_checks_the_budget_against_the_other_months_only(cast, year_a):
    """The year's sum is kept on the project-year; re-saving a month replaces its amount."""
    py = save(cast, year_a.dredge, 4, 0, progress=30, disbursed=Decimal(100000))
    py = save(cast, year_a.dredge, 5, py.version, progress=50, disbursed=Decimal(150000))
    with pytest.raises(ValidationError, match="เกินงบประมาณ"):
        save(cast, year_a.dredge, 4, py.version, progress=30, disbursed=Decimal("150000.01"))
    py = save(cast, year_a.dredge, 4, py.version, progress=30, disbursed=Decimal(150000))
    assert py.disbursed == Decimal(300000) == sum(m.disbursed for m in py.months.all())


def test_one_projects_row_reads_the_same_as_in_the_whole_page(cast, year_a):
    """entry_row (one statement, the hot path of every save) must agree field for field with
    entry_rows (the page's grouped queries): transfers both ways, an amended action plan with two
    items for one project, a project only in the action plan, months before, at and after."""
    import datetime as dt

    from monitoring.selectors import entry_row
    from plans import services as plans_services

    for kind, amount in (("decrease", 40000), ("increase", 15000.5)):
        services.transfer_record(
            line=year_a.d_line,
            kind=kind,
            amount=Decimal(str(amount)),
            approver="executive",
            approved_on=dt.date(2025, 1, 10),
        )
    amended = plans_services.action_plan_create(org=cast.a, fiscal_year=2568, amendment=1)
    for months in ([2, 3], [3, 9]):
        plans_services.action_item_add(
            action_plan=amended,
            budget_line=year_a.d_line,
            name="ขุดลอก",
            amount=Decimal(1000),
            months=months,
        )
    plans_services.action_item_add(
        action_plan=amended, project=year_a.road, name="ถนน", amount=Decimal(5000), months=[12]
    )
    py = save(cast, year_a.dredge, 2, 0, progress=10, disbursed=Decimal("1234.56"))
    py = save(
        cast,
        year_a.dredge,
        5,
        py.version,
        progress=60,
        disbursed=Decimal("99.99"),
        note="งวด 2",
        procurement="e_bidding",
        contract_no="7/2568",
        contract_signed_on=dt.date(2025, 2, 3),
        contract_amount=Decimal("250000.75"),
        carried_over=Decimal(10),
    )
    save(cast, year_a.lunch, 7, 0, status=Status.DONE, progress=100, disbursed=Decimal(250000))
    projects = (year_a.dredge, year_a.lunch, year_a.road)
    seen = set()
    for month in range(1, 13):
        for project in projects:
            rows = entry_rows(cast.a, 2568, month, only={project.pk})
            one = entry_row(cast.a, 2568, month, project.pk)
            assert one == rows[0], (month, project.pk)
            seen.add((one.has_month_row, one.in_action_plan, one.budget > 0, one.planned[8]))
    assert entry_row(cast.a, 2567, 5, year_a.dredge.pk) is None  # not tracked that year
    assert entry_row(cast.b, 2568, 5, year_a.dredge.pk) is None  # another org's books
    dredge = entry_row(cast.a, 2568, 5, year_a.dredge.pk)
    assert dredge.budget == Decimal("275000.50") and dredge.disbursed_before == Decimal("1234.56")
    assert dredge.planned == [m in (2, 3, 9) for m in range(1, 13)]  # the amendment's months only
    assert {
        (True, True, True, True),
        (False, True, False, False),
        (True, False, True, False),
    } <= seen


def test_a_save_in_the_callers_transaction_adds_no_savepoint_and_a_refusal_leaves_it_usable(
    cast, year_a
):
    """Every web and API write runs in the request's transaction (AuditMiddleware); the save joins
    it without a savepoint of its own, so a refusal must come before any write."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    py = save(cast, year_a.dredge, 4, 0, progress=10, disbursed=Decimal(1000))
    with CaptureQueriesContext(connection) as sql:
        py = save(cast, year_a.dredge, 5, py.version, progress=20, disbursed=Decimal(2000))
    assert [q["sql"] for q in sql.captured_queries if "SAVEPOINT" in q["sql"]] == []
    with pytest.raises(ValidationError, match="เกินงบประมาณ"):
        save(cast, year_a.dredge, 6, py.version, progress=30, disbursed=Decimal(10**7))
    with pytest.raises(Conflict):
        save(cast, year_a.dredge, 6, py.version - 1, progress=30, disbursed=Decimal(3000))
    # the transaction goes on: nothing of the refused saves, and the next save goes through
    py = save(cast, year_a.dredge, 6, py.version, progress=30, disbursed=Decimal(3000))
    assert (py.disbursed, MonthlyProgress.objects.filter(project_year=py).count()) == (
        Decimal(6000),
        3,
    )


def test_the_disbursement_curve_spreads_the_action_plan_and_adds_up_the_payments(cast, year_a):
    from monitoring.queries import disbursement_curve

    save(cast, year_a.dredge, 4, 0, progress=10, disbursed=Decimal(50000))
    save(cast, year_a.lunch, 5, 0, progress=40, disbursed=Decimal("20000.50"))
    curve = disbursement_curve(cast.a, 2568)
    # ขุดลอก 300,000 spread over ม.ค.–มี.ค. (months 4–6), อาหารกลางวัน 250,000 over all 12 months
    dredge = [0, 0, 0, 100000, 200000] + [300000] * 7
    assert curve["planned"] == [round(d + 250000 * m / 12, 2) for m, d in enumerate(dredge, 1)]
    assert curve["actual"] == [0.0] * 3 + [50000.0] + [70000.5] * 8
    assert disbursement_curve(cast.b, 2568) == {"planned": [0.0] * 12, "actual": [0.0] * 12}
