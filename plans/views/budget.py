from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from orgs.access import can_write
from orgs.decorators import org_view
from plans import services
from plans.access import get_ordinance, get_project_for_user
from plans.forms import BudgetLineForm
from plans.models import ActionPlan, BudgetLine, BudgetOrdinance
from plans.models.action import action_plan_due_date


def _fiscal_years(org) -> list[int]:
    years = set(BudgetOrdinance.objects.filter(org=org).values_list("fiscal_year", flat=True))
    years |= set(ActionPlan.objects.filter(org=org).values_list("fiscal_year", flat=True))
    return sorted(years)


def _pick_year(org, fy):
    years = _fiscal_years(org)
    return (fy if fy else (years[-1] if years else None)), years


@org_view()
def budget(request, org, fy=None):
    fy, years = _pick_year(org, fy)
    ordinances = list(
        BudgetOrdinance.objects.filter(org=org, fiscal_year=fy)
        .annotate(n=Count("lines"), total=Sum("lines__amount"))
        .select_related("org")
    )
    lines = (
        BudgetLine.objects.filter(ordinance__org=org, ordinance__fiscal_year=fy)
        .select_related("ordinance", "project")
        .order_by("ordinance_id", "id")
    )
    names = _project_names(org, [ln.project_id for ln in lines])
    return render(
        request,
        "plans/budget.html",
        {
            "org": org,
            "fy": fy,
            "years": years,
            "ordinances": ordinances,
            "lines": lines,
            "names": names,
            "section": "budget",
            "can_write": can_write(request.user, org),
            "form": BudgetLineForm(),
        },
    )


def _project_names(org, project_ids) -> dict[int, str]:
    """Latest name of each project (one query)."""
    from plans.models import ProjectVersion

    rows = (
        ProjectVersion.objects.filter(project_id__in=project_ids, plan__org=org)
        .order_by("project_id", "valid_from_seq")
        .values_list("project_id", "name")
    )
    return dict(rows)


@org_view(write=True)
@require_POST
def budget_line_new(request, org, fy):
    form = BudgetLineForm(request.POST)
    if not form.is_valid():
        messages.error(request, "กรอกโครงการ จำนวนเงิน และแหล่งเงินให้ถูกต้อง")
        return redirect("plans:budget_year", org.code, fy)
    cd = form.cleaned_data
    ordinance = get_ordinance(org, cd["ordinance"])
    project = get_project_for_user(request.user, org, cd["project"])
    try:
        services.budget_line_add(
            ordinance=ordinance,
            project=project,
            amount=cd["amount"],
            source=cd["source"],
            item=cd["item"],
            acting_user=request.user,
        )
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, "เพิ่มรายการงบประมาณแล้ว")
    return redirect("plans:budget_year", org.code, fy)


@org_view()
def action_plan(request, org, fy=None):
    fy, years = _pick_year(org, fy)
    plans = list(ActionPlan.objects.filter(org=org, fiscal_year=fy).order_by("-amendment"))
    current = plans[0] if plans else None
    items = current.items.select_related("budget_line").order_by("seq_no", "id") if current else []
    annual = (
        BudgetOrdinance.objects.filter(org=org, fiscal_year=fy, kind="annual")
        .order_by("number")
        .first()
    )
    due = action_plan_due_date(annual.promulgated_on if annual else None)
    late = bool(due and current and current.approved_on and current.approved_on > due)
    totals = (
        current.items.aggregate(n=Count("id"), s=Sum("amount")) if current else {"n": 0, "s": 0}
    )
    from thai.dates import fiscal_month_labels

    return render(
        request,
        "plans/action_plan.html",
        {
            "org": org,
            "fy": fy,
            "years": years,
            "action_plan": current,
            "items": items,
            "annual": annual,
            "due": due,
            "late": late,
            "totals": totals,
            "months": fiscal_month_labels(fy) if fy else [],
            "section": "action",
        },
    )
