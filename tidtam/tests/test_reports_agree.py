"""Every reader gives the same counts and baht for the same org, period and strategy.

A province is built through the services, as users would: an approved plan, an addition and a
change approved during the year (the change moves a project to another strategy), a draft that
would move another one (and must change nothing), an annual and a supplementary ordinance,
transfers out and in, months recorded, a cancelled project, a locked and unlocked quarter. Then
แบบที่ 2 (and the dashboard that shows it), the ผ.01 summary, the entry page and its API, the early
warning's facts, the province list, the province analysis (by org type and by linked strategy), the
national roll-up and the province submission's numbers are read and held to one another.
"""

import datetime as dt
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitoring import services as ms
from monitoring.queries import form2, province_rows
from monitoring.rules import budgeted_facts
from monitoring.selectors import entry_rows
from monitoring.testing import approved_project, month_saved, ordinance_lines, transfer
from orgs.tokens import token_create
from plans import services as ps
from plans.models import LinkageTarget, Program
from plans.selectors import approved_seq_on, plan_summary
from province.analysis import grouped, national_rollup
from province.services import numbers_for
from thai.dates import fiscal_year_bounds

FY = 2568
D = Decimal


def data_of(version, **changes):
    """The ProjectData of a version, with some fields changed (a user editing the form)."""
    fields = {
        "strategy": version.strategy,
        "tactic": version.tactic,
        "program": version.program,
        "name": version.name,
        "division": version.division,
        "location": version.location,
        "budgets": {b.year: b.amount for b in version.budgets.all()},
    }
    fields.update(changes)
    return ps.ProjectData(**fields)


class Province(SimpleNamespace):
    """Handles on what the builder made."""


def build(cast, plan_a) -> Province:
    p = Province()
    p.plan = plan_a
    road, dredge, lunch = plan_a.projects_
    p.road, p.dredge, p.lunch = road, dredge, lunch
    # linked strategies, so that the province analysis groups by org strategy
    p.targets = [
        LinkageTarget.objects.create(
            level="lao_province",
            code=f"L{i}",
            name=f"ยุทธศาสตร์ อปท. ในเขตจังหวัด {i}",
            province=cast.a.province,
        )
        for i in (1, 2, 3)
    ]
    ps.strategy_update(strategy=plan_a.s1, name=plan_a.s1.name, linkages=[p.targets[0]])
    ps.strategy_update(strategy=plan_a.s2, name=plan_a.s2.name, linkages=[p.targets[1]])

    # an addition approved in the year: a new project of strategy 2
    p.fair = approved_project(
        plan_a,
        kind="addition",
        number=1,
        year=2567,
        approved_on=dt.date(2024, 11, 1),
        data=ps.ProjectData(
            strategy=plan_a.s2, program=plan_a.edu, name="งานวันเด็กแห่งชาติ", budgets={FY: D(60000)}
        ),
    )
    p.d_line, p.l_line = ordinance_lines(
        cast.a,
        FY,
        kind="annual",
        promulgated_on=dt.date(2024, 9, 20),
        amounts={dredge: D(300000), lunch: D(250000)},
    )
    p.r_line, p.f_line = ordinance_lines(
        cast.a,
        FY,
        kind="supplementary",
        promulgated_on=dt.date(2025, 1, 15),
        amounts={road: D(100000), p.fair: D(60000)},
    )
    ap = ps.action_plan_create(org=cast.a, fiscal_year=FY)
    ps.action_item_add(
        action_plan=ap, budget_line=p.d_line, name="ขุดลอก", amount=D(300000), months=[4, 5, 6]
    )

    # a change approved in February moves the lunch project to strategy 1
    change = ps.edition_create(plan=plan_a, kind="change", number=1, year=2568)
    lunch_v = lunch.versions.get(valid_until_seq__isnull=True)
    ps.project_change(
        project=lunch, edition=change, data=data_of(lunch_v, strategy=plan_a.s1, tactic=None)
    )
    ps.edition_approve(edition=change, approved_on=dt.date(2025, 2, 1))
    # a draft that would move the dredging to strategy 2: nothing may follow it
    p.draft = ps.edition_create(plan=plan_a, kind="change", number=2, year=2568)
    dredge_v = dredge.versions.get(valid_until_seq__isnull=True)
    ps.project_change(
        project=dredge,
        edition=p.draft,
        data=data_of(dredge_v, strategy=plan_a.s2, tactic=None, budgets={FY: D(999999)}),
    )

    # months: dredging contracted in January, paid in Jan–Mar; lunch paid monthly; fair cancelled
    def save(project, month, status, progress, paid, **contract):
        month_saved(
            project, FY, month, status=status, progress=progress, disbursed=D(paid), **contract
        )

    contract = {
        "procurement": "e_bidding",
        "contract_no": "1/2568",
        "contract_signed_on": dt.date(2025, 1, 5),
        "contract_amount": D(180000),
    }
    save(dredge, 4, "in_progress", 30, 50000, **contract)
    save(dredge, 5, "in_progress", 60, 50000, **contract)
    for m in range(1, 13):
        save(lunch, m, "done" if m == 12 else "in_progress", 100 if m == 12 else 8 * m, 20000)
    save(p.fair, 8, "cancelled", 0, 0)

    # Q1 closed, then a transfer out of the dredging (after Q1) and into the road
    ms.period_close(org=cast.a, fiscal_year=FY, kind="quarter", number=1)
    transfer(p.d_line, "decrease", D(100000), dt.date(2025, 1, 10))
    transfer(p.r_line, "increase", D(40000), dt.date(2025, 4, 1))

    # org B of the same province: its own plan, budget and a transfer in
    plan_b = ps.plan_create(org=cast.b, start_year=2566, end_year=2570)
    sb = ps.strategy_create(plan=plan_b, number=1, name="ยุทธศาสตร์ด้านเศรษฐกิจ")
    ps.strategy_update(strategy=sb, name=sb.name, linkages=[p.targets[2]])
    p.well = approved_project(
        plan_b,
        kind="original",
        approved_on=dt.date(2022, 1, 10),
        data=ps.ProjectData(
            strategy=sb,
            program=Program.objects.get(code="00310"),
            name="ขุดบ่อบาดาล หมู่ที่ 2",
            budgets={FY: D(80000)},
        ),
    )
    (p.w_line,) = ordinance_lines(
        cast.b,
        FY,
        kind="annual",
        promulgated_on=dt.date(2024, 9, 25),
        amounts={p.well: D(80000)},
    )
    transfer(p.w_line, "increase", D(20000), dt.date(2024, 12, 1))
    save(p.well, 6, "done", 100, 95000)

    # org A announced its annual M&E report: open data publishes the year's figures
    from evaluation import services as ev

    ev.annual_report_save(org=cast.a, fiscal_year=FY, announced_on=dt.date(2025, 12, 10))
    return p


def money(x) -> Decimal:
    return D(str(x)).quantize(D("0.01"))


def check_agreement(client, cast, orgs, month: int = 12) -> dict:
    """Read every reader and hold them to each other; returns แบบที่ 2 of each org."""
    reports = {o.pk: form2(o, FY, month) for o in orgs}
    end = fiscal_year_bounds(FY)[1]
    for o in orgs:
        r = reports[o.pk]
        t = r.total
        # the province submission's numbers (a snapshot of the same figures)
        period = {3: "q1", 6: "q2", 9: "q3", 12: "y"}.get(month)
        if period:
            n = numbers_for(o, FY, period)
            assert (n["budgeted_projects"], money(n["budget"]), money(n["disbursed"])) == (
                t.budget_n,
                t.budget,
                t.disbursed,
            )
        # the ผ.01 summary of the plan as approved on the month's end, per strategy
        from monitoring.queries import month_end

        plan = o.plans.get()
        summary = plan_summary(plan, approved_seq_on(plan, month_end(FY, month)))
        col = plan.years.index(FY)
        for row in r.rows:
            if row.number is None:
                continue
            s_row = next(
                s
                for s in summary.rows
                if s.level == "strategy" and s.label.startswith(f"ยุทธศาสตร์ที่ {row.number} ")
            )
            assert (s_row.cells[col].count, s_row.cells[col].amount) == (
                row.plan_n,
                row.plan_amount,
            )
    if month != 12:
        return reports
    # -- readers of the year as of its end (a past year: figures as of 30 Sep) ---------------------
    province = orgs[0].province
    listed = {r["org_id"]: r for r in province_rows(province.pk, [o.pk for o in orgs], FY)}
    by_type = {g.key: g for g in grouped(province.pk, FY, "org_type")}
    by_target = {g.key: g for g in grouped(province.pk, FY, "lao_strategy")}
    national = {r.province_id: r for r in national_rollup(FY)}
    facts = budgeted_facts([o.pk for o in orgs], FY, end)
    for o in orgs:
        t = reports[o.pk].total
        done, prog, canc = (t.by_status[k] for k in ("done", "in_progress", "cancelled"))
        listed_row = listed[o.pk]
        assert (listed_row["projects"], listed_row["budget"], listed_row["disbursed"]) == (
            t.budget_n,
            t.budget,
            t.disbursed,
        )
        assert (listed_row["done"], listed_row["in_progress"], listed_row["cancelled"]) == (
            done,
            prog,
            canc,
        )
        g = by_type[o.org_type]
        assert (g.plan_n, g.plan_amount) == (t.plan_n, t.plan_amount)
        assert (g.budget_n, g.budget, g.disbursed) == (t.budget_n, t.budget, t.disbursed)
        assert (g.done, g.in_progress, g.cancelled) == (done, prog, canc)
        # the entry page (and the API that serves it) per project
        rows = [
            r
            for r in entry_rows(o, FY, 12)
            if r.budget or r.project_id in {f.project_id for f in facts if f.org_id == o.pk}
        ]
        own = [f for f in facts if f.org_id == o.pk]
        assert sorted((f.project_id, f.budget) for f in own) == sorted(
            (r.project_id, r.budget) for r in rows
        )
        assert (len(own), sum((f.budget for f in own), D(0))) == (t.budget_n, t.budget)
        user = cast.alice if o == cast.a else cast.bob
        _, key = token_create(user=user, name="agreement")
        api = client.get(
            f"/api/v1/orgs/{o.code}/progress/{FY}/12?limit=1000", HTTP_AUTHORIZATION=f"Bearer {key}"
        ).json()["items"]
        assert sorted(
            (i["project_id"], money(i["budget"])) for i in api if money(i["budget"])
        ) == sorted((r.project_id, r.budget) for r in rows if r.budget)
        # per strategy: แบบที่ 2's rows against the analysis grouped by the linked strategy
        for f2_row in reports[o.pk].rows:
            if f2_row.number is None:
                assert f2_row.budget_n == 0, "a budgeted project outside the approved plan"
                continue
            strategy = o.plans.get().strategies.get(number=f2_row.number)
            for target in strategy.linkages.all():
                g = by_target[target.code]
                assert (g.plan_n, g.plan_amount, g.budget_n, g.budget, g.disbursed) == (
                    f2_row.plan_n,
                    f2_row.plan_amount,
                    f2_row.budget_n,
                    f2_row.budget,
                    f2_row.disbursed,
                )
    # the annual M&E report and open data (the report's figures, published for anyone)
    from reports.annual import context as annual_context

    for o in orgs:
        t = reports[o.pk].total
        year = annual_context(o, FY)["year"]
        assert [
            (r.number, r.plan_n, r.budget_n, r.budget, r.contracted, r.disbursed) for r in year.rows
        ] == [
            (r.number, r.plan_n, r.budget_n, r.budget, r.contracted, r.disbursed)
            for r in reports[o.pk].rows
        ], "annual report"
    published = client.get(reverse("open_reports", args=[cast.a.code, "json"])).json()
    year = next(y for y in published["reports"] if y["fiscal_year"] == FY)
    t = reports[cast.a.pk].total
    assert (
        year["total"]["projects_in_budget"],
        D(year["total"]["budget"]),
        D(year["total"]["disbursed"]),
        D(year["total"]["contracted"]),
    ) == (t.budget_n, t.budget, t.disbursed, t.contracted), "open data"
    assert {s["number"]: (s["projects_in_budget"], D(s["budget"])) for s in year["strategies"]} == {
        r.number: (r.budget_n, r.budget) for r in reports[cast.a.pk].rows
    }, "open data"
    # the public page's figures of the year (the plan as of the year, as the reports read it)
    for o in orgs:
        t = reports[o.pk].total
        page = client.get(reverse("public_org", args=[o.code])).content.decode()
        count = re.search(rf'data-year="{FY}" data-count="(\d+)"', page)
        amount = re.search(rf'data-year="{FY}" data-amount="([\d.]+)"', page)
        assert count and amount, "public page"
        assert (int(count.group(1)), D(amount.group(1))) == (t.plan_n, t.plan_amount), "public page"
    nat = national[province.pk]
    totals = [reports[o.pk].total for o in orgs]
    assert (nat.projects, nat.budget, nat.disbursed) == (
        sum(t.budget_n for t in totals),
        sum(t.budget for t in totals),
        sum(t.disbursed for t in totals),
    )
    # the dashboard shows the same แบบที่ 2
    client.force_login(cast.alice)
    page = client.get(reverse("monitoring:dashboard", args=[cast.a.code, FY]) + "?month=12")
    shown = page.context["report"].total
    assert (shown.budget_n, shown.budget, shown.disbursed) == (
        reports[cast.a.pk].total.budget_n,
        reports[cast.a.pk].total.budget,
        reports[cast.a.pk].total.disbursed,
    )
    return reports


@pytest.fixture
def province(cast, plan_a):
    return build(cast, plan_a)


def test_every_reader_gives_the_same_numbers(client, cast, province):
    orgs = [cast.a, cast.b]  # the province's orgs with a plan (the PAO has none)
    reports = check_agreement(client, cast, orgs)
    a = reports[cast.a.pk].total
    # the figures themselves, as a user would check them by hand
    assert a.budget_n == 4  # dredging, lunch, road, fair
    assert a.budget == D(300000 - 100000 + 250000 + 100000 + 40000 + 60000)
    assert a.disbursed == D(100000 + 12 * 20000)
    assert a.added_n == 1 and a.by_status["cancelled"] == 1
    by_number = {r.number: r for r in reports[cast.a.pk].rows}
    # lunch moved to strategy 1 in February (approved);
    # the draft's move of the dredging is not counted
    assert by_number[1].budget_n == 3 and by_number[2].budget_n == 1
    for month in (3, 6, 9):
        check_agreement(client, cast, orgs, month)


def test_a_draft_changes_no_past_quarter(cast, province):
    before = form2(cast.a, FY, 3)
    rows = [(r.number, r.plan_n, r.plan_amount, r.budget_n, r.budget) for r in before.rows]
    # in Q1 (as of 31 Dec 2024) lunch was still in strategy 2; the road's and fair's lines were
    # not promulgated yet, the transfer not approved
    assert rows == [(1, 1, D(300000), 1, D(300000)), (2, 2, D(310000), 1, D(250000))]


STEPS = st.lists(
    st.one_of(
        st.tuples(
            st.just("transfer"),
            st.sampled_from(["increase", "decrease"]),
            st.integers(1, 40).map(lambda k: D(k * 1000)),
            st.integers(2, 12),
        ),
        st.tuples(
            st.just("month"), st.integers(7, 12), st.integers(0, 20).map(lambda k: D(k * 500))
        ),
        st.tuples(st.just("draft_move"), st.sampled_from([1, 2])),
        st.tuples(st.just("approve_move"), st.sampled_from([1, 2]), st.integers(2, 11)),
        st.tuples(st.just("cancel"), st.integers(7, 12)),
    ),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS)
def test_any_sequence_of_user_actions_keeps_the_readers_agreeing(client, cast, province, steps):
    from django.core.exceptions import ValidationError

    from monitoring.models import ProjectYear
    from monitoring.queries import month_end
    from plans.selectors import draft_edition

    approvals = 0
    with transaction.atomic():
        p = province
        for step in steps:
            try:
                with transaction.atomic():
                    kind = step[0]
                    if kind == "transfer":
                        _, how, amount, month = step
                        transfer(p.l_line, how, amount, month_end(FY, month))
                    elif kind == "month":
                        _, month, paid = step
                        py = ProjectYear.objects.get(org=cast.a, fiscal_year=FY, project=p.dredge)
                        ms.progress_save(
                            org=cast.a,
                            fiscal_year=FY,
                            project=p.dredge,
                            month=month,
                            data=ms.ProgressInput(
                                status="in_progress", progress=70, disbursed=paid
                            ),
                            expected_version=py.version,
                        )
                    elif kind == "cancel":
                        _, month = step
                        py = ProjectYear.objects.get(org=cast.a, fiscal_year=FY, project=p.lunch)
                        ms.progress_save(
                            org=cast.a,
                            fiscal_year=FY,
                            project=p.lunch,
                            month=month,
                            data=ms.ProgressInput(status="cancelled"),
                            expected_version=py.version,
                        )
                    else:
                        number = step[1]
                        strategy = p.plan.strategies.get(number=number)
                        edition = draft_edition(p.plan)
                        v = p.road.versions.order_by("-valid_from_seq").first()
                        ps.project_change(
                            project=p.road,
                            edition=edition,
                            data=data_of(v, strategy=strategy, tactic=None),
                        )
                        if kind == "approve_move":
                            ps.edition_approve(edition=edition, approved_on=month_end(FY, step[2]))
                            approvals += 1
                            ps.edition_create(
                                plan=p.plan, kind="change", number=10 + approvals, year=FY
                            )
            except ValidationError:
                pass  # a refused action (a locked month, more out than is left) changes nothing
        check_agreement(client, cast, [cast.a, cast.b])
        check_agreement(client, cast, [cast.a, cast.b], month=6)
        transaction.set_rollback(True)
