"""Percentages the way published Thai reports print them.

Reports differ: most round half up (5/56 = 8.93), some truncate (56/81 = 69.13, 1/56 = 1.78 in the
Krabuang Yai 6-month report). The mode and the number of decimals are the caller's choice.
"""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

MODES = {"round": ROUND_HALF_UP, "truncate": ROUND_DOWN}
MODE_LABELS = {"round": "ปัดเศษ (ครึ่งขึ้น)", "truncate": "ตัดทศนิยม"}


def percent(part, whole, *, decimals: int = 2, mode: str = "round") -> Decimal | None:
    """part/whole × 100 with `decimals` places; None when whole is 0 (nothing to compare with)."""
    if not whole:
        return None
    value = Decimal(part or 0) * 100 / Decimal(whole)
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=MODES[mode])
