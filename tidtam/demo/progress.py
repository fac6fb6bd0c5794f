"""A realistic year of monthly progress for one org: most projects done on time, some late, some
never started, a few cancelled, contracts for the bigger ones, money paid out at delivery.

Deterministic for a given seed. The demo is "as of" DEMO_AS_OF so it does not change with the
day it is loaded: FY2568 and FY2569 are complete, FY2570 has October and November.
"""

import datetime as dt
import random
from decimal import Decimal

from monitoring.models import Procurement, Status
from monitoring.queries import month_end
from monitoring.selectors import action_items, budgets_by_project
from monitoring.services import YearRecord, year_load
from plans.models import FundingSource, ProjectVersion

DEMO_AS_OF = dt.date(2026, 11, 22)  # 22 พฤศจิกายน 2569: FY2570, month 2
PROBLEMS = [
    "ผู้รับจ้างส่งมอบงานล่าช้า เนื่องจากฝนตกต่อเนื่อง",
    "ราคากลางต่ำกว่าราคาตลาด ไม่มีผู้ยื่นเสนอราคา ต้องประกาศใหม่",
    "รอการอนุมัติแบบแปลนจากหน่วยงานที่เกี่ยวข้อง",
    "พื้นที่ก่อสร้างมีปัญหาเรื่องกรรมสิทธิ์ที่ดิน",
    "งบประมาณไม่เพียงพอ รอโอนงบประมาณเพิ่ม",
]


def _procurement(rng, amount: Decimal, program: str) -> str:
    if amount >= 500_000:
        return Procurement.E_BIDDING
    if amount >= 100_000:
        return rng.choice([Procurement.SPECIFIC, Procurement.SELECTION, Procurement.E_MARKET])
    return Procurement.SELF if program in ("00210", "00240", "00260") else Procurement.SPECIFIC


def _spread(total: Decimal, months: list[int], lump: bool) -> dict[int, Decimal]:
    """Pay `total` over `months`: works are paid at delivery, services month by month."""
    if not months or total <= 0:
        return {}
    if lump or len(months) == 1:
        return {months[-1]: total}
    each = (total / len(months)).quantize(Decimal("0.01"))
    out = dict.fromkeys(months, each)
    out[months[-1]] = total - each * (len(months) - 1)
    return out


def year_of_progress(org, fy: int, seed: int) -> int:
    rng = random.Random(f"{seed}-{org.code}-{fy}")
    upto = 12 if month_end(fy, 12) <= DEMO_AS_OF else _month_of(fy, DEMO_AS_OF)
    budgets = budgets_by_project(org, fy)
    planned: dict[int, list[int]] = {}
    for pid, mask in (
        action_items(org, fy).filter(project__isnull=False).values_list("project_id", "months")
    ):
        planned[pid] = [m for m in range(1, 13) if mask >> (m - 1) & 1]
    programs = dict(
        ProjectVersion.objects.filter(project_id__in=list(budgets))
        .order_by("project_id", "valid_from_seq")
        .values_list("project_id", "program__code")
    )
    subsidy = set(
        org.ordinances.filter(
            fiscal_year=fy, lines__source=FundingSource.SPECIFIC_SUBSIDY
        ).values_list("lines__project_id", flat=True)
    )
    records = []
    for pid in sorted(budgets):
        budget = budgets[pid]
        months = planned.get(pid) or [rng.randint(3, 9)]
        fate = rng.random()
        if pid in subsidy and rng.random() < 0.35:
            fate = 0.10  # a subsidy that sits idle: the rule must fire somewhere
        start, end = months[0], months[-1]
        if fate < 0.06:  # cancelled
            month = min(start + 1, 12)
            if month <= upto:
                records.append(
                    YearRecord(
                        pid,
                        [(month, Status.CANCELLED, 0, Decimal(0))],
                        problems=rng.choice(PROBLEMS),
                    )
                )
            continue
        if fate < 0.16:  # never started
            continue
        delay = rng.choice([2, 3, 4, 5]) if fate < 0.36 else 0
        start, end = start + delay, end + delay
        works = budget >= 300_000
        procurement = _procurement(rng, budget, programs.get(pid, ""))
        contract = None
        if procurement != Procurement.SELF:
            contract = (budget * Decimal(rng.uniform(0.86, 0.99))).quantize(Decimal(100))
        total = contract or (budget * Decimal(rng.uniform(0.9, 1.0))).quantize(Decimal(100))
        active = [m for m in range(start, end + 1) if m <= min(upto, 12)]
        if not active:
            continue
        span = end - start + 1
        paid = _spread(total, list(range(start, end + 1)), works)
        rows: list[tuple[int, str, int, Decimal]] = []
        for i, m in enumerate(active, 1):
            progress = min(100, round(100 * i / span))
            status = Status.DONE if progress == 100 else Status.IN_PROGRESS
            rows.append((m, status, progress, paid.get(m, Decimal(0))))
        disbursed = sum(r[3] for r in rows)
        finished = rows[-1][1] == Status.DONE
        signed_month = start if contract else None
        signed = None
        if signed_month and signed_month <= upto:
            last_day = month_end(fy, signed_month)
            signed = last_day.replace(day=rng.randint(3, min(25, last_day.day)))
        records.append(
            YearRecord(
                pid,
                rows,
                procurement=procurement,
                contract_signed_on=signed,
                contract_amount=contract if signed else None,
                carried_over=(contract - disbursed)
                if contract and signed and not finished and upto == 12
                else Decimal(0),
                problems=rng.choice(PROBLEMS) if delay >= 4 else "",
            )
        )
    return year_load(org=org, fiscal_year=fy, records=records)


def _month_of(fy: int, day: dt.date) -> int:
    for m in range(1, 13):
        if day <= month_end(fy, m):
            return m
    return 12
