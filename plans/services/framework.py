"""Plan, strategy and tactic writes; divisions met on the way."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from core.numbers import bounded
from orgs import stale
from orgs.models import Division, Organization
from plans.models import (
    KPI,
    Goal,
    KPITarget,
    LinkageTarget,
    Mission,
    Plan,
    Strategy,
    Tactic,
)

# -- framework ---------------------------------------------------------------------------------


@transaction.atomic
def plan_create(
    *,
    org: Organization,
    start_year: int,
    end_year: int,
    title: str = "",
    vision: str = "",
) -> Plan:
    plan = Plan(
        org=org,
        start_year=start_year,
        end_year=end_year,
        vision=vision,
        title=title or f"แผนพัฒนาท้องถิ่น (พ.ศ. {start_year} – {end_year})",
    )
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def strategy_create(*, plan: Plan, name: str, number: int | None = None) -> Strategy:
    number = number or _next_number(plan.strategies)
    strategy = Strategy(plan=plan, number=number, name=name.strip())
    strategy.full_clean()
    strategy.save()
    return strategy


@transaction.atomic
def tactic_create(*, strategy: Strategy, name: str, number: int | None = None) -> Tactic:
    number = number or _next_number(strategy.tactics)
    tactic = Tactic(strategy=strategy, number=number, name=name.strip())
    tactic.full_clean()
    tactic.save()
    return tactic


def division_for(org: Organization, name: str) -> Division | None:
    name = " ".join((name or "").split())
    if not name:
        return None
    division, _ = Division.objects.get_or_create(org=org, name=name)
    return division


@transaction.atomic
def plan_update(*, plan: Plan, vision: str, title: str = "", seen: str | None = None) -> Plan:
    stale.check(stale.locked(plan), seen)
    plan.vision = vision.strip()
    if title.strip():
        plan.title = title.strip()
    plan.full_clean()
    plan.save(update_fields=["vision", "title"])
    return plan


def _next_number(qs) -> int:
    return (qs.aggregate(m=Max("number"))["m"] or 0) + 1


@transaction.atomic
def mission_add(*, plan: Plan, text: str) -> Mission:
    mission = Mission(plan=plan, number=_next_number(plan.missions), text=text.strip())
    mission.full_clean()
    mission.save()
    return mission


@transaction.atomic
def strategy_update(
    *,
    strategy: Strategy,
    name: str,
    linkages: list[LinkageTarget] | None = None,
    seen: str | None = None,
) -> Strategy:
    stale.check(stale.locked(strategy), seen)
    strategy.name = name.strip()
    strategy.full_clean()
    strategy.save(update_fields=["name"])
    if linkages is not None:
        province_id = strategy.plan.org.province_id
        foreign = [t for t in linkages if t.province_id not in (None, province_id)]
        if foreign:
            raise ValidationError("เชื่อมโยงได้เฉพาะยุทธศาสตร์ระดับชาติและของจังหวัดนี้")
        strategy.linkages.set(linkages)
    return strategy


@transaction.atomic
def tactic_update(*, tactic: Tactic, name: str, seen: str | None = None) -> Tactic:
    stale.check(stale.locked(tactic), seen)
    tactic.name = name.strip()
    tactic.full_clean()
    tactic.save(update_fields=["name"])
    return tactic


@transaction.atomic
def goal_add(*, strategy: Strategy, text: str) -> Goal:
    goal = Goal(strategy=strategy, number=_next_number(strategy.goals), text=text.strip())
    goal.full_clean()
    goal.save()
    return goal


@transaction.atomic
def kpi_save(
    *,
    strategy: Strategy,
    name: str,
    unit: str = "",
    goal: Goal | None = None,
    targets: dict[int, Decimal | None],
    kpi: KPI | None = None,
    seen: str | None = None,
) -> KPI:
    """Create a KPI (kpi=None) or change it; targets maps each plan year to a value (None
    clears)."""
    if goal is not None and goal.strategy_id != strategy.pk:
        raise ValidationError("เป้าประสงค์ไม่อยู่ในยุทธศาสตร์นี้")
    years = set(strategy.plan.years)
    outside = sorted(set(targets) - years)
    if outside:
        raise ValidationError(f"ปี {outside[0]} อยู่นอกช่วงของแผน")
    if kpi is None:
        kpi = KPI(strategy=strategy, number=_next_number(strategy.kpis))
    else:
        stale.check(stale.locked(kpi), seen)
    kpi.name, kpi.unit, kpi.goal = name.strip(), unit.strip(), goal
    kpi.full_clean()
    kpi.save()
    for year, value in targets.items():
        value = bounded(KPITarget, "value", value, f"ค่าเป้าหมายปี {year}")
        if value is None:
            KPITarget.objects.filter(kpi=kpi, year=year).delete()
        else:
            KPITarget.objects.update_or_create(kpi=kpi, year=year, defaults={"value": value})
    return kpi
