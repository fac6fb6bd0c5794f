"""Editing the early-warning rules (thresholds and wording are data; admins change them)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from monitoring import services
from monitoring.models import Severity, WarningRule
from thai.money import AmountError, parse_amount


@login_required
def rules(request):
    if not request.user.is_superuser:
        raise PermissionDenied("เฉพาะผู้ดูแลระบบ")
    items = list(WarningRule.objects.all())
    if request.method == "POST":
        rule = next((r for r in items if str(r.pk) == request.POST.get("rule")), None)
        if rule is None:
            raise PermissionDenied("ไม่พบสัญญาณเตือน")
        try:
            threshold = parse_amount(request.POST.get("threshold", ""))
            services.rule_update(
                rule=rule,
                name=request.POST.get("name", ""),
                threshold=threshold,
                message=request.POST.get("message", ""),
                severity=request.POST.get("severity", ""),
                active=request.POST.get("active") == "on",
            )
        except (AmountError, ValidationError) as exc:
            messages.error(
                request, f"{rule.name}: {'; '.join(getattr(exc, 'messages', [str(exc)]))}"
            )
        else:
            messages.success(request, f"บันทึก “{rule.name}” แล้ว มีผลในการประเมินครั้งถัดไป")
        return redirect("warning_rules")
    return render(
        request, "monitoring/rules.html", {"rules": items, "severities": Severity.choices}
    )
