"""Closed periods as the plan sees them. Periods and their locks belong to `monitoring`, which
builds on `plans`; it registers its two checks here when the apps are ready
(MonitoringConfig.ready), so a plan write can refuse to change a closed period without `plans`
importing `monitoring`."""

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured, ValidationError

_checks: dict[str, Callable] = {}


def register(*, closed_period_reached: Callable, closed_since: Callable) -> None:
    _checks["reached"], _checks["since"] = closed_period_reached, closed_since


def _check(name: str) -> Callable:
    try:
        return _checks[name]
    except KeyError:
        raise ImproperlyConfigured("monitoring has not registered its period locks") from None


def closed_period_reached(
    org, fiscal_year: int, on: dt.date | None, closed: set[int] | None = None
) -> str | None:
    """The closed month (Thai name) a change dated `on` in the year would alter, or None
    (`closed`: the year's closed months when the caller has them already)."""
    return _check("reached")(org, fiscal_year, on, closed)


def refuse_in_closed_period(
    org,
    fiscal_year: int,
    on: dt.date | None,
    *,
    why: Callable[[str], str],
    field: str | None = None,
    closed: set[int] | None = None,
) -> None:
    """Refuse a change dated `on` that would alter a closed month of the year: a ValidationError
    (on `field` when named) saying `why(month)` and the unlock path, the recorded way to change
    a closed period."""
    locked = closed_period_reached(org, fiscal_year, on, closed)
    if locked:
        message = f"{why(locked)} ต้องขอปลดล็อกงวดนั้นก่อน"
        raise ValidationError({field: message} if field else message)


def closed_since(org, on: dt.date) -> str | None:
    """The first closed month a change effective from `on` on (every later year too) would alter."""
    return _check("since")(org, on)
