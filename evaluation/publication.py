"""The legal clock of the annual report (ข้อ 30 as amended 2561): announce within 15 days of the
executive presenting it to the council, post for at least 30 days, at least once a year within
December after the fiscal year ends."""

import datetime as dt
from dataclasses import dataclass

from thai.dates import ce_year

ANNOUNCE_WITHIN_DAYS = 15
POST_AT_LEAST_DAYS = 30


@dataclass
class Deadline:
    label: str
    due: dt.date | None
    done: dt.date | None
    state: str  # "ok", "late", "pending", "missing"
    note: str = ""


def _state(due, done, today) -> str:
    if done is not None:
        return "ok" if due is None or done <= due else "late"
    if due is not None and today > due:
        return "missing"
    return "pending"


def deadlines(report, today: dt.date) -> list[Deadline]:
    december = dt.date(ce_year(report.fiscal_year), 12, 31)
    announce_due = (
        report.presented_on + dt.timedelta(days=ANNOUNCE_WITHIN_DAYS)
        if report.presented_on
        else None
    )
    out = [
        Deadline(
            "ผู้บริหารเสนอผลต่อสภาท้องถิ่น",
            december,
            report.presented_on,
            _state(december, report.presented_on, today),
        ),
        Deadline(
            f"ประกาศผลภายใน {ANNOUNCE_WITHIN_DAYS} วันนับแต่เสนอ",
            announce_due,
            report.announced_on,
            _state(announce_due, report.announced_on, today),
        ),
        Deadline(
            "ประกาศอย่างน้อยปีละครั้งภายในเดือนธันวาคม",
            december,
            report.announced_on,
            _state(december, report.announced_on, today),
        ),
    ]
    if report.posted_from and report.posted_until:
        days = (report.posted_until - report.posted_from).days + 1
        state = "ok" if days >= POST_AT_LEAST_DAYS else "late"
        out.append(
            Deadline(
                f"ปิดประกาศไม่น้อยกว่า {POST_AT_LEAST_DAYS} วัน",
                None,
                report.posted_until,
                state,
                f"ปิดประกาศ {days} วัน",
            )
        )
    else:
        due = (
            report.posted_from + dt.timedelta(days=POST_AT_LEAST_DAYS - 1)
            if report.posted_from
            else None
        )
        out.append(
            Deadline(
                f"ปิดประกาศไม่น้อยกว่า {POST_AT_LEAST_DAYS} วัน",
                due,
                None,
                "pending" if report.posted_from else _state(december, None, today),
            )
        )
    return out
