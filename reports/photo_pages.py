"""A photo page per completed work, appended to the annual report and แบบที่ 2 on request: the
work's name and place, then its ก่อน / ระหว่าง / หลังดำเนินการ thumbnails, each with the day it was
taken and its position (or "ไม่มีตำแหน่ง"). Two queries whatever the number of works."""

from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from monitoring.models import Photo, Stage, Status
from orgs.models import Organization
from thai.dates import thai_date

PER_STAGE = 2  # thumbnails of each stage on a page (the latest ones)


@dataclass
class Shot:
    path: Path
    when: str
    where: str
    caption: str = ""

    @property
    def uri(self) -> str:
        return self.path.as_uri()


@dataclass
class WorkPhotos:
    name: str
    place: str
    stages: list[tuple[str, list[Shot]]] = field(default_factory=list)


def completed_works_photos(org: Organization, fy: int) -> list[WorkPhotos]:
    """The works of the year marked ดำเนินการแล้วเสร็จ that have at least one public photo, in the
    map's order (strategy, name), each with the latest public photos of every stage. The documents
    these pages go into are published (ITA O12, แบบที่ 2): a photo marked ไม่เผยแพร่ never appears."""
    from monitoring.geo import map_projects

    works = [r for r in map_projects([org.pk], fy, status=Status.DONE, public=True) if r.photos]
    if not works:
        return []
    shots: dict[tuple[int, str], list[Shot]] = {}
    for p in (
        Photo.objects.filter(
            project_year__org=org,
            project_year__fiscal_year=fy,
            project_year__project_id__in=[w.project_id for w in works],
            is_public=True,
        )
        .select_related("project_year")
        .order_by("-taken_at", "-id")
    ):
        key = (p.project_year.project_id, p.stage)
        if len(shots.setdefault(key, [])) >= PER_STAGE:
            continue
        try:
            path = Path(p.thumbnail.path)
        except (ValueError, NotImplementedError):
            continue
        if not path.is_file():
            continue
        where = (
            f"{float(p.latitude):.5f}, {float(p.longitude):.5f}"
            if p.latitude is not None and p.longitude is not None
            else "ไม่มีตำแหน่ง"
        )
        when = thai_date(timezone.localtime(p.taken_at).date(), short=True)
        shots[key].append(Shot(path, when, where, p.caption))
    out = []
    for w in works:
        stages = [
            (label, list(reversed(shots.get((w.project_id, value), []))))
            for value, label in Stage.choices
        ]
        if any(s for _, s in stages):
            out.append(WorkPhotos(w.name, w.place, stages))
    return out


def add_to_docx(d, works: list[WorkPhotos]) -> None:
    """The same pages in a ThaiDocx: a table of three columns (the stages) under each name."""
    from docx.shared import Cm

    from reports.render import docx_run

    for n, w in enumerate(works):
        d.para("ภาพถ่ายผลการดำเนินงาน" if n == 0 else "", bold=True, size=18, page_break=True)
        d.para(w.name, bold=True)
        if w.place:
            d.para(w.place)
        t = d.doc.add_table(rows=2, cols=len(w.stages))
        t.style = "Table Grid"
        for i, (label, shots) in enumerate(w.stages):
            docx_run(t.rows[0].cells[i].paragraphs[0], label, size=14, bold=True)
            cell = t.rows[1].cells[i]
            if not shots:
                docx_run(cell.paragraphs[0], "ไม่มีภาพ", size=13)
            for s in shots:
                cell.add_paragraph().add_run().add_picture(str(s.path), width=Cm(4.8))
                docx_run(cell.add_paragraph(), f"{s.when} · {s.where}", size=12)
