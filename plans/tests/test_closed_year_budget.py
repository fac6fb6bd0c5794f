"""A draft edition cannot budget a fiscal year whose periods are closed, and the public page reads
each year as the reports do (the plan as of the year), so a later edition never rewrites it."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from monitoring import services as monitoring_services
from plans import services
from plans.selectors import approved_seq_on, plan_summary, version_current
from plans.services import ProjectData
from thai.dates import fiscal_year_bounds

pytestmark = pytest.mark.django_db


def _data(plan, name, budgets):
    return ProjectData(strategy=plan.s1, program=plan.works, name=name, budgets=budgets)


def test_a_draft_cannot_budget_a_closed_year(cast, plan_a):
    monitoring_services.period_close(org=cast.a, fiscal_year=2568, kind="quarter", number=4)
    draft = services.edition_create(plan=plan_a, kind="addition", number=1)
    with pytest.raises(ValidationError) as refused:
        services.project_add(
            edition=draft, data=_data(plan_a, "โครงการใหม่", {2568: Decimal(1500000)})
        )
    errors = refused.value.message_dict
    assert list(errors) == ["budget_2568"]
    assert "2568" in errors["budget_2568"][0] and "ปิดงวดแล้ว" in errors["budget_2568"][0]
    assert not draft.versions.exists()  # nothing was added
    # a later, open year is fine
    services.project_add(edition=draft, data=_data(plan_a, "โครงการใหม่", {2570: Decimal(1000)}))

    # changing a project: its closed year's amount may stay as it was, not change
    road, dredge, lunch = plan_a.projects_
    current = version_current(lunch, draft.seq)
    kept = {y: Decimal(250000) for y in range(2566, 2571)}
    services.project_change(
        project=lunch,
        edition=draft,
        data=ProjectData(
            strategy=current.strategy,
            program=current.program,
            name="โครงการอาหารกลางวัน (ปรับปรุงชื่อ)",
            budgets={**kept, 2570: Decimal(260000)},
        ),
    )
    with pytest.raises(ValidationError) as changed:
        services.project_change(
            project=lunch,
            edition=draft,
            data=ProjectData(
                strategy=current.strategy,
                program=current.program,
                name="โครงการอาหารกลางวัน",
                budgets={**kept, 2568: Decimal(1)},
            ),
        )
    assert list(changed.value.message_dict) == ["budget_2568"]
    assert version_current(lunch, draft.seq).name == "โครงการอาหารกลางวัน (ปรับปรุงชื่อ)"


def _public_year(client, org, year) -> tuple[int, Decimal]:
    page = client.get(reverse("public_org", args=[org.code])).content.decode()
    count = re.search(rf'data-year="{year}" data-count="(\d+)"', page)
    amount = re.search(rf'data-year="{year}" data-amount="([\d.]+)"', page)
    assert count and amount
    return int(count.group(1)), Decimal(amount.group(1))


def test_the_public_page_reads_a_past_year_as_the_reports_do(client, cast, plan_a):
    end = fiscal_year_bounds(2568)[1]
    col = plan_a.years.index(2568)
    as_reported = plan_summary(plan_a, approved_seq_on(plan_a, end)).total.cells[col]
    assert _public_year(client, cast.a, 2568) == (as_reported.count, as_reported.amount)

    # an edition approved today (FY2568 is over, not locked) adds a 2568 budget
    draft = services.edition_create(plan=plan_a, kind="addition", number=1)
    services.project_add(edition=draft, data=_data(plan_a, "เพิ่มภายหลัง", {2568: Decimal(1500000)}))
    services.edition_approve(edition=draft, approved_on=timezone.localdate())
    assert timezone.localdate() > end
    assert _public_year(client, cast.a, 2568) == (as_reported.count, as_reported.amount)
    # while the years still to come show the plan as approved now
    today_cell = plan_summary(plan_a, approved_seq_on(plan_a)).total.cells[-1]
    assert _public_year(client, cast.a, 2570) == (today_cell.count, today_cell.amount)
