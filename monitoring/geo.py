"""Reads for the map: every tracked project of the year of some orgs with its place, status,
money and photos, in a fixed number of grouped queries whatever the number of orgs (bench/
bench_map.py), shaped as GeoJSON. The province outline is a shipped file when there is one
(tidtam/static/geo/province-<code>.geojson), else the hull of the province's points."""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db.models import Count, FloatField, Max, Q, Sum
from django.db.models.functions import Cast

from monitoring.models import Photo, ProjectYear, Stage, Status
from orgs.models import Organization
from plans.models import ActionPlanItem, BudgetMovement, Plan, ProjectPlace
from plans.models.rules import effective_by
from plans.places import subdistrict_label
from plans.selectors import approved_versions_on, current_action_plans, year_as_of

STATUS_COLOURS: dict[str, str] = {
    Status.NOT_STARTED: "#7b818c",
    Status.IN_PROGRESS: "#d98e04",
    Status.DONE: "#1e8a4c",
    Status.CANCELLED: "#c0392b",
}


@dataclass
class MapProject:
    project_id: int
    org_id: int
    org_code: str = ""
    org_name: str = ""
    name: str = ""
    strategy: int | None = None
    strategy_name: str = ""
    budget: Decimal = Decimal(0)
    disbursed: Decimal = Decimal(0)
    progress: int = 0
    status: str = Status.NOT_STARTED
    latitude: float | None = None
    longitude: float | None = None
    place: str = ""
    photos: int = 0
    after_photos: int = 0
    photo_id: int | None = None  # the latest photo, for a thumbnail
    extra: dict = field(default_factory=dict)

    @property
    def located(self) -> bool:
        return self.latitude is not None


def map_projects(
    org_ids: list[int],
    fiscal_year: int,
    *,
    strategy: int | None = None,
    status: str = "",
    public: bool = False,
    brief: bool = False,
) -> list[MapProject]:
    """Projects budgeted (or in the action plan) in the year, of these orgs (7 queries; `brief`:
    what the markers need — point, status, org — in 5, without places' names and photos)."""
    rows: dict[int, MapProject] = {}
    # the effective budget (lines and transfers effective by now): the shared rule
    moved = BudgetMovement.objects.filter(
        effective_by(year_as_of(fiscal_year)), org_id__in=org_ids, fiscal_year=fiscal_year
    )
    grouped = moved.values("project_id").annotate(
        oid=Max("org_id"), lines=Count("id", filter=Q(kind="line"))
    )
    if brief:  # a marker needs no money: no sum, no decimals to convert
        for pid, oid in grouped.filter(lines__gt=0).values_list("project_id", "oid"):
            rows[pid] = MapProject(pid, oid)
    for pid, oid, budget in (
        grouped.annotate(b=Sum("amount")).filter(lines__gt=0).values_list("project_id", "oid", "b")
        if not brief
        else ()
    ):
        rows[pid] = MapProject(pid, oid, budget=budget or Decimal(0))
    for pid, oid in (
        ActionPlanItem.objects.filter(
            action_plan__in=current_action_plans(org_ids, fiscal_year), project__isnull=False
        )
        .values_list("project_id", "action_plan__org_id")
        .distinct()
    ):
        rows.setdefault(pid, MapProject(pid, oid))
    if not rows:
        return []
    in_orgs = Q(project__plan__org_id__in=org_ids)
    for pid, name, number, sname in (
        approved_versions_on(year_as_of(fiscal_year))
        .filter(plan_id__in=Plan.objects.filter(org_id__in=org_ids).values("pk"))
        .values_list("project_id", "version__name", "strategy__number", "strategy__name")
    ):  # the plan as approved (the shared rule)
        r = rows.get(pid)
        if r is not None:
            r.name, r.strategy, r.strategy_name = name, number, sname
    years = ProjectYear.objects.filter(org_id__in=org_ids, fiscal_year=fiscal_year)
    for pid, st, progress, paid in (
        years.values_list("project_id", "status", "progress", "disbursed")
        if not brief
        else ((pid, st, 0, Decimal(0)) for pid, st in years.values_list("project_id", "status"))
    ):
        if pid in rows:
            r = rows[pid]
            r.status, r.progress, r.disbursed = st, progress, paid
    for pid, lat, lng, code, moo in ProjectPlace.objects.filter(in_orgs).values_list(
        "project_id",
        Cast("latitude", FloatField()),
        Cast("longitude", FloatField()),
        "subdistrict_code",
        "village_no",
    ):
        if pid in rows:
            r = rows[pid]
            r.latitude, r.longitude = lat, lng
            if not brief:
                r.place = subdistrict_label(code, moo)
    if brief:
        return _finish(rows, org_ids, strategy, status, names=False)
    photos = Photo.objects.filter(
        project_year__org_id__in=org_ids, project_year__fiscal_year=fiscal_year
    )
    if public:
        photos = photos.filter(is_public=True)
    for pid, n, after, last, last_after in (
        photos.values("project_year__project_id")
        .annotate(
            n=Count("id"),
            after=Count("id", filter=Q(stage=Stage.AFTER)),
            last=Max("id"),
            last_after=Max("id", filter=Q(stage=Stage.AFTER)),
        )
        .values_list("project_year__project_id", "n", "after", "last", "last_after")
    ):
        if pid in rows:
            r = rows[pid]
            r.photos, r.after_photos = n, after
            # a completed work is shown by its หลังดำเนินการ photo when it has one
            r.photo_id = last_after if r.status == Status.DONE and last_after else last
    return _finish(rows, org_ids, strategy, status)


def _finish(rows, org_ids, strategy, status, *, names=True) -> list[MapProject]:
    orgs = {
        pk: (code, name)
        for pk, code, name in Organization.objects.filter(id__in=org_ids).values_list(
            "id", "code", "name"
        )
    }
    out = []
    for r in rows.values():
        if not r.name:  # a project whose only version is not current (removed): not on the map
            continue
        if strategy is not None and r.strategy != strategy:
            continue
        if status and r.status != status:
            continue
        r.org_code, r.org_name = orgs.get(r.org_id, ("", ""))
        out.append(r)
    if not names:
        return sorted(out, key=lambda r: r.project_id)
    return sorted(out, key=lambda r: (r.org_name, r.strategy or 0, r.name))


STATUS_LABELS = {s.value: s.label for s in Status}


def feature(r: MapProject, *, url: str = "", photo: str = "", full: bool = False) -> dict:
    """One work as a GeoJSON Feature. The map's own data is compact (org names and status
    labels/colours once, in the collection); `full` repeats them in every feature, for open data
    read by GIS programs."""
    props = {
        "project_id": r.project_id,
        "name": r.name,
        "org": r.org_code,
        "strategy": r.strategy,
        "status": r.status,
        "budget": f"{r.budget:.2f}",
        "disbursed": f"{r.disbursed:.2f}",
        "progress": r.progress,
        "place": r.place,
        "photos": r.photos,
        "after_photos": r.after_photos,
    }
    if full:
        props.update(url=url, photo=photo)
    if full:
        props.update(
            org_name=r.org_name,
            status_label=STATUS_LABELS[r.status],
            colour=STATUS_COLOURS[r.status],
        )
    return {
        "type": "Feature",
        "id": r.project_id,
        "geometry": (
            {"type": "Point", "coordinates": [r.longitude, r.latitude]} if r.located else None
        ),
        "properties": props,
    }


def outline(province, points: list[tuple[float, float]]) -> dict | None:
    """The province's outline: a shipped GeoJSON if there is one, else the convex hull of the
    points widened by a margin (a box round one or two points); None without either."""
    shipped = (
        Path(settings.BASE_DIR) / "tidtam" / "static" / "geo" / f"province-{province.code}.geojson"
    )
    if shipped.exists():
        return json.loads(shipped.read_text(encoding="utf-8"))
    if not points:
        return None
    ring = _hull(points)
    if len(ring) < 3:
        (lng, lat) = ring[0]
        ring = [
            (lng - 0.05, lat - 0.05),
            (lng + 0.05, lat - 0.05),
            (lng + 0.05, lat + 0.05),
            (lng - 0.05, lat + 0.05),
        ]
    cx = sum(x for x, _ in ring) / len(ring)
    cy = sum(y for _, y in ring) / len(ring)
    grown = [
        (cx + (x - cx) * 1.15 + _sign(x - cx) * 0.03, cy + (y - cy) * 1.15 + _sign(y - cy) * 0.03)
        for x, y in ring
    ]
    coords = [[round(x, 5), round(y, 5)] for x, y in [*grown, grown[0]]]
    return {
        "type": "Feature",
        "properties": {"name": province.name, "derived": True},
        "geometry": {"type": "Polygon", "coordinates": [coords]},
    }


def _sign(v: float) -> float:
    return (v > 0) - (v < 0)


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Convex hull (monotone chain) of (lat, lng) points, as (lng, lat) pairs."""
    pts = sorted({(float(lng), float(lat)) for lat, lng in points})
    if len(pts) <= 2:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def province_outline(province) -> dict | None:
    """The outline of outline(), kept under a fingerprint of the province's pins (how many, the
    latest change: one query): a map built again after a month's save does not draw it again,
    a new or cleared pin does."""
    from django.core.cache import cache

    from plans.models.places import outline_cache_key

    pins = ProjectPlace.objects.filter(project__plan__org__province_id=province.pk)
    n, latest = pins.aggregate(n=Count("pk"), at=Max("updated_at")).values()
    key = f"{outline_cache_key(province.pk)}:{n}:{latest.isoformat() if latest else ''}"
    shape = cache.get(key)
    if shape is None:
        points = list(
            pins.filter(latitude__isnull=False).values_list(
                Cast("latitude", FloatField()), Cast("longitude", FloatField())
            )
        )
        shape = outline(province, points) or {}
        cache.set(key, shape, 600)
    return shape or None


def by_status(rows: list[MapProject]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r.status] += 1
    return {s: counts.get(s, 0) for s in Status.values}


ORG, PK, PHOTO = "__org__", 987654321, 987654322


@dataclass(frozen=True)
class UrlMaker:
    """MapProject → URL by filling a reversed URL's placeholders; `template` goes to the page."""

    template: str

    def __call__(self, r: MapProject) -> str:
        return self.template.format(r.org_code, r.project_id, r.photo_id)


def url_maker(url_name: str, *args) -> UrlMaker:
    """A function MapProject → URL that reverses once (a map may carry 10,000 links); the args
    hold the placeholders ORG (org code), PK (project id) and PHOTO (latest photo id)."""
    from django.urls import reverse

    template = (
        reverse(url_name, args=args)
        .replace("{", "{{")
        .replace("}", "}}")
        .replace(ORG, "{0}")
        .replace(str(PK), "{1}")
        .replace(str(PHOTO), "{2}")
    )
    return UrlMaker(template)


def collection(
    rows: list[MapProject], *, url=None, photo=None, outline_=None, links=(), full=False
) -> dict:
    """GeoJSON FeatureCollection of the located works (+ foreign members: counts, outline, org
    names, status labels/colours). `url`/`photo` are url_maker functions: the compact form sends
    their templates once ({0} org code, {1} project id, {2} photo id); `full` puts the links in
    every feature."""
    located = [r for r in rows if r.located]
    features = [
        feature(
            r,
            url=url(r) if url and full else "",
            photo=photo(r) if photo and full and r.photo_id else "",
            full=full,
        )
        for r in located
    ]
    if not full:
        for f, r in zip(features, located, strict=True):
            f["properties"]["photo_id"] = r.photo_id
    return {
        "type": "FeatureCollection",
        "features": [*features, *links],
        "total": len(rows),
        "unlocated": len(rows) - len(located),
        "by_status": by_status(rows),
        "outline": outline_,
        "orgs": {r.org_code: r.org_name for r in rows},
        "statuses": {s: [STATUS_LABELS[s], STATUS_COLOURS[s]] for s in Status.values},
        "url_template": getattr(url, "template", "") if not full else "",
        "photo_template": getattr(photo, "template", "") if not full else "",
    }


STATUS_ORDER = list(Status.values)


def markers(rows: list[MapProject], *, detail=None, outline_=None, links=()) -> dict:
    """The map's own data: a GeoJSON FeatureCollection whose features carry only what a marker
    needs — the point (5 decimals, about 1 m), "s" the status (index in `statuses`) and "o" the
    org (index in `org_codes`); the popup's details come from `detail_template` on click
    ({0} org code, {1} project id). About 90 bytes a work instead of 380."""
    codes = sorted({r.org_code for r in rows})
    org_index = {c: i for i, c in enumerate(codes)}
    status_index = {s: i for i, s in enumerate(STATUS_ORDER)}
    located = [r for r in rows if r.located]
    features = [
        {
            "type": "Feature",
            "id": r.project_id,
            "geometry": {
                "type": "Point",
                "coordinates": [round(r.longitude, 5), round(r.latitude, 5)],  # type: ignore[arg-type]
            },
            "properties": {"s": status_index[r.status], "o": org_index[r.org_code]},
        }
        for r in located
    ]
    return {
        "type": "FeatureCollection",
        "features": [*features, *links],
        "total": len(rows),
        "unlocated": len(rows) - len(located),
        "by_status": by_status(rows),
        "outline": outline_,
        "org_codes": codes,
        "orgs": {r.org_code: r.org_name for r in rows},
        "statuses": [[s, STATUS_LABELS[s], STATUS_COLOURS[s]] for s in STATUS_ORDER],
        "detail_template": getattr(detail, "template", ""),
    }


def org_area(org) -> dict:
    """Where a map with nothing on it yet opens for an org: the box of its own pinned projects,
    else of its province's outline (as the province map draws it), with that outline; {} when the
    province has no outline and no pin at all (2 queries, the outline from cache)."""
    own = list(
        ProjectPlace.objects.filter(project__plan__org=org, latitude__isnull=False).values_list(
            Cast("latitude", FloatField()), Cast("longitude", FloatField())
        )
    )
    shape = province_outline(org.province)
    if own:
        lats, lngs = [la for la, _ in own], [lo for _, lo in own]
    elif shape:
        ring = [pt for part in _rings(shape.get("geometry") or {}) for pt in part]
        lngs, lats = [lo for lo, _ in ring], [la for _, la in ring]
    else:
        return {}
    return {"bounds": [[min(lats), min(lngs)], [max(lats), max(lngs)]], "outline": shape}


def _rings(geometry: dict) -> list[list[list[float]]]:
    """The (lng, lat) rings of a Polygon or MultiPolygon."""
    coords = geometry.get("coordinates") or []
    if geometry.get("type") == "Polygon":
        return coords
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in coords for ring in polygon]
    return []
