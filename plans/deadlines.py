"""งานของฉัน: the action plan due after the budget ordinance (registered from PlansConfig.ready)."""

import datetime as dt

from django.urls import reverse

from notify.deadlines import WRITERS, Item, source
from plans.models import ActionPlan, BudgetOrdinance
from thai.dates import fiscal_year, thai_date

ACTION_PLAN_DAYS = 30  # ข้อ 26–27: the action plan within 30 days of the ordinance


@source(*WRITERS)
def action_plan_items(org, today):
    out = []
    fy_now = fiscal_year(today)
    approved = {
        (a.fiscal_year)
        for a in ActionPlan.objects.filter(org=org, fiscal_year__gte=fy_now - 1).exclude(
            approved_on=None, announced_on=None
        )
    }
    for o in BudgetOrdinance.objects.filter(
        org=org, fiscal_year__gte=fy_now - 1, promulgated_on__isnull=False
    ).order_by("promulgated_on"):
        due = o.promulgated_on + dt.timedelta(days=ACTION_PLAN_DAYS)
        done = o.fiscal_year in approved
        if done and due < today - dt.timedelta(days=30):
            continue
        out.append(
            Item(
                "action_plan",
                f"ประกาศแผนการดำเนินงาน ปีงบประมาณ {o.fiscal_year}",
                due,
                reverse("plans:action_plan", args=[org.code]),
                org,
                done,
                f"ภายใน {ACTION_PLAN_DAYS} วันนับแต่ประกาศใช้{o.get_kind_display()} "
                f"({thai_date(o.promulgated_on)})",
                today,
            )
        )
    return out
