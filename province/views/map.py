"""The provincial unit's map: every org's works of the year, and suspected duplicates as lines."""

from django.shortcuts import redirect, render
from django.urls import reverse

from core.web import this_fy
from monitoring.geo import (
    ORG,
    PK,
    map_projects,
    markers,
    province_outline,
    url_maker,
)
from monitoring.mapcache import map_response
from monitoring.models import Status
from monitoring.web import first_data_url, map_filters, tiles
from orgs.access import require_province_analyst
from orgs.decorators import org_view
from orgs.models import Organization
from plans.models import Strategy
from plans.selectors import year_tabs
from province.map import duplicate_links


def _orgs(org):
    return list(
        Organization.objects.filter(province_id=org.province_id)
        .order_by("name")
        .values_list("id", "code", "name")
    )


@org_view()
def province_map_start(request, org):
    require_province_analyst(request.user, org)
    return redirect("province:map", org.code, this_fy())


@org_view()
def province_map(request, org, fy):
    require_province_analyst(request.user, org)
    numbers = (
        Strategy.objects.filter(plan__org__province_id=org.province_id)
        .values_list("number", flat=True)
        .distinct()
        .order_by("number")
    )
    filters = {**map_filters(request), "org": request.GET.get("org", "")}
    orgs = [(code, name) for _, code, name in _orgs(org)]
    data_url = reverse("province:map_data", args=[org.code, fy])
    return render(
        request,
        "province/map.html",
        {
            "org": org,
            "fy": fy,
            "years": year_tabs(Organization.objects.filter(province_id=org.province_id), fy),
            "section": "province_map",
            "orgs": orgs,
            "strategies": [(n, f"ยุทธศาสตร์ที่ {n}") for n in numbers],
            "statuses": Status.choices,
            "filters": filters,
            "links": True,
            "data_first": first_data_url(data_url, filters, orgs),
            **tiles(),
        },
    )


@org_view()
def province_map_data(request, org, fy):
    require_province_analyst(request.user, org)
    wanted = request.GET.get("org", "")
    filters = map_filters(request)

    def build() -> dict:
        ids = [pk for pk, code, _ in _orgs(org) if not wanted or code == wanted]
        rows = map_projects(ids, fy, **filters, brief=True)
        located = {r.project_id: r for r in rows if r.located}
        return markers(
            rows,
            detail=url_maker("monitoring:map_detail", ORG, fy, PK),
            outline_=province_outline(org.province),
            links=duplicate_links(org.province_id, fy, located),
        )

    parts = ("province", fy, wanted, filters["strategy"], filters["status"])
    return map_response(request, org.province_id, parts, build)
