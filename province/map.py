"""The province map's own layer: suspected duplicate pairs drawn as lines between the two works."""

from monitoring.geo import MapProject


def duplicate_links(province_id: int, fiscal_year: int, located: dict[int, MapProject]) -> list:
    """The province's suspected duplicate pairs whose two works both have a point: lines."""
    from province.models import DuplicatePair, Verdict

    out = []
    for a, b, score in (
        DuplicatePair.objects.filter(
            fiscal_year=fiscal_year, project_a__plan__org__province_id=province_id
        )
        .exclude(verdict=Verdict.NOT_DUPLICATE)
        .values_list("project_a_id", "project_b_id", "score")
    ):
        pa, pb = located.get(a), located.get(b)
        if pa is None or pb is None:
            continue
        out.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [[pa.longitude, pa.latitude], [pb.longitude, pb.latitude]],
                },
                "properties": {
                    "kind": "duplicate",
                    "score": f"{score:.2f}",
                    "a": pa.name,
                    "b": pb.name,
                    "a_org": pa.org_name,
                    "b_org": pb.org_name,
                },
            }
        )
    return out
