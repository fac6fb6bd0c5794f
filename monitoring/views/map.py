"""The officer's map: the org's works of a year, coloured by status, filtered by strategy/status."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect, render

from core.web import this_fy
from monitoring.geo import (
    ORG,
    PHOTO,
    PK,
    collection,
    map_projects,
    province_outline,
    url_maker,
)
from monitoring.models import Status
from orgs.decorators import org_view
from plans.models import Strategy


def map_filters(request) -> dict:
    raw = request.GET.get("strategy", "")
    status = request.GET.get("status", "")
    return {
        "strategy": int(raw) if raw.isdigit() else None,
        "status": status if status in Status.values else "",
    }


def tiles() -> dict:
    return {"tiles": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}


def json_response(payload: dict) -> JsonResponse:
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/geo+json; charset=utf-8"
    return response


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
    return render(request, "monitoring/map.html", {
        "org": org, "fy": fy, "years": range(fy - 2, fy + 2), "section": "map",
        "strategies": list(dict(strategies).items()), "statuses": Status.choices,
        "filters": map_filters(request), **tiles(),
    })  # fmt: skip


@org_view()
def org_map_data(request, org, fy):
    rows = map_projects([org.pk], fy, **map_filters(request))
    return json_response(collection(
        rows,
        url=url_maker("monitoring:project", ORG, fy, PK),
        photo=url_maker("monitoring:photo_file", ORG, fy, PK, PHOTO, "thumb"),
        outline_=province_outline(org.province),
    ))  # fmt: skip
