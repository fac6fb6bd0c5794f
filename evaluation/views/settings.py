"""Editing the scoring templates' point breakdown and pass bar (national data; admins only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from evaluation import services
from evaluation.models import ScoreTemplate
from thai.money import AmountError, parse_amount


@login_required
def score_templates(request):
    if not request.user.is_superuser:
        raise PermissionDenied("เฉพาะผู้ดูแลระบบ")
    templates = list(ScoreTemplate.objects.prefetch_related("items"))
    if request.method == "POST":
        template = next((t for t in templates if str(t.pk) == request.POST.get("template")), None)
        if template is None:
            raise PermissionDenied("ไม่พบแบบให้คะแนน")
        try:
            points = {
                i.pk: parse_amount(request.POST.get(f"item_{i.pk}", ""))
                for i in template.items.all()
            }
            services.score_template_update(
                template=template,
                points=points,
                pass_percent=parse_amount(request.POST.get("pass_percent")),
            )
        except (AmountError, ValidationError) as exc:
            messages.error(request, "; ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(request, f"บันทึก “{template.name}” แล้ว")
        return redirect("score_templates")
    return render(request, "evaluation/score_templates.html", {"templates": templates})
