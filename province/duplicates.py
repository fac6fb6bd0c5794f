"""Duplicated or overlapping projects across neighbouring orgs.

Names are cut into Thai words with PyThaiNLP (newmm) after expanding common abbreviations
(คสล. → คอนกรีตเสริมเหล็ก, ม. → หมู่ที่). Two projects are compared when they are in the same program
and their orgs are neighbours (same district, or one of them is the อบจ.). The score is a weighted
Jaccard of the two word sets, each word weighted by its rarity in the province (IDF), damped when
the shared words carry little information — two "จัดงานวันเด็กแห่งชาติ" in two towns are the usual
annual event, not a duplicate; two "ถนน คสล. สายบ้านหนองแวง" are worth a look.

Where both works have a point (ProjectPlace), distance is the strongest signal: two orgs' works
on the same spot (≤ NEAR_M) are compared even when their names name the site differently, and
get a bonus; works far apart (> FAR_M) with the same site name are two different works, damped.
"""

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from django.db import transaction
from django.utils import timezone

from orgs.models import OrgType
from orgs.versions import touch_org, touch_province
from plans.models import ProjectBudget

ABBREVIATIONS = [
    (r"ค\.?ส\.?ล\.?", "คอนกรีตเสริมเหล็ก"),
    (r"\bม\.\s*(\d+)", r"หมู่ที่ \1"),
    (r"\bถ\.", "ถนน"),
    (r"ร\.ร\.", "โรงเรียน"),
    (r"ศพด\.?", "ศูนย์พัฒนาเด็กเล็ก"),
    (r"อสม\.?", "อาสาสมัครสาธารณสุข"),
]
STOP = {"โครงการ", "หมู่", "ที่", "และ", "การ", "ของ", "ใน", "เพื่อ", "จัด", "ทำ", "สาย", "บ้าน", "หมู่ที่"}
# Only works on a physical site can be the same work funded twice; recurring activities with the
# same name (lunch for a child centre, Children's Day) are each org's own.
ASSET_WORDS = {
    "ก่อสร้าง",
    "ปรับปรุง",
    "ซ่อมแซม",
    "ซ่อมสร้าง",
    "ขุดลอก",
    "วางท่อ",
    "ขยายเขต",
    "ติดตั้ง",
    "เสริมผิว",
    "บุกเบิก",
    "ขุด",
    "สร้าง",
    "วาง",
}
GENERIC = ASSET_WORDS | {
    "ถนน",
    "คอนกรีตเสริมเหล็ก",
    "ลูกรัง",
    "แอสฟัลท์",
    "ติก",
    "ท่อ",
    "ระบาย",
    "น้ำ",
    "ประปา",
    "ไฟฟ้า",
    "ราง",
    "รางระบายน้ำ",
    "ลำห้วย",
    "สะพาน",
    "หนอง",
    "อาคาร",
}
THRESHOLD = 0.55
NEAR_M, CLOSE_M, FAR_M = 150, 1000, 5000  # metres
INFORMATION = 9.0  # total rarity the shared words must carry before a match counts in full


def normal(name: str) -> str:
    """Abbreviations expanded; "โครงการ" dropped (glued to the next word it confuses the word
    cutter: โครงการปรับปรุง → โครง|การปรับปรุง); หมู่บ้าน kept apart from a following บ้าน…"""
    text = name.replace("โครงการ", " ").replace("หมู่บ้าน", " หมู่บ้าน ")
    for pattern, replacement in ABBREVIATIONS:
        text = re.sub(pattern, replacement, text)
    return text


@lru_cache(maxsize=50_000)
def words(name: str) -> frozenset[str]:
    from pythainlp.tokenize import word_tokenize

    text = re.sub(r"[0-9๐-๙]+", " ", normal(name))
    tokens = word_tokenize(text, engine="newmm", keep_whitespace=False)
    return frozenset(t for t in (t.strip(" .,()-/") for t in tokens) if t and t not in STOP)


@dataclass
class Candidate:
    project_id: int
    org_id: int
    org_name: str
    district_id: int | None
    is_pao: bool
    program_id: int
    name: str
    amount: Decimal
    latitude: float | None = None
    longitude: float | None = None

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def distance(a: Candidate, b: Candidate) -> float | None:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None  # not both located
    from thai.geo import distance_m

    return distance_m((a.latitude, a.longitude), (b.latitude, b.longitude))


def candidates(province_id: int, fy: int) -> list[Candidate]:
    """Projects of the year's plans (approved, with a budget that year) in the province (1
    query)."""
    rows = ProjectBudget.objects.filter(
        year=fy,
        amount__gt=0,
        version__removed=False,
        version__valid_until_seq__isnull=True,
        version__plan__org__province_id=province_id,
    ).values_list(
        "version__project_id",
        "version__plan__org_id",
        "version__plan__org__name",
        "version__plan__org__district_id",
        "version__plan__org__org_type",
        "version__program_id",
        "version__name",
        "amount",
        "version__project__place__latitude",
        "version__project__place__longitude",
    )
    return [
        Candidate(
            p,
            o,
            on,
            d,
            t == OrgType.PAO,
            prog,
            n,
            a,
            float(lat) if lat is not None else None,
            float(lng) if lng is not None else None,
        )
        for p, o, on, d, t, prog, n, a, lat, lng in rows
    ]


# "บ้าน" followed by these is a house, not a village: ซ่อมแซมบ้านผู้ยากไร้, บ้านพักครู …
NOT_A_PLACE = ("ผู้", "พัก", "เรือน", "เช่า", "มั่นคง", "ท้องถิ่น", "ของ", "และ", "ให้", "เพื่อ", "ตัวอย่าง")
PLACE = re.compile(
    r"(บ้าน|ลำห้วย|ห้วย|คลอง|ชุมชน|วัด|โรงเรียน)([^\s\d()–\-,]+?)(?=หมู่|ม\.|[\s\d()–\-,]|$)"
)


@lru_cache(maxsize=50_000)
def places(name: str) -> frozenset[str]:
    """Named sites in a project name: บ้านหนองแวง, ลำห้วยโคกสูง … (the same site is the same
    string)."""
    return frozenset(
        m.group(1) + m.group(2)
        for m in PLACE.finditer(normal(name))
        if not m.group(2).startswith(NOT_A_PLACE)
    )


def is_asset(name: str, located: bool = False) -> bool:
    """A work on a physical site: an asset word and a named site (or a point on the map)."""
    return bool(words(name) & ASSET_WORDS) and (located or bool(places(name)))


def score(
    a: Candidate, b: Candidate, idf: dict[str, float], *, use_distance: bool = True
) -> tuple[float, str]:
    metres = distance(a, b) if use_distance else None
    same_site = places(a.name) & places(b.name)
    near = metres is not None and metres <= NEAR_M
    if not same_site and not near:  # the same kind of work elsewhere is not a duplicate
        return 0.0, ""
    wa, wb = words(a.name), words(b.name)
    shared = wa & wb
    inter = sum(idf[w] for w in shared)
    union = sum(idf[w] for w in wa | wb)
    value = (inter / union) * min(1.0, inter / INFORMATION)
    reasons = [
        f"ชื่อคล้ายกัน (คำร่วม: {' '.join(sorted(shared, key=lambda w: -idf[w])[:4])})",
        "แผนงานเดียวกัน",
    ]
    reasons.append(
        "อำเภอเดียวกัน"
        if a.district_id and a.district_id == b.district_id
        else "อบจ. กับ อปท. ในจังหวัด"
    )
    if (
        a.amount
        and b.amount
        and abs(a.amount - b.amount) / max(a.amount, b.amount) <= Decimal("0.2")
    ):
        value = min(1.0, value + 0.05)
        reasons.append("งบประมาณใกล้เคียงกัน")
    if metres is not None:
        if near and shared & (GENERIC - ASSET_WORDS):  # the same kind of thing on the same spot
            value = min(1.0, max(value, 0.3) + 0.35)
            reasons.append(f"ตำแหน่งเดียวกัน (ห่างกัน {metres:,.0f} ม.)")
        elif metres <= CLOSE_M:
            value = min(1.0, value + 0.1)
            reasons.append(f"ตำแหน่งใกล้กัน (ห่างกัน {metres:,.0f} ม.)")
        elif metres > FAR_M:
            value *= 0.4
            reasons.append(f"แต่ตำแหน่งห่างกัน {metres / 1000:,.1f} กม.")
    return value, " · ".join(reasons)


def find_pairs(
    items: list[Candidate], threshold: float = THRESHOLD, *, use_distance: bool = True
) -> list[tuple[Candidate, Candidate, float, str]]:
    docs = Counter(w for c in items for w in words(c.name))
    n = max(len(items), 1)
    idf = {w: math.log(1 + n / df) for w, df in docs.items()}
    blocks: dict[int, list[Candidate]] = defaultdict(list)
    for c in items:
        if is_asset(c.name, located=use_distance and c.located):
            blocks[c.program_id].append(c)
    found = []
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if a.org_id == b.org_id:
                    continue
                if not (a.is_pao or b.is_pao or (a.district_id and a.district_id == b.district_id)):
                    continue
                value, reason = score(a, b, idf, use_distance=use_distance)
                if value >= threshold:
                    found.append((a, b, value, reason))
    return _one_per_pao_project(sorted(found, key=lambda f: -f[2]))


def _one_per_pao_project(found):
    """An อบจ. project is built in one place: keep only its closest counterpart (the best score),
    not a pair with every อปท. that has a village of that name."""
    taken: set[int] = set()
    kept = []
    for a, b, value, reason in found:  # best first
        pao = a if a.is_pao else b if b.is_pao else None
        if pao is not None and not (a.is_pao and b.is_pao):
            if pao.project_id in taken:
                continue
            taken.add(pao.project_id)
        kept.append((a, b, value, reason))
    return kept


@transaction.atomic
def refresh(province_id: int, fy: int) -> int:
    """Recompute the province's pairs; verdicts already given are kept (remembered)."""
    from province.models import DuplicatePair

    pairs = find_pairs(candidates(province_id, fy))
    now = timezone.now()
    for a, b, value, reason in pairs:
        lo, hi = sorted((a.project_id, b.project_id))
        DuplicatePair.objects.update_or_create(
            project_a_id=lo,
            project_b_id=hi,
            defaults={
                "fiscal_year": fy,
                "score": Decimal(f"{value:.3f}"),
                "reason": reason,
                "seen_at": now,
            },
        )
    touch_province(province_id)  # the province map draws the pairs (orgs.versions)
    return len(pairs)


@transaction.atomic
def judge(*, pair, verdict: str, user):
    from province.models import Verdict

    if verdict not in Verdict.values:
        raise ValueError(verdict)
    pair.verdict, pair.decided_by, pair.decided_at = verdict, user, timezone.now()
    pair.save(update_fields=["verdict", "decided_by", "decided_at"])
    touch_org(pair.project_a.plan.org_id)  # a pair judged not a duplicate leaves the map
    return pair
