"""แบบที่ 3/1 as a page (the annual report carries the same table)."""

from django.shortcuts import render

from core.web import this_fy
from evaluation.form31 import form31
from orgs.decorators import org_view


@org_view()
def form31_page(request, org, fy=None):
    fy = fy or this_fy() - 1
    base = request.GET.get("base", "strategy")
    base = base if base in ("strategy", "all") else "strategy"
    return render(
        request,
        "evaluation/form31.html",
        {
            "org": org,
            "fy": fy,
            "report": form31(org, fy, base=base),
            "base": base,
            "section": "form31",
        },
    )
