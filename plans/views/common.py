"""Helpers the plan views share: which edition/year a page shows, names, form errors."""

from django.contrib import messages
from django.utils import timezone

from plans.models import Plan
from plans.selectors import approved_seq_on, latest_names, working_seq
from thai.dates import fiscal_year, parse_thai_date
from thai.forms import labelled_errors
from tidtam import plainsql


def resolve_seq(request, plan: Plan) -> tuple[int | None, str]:
    """Which edition a page shows: ?edition=<seq>, ?date=15/7/2567 (BE) or ISO, ?draft=1; default: latest approved."""
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


_YEARS_SQL = """
SELECT fiscal_year FROM plans_budgetordinance WHERE org_id = %s
 UNION SELECT fiscal_year FROM plans_actionplan WHERE org_id = %s ORDER BY 1"""


def fiscal_years(org) -> list[int]:
    """The years with an ordinance or an action plan (one statement: most pages show the list)."""
    return [year for (year,) in plainsql.fetch(_YEARS_SQL, [org.pk, org.pk])]


def pick_year(org, fy):
    years = fiscal_years(org)
    return (
        fy if fy else (years[-1] if years else this_fy())
    ), years  # an org with no data yet: this year


def project_names(org, project_ids) -> dict[int, str]:
    return latest_names(project_ids, org)


def this_fy() -> int:
    return fiscal_year(timezone.localdate())


def form_errors(request, form, errors=None) -> None:
    """A form's (or a service's) errors as one message, each naming its field in Thai."""
    messages.error(request, labelled_errors(form, errors))
