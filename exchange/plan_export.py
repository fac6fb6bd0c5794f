"""Export a plan to the import template (round-trip: export → import gives the same plan)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from core.cells import put
from plans.models import Plan, Strategy, Tactic
from plans.selectors import project_rows

HEAD_FILL = PatternFill("solid", fgColor="E6F2EF")
TEXT_BEFORE = ["ยุทธศาสตร์", "กลยุทธ์", "แผนงาน", "โครงการ", "วัตถุประสงค์", "เป้าหมาย"]
TEXT_AFTER = ["ตัวชี้วัด", "ผลที่คาดว่าจะได้รับ", "หน่วยงานรับผิดชอบ", "แบบ", "ฉบับ", "สถานที่"]


def template_headers(years: list[int]) -> list[str]:
    """The import template's columns, in order, for a plan of these years."""
    return TEXT_BEFORE + [f"งบประมาณ {y}" for y in years] + TEXT_AFTER


HELP = [
    "แบบฟอร์มนำเข้าแผนพัฒนาท้องถิ่น (หนึ่งแถวต่อหนึ่งโครงการ)",
    "แผ่นงาน “ยุทธศาสตร์”: เลขที่และชื่อยุทธศาสตร์ และกลยุทธ์ภายใต้ยุทธศาสตร์ (ใช้เมื่อเริ่มแผนใหม่"
    " หรือเพิ่มยุทธศาสตร์/กลยุทธ์)",
    "คอลัมน์ ยุทธศาสตร์: เลขที่ (เช่น 1) หรือชื่อยุทธศาสตร์ · กลยุทธ์: เลขที่ เช่น 1.2 หรือชื่อ",
    "คอลัมน์ แผนงาน: หนึ่งใน 12 แผนงานมาตรฐาน เช่น แผนงานอุตสาหกรรมและการโยธา",
    "คอลัมน์ งบประมาณ: ตัวเลข มีจุลภาคได้ ใช้ - หรือเว้นว่างเมื่อไม่มีงบประมาณในปีนั้น ตัวเลขไทยได้",
    "คอลัมน์ แบบ: ผ.02, ผ.02/1, ผ.02/2 หรือ ผ.03 (ว่าง = ผ.02)",
    "คอลัมน์ ฉบับ: ฉบับเดิม, ทบทวน ครั้งที่ 1/2566, เพิ่มเติม ครั้งที่ 1/2566, เปลี่ยนแปลง ครั้งที่ 1/2567, แก้ไข ครั้งที่ 1",
    "การนำเข้าเป็นแบบทั้งหมดหรือไม่มีเลย: หากพบข้อผิดพลาดแม้แถวเดียว จะไม่มีข้อมูลใดถูกบันทึก"
    " และระบบจะแจ้งแถวและคอลัมน์ที่ผิด",
]


def _put(ws, row, col, value, bold=False):
    cell = put(ws, row, col, value)  # text stays text, never a formula
    cell.font = Font(name="Sarabun", bold=bold)
    return cell


def plan_workbook(plan: Plan | None, seq: int | None, *, years: list[int] | None = None) -> bytes:
    years = plan.years if plan else (years or [2566, 2567, 2568, 2569, 2570])
    headers = template_headers(years)
    wb = Workbook()
    ws = wb.active
    ws.title = "โครงการ"
    for col, text in enumerate(headers, 1):
        c = _put(ws, 1, col, text, bold=True)
        c.fill, c.alignment = HEAD_FILL, Alignment(horizontal="center", wrap_text=True)
    ws.freeze_panes = "A2"
    if plan is not None and seq is not None:
        for r, v in enumerate(project_rows(plan, seq), start=2):
            budgets = {b.year: b.amount for b in v.budgets.all()}
            tactic = f"{v.strategy.number}.{v.tactic.number}" if v.tactic else ""
            values = [v.strategy.number, tactic, v.program.name, v.name, v.objective, v.target]
            values += [budgets.get(y, 0) for y in years]
            values += [
                v.kpi,
                v.expected_result,
                v.responsible_unit,
                v.form,
                v.edition.label,
                v.location,
            ]
            for col, value in enumerate(values, 1):
                c = _put(ws, r, col, value)
                if col in range(7, 7 + len(years)):
                    c.number_format = "#,##0.00"
    for col, width in enumerate(
        [10, 8, 28, 45, 30, 30] + [14] * len(years) + [25, 25, 20, 8, 24, 16], 1
    ):
        ws.column_dimensions[get_column_letter(col)].width = width

    ss = wb.create_sheet("ยุทธศาสตร์")
    for col, text in enumerate(["ที่", "ยุทธศาสตร์", "กลยุทธ์ที่", "กลยุทธ์"], 1):
        _put(ss, 1, col, text, bold=True).fill = HEAD_FILL
    row = 2
    if plan is not None:
        tactics = list(Tactic.objects.filter(strategy__plan=plan).order_by("number"))
        for s in Strategy.objects.filter(plan=plan).order_by("number"):
            mine: list[Tactic | None] = [t for t in tactics if t.strategy_id == s.id] or [None]
            for t in mine:
                for col, value in enumerate(
                    [s.number, s.name, f"{s.number}.{t.number}" if t else "", t.name if t else ""],
                    1,
                ):
                    _put(ss, row, col, value)
                row += 1
    for col, width in enumerate([6, 60, 10, 60], 1):
        ss.column_dimensions[get_column_letter(col)].width = width

    hs = wb.create_sheet("คำอธิบาย")
    for i, text in enumerate(HELP, 1):
        _put(hs, i, 1, text, bold=i == 1)
    hs.column_dimensions["A"].width = 120
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
