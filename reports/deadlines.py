"""งานของฉัน: the ITA items of the year to publish (registered from ReportsConfig.ready)."""

import datetime as dt

from django.urls import reverse

from notify.deadlines import WRITERS, Item, near, source
from thai.dates import fiscal_year

ITA_PAGES = {  # where the officer makes each source published
    "plan": ("plans:overview", False),
    "action_plan": ("plans:action_plan", False),
    "spending_plan": ("plans:action_plan", False),
    "six_month": ("reports:index", False),
    "six_month_spending": ("reports:index", False),
    "annual_spending": ("reports:index", False),
    "annual": ("evaluation:annual_year", True),
    "survey": ("evaluation:annual_year", True),
}


@source(*WRITERS)
def ita_items(org, today):
    """Each ITA item of the fiscal years around today (reports.ItaItem, due dates as data per
    year) not yet published, from WARN_DAYS before its due date until 30 days after it."""
    from reports.ita import Sources
    from reports.ita_services import _shifted
    from reports.models import ItaItem

    out = []
    fy_now = fiscal_year(today)
    lists: dict[int, list] = {}  # every year's list, read once (a small table)
    for i in ItaItem.objects.filter(fiscal_year__lte=fy_now + 1):
        lists.setdefault(i.fiscal_year, []).append(i)
    for fy in (fy_now - 1, fy_now, fy_now + 1):
        due_soon = []
        listed = max((y for y in lists if y <= fy), default=None)  # as reports.ita.items_for
        for item in lists.get(listed, []) if listed else []:
            due = _shifted(item.due_on, fy - item.fiscal_year)  # a year listed from an earlier one
            if near(due, today) and due >= today - dt.timedelta(days=30):
                due_soon.append((item, due))
        if not due_soon:
            continue
        sources = Sources(org, fy)
        for item, due in due_soon:
            if sources.published_on(item.source) is not None:
                continue
            name, with_year = ITA_PAGES.get(item.source, ("reports:index", False))
            url = reverse(name, args=[org.code, fy] if with_year else [org.code])
            out.append(
                Item(
                    "ita",
                    f"เผยแพร่ {item.code} {item.name} ปีงบประมาณ {fy} (ITA)",
                    due,
                    url,
                    org,
                    False,
                    "ยังไม่ได้เผยแพร่บนหน้าสาธารณะ",
                    today,
                )
            )
    return out
