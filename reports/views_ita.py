"""The operator's page for the ITA items of each year (codes and names change yearly)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from core.web import this_fy
from reports import ita_services
from reports.models import ItaItem, ItaSource


@login_required
def ita_settings(request, fy=None):
    if not request.user.is_superuser:
        raise PermissionDenied("เฉพาะผู้ดูแลระบบ")
    fy = fy or this_fy()
    items = list(ItaItem.objects.filter(fiscal_year=fy))
    if request.method == "POST":
        post = request.POST
        try:
            if post.get("copy_from", "").isdigit():
                n = ita_services.ita_year_copy(from_year=int(post["copy_from"]), to_year=fy)
                messages.success(request, f"คัดลอก {n} รายการมาเป็นของปี {fy} แล้ว")
            elif post.get("delete"):
                ItaItem.objects.filter(fiscal_year=fy, pk=post["delete"]).delete()
                messages.success(request, "ลบรายการแล้ว")
            else:
                item = next((i for i in items if str(i.pk) == post.get("item")), None)
                order = post.get("order", "")
                ita_services.ita_item_save(
                    fiscal_year=fy,
                    code=post.get("code", ""),
                    name=post.get("name", ""),
                    source=post.get("source", ""),
                    order=int(order) if order.isdigit() else 0,
                    due_on=post.get("due_on", ""),
                    item=item,
                )
                messages.success(request, "บันทึกแล้ว")
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        return redirect("ita_settings_year", fy)
    return render(
        request,
        "reports/ita_settings.html",
        {
            "fy": fy,
            "items": items,
            "sources": ItaSource.choices,
            "years": range(fy - 2, fy + 2),
        },
    )
