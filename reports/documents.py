"""Builders of the plan documents. Each returns (filename, content type, bytes)."""

from itertools import groupby

from plans.action_selectors import items_with_strategy, pd01_rows
from plans.models import ActionPlan, Plan
from plans.selectors import PlanSummary, as_approved, framework_names, plan_summary, project_rows
from reports import render
from thai.dates import fiscal_month_labels

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


def _edition_label(plan: Plan, seq: int | None) -> str:
    edition = plan.editions.filter(seq=seq).first() if seq else None
    return edition.label if edition else ""


# -- ผ.01 --------------------------------------------------------------------------------------


def p01(plan: Plan, seq: int | None, fmt: str, *, thai_digits: bool = False):
    summary = plan_summary(plan, seq)
    name = f"ผ01-{plan.org.code}-{plan.start_year}-{plan.end_year}"
    if fmt == "pdf":
        ctx = {
            "plan": plan,
            "summary": summary,
            "edition": _edition_label(plan, seq),
            "td": thai_digits,
        }
        return f"{name}.pdf", PDF, render.pdf_bytes("reports/p01.html", ctx)
    return f"{name}.xlsx", XLSX, _p01_xlsx(plan, summary, _edition_label(plan, seq))


def _p01_xlsx(plan: Plan, summary: PlanSummary, edition: str) -> bytes:
    width = 1 + 2 * (len(summary.years) + 1)
    sheet = render.Sheet("ผ.01")
    sheet.title("บัญชีสรุปโครงการพัฒนา", width)
    sheet.title(f"{plan.title} {edition}".strip(), width, 12)
    sheet.title(plan.org.heading, width, 12)
    head = ["ยุทธศาสตร์ / กลยุทธ์ / แผนงาน"]
    for y in [*summary.years, "รวม 5 ปี"]:
        head += [
            f"ปี {y} จำนวนโครงการ" if y != "รวม 5 ปี" else "รวม 5 ปี จำนวนโครงการ",
            f"ปี {y} งบประมาณ (บาท)" if y != "รวม 5 ปี" else "รวม 5 ปี งบประมาณ (บาท)",
        ]
    sheet.header(head)
    formats = {c: (render.COUNT if c % 2 == 0 else render.MONEY) for c in range(2, width + 1)}
    fills = {"strategy": render.SUB_FILL, "tactic": None, "total": render.TOTAL_FILL}
    for r in summary.rows:
        values: list[object] = [("    " if r.level == "program" else "") + r.label]
        for cell in [*r.cells, r.total]:
            values += [cell.count, cell.amount]
        sheet.line(values, formats=formats, fill=fills.get(r.level), bold=r.level != "program")
    sheet.widths([48] + [11, 16] * (len(summary.years) + 1))
    return sheet.bytes()


# -- ผ.02 --------------------------------------------------------------------------------------


def _p02_blocks(plan: Plan, seq: int | None):
    """[(strategy, tactic, program, [versions], summary row)] in document order."""
    summary = plan_summary(plan, seq)
    totals = {r.key: r for r in summary.rows if r.level == "program"}
    blocks = []
    rows = project_rows(plan, seq)
    names = framework_names(plan, seq)
    keyf = lambda v: (v.strategy_id, v.tactic_id, v.program_id)  # noqa: E731
    links = linkage_lines(plan)
    for key, group in groupby(rows, key=keyf):
        versions = list(group)
        v = versions[0]
        strategy = as_approved(v.strategy, names["strategies"])
        strategy.linkage_lines = links.get(v.strategy_id, [])
        tactic = as_approved(v.tactic, names["tactics"])
        blocks.append((strategy, tactic, v.program, versions, totals.get(key)))
    return blocks, summary


LINKAGE_LETTERS = "กขคงจ"


def linkage_lines(plan: Plan) -> dict[int, list[tuple[str, str, str]]]:
    """The ผ.02 preamble's lines ก.–จ. per strategy: (letter, level, linked names), one query."""
    from plans.models import LinkageLevel, Strategy

    through = Strategy.linkages.through
    found: dict[int, dict[str, list[str]]] = {}
    for sid, level, code, name in (
        through.objects.filter(strategy__plan=plan)
        .values_list(
            "strategy_id", "linkagetarget__level", "linkagetarget__code", "linkagetarget__name"
        )
        .order_by("strategy_id", "linkagetarget__level", "linkagetarget__code")
    ):
        found.setdefault(sid, {}).setdefault(level, []).append(f"{code} {name}".strip())
    lines = {}
    for sid, by_level in found.items():
        lines[sid] = [
            (letter, label, " · ".join(by_level.get(level, [])) or "-")
            for letter, (level, label) in zip(LINKAGE_LETTERS, LinkageLevel.choices, strict=True)
        ]
    return lines


def p02(plan: Plan, seq: int | None, fmt: str, *, thai_digits: bool = False):
    blocks, summary = _p02_blocks(plan, seq)
    name = f"ผ02-{plan.org.code}-{plan.start_year}-{plan.end_year}"
    if fmt == "pdf":
        ctx = {
            "plan": plan,
            "blocks": blocks,
            "years": plan.years,
            "edition": _edition_label(plan, seq),
            "td": thai_digits,
        }
        return f"{name}.pdf", PDF, render.pdf_bytes("reports/p02.html", ctx)
    years = plan.years
    width = 4 + len(years) + 3
    sheet = render.Sheet("ผ.02")
    sheet.title("รายละเอียดโครงการพัฒนา", width)
    sheet.title(f"{plan.title} {_edition_label(plan, seq)}".strip(), width, 12)
    sheet.title(plan.org.heading, width, 12)
    head = ["ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย (ผลผลิตของโครงการ)"]
    head += [f"งบประมาณ {y} (บาท)" for y in years] + [
        "ตัวชี้วัด (KPI)",
        "ผลที่คาดว่าจะได้รับ",
        "หน่วยงานรับผิดชอบหลัก",
    ]
    money = dict.fromkeys(range(5, 5 + len(years)), render.MONEY)
    for strategy, tactic, program, versions, total in blocks:
        label = f"ยุทธศาสตร์ที่ {strategy.number} {strategy.name}"
        if tactic:
            label += f" · กลยุทธ์ที่ {strategy.number}.{tactic.number} {tactic.name}"
        sheet.band(f"{label} · {program.name}", width, fill=render.SUB_FILL)
        sheet.header(head)
        for i, v in enumerate(versions, 1):
            budgets = {b.year: b.amount for b in v.budgets.all()}
            sheet.line(
                [
                    i,
                    v.name,
                    v.objective,
                    v.target,
                    *[budgets.get(y, 0) for y in years],
                    v.kpi,
                    v.expected_result,
                    v.responsible_unit,
                ],
                formats=money,
            )
        if total:
            sheet.line(
                ["", "รวม", f"{len(versions)} โครงการ", "", *[c.amount for c in total.cells]],
                formats=money,
                fill=render.TOTAL_FILL,
                bold=True,
            )
    sheet.widths([5, 40, 30, 30] + [14] * len(years) + [22, 22, 18])
    return f"{name}.xlsx", XLSX, sheet.bytes()


# -- ผด.01 / ผด.02 -----------------------------------------------------------------------------


def pd01(action_plan: ActionPlan, fmt: str, *, thai_digits: bool = False):
    data = pd01_rows(action_plan)
    name = f"ผด01-{action_plan.org.code}-{action_plan.fiscal_year}"
    total_n = data["totals"]["n"] or 0
    total_s = data["totals"]["s"] or 0
    rows = []
    for r in data["rows"]:
        strategy = data["strategies"].get(r["strategy_id"])
        label = (
            f"ยุทธศาสตร์ที่ {strategy.number} {strategy.name}"
            if strategy
            else "โครงการของหน่วยงานอื่นในพื้นที่"
        )
        units = ", ".join(
            sorted(u for u in data["units"].get((r["strategy_id"], r["program_name"]), set()) if u)
        )
        rows.append(
            {
                "strategy": label,
                "program": r["program_name"] or "-",
                "n": r["n"],
                "s": r["s"],
                "pn": 100 * r["n"] / total_n if total_n else 0,
                "ps": 100 * float(r["s"]) / float(total_s) if total_s else 0,
                "units": units,
            }
        )
    if fmt == "pdf":
        ctx = {
            "ap": action_plan,
            "rows": rows,
            "total_n": total_n,
            "total_s": total_s,
            "td": thai_digits,
        }
        return f"{name}.pdf", PDF, render.pdf_bytes("reports/pd01.html", ctx)
    sheet = render.Sheet("ผด.01")
    sheet.title("บัญชีสรุปจำนวนโครงการและงบประมาณ", 7)
    sheet.title(f"{action_plan.title} · {action_plan.org.heading}", 7, 12)
    sheet.header(
        [
            "ยุทธศาสตร์",
            "แผนงาน",
            "จำนวนโครงการ",
            "คิดเป็นร้อยละของโครงการทั้งหมด",
            "จำนวนงบประมาณ (บาท)",
            "คิดเป็นร้อยละของงบประมาณทั้งหมด",
            "หน่วยดำเนินการ",
        ],
        lines=3,
    )
    fmts = {3: render.COUNT, 4: "0.00", 5: render.MONEY, 6: "0.00"}
    for r in rows:
        sheet.line(
            [r["strategy"], r["program"], r["n"], r["pn"], r["s"], r["ps"], r["units"]],
            formats=fmts,
        )
    sheet.line(
        ["รวม", "", total_n, 100 if total_n else 0, total_s, 100 if total_s else 0, ""],
        formats=fmts,
        fill=render.TOTAL_FILL,
        bold=True,
    )
    sheet.widths([45, 30, 12, 14, 18, 14, 35])
    return f"{name}.xlsx", XLSX, sheet.bytes()


def pd02(action_plan: ActionPlan, fmt: str, *, thai_digits: bool = False):
    items = list(items_with_strategy(action_plan))
    first_plan = action_plan.org.plans.first()
    strategies = {s.id: s for s in first_plan.strategies.all()} if first_plan is not None else {}
    months = fiscal_month_labels(action_plan.fiscal_year)
    groups = []
    for key, group in groupby(items, key=lambda i: (i.strategy_id, i.program_name)):
        s = strategies.get(key[0])
        label = f"ยุทธศาสตร์ที่ {s.number} {s.name}" if s else "โครงการของหน่วยงานอื่นในพื้นที่"
        groups.append((label, key[1] or "", list(group)))
    name = f"ผด02-{action_plan.org.code}-{action_plan.fiscal_year}"
    if fmt == "pdf":
        ctx = {"ap": action_plan, "groups": groups, "months": months, "td": thai_digits}
        return f"{name}.pdf", PDF, render.pdf_bytes("reports/pd02.html", ctx)
    sheet = render.Sheet("ผด.02")
    sheet.title("บัญชีโครงการ/กิจกรรม/งบประมาณ", 18)
    sheet.title(f"{action_plan.title} · {action_plan.org.heading}", 18, 12)
    for label, program, printed in groups:
        sheet.band(f"{label} · {program}".strip(" ·"), 18, fill=render.SUB_FILL)
        sheet.header(
            [
                "ที่",
                "โครงการ",
                "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ",
                "งบประมาณ (บาท)",
                "สถานที่ดำเนินการ",
                "หน่วยงานรับผิดชอบหลัก",
            ]
            + [f"{m} {y}" for m, y in months]
        )
        for number, it in enumerate(printed, 1):  # numbered in the order printed, per แผนงาน
            flags = ["●" if on else "" for on in it.month_flags]
            sheet.line(
                [
                    number,
                    it.name,
                    it.activity,
                    it.amount,
                    it.place,
                    it.responsible_unit or it.other_agency,
                    *flags,
                ],
                formats={4: render.MONEY},
            )
    sheet.widths([5, 40, 35, 15, 20, 20] + [6] * 12)
    return f"{name}.xlsx", XLSX, sheet.bytes()
