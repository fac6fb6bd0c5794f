"""The org's own details on its documents: the emblem, who signs (the reporter of the planning
division and the executive, by name and title) and the heading with อำเภอ/จังหวัด."""

from dataclasses import dataclass
from pathlib import Path

from orgs.models import Division, Organization

DOTS = "..................................................."


@dataclass(frozen=True)
class Signer:
    name: str  # "" when not recorded: the form leaves the dotted line to be written in
    title: str
    role: str = ""  # ผู้รายงาน, after the signature line

    def lines(self) -> list[str]:
        return [f"(ลงชื่อ){DOTS}{self.role}", f"({self.name or DOTS})", f"ตำแหน่ง {self.title}"]


def executive(org: Organization) -> Signer:
    return Signer(org.executive_name, org.executive_position)


def reporter(org: Organization) -> Signer:
    """The head of the planning division when recorded, else the planning officer."""
    division = (
        Division.objects.filter(pk=org.planning_division_id).first()
        if org.planning_division_id
        else None
    )
    if division and division.head_name:
        return Signer(division.head_name, division.head_title or f"หัวหน้า{division.name}", "ผู้รายงาน")
    return Signer("", "นักวิเคราะห์นโยบายและแผน", "ผู้รายงาน")


def emblem_path(org: Organization) -> Path | None:
    if not org.emblem:
        return None
    try:
        path = Path(org.emblem.path)
    except (ValueError, NotImplementedError):
        return None
    return path if path.is_file() else None


def context(org: Organization) -> dict:
    """What every document template needs of the org (a cheap dict, one query at most)."""
    path = emblem_path(org)
    return {
        "heading": org.heading,
        "place": org.heading.removeprefix(org.name).strip(),  # อำเภอ… จังหวัด…
        "emblem": path.as_uri() if path else "",
        "executive_signer": executive(org),
        "reporter_signer": reporter(org),
    }
