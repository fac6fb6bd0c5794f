"""Sub-districts of a province from the geothai dataset (codes and Thai names; no coordinates)."""

from functools import lru_cache

import geothai


@lru_cache(maxsize=128)
def subdistrict_choices(province_code: str) -> list[tuple[str, str]]:
    """(code, "ต.… อ.…") of every sub-district of the province, by district then name."""
    districts = geothai.districts(province_code) if geothai.province(province_code) else []
    return [
        (s.code, f"ต.{s.name_th} อ.{d.name_th}")
        for d in districts
        for s in geothai.subdistricts(d.code)
    ]


def subdistrict_label(code: str, village_no: int | None = None) -> str:
    if not code:
        return f"หมู่ที่ {village_no}" if village_no else ""
    s = geothai.subdistrict(code)
    if s is None:
        return code
    d = geothai.district(s.district_code)
    moo = f"หมู่ที่ {village_no} " if village_no else ""
    p = geothai.province(s.province_code)
    return f"{moo}ต.{s.name_th} อ.{d.name_th if d else ''} จ.{p.name_th if p else ''}"
