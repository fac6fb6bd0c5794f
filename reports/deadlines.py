"""งานของฉัน: the ITA six-month report to publish (registered from ReportsConfig.ready)."""

import datetime as dt

from django.urls import reverse

from notify.deadlines import WRITERS, Item, near, source
from thai.dates import ce_year, fiscal_year

ITA_SIX_MONTH_BY = (4, 30)  # the 6-month report (ITA O11/O19, ต.ค.–มี.ค.) published within April


@source(*WRITERS)
def six_month_item(org, today):
    fy = fiscal_year(today)
    due = dt.date(ce_year(fy), *ITA_SIX_MONTH_BY)
    if not near(due, today) or today > due + dt.timedelta(days=30):
        return []
    return [Item("six_month", f"เผยแพร่รายงานการกำกับติดตามรอบ 6 เดือน ปี {fy} (ITA)", due,
                 reverse("reports:index", args=[org.code]), org, False,
                 "ตุลาคม – มีนาคม; ต้องเผยแพร่บนเว็บไซต์ภายในเดือนเมษายน", today)]  # fmt: skip
