"""Request and response helpers of the monitoring pages that other apps' pages share (the province
map, the public evidence pages, the disbursement import): the month in a URL, the map's filters and
tiles, a GeoJSON answer, a photo served safely."""

import hashlib
import json
from urllib.parse import urlencode

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified

from monitoring.models import Photo, Status


def check_month(month: int) -> None:
    """A month of the fiscal year in a URL or API path: 1 = ตุลาคม … 12 = กันยายน, else 404."""
    if not 1 <= month <= 12:
        raise Http404("ไม่มีเดือนนี้ (1 = ตุลาคม … 12 = กันยายน)")


def map_filters(request) -> dict:
    raw = request.GET.get("strategy", "")
    status = request.GET.get("status", "")
    return {
        "strategy": int(raw) if raw.isdigit() else None,
        "status": status if status in Status.values else "",
    }


def first_data_url(base: str, filters: dict, orgs=()) -> str:
    """The data URL the map's script asks for first (the filters as the form shows them, in its
    order): the page names it in a preload link, so the download starts while the scripts load."""
    codes = {code for code, _ in orgs}
    pairs = [
        (name, filters.get(name))
        for name in ("org", "strategy", "status")
        if filters.get(name) and (name != "org" or filters[name] in codes)
    ]
    return base + (("&" if "?" in base else "?") + urlencode(pairs) if pairs else "")


def tiles() -> dict:
    return {"tiles": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}


def geojson_body(payload: dict) -> tuple[bytes, str]:
    """The answer's bytes and their ETag."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return body, '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def json_response(payload: dict | tuple[bytes, str], request=None) -> HttpResponse:
    """GeoJSON with an ETag: a map reopened with the same data gets 304 and nothing to download
    (Cache-Control private, no-cache: always asked again, never shared by a proxy). `payload`: a
    dict, or the (body, ETag) of geojson_body kept in the cache (monitoring.mapcache)."""
    body, etag = geojson_body(payload) if isinstance(payload, dict) else payload
    if request is not None and etag in request.headers.get("If-None-Match", ""):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/geo+json; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    return response


def photo_response(photo: Photo, kind: str) -> FileResponse:
    """A photo's file (or its thumbnail) as an image that the browser never runs or sniffs."""
    f = photo.thumbnail if kind == "thumb" else photo.image
    response = FileResponse(f.open("rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response
