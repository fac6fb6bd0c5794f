"""Request helpers the plan pages (and the pages built on a plan: import, reports) share: which
edition and which year a page shows."""

from core.web import this_fy
from plans.models import Plan
from plans.selectors import approved_seq_on, fiscal_years, working_seq
from thai.dates import parse_thai_date


def resolve_seq(request, plan: Plan) -> tuple[int | None, str]:
    """Which edition a page shows: ?edition=<seq>, ?date=15/7/2567 (BE) or ISO, ?draft=1; default:
    latest approved."""
    if request.GET.get("edition", "").isdigit():
        return int(request.GET["edition"]), "edition"
    if request.GET.get("date"):
        try:
            on = parse_thai_date(request.GET["date"])
        except ValueError:
            on = None
        if on:
            return approved_seq_on(plan, on), "date"
    if request.GET.get("draft") == "1":
        return working_seq(plan), "draft"
    return approved_seq_on(plan), "approved"


def pick_year(org, fy):
    """The year a plan page shows (?fy or the org's latest), and the org's years."""
    years = fiscal_years(org)
    return (fy if fy else (years[-1] if years else this_fy())), years  # no data yet: this year
