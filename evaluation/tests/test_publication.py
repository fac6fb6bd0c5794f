"""The legal clock: 15 days to announce, at least 30 days posted, within December."""

import datetime as dt

from evaluation.models import AnnualReport
from evaluation.publication import deadlines


def report(**dates):
    return AnnualReport(fiscal_year=2568, **dates)


def states(r, today):
    return [d.state for d in deadlines(r, today)]


def test_an_on_time_report_is_all_green():
    r = report(
        presented_on=dt.date(2025, 12, 5),
        announced_on=dt.date(2025, 12, 19),
        posted_from=dt.date(2025, 12, 19),
        posted_until=dt.date(2026, 1, 17),
    )
    assert states(r, dt.date(2026, 2, 1)) == ["ok", "ok", "ok", "ok"]


def test_day_16_is_late_and_29_days_of_posting_is_too_short():
    r = report(
        presented_on=dt.date(2025, 12, 5),
        announced_on=dt.date(2025, 12, 21),
        posted_from=dt.date(2025, 12, 21),
        posted_until=dt.date(2026, 1, 18),
    )
    result = deadlines(r, dt.date(2026, 2, 1))
    assert result[1].due == dt.date(2025, 12, 20) and result[1].state == "late"
    assert result[3].state == "late" and result[3].note == "ปิดประกาศ 29 วัน"


def test_nothing_done_by_the_end_of_december_is_missing():
    r = report()
    assert states(r, dt.date(2025, 12, 31)) == ["pending", "pending", "pending", "pending"]
    assert states(r, dt.date(2026, 1, 1)) == ["missing", "pending", "missing", "missing"]
