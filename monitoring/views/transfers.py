"""โอนงบประมาณ / แก้ไขเปลี่ยนแปลงคำชี้แจง: recorded per budget line with who approved them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import form_errors
from monitoring import services
from monitoring.forms import TransferForm
from orgs.access import can_write
from orgs.decorators import org_view
from plans.models import BudgetLine, BudgetMovement, BudgetTransfer
from plans.selectors import fiscal_years, latest_names


@org_view()
def transfers(request, org, fy):
    lines = list(
        BudgetLine.objects.filter(ordinance__org=org, ordinance__fiscal_year=fy)
        .select_related("ordinance")
        .prefetch_related(Prefetch("transfers", queryset=BudgetTransfer.objects.order_by("id")))
        .order_by("ordinance_id", "id")
    )
    names = latest_names(org=org, project_ids=[ln.project_id for ln in lines])
    net = dict(  # each line after every transfer on it (the shared rule: plans_budgetmovement)
        BudgetMovement.objects.filter(org=org, fiscal_year=fy)
        .values("line_id")
        .annotate(s=Sum("amount"))
        .values_list("line_id", "s")
    )
    for ln in lines:
        ln.name = names.get(ln.project_id, "")
        ln.net = net.get(ln.pk, ln.amount)
    return render(
        request,
        "monitoring/transfers.html",
        {
            "org": org,
            "fy": fy,
            "years": fiscal_years(org),
            "lines": lines,
            "form": TransferForm(),
            "can_write": can_write(request.user, org),
            "section": "budget",
        },
    )


@org_view(write=True)
@require_POST
def transfer_new(request, org, fy, line_id):
    line = (
        BudgetLine.objects.select_related("ordinance__org")
        .filter(pk=line_id, ordinance__org=org, ordinance__fiscal_year=fy)
        .first()
    )
    if line is None:
        raise Http404("ไม่พบรายการงบประมาณ")
    form = TransferForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
    else:
        try:
            services.transfer_record(line=line, created_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(request, form, exc)
        else:
            messages.success(request, "บันทึกการโอน/แก้ไขคำชี้แจงแล้ว")
    return redirect(f"{redirect('monitoring:transfers', org.code, fy).url}#l{line.pk}")
