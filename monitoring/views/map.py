"""The officer's map: the org's works of a year, coloured by status, filtered by strategy/status."""

from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from core.web import this_fy
from monitoring.geo import (
    ORG,
    PHOTO,
    PK,
    feature,
    map_projects,
    markers,
    province_outline,
    url_maker,
)
from monitoring.mapcache import map_response
from monitoring.models import Status
from monitoring.web import first_data_url, map_filters, tiles
from orgs.decorators import org_view
from plans.models import Strategy
from plans.selectors import year_tabs


@org_view()
def map_start(request, org):
    return redirect("monitoring:map", org.code, this_fy())


@org_view()
def org_map(request, org, fy):
    strategies = (
        Strategy.objects.filter(plan__org=org)
        .order_by("number")
        .values_list("number", "name")
        .distinct()
    )
    return render(
        request,
        "monitoring/map.html",
        {
            "org": org,
            "fy": fy,
            "years": year_tabs(org, fy),
            "section": "map",
            "strategies": list(dict(strategies).items()),
            "statuses": Status.choices,
            "filters": map_filters(request),
            "data_first": first_data_url(
                reverse("monitoring:map_data", args=[org.code, fy]), map_filters(request)
            ),
            **tiles(),
        },
    )


@org_view()
def org_map_data(request, org, fy):
    filters = map_filters(request)

    def build() -> dict:
        return markers(
            map_projects([org.pk], fy, **filters, brief=True),
            detail=url_maker("monitoring:map_detail", ORG, fy, PK),
            outline_=province_outline(org.province),
        )

    parts = ("org", org.pk, fy, filters["strategy"], filters["status"])
    return map_response(request, org.province_id, parts, build)


@org_view()
def map_detail(request, org, fy, project_id):
    """One work's popup on the map (name, status, money, place, latest photo): fetched on click."""
    row = next((r for r in map_projects([org.pk], fy) if r.project_id == project_id), None)
    if row is None:
        raise Http404("ไม่พบโครงการนี้ในปีงบประมาณนี้")
    photo = url_maker("monitoring:photo_file", ORG, fy, PK, PHOTO, "thumb")
    f = feature(
        row,
        url=url_maker("monitoring:project", ORG, fy, PK)(row),
        photo=photo(row) if row.photo_id else "",
        full=True,
    )
    return JsonResponse(f["properties"], json_dumps_params={"ensure_ascii": False})
