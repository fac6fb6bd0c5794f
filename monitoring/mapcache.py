"""The maps' GeoJSON kept built, in the project's cache (Django's cache framework).

A map's answer (its bytes and ETag) is kept under a key made of what it shows — the map (the
province's, an org's, the public one), the org or province, the fiscal year, the filters — and of
the province's map version (orgs.versions: a counter in the database that every write to what a
map shows moves on, after its commit). A write therefore never leaves a stale map behind, in any
process: the next request reads the new version (one indexed query) and builds the map again; the
old answers are no longer asked for and leave the cache by its own expiry. The date is part of
the key too: a transfer or an edition effective from a date changes the map on that day.

bench/bench_map.py measures a map from the cache against the first (cold) request."""

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from monitoring.web import geojson_body, json_response
from orgs.versions import province_version

FORMAT = 1  # the payload's shape: a new shape is never read from an old entry
TIMEOUT = 60 * 60  # an answer leaves the cache an hour after it was built (also the bound for a
# write made outside the services, or a bump that failed after its commit: it is logged)


def map_key(province_id: int, parts: tuple) -> str:
    version = province_version(province_id)
    raw = repr((FORMAT, province_id, version, timezone.localdate().isoformat(), parts))
    return "tidtam:map:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def map_response(
    request, province_id: int, parts: tuple, build: Callable[[], dict], *, conditional=True
) -> HttpResponse:
    """The map's GeoJSON from the cache, or built by `build()` and kept; with an ETag (304 when
    the browser has it already, if `conditional`)."""
    key = map_key(province_id, parts)
    kept = cache.get(key)
    if kept is None:
        kept = geojson_body(build())
        cache.set(key, kept, TIMEOUT)
    return json_response(kept, request if conditional else None)
