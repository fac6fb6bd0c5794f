"""Thailand's extent, for checking a position typed, clicked or read from a photo."""

from decimal import Decimal

# The country's bounding box, a little wider than its extreme points (5.61–20.46 N, 97.34–105.64 E).
LAT_MIN, LAT_MAX = Decimal("5.5"), Decimal("20.5")
LNG_MIN, LNG_MAX = Decimal("97.3"), Decimal("105.7")
CENTRE = (13.0, 101.0)


def in_thailand(lat, lng) -> bool:
    try:
        lat, lng = Decimal(str(lat)), Decimal(str(lng))
    except ArithmeticError:
        return False
    if not (lat.is_finite() and lng.is_finite()):
        return False  # NaN and infinity are no place (and NaN refuses to be compared)
    return LAT_MIN <= lat <= LAT_MAX and LNG_MIN <= lng <= LNG_MAX


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (lat, lng) points (haversine)."""
    import math

    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * 6_371_000 * math.asin(math.sqrt(h))
