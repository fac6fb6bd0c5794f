"""The officer's map: the org's works of a year, coloured by status, filtered by strategy/status."""

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
from monitoring.web import json_response, map_filters, tiles
from orgs.decorators import org_view
from plans.models import Strategy


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
