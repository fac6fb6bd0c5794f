"""Precision and recall of the duplicate detector on a labelled set.

Builds the demo province (deterministic) and takes its FY2569 projects as the detector sees them.
The generator reuses a short list of village names, so first every site name is made specific to
its org (real neighbours rarely share a village or creek name); then N projects on a physical site
are planted into a neighbouring org, each paraphrased the way officers actually write (คสล. ↔
คอนกรีตเสริมเหล็ก, "โครงการ" added or dropped, another หมู่ที่, ม. for หมู่ที่, a dash or a space, the
budget ±15 %). The planted pairs are the positives; every other pair the detector reports is a
false positive. Prints precision and recall at several thresholds.

Places: every org gets a centre in the province and each of its works a point within ~4 km of it;
70 % of the planted copies carry the source's point (±40 m: the two orgs pinned the same spot),
and a quarter of those name the site another way (only the place can tell); 30 % have no point.
Decoys: works of a neighbour with the same name as one of ours but 6–15 km away (another road of
the same name) are negatives. The table is printed with and without distance in the score.

    .venv/bin/python bench/bench_duplicates.py [--planted 80] [--decoys 40]
"""

import argparse
import os
import random
import re
import sys
import tempfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PREFIXES = ["หนอง", "โนน", "โคก", "ดอน", "นา", "ห้วย", "สระ", "หัว", "ป่า", "เหล่า", "คำ", "บุ่ง"]
SUFFIXES = [
    "แวง",
    "สูง",
    "งาม",
    "ทอง",
    "บัว",
    "ไผ่",
    "ยาง",
    "แดง",
    "ขาม",
    "คูณ",
    "เต่า",
    "ม่วง",
    "จาน",
    "พอก",
    "กุง",
    "หว้า",
    "เขื่อง",
    "ตะคร้อ",
    "สะแบง",
    "อีเลิง",
    "กระทุ่ม",
    "ตาล",
    "แก",
    "จิก",
]


def paraphrase(name: str, rng: random.Random) -> str:
    text = name
    if "คสล." in text and rng.random() < 0.7:
        text = text.replace("คสล.", "คอนกรีตเสริมเหล็ก")
    elif "คอนกรีตเสริมเหล็ก" in text and rng.random() < 0.7:
        text = text.replace("คอนกรีตเสริมเหล็ก", "คสล.")
    text = (
        text[len("โครงการ") :]
        if text.startswith("โครงการ")
        else ("โครงการ" + text if rng.random() < 0.5 else text)
    )
    text = re.sub(
        r"หมู่ที่\s*\d+", lambda _: rng.choice(["หมู่ที่ ", "ม."]) + str(rng.randint(1, 15)), text
    )
    if rng.random() < 0.4:
        text = text.replace(" ", "", 1)
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--planted", type=int, default=80)
    parser.add_argument("--decoys", type=int, default=40)
    parser.add_argument("--show", action="store_true", help="print the false positives at 0.55")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="tidtam-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tidtam.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from orgs.models import Organization
    from province.duplicates import find_pairs, is_asset
    from province.duplicates import places as sites
    from tidtam.demo.generate import Generator

    province = Generator(seed=2568, log=lambda *_: None).province()
    from province.duplicates import candidates

    items = candidates(province.pk, 2569)
    rng = random.Random(80)
    places: dict[tuple[int, str], str] = {}
    pool = [
        p + s + t
        for p in PREFIXES
        for s in SUFFIXES
        for t in ("", "น้อย", "ใหญ่", "เหนือ", "ใต้", "พัฒนา")
    ]
    rng.shuffle(pool)  # every site of every org gets its own name: no accidental twins

    markers = ("ลำห้วย", "บ้าน", "ห้วย", "คลอง", "ชุมชน", "วัด", "โรงเรียน")

    def specific(c):
        """Rename each site the detector sees to a name unique to this org's site."""
        name = c.name
        for site in sorted(sites(c.name), key=len, reverse=True):
            key = (c.org_id, site)
            if key not in places:
                places[key] = pool.pop()
            bare = site[len(next(m for m in markers if site.startswith(m))) :]
            name = name.replace(bare, places[key])
        return replace(c, name=name)

    items = [specific(c) for c in items]
    orgs = {o.pk: o for o in Organization.objects.filter(province=province)}
    neighbours = {}
    for o in orgs.values():
        neighbours[o.pk] = [
            p.pk
            for p in orgs.values()
            if p.pk != o.pk and p.district_id == o.district_id and o.district_id
        ]
    centres = {pk: (14.4 + rng.random() * 1.4, 101.3 + rng.random() * 1.8) for pk in orgs}

    def near(point, metres):
        lat, lng = point
        return (
            lat + rng.uniform(-1, 1) * metres / 111_000,
            lng + rng.uniform(-1, 1) * metres / 107_000,
        )

    items = [
        replace(
            c, **dict(zip(("latitude", "longitude"), near(centres[c.org_id], 4000), strict=True))
        )
        for c in items
    ]
    assets = [c for c in items if is_asset(c.name) and neighbours.get(c.org_id)]
    planted = set()
    next_id = 10**9
    renamed = 0
    for source in rng.sample(assets, min(args.planted, len(assets))):
        other = rng.choice(neighbours[source.org_id])
        name = paraphrase(source.name, rng)
        point = (None, None)
        if rng.random() < 0.7:
            point = near((source.latitude, source.longitude), 40)
            if rng.random() < 0.25:  # the neighbour names the same spot after another landmark
                for site in sites(name):
                    name = name.replace(site, "บ้าน" + pool.pop())
                renamed += 1
        copy = replace(
            source,
            project_id=next_id,
            org_id=other,
            org_name=orgs[other].name,
            name=name,
            latitude=point[0],
            longitude=point[1],
            amount=(source.amount * Decimal(rng.uniform(0.85, 1.15))).quantize(Decimal(1000)),
        )
        items.append(copy)
        planted.add(frozenset((source.project_id, next_id)))
        next_id += 1
    for source in rng.sample(assets, min(args.decoys, len(assets))):  # same name, far away
        other = rng.choice(neighbours[source.org_id])
        far = near((source.latitude, source.longitude), 1)
        bearing = rng.choice([(1, 0), (0, 1), (-1, 0), (0, -1)])
        km = rng.uniform(6, 15)
        far = (far[0] + bearing[0] * km / 111, far[1] + bearing[1] * km / 107)
        items.append(
            replace(
                source,
                project_id=next_id,
                org_id=other,
                org_name=orgs[other].name,
                name=paraphrase(source.name, rng),
                latitude=far[0],
                longitude=far[1],
            )
        )
        next_id += 1
    print(
        f"{len(items):,} projects in FY2569 plans, {len(assets):,} on a physical site with a"
        f" neighbour, {len(planted)} duplicates planted ({renamed} naming the spot differently),"
        f" {args.decoys} same-name decoys 6–15 km away"
    )
    summary = {}
    for label, use in (("name + distance", True), ("name only", False)):
        print(f"\n{label}\nthreshold  reported  true  precision  recall")
        for threshold in (0.40, 0.50, 0.55, 0.65, 0.75):
            found = {
                frozenset((a.project_id, b.project_id))
                for a, b, _, _ in find_pairs(items, threshold, use_distance=use)
            }
            tp = len(found & planted)
            precision = tp / len(found) if found else 0
            recall = tp / len(planted)
            if threshold == 0.55:
                summary[label] = (precision, recall)
            print(f"  {threshold:.2f}     {len(found):6}  {tp:5}  {precision:8.1%}  {recall:6.1%}")
    (pd, rd), (pn, rn) = summary["name + distance"], summary["name only"]
    print(f"\nat 0.55: precision {pn:.1%} → {pd:.1%}, recall {rn:.1%} → {rd:.1%} with distance")
    if args.show:
        reported = find_pairs(items, 0.55)
        for a, b, v, _ in reported:
            if frozenset((a.project_id, b.project_id)) not in planted:
                print(f"false positive {v:.2f} {a.name} || {b.name}")
        hits = {frozenset((a.project_id, b.project_id)) for a, b, _, _ in reported}
        by_id = {c.project_id: c for c in items}
        for pair in planted - hits:
            a, b = (by_id[i] for i in sorted(pair))
            print(f"missed: {a.name} [{a.org_name}] || {b.name} [{b.org_name}]")


if __name__ == "__main__":
    main()
