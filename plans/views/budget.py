from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import form_errors, this_fy
from orgs.access import can_write
from orgs.decorators import org_view
from plans import services
from plans.access import get_ordinance, get_project_for_user
from plans.forms import BudgetLineEditForm, BudgetLineForm, OrdinanceForm
from plans.models import BudgetLine, BudgetOrdinance, Plan
from plans.selectors import budgetable_choices, latest_names
from plans.web import pick_year


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
    names = latest_names(org=org, project_ids=[ln.project_id for ln in lines])
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
        ordinance = services.ordinance_create(org=org, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("plans:budget", org.code)
    messages.success(request, f"สร้าง{ordinance.title} แล้ว")
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
            item=cd["item"],
        )
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, "เพิ่มรายการงบประมาณแล้ว")
    return redirect("plans:budget_year", org.code, fy)


def _line(org, line_id) -> BudgetLine:
    line = BudgetLine.objects.filter(pk=line_id, ordinance__org=org).select_related("ordinance")
    found = line.first()
    if found is None:
        raise Http404("ไม่พบรายการงบประมาณ")
    return found


@org_view(write=True)
@require_POST
def budget_line_edit(request, org, fy, line_id):
    line = _line(org, line_id)
    form = BudgetLineEditForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("plans:budget_year", org.code, fy)
    try:
        services.budget_line_update(
            line=line,
            seen=request.POST.get("seen", ""),
            **form.cleaned_data,
        )
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, "แก้ไขรายการงบประมาณแล้ว")
    return redirect("plans:budget_year", org.code, fy)


@org_view(write=True)
@require_POST
def budget_line_remove(request, org, fy, line_id):
    line = _line(org, line_id)
    try:
        services.budget_line_delete(line=line)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, "ลบรายการงบประมาณแล้ว")
    return redirect("plans:budget_year", org.code, fy)
