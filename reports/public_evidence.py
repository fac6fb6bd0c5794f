"""Public (no login) evidence of an org's works: the map of its projects, its public photos, the
ITA items' stable URLs, and the projects of a year as open data (CSV, JSON, GeoJSON)."""

import csv
import io

from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from core.web import download, this_fy
from monitoring.geo import (
    ORG,
    PHOTO,
    collection,
    map_projects,
    province_outline,
    url_maker,
)
from monitoring.mapcache import map_response
from monitoring.models import Photo, Status
from monitoring.web import first_data_url, map_filters, photo_response, tiles
from plans.models import Strategy
from plans.selectors import year_tabs
from reports import ita
from reports.public import public_org


def _fy(request) -> int:
    raw = request.GET.get("fy", "")
    return int(raw) if raw.isdigit() and 2500 < int(raw) < 2700 else this_fy()


def public_map(request, org_code):
    org = public_org(org_code)
    fy = _fy(request)
    strategies = (
        Strategy.objects.filter(plan__org=org).order_by("number").values_list("number", "name")
    )
    data_url = reverse("open_projects", args=[org.code, "geojson"]) + f"?fy={fy}"
    return render(
        request,
        "reports/public_map.html",
        {
            "org_public": org,
            "fy": fy,
            "years": year_tabs(org, fy),
            "strategies": list(dict(strategies).items()),
            "statuses": Status.choices,
            "filters": map_filters(request),
            **tiles(),
            "data_url": data_url,
            "data_first": first_data_url(data_url, map_filters(request)),
        },
    )


def public_photo(request, org_code, photo_id, kind):
    org = public_org(org_code)
    photo = Photo.objects.filter(pk=photo_id, project_year__org=org, is_public=True).first()
    if photo is None or kind not in ("thumb", "full"):
        raise Http404("ไม่พบภาพ")
    response = photo_response(photo, kind)
    response["Cache-Control"] = "public, max-age=3600"
    return response


def ita_document(request, org_code, fy, code):
    org = public_org(org_code)
    try:
        result = ita.document(org, fy, code)
    except ita.Pending as pending:
        response = render(
            request,
            "reports/public_pending.html",
            {"org_public": org, "edition": pending.edition, "fy": fy},
            status=503,
        )
        response["Retry-After"] = "30"
        return response
    if isinstance(result, str):
        return redirect(result)
    filename, content_type, data = result
    response = download(data, filename, content_type, inline=True)
    response["X-Content-Type-Options"] = "nosniff"
    return response


FIELDS = [
    "fiscal_year",
    "project_id",
    "name",
    "org",
    "strategy",
    "status",
    "status_label",
    "progress",
    "budget",
    "disbursed",
    "latitude",
    "longitude",
    "place",
    "photos",
    "after_photos",
    "photo",
]


def open_projects(request, org_code, fmt):
    """The year's projects with place, status, money and the link of their latest public photo."""
    if fmt not in ("csv", "json", "geojson"):
        raise Http404("ไม่พบข้อมูล")
    org = public_org(org_code)
    fy = _fy(request)
    filters = map_filters(request)
    photo = url_maker("public_photo", ORG, PHOTO, "full")
    if fmt == "geojson":  # the public map's data: kept built (monitoring.mapcache)

        def build() -> dict:
            payload = collection(
                map_projects([org.pk], fy, **filters, public=True),
                photo=lambda r: request.build_absolute_uri(photo(r)),
                outline_=province_outline(org.province),
                full=True,
            )
            payload["fiscal_year"] = fy
            return payload

        parts = ("public", org.pk, fy, filters["strategy"], filters["status"])
        parts += (request.build_absolute_uri("/"),)  # the photo links are absolute
        return map_response(request, org.province_id, parts, build, conditional=False)
    rows = map_projects([org.pk], fy, **filters, public=True)
    out = [
        {
            "fiscal_year": fy,
            "project_id": r.project_id,
            "name": r.name,
            "org": org.code,
            "strategy": r.strategy,
            "status": r.status,
            "status_label": Status(r.status).label,
            "progress": r.progress,
            "budget": f"{r.budget:.2f}",
            "disbursed": f"{r.disbursed:.2f}",
            "latitude": f"{r.latitude:.6f}" if r.located else "",
            "longitude": f"{r.longitude:.6f}" if r.located else "",
            "place": r.place,
            "photos": r.photos,
            "after_photos": r.after_photos,
            "photo": request.build_absolute_uri(photo(r)) if r.photo_id else "",
        }
        for r in rows
    ]
    if fmt == "json":
        return JsonResponse(
            {"org": org.code, "name": org.name, "fiscal_year": fy, "projects": out},
            json_dumps_params={"ensure_ascii": False},
        )
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FIELDS)
    writer.writeheader()
    for row in out:  # text cells never start a formula
        writer.writerow({k: _text(v) for k, v in row.items()})
    return download(
        "\ufeff" + buf.getvalue(), f"projects-{org.code}-{fy}.csv", "text/csv; charset=utf-8"
    )


def _text(value):
    formula = isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r")
    if formula and not value.lstrip("-").replace(".", "", 1).isdigit():
        return "'" + value
    return value
