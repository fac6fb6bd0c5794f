from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from orgs.access import can_write
from orgs.decorators import org_view
from plans import services
from plans.access import get_ordinance, get_project_for_user
from plans.forms import BudgetLineForm, OrdinanceForm
from plans.models import BudgetLine, BudgetOrdinance, Plan
from plans.selectors import budgetable_choices
from plans.views.common import form_errors, pick_year, project_names, this_fy


@org_view()
def budget(request, org, fy=None):
    fy, years = pick_year(org, fy)
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
    names = project_names(org, [ln.project_id for ln in lines])
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
            "form": BudgetLineForm(project_choices=_project_choices(org, fy)),
            "ordinance_form": OrdinanceForm(initial={"fiscal_year": fy or this_fy()}),
        },
    )


def _project_choices(org, fy):
    plan = Plan.objects.filter(org=org, start_year__lte=fy or 0, end_year__gte=fy or 0).first()
    return budgetable_choices(plan, fy) if plan else []


@org_view(write=True)
@require_POST
def ordinance_new(request, org):
    form = OrdinanceForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("plans:budget", org.code)
    try:
        ordinance = services.ordinance_create(
            org=org, acting_user=request.user, **form.cleaned_data
        )
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("plans:budget", org.code)
    messages.success(request, f"สร้าง{ordinance.title} ปีงบประมาณ {ordinance.fiscal_year} แล้ว")
    return redirect("plans:budget_year", org.code, ordinance.fiscal_year)


@org_view(write=True)
@require_POST
def budget_line_new(request, org, fy):
    form = BudgetLineForm(request.POST, project_choices=_project_choices(org, fy))
    if not form.is_valid():
        form_errors(request, form)
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
