"""Buddhist-era dates and the Thai fiscal year (1 Oct – 30 Sep, named by its ending BE year)."""

import datetime as dt

BE_OFFSET = 543

MONTHS = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
MONTHS_SHORT = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
]
# Calendar months of a fiscal year in order: ต.ค. พ.ย. ธ.ค. ม.ค. … ก.ย.
FISCAL_MONTHS = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]
QUARTER_LABELS = {
    1: "ไตรมาสที่ 1 (ต.ค.–ธ.ค.)",
    2: "ไตรมาสที่ 2 (ม.ค.–มี.ค.)",
    3: "ไตรมาสที่ 3 (เม.ย.–มิ.ย.)",
    4: "ไตรมาสที่ 4 (ก.ค.–ก.ย.)",
}


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def thai_date(value: dt.date | None, *, short: bool = False) -> str:
    """15 มีนาคม 2569, or 15 มี.ค. 69 with short=True."""
    if value is None:
        return ""
    if short:
        return f"{value.day} {MONTHS_SHORT[value.month - 1]} {str(be_year(value.year))[-2:]}"
    return f"{value.day} {MONTHS[value.month - 1]} {be_year(value.year)}"


def fiscal_year(value: dt.date) -> int:
    """Buddhist-era fiscal year of a date: 1 Oct 2567 BE belongs to FY2568."""
    year = be_year(value.year)
    return year + 1 if value.month >= 10 else year


def fiscal_year_bounds(fy: int) -> tuple[dt.date, dt.date]:
    start_ce = ce_year(fy) - 1
    return dt.date(start_ce, 10, 1), dt.date(start_ce + 1, 9, 30)


def fiscal_month_index(value: dt.date) -> int:
    """1 for October … 12 for September."""
    return FISCAL_MONTHS.index(value.month) + 1


def fiscal_quarter(value: dt.date) -> int:
    return (fiscal_month_index(value) - 1) // 3 + 1


def fiscal_month_start(fy: int, month: int) -> dt.date:
    """The first day of month 1–12 of fiscal year fy (1 = October of the year before)."""
    m = FISCAL_MONTHS[month - 1]
    return dt.date(ce_year(fy - 1 if m >= 10 else fy), m, 1)


def fiscal_month_labels(fy: int) -> list[tuple[str, int]]:
    """(short month name, BE year) for the 12 months of fiscal year fy, Oct first."""
    return [(MONTHS_SHORT[m - 1], fy - 1 if m >= 10 else fy) for m in FISCAL_MONTHS]


def parse_thai_date(text: str, *, iso: bool = True) -> dt.date:
    """A date typed the Thai way: 15/7/2567, 15-07-2567, ๑๕/๗/๒๕๖๗ (BE); with `iso`, also a
    machine's ISO 2024-07-15 (CE). A box a person types in passes iso=False: there 2026-10-31 is
    refused as a Christian-era year like 31/10/2026 (year first with a BE year, 2569-10-31, is
    read).

    A two-digit year is read as BE (67 → 2567). Raises ValueError with a Thai message.
    """
    from thai.digits import arabic_digits

    raw = arabic_digits(str(text)).strip()
    if not raw:
        raise ValueError("กรุณากรอกวันที่")
    try:
        parts = raw.replace("-", "/").replace(".", "/").split("/")
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            raise ValueError
        if len(parts[0]) == 4:  # year first (ISO order)
            year, month, day = (int(p) for p in parts)
            if iso and year < 2400:
                return dt.date(year, month, day)
        else:
            day, month, year = (int(p) for p in parts)
        if year < 100:
            year += 2500
    except ValueError:
        raise ValueError(f"วันที่ “{text}” ไม่ถูกต้อง ให้กรอกแบบ วัน/เดือน/ปี พ.ศ. เช่น 15/7/2567") from None
    if 1900 <= year < 2400:
        raise ValueError(
            f"วันที่ “{text}”: ปี {year} เป็นปี ค.ศ. ให้กรอกปี พ.ศ. ({be_year(year)}) เช่น"
            f" {day}/{month}/{be_year(year)}"
        )
    if not 2400 <= year <= 2800:
        raise ValueError(f"วันที่ “{text}”: ปี พ.ศ. {year} ไม่ถูกต้อง ให้กรอกปี พ.ศ. 4 หลัก เช่น 2569")
    if not 1 <= month <= 12:
        raise ValueError(f"วันที่ “{text}”: ไม่มีเดือนที่ {month} (เดือนต้องเป็น 1–12)")
    import calendar

    days = calendar.monthrange(ce_year(year), month)[1]
    if not 1 <= day <= days:
        raise ValueError(f"วันที่ “{text}”: เดือน{MONTHS[month - 1]} {year} มี {days} วัน")
    return dt.date(ce_year(year), month, day)


def short_be(value: dt.date | None) -> str:
    """15/7/2567 — the form a Thai officer types and reads back in an input box."""
    return "" if value is None else f"{value.day}/{value.month}/{be_year(value.year)}"


def fiscal_months_span(flags: list[bool]) -> str:
    """The months of a fiscal year that are set (12 flags, ต.ค. first) as short Thai names, runs
    joined: "ต.ค.–ธ.ค., มี.ค." ("" when none)."""
    runs, start = [], None
    for i, on in enumerate([*flags, False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            first, last = (MONTHS_SHORT[FISCAL_MONTHS[m] - 1] for m in (start, i - 1))
            runs.append(first if start == i - 1 else f"{first}–{last}")
            start = None
    return ", ".join(runs)
