"""Template filters used everywhere: {{ d|thaidate }}, {{ x|baht }}, {{ y|thaidigits }} …"""

import datetime as dt
import re
from decimal import Decimal

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from thai import dates, digits, money

register = template.Library()


@register.filter
def thaidate(value, arg=""):
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return dates.thai_date(value, short=(arg == "short"))


@register.filter
def baht(value, arg=""):
    """{{ x|baht }} → 1,234.00; {{ x|baht:"0" }} whole baht without decimals (an amount with
    satang keeps them: 2,500,000.50 is never shown as 2,500,000); {{ x|baht:"-" }} dash for 0."""
    if value is None or value == "":
        return ""
    whole = Decimal(value) == Decimal(value).to_integral_value()
    decimals = 0 if "0" in arg and whole else 2
    return money.baht(value, decimals=decimals, dash_zero="-" in arg)


@register.filter
def bahtwords(value):
    return money.baht_words(value or 0)


@register.filter
def thaidigits(value, enabled=True):
    return digits.thai_digits(value) if enabled else value


@register.filter
def fiscal_year(value):
    return dates.fiscal_year(value) if value else ""


@register.filter
def percent(value, base):
    """{{ part|percent:whole }} → '12.50' (two decimals, rounded half-up)."""
    if not base:
        return "-"
    return f"{100 * float(value or 0) / float(base):.2f}"


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def thaitime(value):
    """23 พ.ย. 2569 14:05 — a moment in local time, Buddhist-era year."""
    if not value:
        return ""
    from django.utils import timezone

    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{dates.thai_date(local.date(), short=True)} {local:%H:%M}"


@register.filter
def shortbe(value):
    """15/7/2567: a date as the officer types it back into an input."""
    from thai.dates import short_be

    return short_be(value) if value else ""


@register.filter
def pct(value):
    """A Decimal percentage already rounded by thai.numbers.percent; '-' when there is no base."""
    if value is None or value == "":  # no base, or nothing to show (an empty province)
        return "-"
    return f"{value:,}"


@register.filter
def at(sequence, index):
    """{{ row.cells|at:2 }}: an item of a list by position ('' when out of range)."""
    try:
        return sequence[int(index)]
    except (IndexError, TypeError, ValueError):
        return ""


@register.simple_tag
def options(choices, selected) -> str:
    """The <option>s of a choices list with the selected one marked: one tag instead of a loop of
    ifs, for the selects on every row of the monthly entry page."""
    selected = "" if selected is None else str(selected)
    return mark_safe(  # noqa: S308 - every value and label is escaped here
        "".join(
            f'<option value="{escape(v)}"{" selected" if str(v) == selected else ""}>'
            f"{escape(label)}</option>"
            for v, label in choices
        )
    )


_BE_YEAR = re.compile(r"พ\.ศ\.[ \u00a0]*([0-9๐-๙]{4})")


@register.filter(needs_autoescape=True)
def keep_be(value, autoescape=True):
    """Text (escaped) whose "พ.ศ. 2569" never breaks across lines in a document: a no-break space
    alone does not hold in WeasyPrint's Thai line breaking, so the year is set in a nowrap span."""
    from django.utils.html import conditional_escape

    text = str(conditional_escape(value) if autoescape else value)
    return mark_safe(_BE_YEAR.sub(r'<span class="nowrap">พ.ศ.&nbsp;\1</span>', text))  # noqa: S308
