"""The plan written back as officers keep it: a ผ.01 summary sheet and one ผ.02 sheet per form,
strategy, tactic and แผนงาน, in the official merged layout (preamble, three-row header, totals
rows), in "TH SarabunPSK" 16 pt (what government PCs have), with print areas that fit A4
landscape. Reading the file back with the importer gives the same plan."""

import io
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from itertools import groupby

from django.db.models import Count, Q, Sum
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from plans.models import EditionKind, Plan, Program, ProjectForm
from plans.selectors import budgets_as_of, project_rows

FONT = "TH SarabunPSK"
SIZE = 16
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SIDES = Border(left=THIN, right=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
MONEY = "#,##0;-#,##0;\\-"
TITLES: dict[str, str] = {
    ProjectForm.P02: "รายละเอียดโครงการพัฒนา",
    ProjectForm.P02_1: "รายละเอียดโครงการพัฒนา (สำหรับโครงการพัฒนาที่นำมาจากแผนชุมชน)",
    ProjectForm.P02_2: "รายละเอียดโครงการพัฒนา (สำหรับประสานโครงการพัฒนาที่เกินศักยภาพ)",
    ProjectForm.P03: "บัญชีครุภัณฑ์",
}
FORM_ORDER: list[str] = [ProjectForm.P02, ProjectForm.P02_1, ProjectForm.P02_2, ProjectForm.P03]
# ที่ | โครงการ | วัตถุประสงค์ | เป้าหมาย | 5 years | ตัวชี้วัด | ผลที่คาดว่าจะได้รับ | หน่วยงาน
WIDTHS = [5, 30, 22, 22] + [11] * 5 + [17, 18, 12]


def put(ws: Worksheet, row: int, col: int, value, *, bold=False, align=None, border=None):
    """Every text cell is a string cell (data_type "s"), never a formula, whatever it starts
    with; numbers stay numbers."""
    cell = ws.cell(row, col)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    cell.font = Font(name=FONT, size=SIZE, bold=bold)
    if align is not None:
        cell.alignment = align
    if border is not None:
        cell.border = border
    return cell


LINE_PT = 21  # one line of 16 pt TH SarabunPSK


def _fit_rows(ws: Worksheet, first: int, last: int, widths: Sequence[float]) -> None:
    """openpyxl does not size rows: give each row the lines its wrapped text needs (TH
    SarabunPSK 16 pt fits about one character per unit of column width, wider fallbacks less)."""
    for r in range(first, last + 1):
        lines = 1
        for c, width in enumerate(widths, 1):
            value = ws.cell(r, c).value
            if isinstance(value, str) and value:
                per_line = max(1, int(width))
                lines = max(
                    lines, sum(-(-len(part) // per_line) or 1 for part in value.split("\n"))
                )
        ws.row_dimensions[r].height = LINE_PT * lines + 4


def _page(ws: Worksheet, last_col: int, last_row: int, title_rows: str | None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.horizontalCentered = True
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    if title_rows:
        ws.print_title_rows = title_rows


def _title(ws, row: int, text: str, width: int, bold=True) -> None:
    put(ws, row, 1, text, bold=bold, align=CENTER)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _strategy_text(s) -> str:
    return (
        f"{s.number}. {s.name}"
        if s.name.startswith("ยุทธศาสตร์")
        else (f"ยุทธศาสตร์ที่ {s.number} {s.name}")
    )


def _sheet_name(used: set, form: str, s, t, n: int) -> str:
    code = form.replace("/", "-")
    base = f"{code} {s.number}" + (f".{t.number}" if t else "") + f" ({n})"
    name, k = base[:31], 2
    while name in used:
        name, k = f"{base[:27]}~{k}", k + 1
    used.add(name)
    return name


def official_workbook(plan: Plan, seq: int | None) -> bytes:
    wb = Workbook()
    summary = wb.active
    summary.title = "ผ.01"
    _p01(summary, plan, seq)
    versions = list(project_rows(plan, seq))
    versions.sort(
        key=lambda v: (
            FORM_ORDER.index(v.form) if v.form in FORM_ORDER else 9,
            v.strategy.number,
            v.tactic.number if v.tactic else 0,
            v.program.order,
        )
    )
    used: set[str] = {"ผ.01"}
    groups = groupby(
        versions, key=lambda v: (v.form, v.strategy_id, v.tactic_id or 0, v.program_id)
    )
    per_block: dict[tuple, int] = defaultdict(int)
    for (form, s_id, _t, _p), block in groups:
        rows = list(block)
        first = rows[0]
        per_block[(form, s_id)] += 1
        name = _sheet_name(used, form, first.strategy, first.tactic, per_block[(form, s_id)])
        _p02(wb.create_sheet(name), plan, form, rows)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _p02(ws: Worksheet, plan: Plan, form: str, rows: list) -> None:
    years = plan.years
    width = 7 + len(years)
    put(ws, 1, width, form, bold=True, align=Alignment(horizontal="right"))
    _title(ws, 2, TITLES.get(form, TITLES[ProjectForm.P02]), width)
    _title(ws, 3, plan.title, width)
    _title(ws, 4, plan.org.name, width)
    first = rows[0]
    r = 5
    put(ws, r, 1, _strategy_text(first.strategy), bold=True)
    r += 1
    if first.tactic:
        put(ws, r, 1, f"{first.strategy.number}.{first.tactic.number} กลยุทธ์ {first.tactic.name}")
        r += 1
    put(ws, r, 1, f"(1) {first.program.name}", bold=True)
    r += 1
    header = r
    heads = ["ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย\n(ผลผลิตของโครงการ)"]
    for c, text in enumerate(heads, 1):
        put(ws, r, c, text, bold=True, align=CENTER, border=BOX)
    put(ws, r, 5, "งบประมาณและที่ผ่านมา", bold=True, align=CENTER, border=BOX)
    for k, y in enumerate(years):
        put(ws, r + 1, 5 + k, str(y), bold=True, align=CENTER, border=BOX)
        put(ws, r + 2, 5 + k, "(บาท)", bold=True, align=CENTER, border=BOX)
    tail = ["ตัวชี้วัด\n(KPI)", "ผลที่คาดว่าจะได้รับ", "หน่วยงาน\nรับผิดชอบหลัก"]
    for c, text in enumerate(tail, 5 + len(years)):
        put(ws, r, c, text, bold=True, align=CENTER, border=BOX)
    ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=4 + len(years))
    for c in [1, 2, 3, 4] + list(range(5 + len(years), width + 1)):
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 2, end_column=c)
        for k in (1, 2):
            ws.cell(r + k, c).border = BOX
    r += 3
    sums = [Decimal(0)] * len(years)
    count = 0
    ordered = sorted(rows, key=lambda v: (v.edition.seq, v.seq_no, v.id))
    for edition, items in groupby(ordered, key=lambda v: v.edition):
        if edition.kind != EditionKind.ORIGINAL:
            put(ws, r, 2, edition.label, bold=True, border=SIDES)
            r += 1
        for n, v in enumerate(items, 1):
            budgets = {b.year: b.amount for b in v.budgets.all()}
            values = [n, v.name, v.objective, v.target]
            values += [budgets.get(y, Decimal(0)) for y in years]
            values += [v.kpi, v.expected_result, v.responsible_unit]
            for c, value in enumerate(values, 1):
                cell = put(ws, r, c, value, border=SIDES, align=WRAP)
                if 5 <= c < 5 + len(years):
                    cell.number_format = MONEY
                    cell.alignment = Alignment(horizontal="right", vertical="top")
            for k, y in enumerate(years):
                sums[k] += budgets.get(y, Decimal(0))
            count += 1
            r += 1
    put(ws, r, 1, "รวมจำนวนโครงการ", bold=True, border=BOX)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    put(ws, r, 3, count, bold=True, border=BOX)
    put(ws, r, 4, "โครงการ", bold=True, border=BOX)
    put(ws, r + 1, 1, "รวมงบประมาณ", bold=True, border=BOX)
    ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=4)
    for k, amount in enumerate(sums):
        put(ws, r + 1, 5 + k, amount, bold=True, border=BOX).number_format = MONEY
    for c, w in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    for row in range(1, header):
        ws.row_dimensions[row].height = LINE_PT + 4
    for row in (header, header + 1, header + 2):
        ws.row_dimensions[row].height = LINE_PT + 6
    ws.row_dimensions[header].height = 2 * LINE_PT
    _fit_rows(ws, header + 3, r - 1, WIDTHS)
    ws.row_dimensions[r].height = ws.row_dimensions[r + 1].height = LINE_PT + 6
    ws.freeze_panes = ws.cell(header + 3, 3)
    _page(ws, width, r + 1, f"{header}:{header + 2}")


def _p01(ws: Worksheet, plan: Plan, seq: int | None) -> None:
    """ผ.01 per strategy → แผนงาน: projects with a budget that year and baht, from one aggregate."""
    years = plan.years
    width = 3 + 2 * len(years)
    cells: dict[tuple, tuple[int, Decimal]] = {}
    for row in (
        budgets_as_of(plan, seq)
        .values("version__strategy__number", "version__program__code", "year")
        .annotate(n=Count("id", filter=Q(amount__gt=0)), s=Sum("amount"))
        .order_by()
    ):
        key = (row["version__strategy__number"], row["version__program__code"], row["year"])
        cells[key] = (row["n"], row["s"] or Decimal(0))
    strategies = {s.number: s for s in plan.strategies.all()}
    programs = {p.code: p for p in Program.objects.order_by("order")}
    put(ws, 1, width, "ผ.01", bold=True, align=Alignment(horizontal="right"))
    _title(ws, 2, "บัญชีสรุปโครงการพัฒนา", width)
    _title(ws, 3, plan.title, width)
    _title(ws, 4, plan.org.name, width)
    put(ws, 5, 1, "ยุทธศาสตร์", bold=True, align=CENTER, border=BOX)
    ws.merge_cells(start_row=5, start_column=1, end_row=6, end_column=1)
    ws.cell(6, 1).border = BOX
    for k, y in enumerate([*years, None]):
        c = 2 + 2 * k
        put(ws, 5, c, f"ปี {y}" if y else f"รวม {len(years)} ปี", bold=True, align=CENTER, border=BOX)
        ws.merge_cells(start_row=5, start_column=c, end_row=5, end_column=c + 1)
        put(ws, 6, c, "จำนวนโครงการ", bold=True, align=CENTER, border=BOX)
        put(ws, 6, c + 1, "งบประมาณ (บาท)", bold=True, align=CENTER, border=BOX)
    r = 7

    def line(label: str, figures: list[tuple[int, Decimal]], bold=False):
        nonlocal r
        put(ws, r, 1, label, bold=bold, border=BOX, align=WRAP)
        total = (sum(f[0] for f in figures), sum((f[1] for f in figures), Decimal(0)))
        for k, (n, s) in enumerate([*figures, total]):
            put(ws, r, 2 + 2 * k, n, bold=bold, border=BOX).number_format = MONEY
            put(ws, r, 3 + 2 * k, s, bold=bold, border=BOX).number_format = MONEY
        r += 1

    def add(a, b):
        return [(x[0] + y[0], x[1] + y[1]) for x, y in zip(a, b, strict=True)]

    grand = [(0, Decimal(0))] * len(years)
    zero = (0, Decimal(0))
    for number in sorted({k[0] for k in cells}):
        s = strategies[number]
        put(ws, r, 1, f"{number}) {s.name}", bold=True, border=BOX, align=WRAP)
        r += 1
        subtotal = [zero] * len(years)
        codes = [c for c in programs if any((number, c, y) in cells for y in years)]
        for j, code in enumerate(codes, 1):
            figures = [cells.get((number, code, y), zero) for y in years]
            line(f"{number}.{j} {programs[code].name}", figures)
            subtotal = add(subtotal, figures)
        line("รวม", subtotal, bold=True)
        grand = add(grand, subtotal)
    line("รวมทั้งสิ้น", grand, bold=True)
    widths = [44] + [9 if c % 2 == 0 else 14 for c in range(2, width + 1)]
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    for row_no in range(1, 7):
        ws.row_dimensions[row_no].height = LINE_PT + 4
    ws.row_dimensions[6].height = 2 * LINE_PT + 4
    _fit_rows(ws, 7, r - 1, widths)
    _page(ws, width, r - 1, "5:6")
