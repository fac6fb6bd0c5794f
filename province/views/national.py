"""The national roll-up by province (for the department and admins)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from core.web import this_fy
from province.analysis import national_rollup


@login_required
def national(request, fy=None):
    if not request.user.is_superuser:
        raise PermissionDenied("เฉพาะผู้ดูแลระบบ")
    fy = fy or this_fy() - 1
    return render(request, "province/national.html", {"fy": fy, "rows": national_rollup(fy)})
