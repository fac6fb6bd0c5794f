"""แบบที่ 1: the self-check of plan preparation (Input stage), answered per plan."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from evaluation import services
from evaluation.models import ChecklistAnswer, ChecklistTemplate
from orgs.access import can_write
from orgs.decorators import org_view
from plans.access import get_plan


@org_view()
def form1(request, org):
    plan = get_plan(org)
    template = ChecklistTemplate.objects.filter(active=True).prefetch_related("items").first()
    items = list(template.items.all()) if template else []
    stored = {a.item_id: a for a in ChecklistAnswer.objects.filter(plan=plan)}
    if request.method == "POST":
        if not can_write(request.user, org):
            raise PermissionDenied("คุณไม่มีสิทธิ์แก้ไขข้อมูลของหน่วยงานนี้")
        answers = {}
        for i in items:
            value = request.POST.get(f"item_{i.pk}")
            if value in ("yes", "no"):
                answers[i.pk] = (value == "yes", request.POST.get(f"note_{i.pk}", ""))
        try:
            services.checklist_save(plan=plan, answers=answers, updated_by=request.user)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, "บันทึกแบบที่ 1 แล้ว")
            return redirect("evaluation:form1", org.code)
    done = sum(1 for a in stored.values() if a.done)
    return render(
        request,
        "evaluation/form1.html",
        {
            "org": org,
            "plan": plan,
            "template": template,
            "rows": [(i, stored.get(i.pk)) for i in items],
            "done": done,
            "total": len(items),
            "can_write": can_write(request.user, org),
            "section": "form1",
        },
    )
