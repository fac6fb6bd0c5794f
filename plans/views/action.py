"""แผนการดำเนินงาน: the action plan of a fiscal year, its items and the month grid."""

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
from plans.forms import ActionItemForm, ActionPlanForm
from plans.models import ActionPlan, BudgetLine, BudgetOrdinance, FundingSource, ProjectVersion
from plans.models.action import action_plan_due_date
from plans.selectors import current_action_plan, latest_names
from plans.web import pick_year
from thai.dates import fiscal_month_labels


@org_view()
def action_plan(request, org, fy=None):
    fy, years = pick_year(org, fy)
    count = ActionPlan.objects.filter(org=org, fiscal_year=fy).count()
    current = current_action_plan(org, fy) if fy else None
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
            "can_write": can_write(request.user, org),
            "plan_form": ActionPlanForm(
                initial={"fiscal_year": fy or this_fy(), "amendment": count}
            ),
            "item_form": ActionItemForm(line_choices=_line_choices(org, fy), fiscal_year=fy)
            if current
            else None,
        },
    )


def _line_choices(org, fy):
    lines = list(
        BudgetLine.objects.filter(ordinance__org=org, ordinance__fiscal_year=fy)
        .order_by("ordinance_id", "id")
        .values_list("pk", "project_id", "amount", "source")
    )
    names = latest_names(org=org, project_ids=[p for _, p, _, _ in lines])
    sources = dict(FundingSource.choices)
    return [
        (pk, f"{names.get(p, '')[:90]} — {amount:,.2f} บาท ({sources[src]})")
        for pk, p, amount, src in lines
    ]


@org_view(write=True)
@require_POST
def action_plan_new(request, org):
    form = ActionPlanForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("plans:action_plan", org.code)
    try:
        ap = services.action_plan_create(org=org, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("plans:action_plan", org.code)
    messages.success(request, f"สร้าง{ap.title}แล้ว")
    return redirect("plans:action_plan_year", org.code, ap.fiscal_year)


@org_view(write=True)
@require_POST
def action_item_new(request, org, fy):
    current = current_action_plan(org, fy)
    if current is None:
        raise Http404("ไม่พบแผนการดำเนินงานของปีนี้")
    form = ActionItemForm(request.POST, line_choices=_line_choices(org, fy), fiscal_year=fy)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("plans:action_plan_year", org.code, fy)
    cd = form.cleaned_data
    line = (
        BudgetLine.objects.select_related("ordinance", "project").get(pk=cd["budget_line"])
        if cd["budget_line"]
        else None
    )
    name = cd["name"].strip() or (
        latest_names(org=org, project_ids=[line.project_id])[line.project_id] if line else ""
    )
    latest = (
        ProjectVersion.objects.filter(project_id=line.project_id)
        .select_related("division")
        .order_by("-valid_from_seq")
        .first()
        if line
        else None
    )
    unit = (
        latest.responsible_unit or (latest.division.name if latest.division else "")
        if latest
        else ""
    )
    try:
        services.action_item_add(
            action_plan=current,
            budget_line=line,
            other_agency="" if line else cd["other_agency"],
            name=name,
            amount=cd["amount"] if cd["amount"] is not None else (line.amount if line else 0),
            months=cd["months"],
            activity=cd["activity"],
            place=cd["place"] or (latest.location if latest else ""),  # as in the plan unless typed
            responsible_unit=cd["responsible_unit"] or unit,
            seen=request.POST.get("seen", ""),
        )
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, f"เพิ่ม “{name}” ในแผนการดำเนินงานแล้ว")
    return redirect("plans:action_plan_year", org.code, fy)
