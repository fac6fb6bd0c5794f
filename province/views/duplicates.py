"""Possible duplicates across neighbouring orgs, for the analyst to confirm or dismiss."""

from django.contrib import messages
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import this_fy
from orgs.access import require_province_analyst
from orgs.decorators import org_view
from plans.models import ProjectBudget, ProjectVersion
from province import duplicates
from province.models import DuplicatePair


def _check(request, org):
    require_province_analyst(request.user, org)


def _pairs(org, fy):
    return DuplicatePair.objects.filter(fiscal_year=fy, project_a__plan__org__province=org.province)


@org_view()
def pair_list(request, org, fy=None):
    _check(request, org)
    fy = fy or this_fy()
    pairs = list(_pairs(org, fy).order_by("verdict", "-score")[:300])
    ids = {p.project_a_id for p in pairs} | {p.project_b_id for p in pairs}
    info = {}
    budget = ProjectBudget.objects.filter(version=OuterRef("pk"), year=fy).values("amount")[:1]
    for pid, name, org_name, code, district, amount, location in (
        ProjectVersion.objects.filter(project_id__in=ids)
        .annotate(amount=Subquery(budget))
        .order_by("project_id", "valid_from_seq")
        .values_list(
            "project_id",
            "name",
            "plan__org__name",
            "plan__org__code",
            "plan__org__district__name",
            "amount",
            "location",
        )
    ):
        info[pid] = {
            "name": name,
            "org": org_name,
            "code": code,
            "district": district or "",
            "amount": amount,
            "location": location,
            "id": pid,
        }
    rows = [(p, [info.get(p.project_a_id, {}), info.get(p.project_b_id, {})]) for p in pairs]
    return render(
        request,
        "province/duplicates.html",
        {"org": org, "fy": fy, "rows": rows, "section": "duplicates"},
    )


@org_view()
@require_POST
def pair_refresh(request, org, fy):
    _check(request, org)
    count = duplicates.refresh(org.province_id, fy)
    messages.success(request, f"ตรวจหาโครงการซ้ำซ้อนแล้ว พบ {count:,} คู่ (คำตัดสินเดิมยังคงอยู่)")
    return redirect("province:duplicates_year", org.code, fy)


@org_view()
@require_POST
def pair_judge(request, org, fy, pair_id):
    _check(request, org)
    pair = _pairs(org, fy).filter(pk=pair_id).first()
    if pair is None:
        raise Http404("ไม่พบคู่โครงการ")
    duplicates.judge(pair=pair, verdict=request.POST.get("verdict", ""), user=request.user)
    return redirect("province:duplicates_year", org.code, fy)
