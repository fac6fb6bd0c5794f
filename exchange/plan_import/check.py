"""Checks over the parsed rows: duplicates (accepted, listed), the editions the file brings and
how they fit the plan, and which of them the officer must give approval details for."""

from exchange import matching as m
from exchange.plan_import.report import (
    EditionApproval,
    EditionPlan,
    ImportReport,
    ParsedRow,
    edition_label,
)
from plans.models import Edition, EditionKind, EditionStatus, Plan, Project
from plans.selectors import project_rows, working_seq

EDITION_ORDER = {
    EditionKind.ORIGINAL: 0,
    EditionKind.REVIEW: 1,
    EditionKind.ADDITION: 2,
    EditionKind.CHANGE: 3,
    EditionKind.CORRECTION: 4,
}


def where(r: ParsedRow) -> str:
    return f"แผ่นงาน “{r.sheet}” แถวที่ {r.row_no}" if r.sheet else f"แถวที่ {r.row_no}"


def duplicates(rows: list[ParsedRow], report: ImportReport) -> None:
    """The same project twice in one edition is how real books print it (copied rows, the same
    activity for two targets) and their totals count both: keep both, list them."""
    seen: dict[tuple, ParsedRow] = {}
    for r in rows:
        key = (r.strategy_no, m.name_key(r.name), m.name_key(r.location), r.edition)
        if key in seen:
            report.warn(
                r.sheet, r.row_no, "โครงการ", f"โครงการซ้ำกับ{where(seen[key])} นำเข้าทั้งสองแถวตามไฟล์"
            )
        else:
            seen[key] = r


def order_key(first: dict[tuple, ParsedRow]):
    """The original first, then by year, then as the file lists them (a change numbered 1 may
    come after an addition numbered 5 of the same year)."""
    return lambda k: (EDITION_ORDER[k[0]] != 0, k[2] or 0, first[k].seq_no)


def plan_editions(
    plan: Plan | None,
    rows: list[ParsedRow],
    approvals: dict[str, EditionApproval],
    report: ImportReport,
) -> list[EditionPlan]:
    existing = set()
    current: dict[tuple, Project] = {}
    if plan is not None:
        existing = {(e.kind, e.number, e.year) for e in Edition.objects.filter(plan=plan)}
        if Edition.objects.filter(plan=plan, status=EditionStatus.DRAFT).exists():
            report.problem("", None, "ฉบับ", "แผนนี้มีฉบับร่างค้างอยู่ ต้องอนุมัติหรือยกเลิกฉบับร่างก่อนนำเข้า")
            return []
        for v in project_rows(plan, working_seq(plan)):
            current[(v.strategy.number, m.name_key(v.name), m.name_key(v.location))] = v.project
    first: dict[tuple, ParsedRow] = {}
    for r in rows:
        first.setdefault(r.edition, r)
    for key, r in first.items():
        if key in existing:
            report.problem(
                r.sheet,
                r.row_no,
                "ฉบับ",
                f"“{edition_label(key)}” มีอยู่ในแผนแล้ว นำเข้าซ้ำไม่ได้ (ใช้ชื่อฉบับใหม่ เช่น เพิ่มเติม ครั้งที่ถัดไป)",
            )
        elif key[0] == EditionKind.ORIGINAL and existing:
            report.problem(r.sheet, r.row_no, "ฉบับ", "แผนนี้มีฉบับเดิมแล้ว แถวที่เป็นฉบับเดิมนำเข้าไม่ได้")
        elif (
            key[0] != EditionKind.ORIGINAL
            and not existing
            and (EditionKind.ORIGINAL, None, None) not in first
        ):
            report.problem(r.sheet, r.row_no, "ฉบับ", "แผนยังไม่มีฉบับเดิม ไฟล์ต้องมีแถวของฉบับเดิมก่อน")
    if report.problems:
        return []
    order = sorted(first, key=order_key(first))
    plans = []
    pending: dict[tuple, ParsedRow] = {}
    for key in order:
        ep = EditionPlan(key=key, label=edition_label(key), first_row=where(first[key]))
        for r in (x for x in rows if x.edition == key):
            pkey = (r.strategy_no, m.name_key(r.name), m.name_key(r.location))
            in_plan = current.get(pkey)
            earlier = pending.get(pkey)
            change = key[0] in (EditionKind.CHANGE, EditionKind.CORRECTION, EditionKind.REVIEW)
            if change and in_plan is not None:
                ep.changed.append((r, in_plan))
            elif change and earlier and earlier.edition != key:
                ep.changed.append((r, earlier))
            elif in_plan is not None:
                report.problem(
                    r.sheet,
                    r.row_no,
                    "โครงการ",
                    "มีโครงการชื่อนี้ในยุทธศาสตร์และสถานที่เดียวกันอยู่แล้ว (ในแผน) —"
                    " ถ้าต้องการแก้ไขให้ใช้ฉบับเปลี่ยนแปลง/แก้ไข",
                )
            else:
                ep.added.append(r)
                pending.setdefault(pkey, r)
        plans.append(ep)
    # Only one draft edition can be open at a time: every edition but the last one in the file
    # needs who approved it and when; the last one stays a draft unless those are given too.
    report.needs_approval = [
        ep.label for ep in plans[:-1] if not approvals.get(ep.label, EditionApproval()).complete
    ]
    return plans
