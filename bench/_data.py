"""What the monitoring benches share: Django on a database of the bench's own, one generated
province (bulk inserts straight into the tables: a fixture, not a test of the services) and the
median of timed runs."""

import datetime as dt
import os
import random
import statistics
import tempfile
import time
from decimal import Decimal

FY = 2569


def django_on(database_url: str | None) -> None:
    """Django set up on `database_url` (default: a temporary SQLite file) and migrated."""
    tmp = tempfile.mkdtemp(prefix="tidtam-bench-")
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tidtam.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def province_data(n_orgs: int, n_projects: int, extras=None):
    """The generated province and its orgs: an earlier run's on the same database (reused), else
    generated now (then `extras()`); the planner's statistics brought up to date."""
    from django.db import connection

    from orgs.models import Province

    province = Province.objects.filter(code="98").first()
    if province is not None:  # --database-url pointing at an earlier run: reuse its data
        orgs = list(province.orgs.order_by("code"))
        print(f"reusing {len(orgs)} generated orgs")
    else:
        t0 = time.perf_counter()
        province, orgs = generate(n_orgs, n_projects)
        if extras is not None:
            extras()
        print(
            f"generated {n_orgs} orgs × {n_projects} projects × 12 months"
            f" in {time.perf_counter() - t0:.1f} s"
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as a production database has them
    return province, orgs


def timed(fn, runs):
    """(median seconds of `runs` calls, the last result), after one call that warms the caches
    the way a second visitor would find them."""
    fn()
    samples, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples), result


def generate(n_orgs: int, n_projects: int):
    """Bulk rows for one province; deterministic (seed 150)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from monitoring.models import MonthlyProgress, ProjectYear, Status
    from orgs.models import Membership, Organization, Province, Role
    from plans.models import (
        ActionPlan,
        ActionPlanItem,
        BudgetLine,
        BudgetOrdinance,
        Edition,
        Plan,
        Program,
        Project,
        ProjectBudget,
        ProjectVersion,
        Strategy,
    )
    from plans.models.action import mask_from_months
    from tidtam.demo import catalog as c

    rng = random.Random(150)
    programs = list(Program.objects.all())
    themes = [name for name, _ in c.STRATEGY_POOL]
    user = get_user_model().objects.create(username="bench.officer")
    with transaction.atomic():
        province = Province.objects.create(code="98", name="จังหวัดทดสอบสมรรถนะ")
        orgs = Organization.objects.bulk_create(
            Organization(
                code=f"98{i:05d}",
                name=f"องค์การบริหารส่วนตำบลทดสอบ {i}",
                org_type="sao",
                province=province,
            )
            for i in range(n_orgs)
        )
        Membership.objects.bulk_create(
            Membership(user=user, org=o, role=Role.OFFICER) for o in orgs
        )
        plans = Plan.objects.bulk_create(
            Plan(org=o, title="แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)", start_year=2566, end_year=2570)
            for o in orgs
        )
        editions = Edition.objects.bulk_create(
            Edition(
                plan=p, seq=1, kind="original", status="approved", approved_on=dt.date(2021, 12, 20)
            )
            for p in plans
        )
        strategies = Strategy.objects.bulk_create(
            Strategy(plan=p, number=k + 1, name=themes[k]) for p in plans for k in range(7)
        )
        by_plan: dict[int, list[Strategy]] = {}
        for s in strategies:
            by_plan.setdefault(s.plan_id, []).append(s)
        projects = Project.objects.bulk_create(
            (
                Project(plan=p, created_in=e)
                for p, e in zip(plans, editions, strict=True)
                for _ in range(n_projects)
            ),
            batch_size=5000,
        )
        versions, budgets = [], []
        amounts = {}
        for i, pr in enumerate(projects):
            amounts[pr.pk] = Decimal(rng.choice([50, 80, 120, 250, 480, 900, 2500]) * 1000)
            versions.append(
                ProjectVersion(
                    project=pr,
                    plan_id=pr.plan_id,
                    edition_id=pr.created_in_id,
                    valid_from_seq=1,
                    strategy=rng.choice(by_plan[pr.plan_id]),
                    program=rng.choice(programs),
                    seq_no=i,
                    name=f"โครงการทดสอบที่ {i}",
                )
            )
        versions = ProjectVersion.objects.bulk_create(versions, batch_size=5000)
        budgets = [
            ProjectBudget(version=v, year=FY, amount=amounts[v.project_id]) for v in versions
        ]
        ProjectBudget.objects.bulk_create(budgets, batch_size=5000)
        ordinances = BudgetOrdinance.objects.bulk_create(
            BudgetOrdinance(
                org=o, fiscal_year=FY, kind="annual", promulgated_on=dt.date(2025, 9, 20)
            )
            for o in orgs
        )
        ord_of = {o.org_id: o for o in ordinances}
        org_of_plan = {p.pk: p.org_id for p in plans}
        lines = BudgetLine.objects.bulk_create(
            (
                BudgetLine(
                    ordinance=ord_of[org_of_plan[pr.plan_id]],
                    project=pr,
                    source="annual",
                    amount=amounts[pr.pk],
                )
                for pr in projects
            ),
            batch_size=5000,
        )
        aps = ActionPlan.objects.bulk_create(ActionPlan(org=o, fiscal_year=FY) for o in orgs)
        ap_of = {a.org_id: a for a in aps}
        items, years, plan_months = [], [], {}
        for ln in lines:
            first = rng.randint(1, 9)
            last = rng.randint(first, 12)
            plan_months[ln.project_id] = (first, last)
            org_id = ord_of_org(ln, ord_of)
            items.append(
                ActionPlanItem(
                    action_plan=ap_of[org_id],
                    project_id=ln.project_id,
                    budget_line=ln,
                    name="โครงการ",
                    amount=ln.amount,
                    months=mask_from_months(list(range(first, last + 1))),
                    first_month=first,
                    last_month=last,
                )
            )
            years.append(
                ProjectYear(org_id=org_id, fiscal_year=FY, project_id=ln.project_id, version=1)
            )
        ActionPlanItem.objects.bulk_create(items, batch_size=5000)
        years = ProjectYear.objects.bulk_create(years, batch_size=5000)
        months = []
        for py in years:
            first, last = plan_months[py.project_id]
            fate = rng.random()
            budget = amounts[py.project_id]
            if fate < 0.1:
                continue  # never started
            delay = 3 if fate < 0.3 else 0
            paid = Decimal(0)
            for m in range(1, 13):
                if m < first + delay:
                    continue
                progress = min(100, round(100 * (m - first - delay + 1) / (last - first + 1)))
                status = Status.DONE if progress == 100 else Status.IN_PROGRESS
                amount = (budget / (last - first + 1)).quantize(Decimal(1)) if paid < budget else 0
                amount = min(amount, budget - paid)
                paid += amount
                months.append(
                    MonthlyProgress(
                        project_year=py, month=m, status=status, progress=progress, disbursed=amount
                    )
                )
            py.disbursed, py.status, py.last_month = paid, months[-1].status, 12
            if budget >= 480_000:
                py.procurement, py.contract_amount = "e_bidding", budget
                py.contract_signed_on = dt.date(
                    2025 if first > 3 else 2024, (first + 9) % 12 or 12, 10
                )
        MonthlyProgress.objects.bulk_create(months, batch_size=10000)
        ProjectYear.objects.bulk_update(
            years,
            [
                "disbursed",
                "status",
                "last_month",
                "procurement",
                "contract_amount",
                "contract_signed_on",
            ],
            batch_size=5000,
        )
    return province, orgs


def ord_of_org(line, ord_of):
    return line.ordinance.org_id
