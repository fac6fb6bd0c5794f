"""Official-layout plan books (ผ.01 / ผ.02 as officers keep them), built cell by cell with openpyxl.

Each book is described by what it *means* (projects, their yearly amounts as Decimals, the
editions) and written the way real books print it: merged three-row headers, title rows, linkage
rows ก.–จ., amounts as "1,632,820" / "-" / blank / "10,500,000.00" / Thai digits, multi-line
cells, continuation lines with an empty ที่, in-band edition rows, numbering that restarts,
abbreviated แผนงาน names, printed totals (some planted wrong). `expected` holds what a correct
reading must give: ผ.01 per year (projects with a budget that year, baht), the project count,
and the exact differences the preview must list.
"""

import io
import subprocess
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from thai.dates import FISCAL_MONTHS, MONTHS_SHORT
from thai.digits import thai_digits

YEARS = [2566, 2567, 2568, 2569, 2570]
ZWSP = "\u200b"


@dataclass
class P:
    """A project as the book means it; `lines` are further target lines (text, budgets)."""

    name: str
    budgets: tuple  # 5 Decimals/ints (meaning)
    target: str = "1 แห่ง"
    unit: str = "กองช่าง"
    lines: list = field(default_factory=list)
    ordinance: tuple = (0, 0, 0, 0, 0)
    seq: int | None = None  # printed ที่ (None: running number)

    def total(self, i: int) -> Decimal:
        return Decimal(self.budgets[i]) + sum(Decimal(b[i]) for _, b in self.lines)


@dataclass
class Mark:
    """An in-band edition row, e.g. "เพิ่มเติม ครั้งที่ 5 / 2567"."""

    text: str


@dataclass
class Block:
    strategy: str  # "1. ยุทธศาสตร์…"
    tactic: str | None  # "1.1 กลยุทธ์…"
    program: str  # "(1) แผนงานการศึกษา" or an abbreviation
    items: list
    sheet: str
    title_edition: str = ""  # "เพิ่มเติม ครั้งที่ 1/2567" in the plan title
    form: str = "ผ.02"
    wrong_count: int | None = None  # plant a wrong printed "รวมจำนวนโครงการ"
    wrong_amount: dict | None = None  # {year index: printed amount}
    per_year_counts: bool = False


@dataclass
class Expected:
    projects: int
    p01: dict  # year → (count, Decimal)
    differences: list = field(default_factory=list)
    editions: list = field(default_factory=list)
    warnings: int = 0


def fmt(amount, style: int) -> object:
    """Write an amount the ways books do."""
    amount = Decimal(amount)
    if amount == 0:
        return ["-", None, "", "-", 0][style % 5]
    if style % 4 == 0:
        return f"{amount:,.0f}"
    if style % 4 == 1:
        return f"{amount:,.2f}"
    if style % 4 == 2:
        return float(amount)
    return thai_digits(f"{amount:,.0f}")


def _ws_header(ws, r: int, ordinance: bool) -> int:
    top: list[str | None] = [
        "ที่",
        "โครงการ",
        "วัตถุประสงค์",
        "เป้าหมาย\n(ผลผลิตของโครงการ)",
        "งบประมาณและที่ผ่านมา",
    ]
    top += [None] * 4 + ["ตัวชี้วัด (KPI)", "ผลที่คาดว่าจะได้รับ", "หน่วยงาน\nรับผิดชอบหลัก"]
    if ordinance:
        top += ["เทศบัญญัติ"] + [None] * 4
    for c, v in enumerate(top, 1):
        ws.cell(r, c, v)
    for c in range(5, 10):
        ws.cell(r + 1, c, str(YEARS[c - 5]))
        ws.cell(r + 2, c, "(บาท)")
    ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=9)
    for c in (1, 2, 3, 4, 10, 11, 12):
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 2, end_column=c)
    if ordinance:
        for c in range(13, 18):
            ws.cell(r + 1, c, f"พ.ศ. {YEARS[c - 13]}")
            ws.cell(r + 2, c, "(บาท)")
        ws.merge_cells(start_row=r, start_column=13, end_row=r, end_column=17)
    return r + 3


def write_block(wb, block: Block, ordinance: bool, style0: int) -> list[tuple]:
    """One ผ.02 sheet; returns [(P, edition text)] in the order written."""
    ws = wb.create_sheet(block.sheet)
    width = 17 if ordinance else 12
    ws.cell(1, width, block.form)
    ws.cell(2, 1, "รายละเอียดโครงการพัฒนา")
    title = "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)"
    ws.cell(3, 1, f"{title} {block.title_edition}".strip())
    ws.cell(4, 1, "องค์การบริหารส่วนตำบลบ้านทดสอบ อำเภอเมือง จังหวัดพะเยา")
    for c in (2, 3, 4):
        ws.merge_cells(start_row=c, start_column=1, end_row=c, end_column=width)
    r = 5
    for link in (
        "ก. ยุทธศาสตร์ชาติ 20 ปี ด้านการสร้างความสามารถในการแข่งขัน",
        "ข. แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13",
        "ค. Sustainable Development Goals (SDGs)",
        "ง. ยุทธศาสตร์จังหวัดที่ 1 การพัฒนาเศรษฐกิจ",
        "จ. ยุทธศาสตร์การพัฒนาของ อปท. ในเขตจังหวัดที่ 2 ด้านโครงสร้างพื้นฐาน",
    ):
        ws.cell(r, 1, link)
        r += 1
    for text in (block.strategy, block.tactic, block.program):
        if text:
            ws.cell(r, 1, text)
            r += 1
    r = _ws_header(ws, r, ordinance)
    written, seq, edition, style = [], 0, block.title_edition or "ฉบับเดิม", style0
    for item in block.items:
        if isinstance(item, Mark):
            ws.cell(r, 2, item.text)
            edition, seq = item.text, 0
            r += 1
            continue
        seq += 1
        printed = item.seq if item.seq is not None else seq
        ws.cell(r, 1, printed if style % 2 else thai_digits(str(printed)))
        ws.cell(r, 2, item.name)
        ws.cell(r, 3, f"เพื่อ{item.name.split(' ')[0]}\nและเพื่อประโยชน์ของประชาชน")
        ws.cell(r, 4, item.target)
        for k in range(5):
            ws.cell(r, 5 + k, fmt(item.budgets[k], style + k))
            if ordinance:
                ws.cell(r, 13 + k, fmt(item.ordinance[k], style + k + 1))
        ws.cell(r, 10, "ร้อยละ 80 ของผู้ได้รับประโยชน์")
        ws.cell(r, 11, "ประชาชนได้รับประโยชน์")
        ws.cell(r, 12, item.unit)
        r += 1
        for text, budgets in item.lines:
            ws.cell(r, 4, text)
            for k in range(5):
                if budgets[k]:
                    ws.cell(r, 5 + k, fmt(budgets[k], style + k + 2))
            r += 1
        style += 1
        written.append((item, edition))
    projects = [p for p, _ in written]
    count = len(projects) if block.wrong_count is None else block.wrong_count
    ws.cell(r, 1, "รวมจำนวนโครงการ")
    if block.per_year_counts:
        for k in range(5):
            ws.cell(r, 5 + k, sum(1 for p in projects if p.total(k)))
    else:
        ws.cell(r, 3, count)
        ws.cell(r, 4, "โครงการ")
    ws.cell(r + 1, 1, "รวมงบประมาณ")
    for k in range(5):
        amount = sum((p.total(k) for p in projects), Decimal(0))
        if block.wrong_amount and k in block.wrong_amount:
            amount = Decimal(block.wrong_amount[k])
        ws.cell(r + 1, 5 + k, f"{amount:,.2f}" if amount else "-")
    for c in range(1, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 14
    return written


def p01_sheet(wb, rows: list[tuple], *, wrong: dict | None = None) -> None:
    """The ผ.01 summary from (strategy no, strategy text, program name, P) rows; `wrong` plants
    {(label, year index): (count, amount)} misprints."""
    ws = wb.create_sheet("ผ.01", 0)
    ws.cell(1, 13, "ผ.01")
    ws.cell(2, 1, "บัญชีสรุปโครงการพัฒนา")
    ws.cell(3, 1, "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)")
    ws.cell(5, 1, "ยุทธศาสตร์")
    for k, y in enumerate(YEARS):
        ws.cell(5, 2 + 2 * k, f"ปี {y}")
        ws.cell(6, 2 + 2 * k, "จำนวนโครงการ")
        ws.cell(6, 3 + 2 * k, "งบประมาณ (บาท)")
        ws.merge_cells(start_row=5, start_column=2 + 2 * k, end_row=5, end_column=3 + 2 * k)
    ws.cell(5, 12, "รวม 5 ปี")
    wrong = wrong or {}
    r = 7

    def figures(label, projects):
        nonlocal r
        ws.cell(r, 1, label)
        for k in range(5):
            count = sum(1 for p in projects if p.total(k))
            amount = sum((p.total(k) for p in projects), Decimal(0))
            count, amount = wrong.get((label, k), (count, amount))
            ws.cell(r, 2 + 2 * k, count)
            ws.cell(r, 3 + 2 * k, f"{Decimal(amount):,.2f}")
        r += 1

    strategies: dict[int, tuple] = {}
    for s_no, s_text, program, p in rows:
        strategies.setdefault(s_no, (s_text, {}))[1].setdefault(program, []).append(p)
    for s_no, (s_text, programs) in sorted(strategies.items()):
        ws.cell(r, 1, f"{s_no}) {s_text}")
        r += 1
        for j, (program, projects) in enumerate(programs.items(), 1):
            figures(f"{s_no}.{j} {program}", projects)
        figures("รวม", [p for ps in programs.values() for p in ps])
    figures("รวมทั้งสิ้น", [p for _, _, _, p in rows])


def expected_p01(projects: list) -> dict:
    return {
        y: (
            sum(1 for p in projects if p.total(k)),
            sum((p.total(k) for p in projects), Decimal(0)),
        )
        for k, y in enumerate(YEARS)
    }


def save(wb) -> bytes:
    del wb["Sheet"]
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# -- the books -------------------------------------------------------------------------------

S1 = "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"
S2 = "2. ยุทธศาสตร์การพัฒนาด้านการศึกษา ศาสนา และวัฒนธรรม"
S3 = "3. ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิต"


def book_basic() -> tuple[bytes, Expected]:
    """12 columns, three sheets, continuation lines, a correct ผ.01 and correct printed totals."""
    roads = [
        P(
            "ก่อสร้างถนน คสล. สายบ้านนา หมู่ที่ 1",
            (0, 500000, 0, 0, 0),
            "ยาว 200 ม.",
            lines=[("กว้าง 5 ม. หนา 0.15 ม.", (0, 120000, 0, 0, 0))],
        ),
        P("ก่อสร้างรางระบายน้ำ หมู่ที่ 3", (0, 0, 350000, 350000, 0)),
        P("ปรับปรุงถนนลูกรัง หมู่ที่ 7", (150000, 150000, 150000, 150000, 150000)),
    ]
    lights = [P("ติดตั้งไฟฟ้าส่องสว่าง หมู่ที่ 2", (0, 80000, 0, 0, 0), unit="กองช่าง")]
    school = [
        P(
            "อาหารกลางวันศูนย์พัฒนาเด็กเล็ก",
            (1632820, 1632820, 1632820, 1632820, 1632820),
            unit="กองการศึกษา",
        ),
        P(
            "ส่งเสริมประเพณีสงกรานต์",
            (50000, 50000, 50000, 50000, 50000),
            unit="กองการศึกษา",
            lines=[("ผู้สูงอายุ 200 คน", (10000, 10000, 10000, 10000, 10000))],
        ),
    ]
    wb = Workbook()
    blocks = [
        Block(
            S1,
            "1.1 กลยุทธ์การพัฒนาแหล่งน้ำและถนน",
            "(1) แผนงานอุตสาหกรรมและการโยธา",
            roads,
            "ยุทธ1 อุตสาหกรรม",
        ),
        Block(
            S1,
            "1.2 กลยุทธ์ไฟฟ้าสาธารณะ",
            "(1) แผนงานเคหะและชุมชน",
            lights,
            "ยุทธ1 เคหะ",
            per_year_counts=True,
        ),
        Block(S2, "2.1 กลยุทธ์การศึกษาปฐมวัย", "(1) แผนงานการศึกษา", school[:1], "ยุทธ2 ศึกษา"),
        Block(
            S2,
            "2.2 กลยุทธ์ศาสนาและวัฒนธรรม",
            "(2) แผนงานการศาสนาวัฒนธรรมและนันทนาการ",
            school[1:],
            "ยุทธ2 ศาสนา",
        ),
    ]
    for n, b in enumerate(blocks):
        write_block(wb, b, False, n)
    p01_sheet(
        wb,
        [(1, S1[3:], "แผนงานอุตสาหกรรมและการโยธา", p) for p in roads]
        + [(1, S1[3:], "แผนงานเคหะและชุมชน", p) for p in lights]
        + [(2, S2[3:], "แผนงานการศึกษา", school[0])]
        + [(2, S2[3:], "แผนงานการศาสนา วัฒนธรรม และนันทนาการ", school[1])],
    )
    projects = roads + lights + school
    return save(wb), Expected(
        projects=6, p01=expected_p01(projects), editions=["ฉบับเดิม"], warnings=0
    )


def book_seventeen_columns() -> tuple[bytes, Expected]:
    """17 columns (เทศบัญญัติ per year), per-year printed counts, sheet names that lie."""
    wb = Workbook()
    water = [
        P("ขุดลอกลำห้วยโคกสูง หมู่ที่ 5", (0, 300000, 300000, 0, 0), ordinance=(0, 300000, 0, 0, 0)),
        P("ก่อสร้างฝายชะลอน้ำ หมู่ที่ 8", (0, 0, 0, 1500000, 0)),
        P("ขยายเขตประปาหมู่บ้าน หมู่ที่ 4", (200000, 0, 0, 0, 0), ordinance=(200000, 0, 0, 0, 0)),
    ]
    health = [
        P(
            "รณรงค์ป้องกันโรคไข้เลือดออก",
            (30000, 30000, 30000, 30000, 30000),
            unit="สำนักปลัด",
            ordinance=(30000, 30000, 0, 0, 0),
        ),
        P("สนับสนุนการแพทย์แผนไทย", (20000, 20000, 0, 0, 0), unit="สำนักปลัด"),
    ]
    # The sheet named "สาธารณสุข" holds the water projects and vice versa: trust the rows.
    write_block(
        wb,
        Block(
            S1,
            "1.1 กลยุทธ์การพัฒนาแหล่งน้ำ",
            "(1) แผนงานการเกษตร",
            water,
            "สาธารณสุข",
            per_year_counts=True,
        ),
        True,
        0,
    )
    write_block(
        wb,
        Block(S3, "3.1 กลยุทธ์การส่งเสริมสุขภาพ", "(1) แผนงานสาธารณสุข", health, "การเกษตร"),
        True,
        1,
    )
    p01_sheet(
        wb,
        [(1, S1[3:], "แผนงานการเกษตร", p) for p in water]
        + [(3, S3[3:], "แผนงานสาธารณสุข", p) for p in health],
    )
    return save(wb), Expected(
        projects=5, p01=expected_p01(water + health), editions=["ฉบับเดิม"], warnings=0
    )


def book_editions() -> tuple[bytes, Expected]:
    """In-band edition rows with numbering that restarts, and a sheet titled as an addition."""
    wb = Workbook()
    original = [
        P("ก่อสร้างถนน คสล. หมู่ที่ 1", (0, 400000, 0, 0, 0)),
        P("ก่อสร้างถนน คสล. หมู่ที่ 2", (0, 0, 400000, 0, 0)),
    ]
    added5 = [
        P("ก่อสร้างถนน คสล. หมู่ที่ 9", (0, 0, 0, 250000, 0)),
        P("ซ่อมแซมสะพาน หมู่ที่ 4", (0, 90000, 0, 0, 0)),
    ]
    changed = [P("ก่อสร้างถนน คสล. หมู่ที่ 1", (0, 0, 450000, 0, 0))]
    items = [
        *original,
        Mark("เพิ่มเติมครั้งที่ 5 / 2567"),
        *added5,
        Mark("เปลี่ยนแปลง ครั้งที่ 1 / 2567"),
        *changed,
    ]
    write_block(
        wb,
        Block(S1, "1.1 กลยุทธ์ถนน", "(1) แผนงานอุตสาหกรรมและการโยธา", items, "ผ.02 ถนน"),
        False,
        0,
    )
    later = [P("ตลาดนัดชุมชน", (0, 0, 60000, 60000, 60000), unit="สำนักปลัด")]
    write_block(
        wb,
        Block(
            S3, None, "(1) แผนงานการพาณิชย์", later, "เพิ่มเติม 6", title_edition="เพิ่มเติม ครั้งที่ 6/2568"
        ),
        False,
        1,
    )
    # The plan after every edition: the change replaces road 1's amounts.
    plan_now = [changed[0], original[1], *added5, *later]
    # printed totals of the first sheet count every printed row (the changed row too)
    return save(wb), Expected(
        projects=5,
        p01=expected_p01(plan_now),
        editions=["ฉบับเดิม", "เพิ่มเติม ครั้งที่ 5/2567", "เปลี่ยนแปลง ครั้งที่ 1/2567", "เพิ่มเติม ครั้งที่ 6/2568"],
        warnings=0,
    )


def book_duplicates_and_abbreviations() -> tuple[bytes, Expected]:
    """The same project twice (the printed total counts both), "แผนงานการศาสนา" and
    "ผง.การศึกษา", and a project name carrying a zero-width space."""
    wb = Workbook()
    culture = [
        P("จัดงานประเพณีลอยกระทง", (80000, 80000, 80000, 80000, 80000), unit="กองการศึกษา"),
        P("จัดงานประเพณีลอยกระทง", (80000, 80000, 80000, 80000, 80000), unit="กองการศึกษา"),
        P(f"ส่งเสริม{ZWSP}กีฬาต้านยาเสพติด", (0, 100000, 0, 100000, 0), unit="กองการศึกษา"),
    ]
    school = [P("จัดซื้อสื่อการเรียนการสอน", (45000, 45000, 45000, 45000, 45000), unit="กองการศึกษา")]
    write_block(wb, Block(S2, "2.1 กลยุทธ์วัฒนธรรม", "(1) แผนงานการศาสนา", culture, "ศาสนา"), False, 2)
    write_block(wb, Block(S2, "2.2 กลยุทธ์การศึกษา", "ผง.การศึกษา", school, "ศึกษา"), False, 3)
    return save(wb), Expected(
        projects=4, p01=expected_p01(culture + school), editions=["ฉบับเดิม"], warnings=3
    )  # warnings: the duplicate, and the two แผนงาน read tolerantly


def book_wrong_totals() -> tuple[bytes, Expected]:
    """A sheet whose printed totals are wrong (count and one year), and a ผ.01 line misprinted."""
    wb = Workbook()
    roads = [P(f"ก่อสร้างถนนสายที่ {n}", (0, 0, 100000 * n, 0, 0)) for n in range(1, 5)]
    write_block(
        wb,
        Block(
            S1,
            "1.1 กลยุทธ์ถนน",
            "(1) แผนงานอุตสาหกรรมและการโยธา",
            roads,
            "ถนน",
            wrong_count=3,
            wrong_amount={2: 900000},
        ),
        False,
        0,
    )
    p01_sheet(
        wb,
        [(1, S1[3:], "แผนงานอุตสาหกรรมและการโยธา", p) for p in roads],
        wrong={("รวมทั้งสิ้น", 2): (5, Decimal(1100000))},
    )
    first = 19  # rows 1–4 titles, 5–9 links ก.–จ., 10–12 context, 13–15 header, 16–19 projects
    return save(wb), Expected(
        projects=4,
        p01=expected_p01(roads),
        editions=["ฉบับเดิม"],
        differences=[
            f"แผ่นงาน “ถนน” แถวที่ {first + 1} (รวมจำนวนโครงการ) พิมพ์ว่า 3 โครงการ แต่รายการรวมได้ 4"
            " โครงการ",
            f"แผ่นงาน “ถนน” แถวที่ {first + 2} (รวมงบประมาณ ปี 2568) พิมพ์ว่า 900,000 บาท แต่รายการรวมได้"
            " 1,000,000 บาท",
            "แผ่นงาน “ผ.01” แถวที่ 10 (รวมทั้งสิ้น ปี 2568) พิมพ์ว่า 5 โครงการ 1,100,000 บาท แต่รายการรวมได้ 4"
            " โครงการ 1,000,000 บาท",
        ],
    )


def book_forms_and_restarts() -> tuple[bytes, Expected]:
    """ผ.02/1 (community) and ผ.02/2 (coordinated) sheets, printed numbers that restart within a
    sheet, a multi-line project name, amounts in Thai digits."""
    wb = Workbook()
    community = [
        P("ส่งเสริมอาชีพกลุ่มสตรี\nหมู่ที่ 6", (25000, 25000, 0, 0, 0), unit="สำนักปลัด"),
        P("ซ่อมแซมศาลาประชาคม", (0, 40000, 0, 0, 0), seq=1),
    ]
    coordinated = [P("ก่อสร้างถนนลาดยาง สายพะเยา–แม่ใจ", (0, 0, 12000000, 0, 0))]
    write_block(
        wb,
        Block(
            S3,
            "3.2 กลยุทธ์อาชีพ",
            "(1) แผนงานสร้างความเข้มแข็งของชุมชน",
            community,
            "ผ.02-1",
            form="ผ.02/1",
        ),
        False,
        3,
    )
    write_block(
        wb,
        Block(
            S1,
            "1.1 กลยุทธ์ถนน",
            "(1) แผนงานอุตสาหกรรมและการโยธา",
            coordinated,
            "ผ.02-2",
            form="ผ.02/2",
        ),
        False,
        3,
    )
    equipment = [P("เครื่องคอมพิวเตอร์ 2 เครื่อง", (0, 44000, 0, 0, 0), unit="สำนักปลัด")]
    p03_sheet(wb, S1, "แผนงานบริหารงานทั่วไป", equipment)
    return save(wb), Expected(
        projects=4,
        p01=expected_p01(community + coordinated + equipment),
        editions=["ฉบับเดิม"],
    )


def p03_sheet(wb, strategy: str, program: str, items: list) -> None:
    """ผ.03 บัญชีครุภัณฑ์: ที่ | แผนงาน | หมวด | ประเภท | เป้าหมาย (ผลผลิตของครุภัณฑ์) | 5 years |
    หน่วยงานรับผิดชอบหลัก; the แผนงาน is a column of each row."""
    ws = wb.create_sheet("ผ.03")
    ws.cell(1, 11, "ผ.03")
    ws.cell(2, 1, "บัญชีครุภัณฑ์")
    ws.cell(3, 1, "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)")
    ws.cell(4, 1, strategy)
    head = ["ที่", "แผนงาน", "หมวด", "ประเภท", "เป้าหมาย\n(ผลผลิตของครุภัณฑ์)", "งบประมาณ"]
    for c, v in enumerate(head, 1):
        ws.cell(5, c, v)
    ws.cell(5, 11, "หน่วยงานรับผิดชอบหลัก")
    for k, y in enumerate(YEARS):
        ws.cell(6, 6 + k, f"{y}\n(บาท)")
    ws.merge_cells(start_row=5, start_column=6, end_row=5, end_column=10)
    for n, p in enumerate(items, 1):
        row = [n, program, "ค่าครุภัณฑ์", "ครุภัณฑ์คอมพิวเตอร์", p.name]
        row += [fmt(b, k) for k, b in enumerate(p.budgets)] + [p.unit]
        for c, v in enumerate(row, 1):
            ws.cell(6 + n, c, v)


def as_legacy(data: bytes, suffix: str) -> bytes:
    """The same book as .xls or .ods, converted by LibreOffice."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "book.xlsx"
        src.write_bytes(data)
        target = {"xls": "xls:MS Excel 97", "ods": "ods"}[suffix]
        subprocess.run(
            ["soffice", "--headless", "--convert-to", target, "--outdir", tmp, str(src)],
            check=True,
            capture_output=True,
            timeout=120,
            env={"HOME": tmp, "PATH": "/usr/bin:/bin"},
        )
        return (Path(tmp) / f"book.{suffix}").read_bytes()


BOOKS = {
    "basic": book_basic,
    "seventeen": book_seventeen_columns,
    "editions": book_editions,
    "duplicates": book_duplicates_and_abbreviations,
    "wrong_totals": book_wrong_totals,
    "forms": book_forms_and_restarts,
}


def action_plan_book(rows: list[tuple], fiscal_year: int = 2568) -> bytes:
    """ผด.02: rows of (name, activity, amount cell, place, unit, planned fiscal months 1–12)."""
    wb = Workbook()
    ws = wb.create_sheet("ผด.02")
    ws.cell(1, 18, "ผด.02")
    ws.cell(2, 1, "บัญชีโครงการ/กิจกรรม/งบประมาณ")
    ws.cell(3, 1, f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {thai_digits(fiscal_year)}")
    ws.cell(4, 1, "องค์การบริหารส่วนตำบลบ้านทดสอบ")
    ws.cell(5, 1, "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน")
    ws.cell(6, 1, "1.1 แผนงานอุตสาหกรรมและการโยธา")
    head = [
        "ที่",
        "โครงการ",
        "รายละเอียดของกิจกรรม\nที่เกิดขึ้นจากโครงการ",
        "งบประมาณ\n(บาท)",
        "สถานที่\nดำเนินการ",
        "หน่วยงาน\nรับผิดชอบหลัก",
    ]
    for c, v in enumerate(head, 1):
        ws.cell(7, c, v)
        ws.merge_cells(start_row=7, start_column=c, end_row=8, end_column=c)
    ws.cell(7, 7, f"พ.ศ. {fiscal_year - 1}")
    ws.merge_cells(start_row=7, start_column=7, end_row=7, end_column=9)
    ws.cell(7, 10, f"พ.ศ. {fiscal_year}")
    ws.merge_cells(start_row=7, start_column=10, end_row=7, end_column=18)
    months = [MONTHS_SHORT[m - 1] for m in FISCAL_MONTHS]
    for k, text in enumerate(months):
        ws.cell(8, 7 + k, text)
    r = 9
    for n, (name, activity, amount, place, unit, planned) in enumerate(rows, 1):
        for c, v in enumerate([n, name, activity, amount, place, unit], 1):
            ws.cell(r, c, v)
        for k in planned:
            ws.cell(r, 6 + k, "✓" if n % 2 else "◄──►")
        r += 1
    ws.cell(r, 1, "รวม")
    ws.cell(r, 4, "-")
    return save(wb)
