"""A corpus of malformed and hostile files. Each one is refused with a Thai message and nothing is
written — for the plan import and for the month's disbursement import."""

import io
import zipfile

import pytest

from conftest import workbook
from exchange.plan_export import template_headers
from exchange.plan_import import import_plan
from exchange.progress_import import import_progress
from monitoring.models import MonthlyProgress, ProjectYear
from plans.models import Plan, Project, ProjectVersion, Strategy

pytestmark = pytest.mark.django_db
HEAD = template_headers(list(range(2566, 2571)))
STRATEGIES = [[1, "ยุทธศาสตร์ด้านโครงสร้างพื้นฐาน", "1.1", "ก่อสร้างถนน"]]


def xlsx(rows, head=HEAD, sheet="โครงการ", strategies=STRATEGIES) -> bytes:
    return workbook(rows, headers=head, sheet=sheet, strategies=strategies)


def row(**kw):
    base = dict(
        zip(
            HEAD,
            [
                1,
                "1.1",
                "แผนงานอุตสาหกรรมและการโยธา",
                "ก่อสร้างถนน คสล. หมู่ที่ 1",
                "",
                "",
                "",
                "100000",
                "",
                "",
                "",
                "",
                "",
                "กองช่าง",
                "ผ.02",
                "ฉบับเดิม",
                "",
            ],
            strict=True,
        )
    )
    base.update(kw)
    return [base[h] for h in HEAD]


def zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", "0" * (220 * 1024 * 1024))
    return buf.getvalue()


def renamed_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not a workbook")
    return buf.getvalue()


BUDGET = "งบประมาณ 2567"
NAME = "โครงการ"
PLAN_CASES = {
    # not a spreadsheet at all
    "empty file": (lambda: b"", "x.xlsx", "ไฟล์ว่าง"),
    "one byte": (lambda: b"\x00", "x.xlsx", "ไม่ใช่ไฟล์ Excel"),
    "pdf named xlsx": (lambda: b"%PDF-1.7\n" + b"0" * 200, "x.xlsx", "ไม่ใช่ไฟล์ Excel"),
    "html named xlsx": (
        lambda: b"<html><script>alert(1)</script></html>",
        "x.xlsx",
        "ไม่ใช่ไฟล์ Excel",
    ),
    "exe named xlsx": (lambda: b"MZ\x90\x00" + b"\x00" * 300, "x.xlsx", "ไม่ใช่ไฟล์ Excel"),
    "zip that is not a workbook": (lambda: renamed_zip(), "x.xlsx", "Excel"),
    "zip bomb": (lambda: zip_bomb(), "x.xlsx", "zip bomb"),
    "docx extension": (lambda: b"PK\x03\x04", "x.docx", "ไฟล์"),
    "no extension": (lambda: b"a,b\n1,2\n", "plan", "รองรับเฉพาะไฟล์ Excel"),
    "utf-16 csv": (lambda: "ยุทธศาสตร์,โครงการ\n1,ถนน\n".encode("utf-16"), "x.csv", "CSV"),
    "binary csv": (lambda: bytes(range(256)) * 4, "x.csv", "CSV"),
    "shift-jis csv": (lambda: "テスト,データ\n".encode("shift_jis") * 3, "x.csv", ""),
    # headers
    "english headers": (
        lambda: xlsx([[1, "x"]], head=["strategy", "project"]),
        "x.xlsx",
        "ไม่พบหัวตาราง",
    ),
    "no project column": (lambda: xlsx([[1]], head=["ยุทธศาสตร์"]), "x.xlsx", "ไม่พบหัวตาราง"),
    "headers only": (lambda: xlsx([]), "x.xlsx", "ไม่มีข้อมูลโครงการ"),
    "duplicated header": (lambda: xlsx([row() + ["x"]], head=HEAD + ["โครงการ"]), "x.xlsx", "ซ้ำ"),
    "budget year outside the plan": (
        lambda: xlsx([row()], head=HEAD[:6] + ["งบประมาณ 2599"] + HEAD[7:]),
        "x.xlsx",
        "",
    ),
    "budget typed as a date": (
        lambda: xlsx([row(**{BUDGET: __import__("datetime").date(2026, 1, 2)})]),
        "x.xlsx",
        "ไม่ใช่จำนวนเงิน",
    ),
    # budget cells
    "text budget": (lambda: xlsx([row(**{BUDGET: "หนึ่งแสน"})]), "x.xlsx", "ไม่ใช่จำนวนเงิน"),
    "negative budget": (lambda: xlsx([row(**{BUDGET: -500})]), "x.xlsx", "ติดลบ"),
    "negative text budget": (lambda: xlsx([row(**{BUDGET: "-500"})]), "x.xlsx", ""),
    "budget in brackets": (lambda: xlsx([row(**{BUDGET: "(500)"})]), "x.xlsx", "ไม่ใช่จำนวนเงิน"),
    "two decimal points": (lambda: xlsx([row(**{BUDGET: "1.000.50"})]), "x.xlsx", "ไม่ใช่จำนวนเงิน"),
    "broken thai digits": (lambda: xlsx([row(**{BUDGET: "๑,๒๓๔.๕.๖"})]), "x.xlsx", "ไม่ใช่จำนวนเงิน"),
    "absurd budget": (lambda: xlsx([row(**{BUDGET: "99999999999999"})]), "x.xlsx", "สูงเกินจริง"),
    "nan budget": (lambda: xlsx([row(**{BUDGET: "NaN"})]), "x.xlsx", "ไม่ใช่จำนวนเงิน"),
    "infinity budget": (lambda: xlsx([row(**{BUDGET: "inf"})]), "x.xlsx", "ไม่ใช่จำนวนเงิน"),
    "boolean budget": (lambda: xlsx([row(**{BUDGET: True})]), "x.xlsx", "จำนวนเงิน"),
    "exponent budget": (lambda: xlsx([row(**{BUDGET: "1e9"})]), "x.xlsx", "ไม่ใช่จำนวนเงิน"),
    "currency word in middle": (
        lambda: xlsx([row(**{BUDGET: "100 บาท 50"})]),
        "x.xlsx",
        "ไม่ใช่จำนวนเงิน",
    ),
    # text cells
    "formula in name": (
        lambda: xlsx([row(**{NAME: '=HYPERLINK("http://evil.example","คลิก")'})]),
        "x.xlsx",
        "ชื่อโครงการ",  # the workbook runs it as a formula: no text comes in, the row is refused
    ),
    "formula in a csv name": (
        lambda: (
            ",".join(HEAD) + '\n1,1.1,แผนงานอุตสาหกรรมและการโยธา,=HYPERLINK("http://x")\n'
        ).encode(),
        "x.csv",
        "สูตร",
    ),
    "at-formula in name": (lambda: xlsx([row(**{NAME: "@SUM(A1:A9)"})]), "x.xlsx", "สูตร"),
    "plus-formula in objective": (
        lambda: xlsx([row(**{"วัตถุประสงค์": "+cmd|' /C calc'!A0"})]),
        "x.xlsx",
        "สูตร",
    ),
    "control characters": (
        lambda: ",".join(HEAD).encode() + b"\n1,1.1,x,\xe0\xb8\x96\x07\x08\n",
        "x.csv",
        "",
    ),
    "huge name": (lambda: xlsx([row(**{NAME: "ก" * 5001})]), "x.xlsx", "ยาวเกิน"),
    "huge objective": (lambda: xlsx([row(**{"วัตถุประสงค์": "ข" * 6000})]), "x.xlsx", "ยาวเกิน"),
    "empty name": (lambda: xlsx([row(**{NAME: ""})]), "x.xlsx", ""),
    "whitespace name": (lambda: xlsx([row(**{NAME: "   "})]), "x.xlsx", ""),
    # references
    "unknown strategy": (lambda: xlsx([row(**{"ยุทธศาสตร์": 9})]), "x.xlsx", "ไม่พบยุทธศาสตร์"),
    "strategy as text": (
        lambda: xlsx([row(**{"ยุทธศาสตร์": "ยุทธศาสตร์ที่ไม่มี"})]),
        "x.xlsx",
        "ไม่พบยุทธศาสตร์",
    ),
    "unknown tactic": (lambda: xlsx([row(**{"กลยุทธ์": "1.9"})]), "x.xlsx", "กลยุทธ์"),
    "unknown program": (lambda: xlsx([row(**{"แผนงาน": "แผนงานปลูกดาวอังคาร"})]), "x.xlsx", "แผนงาน"),
    "unknown form": (lambda: xlsx([row(**{"แบบ": "ผ.99"})]), "x.xlsx", "แบบ"),
    "unknown edition": (lambda: xlsx([row(**{"ฉบับ": "ฉบับพิเศษสุด"})]), "x.xlsx", "ฉบับ"),
    "program fitting two": (
        lambda: xlsx([row(**{"แผนงาน": "แผนงานชุมชน"})]),
        "x.xlsx",
        "หลายแผนงาน",
    ),
    "one good row one bad": (
        lambda: xlsx([row(), row(**{NAME: "อีกโครงการ", BUDGET: "x"})]),
        "x.xlsx",
        "ไม่ใช่จำนวนเงิน",
    ),
    "formula in strategy sheet": (
        lambda: xlsx([row()], strategies=[[1, "=1+1", "1.1", "ก่อสร้างถนน"]]),
        "x.xlsx",
        "",
    ),
    "too many rows": (
        lambda: xlsx([row(**{NAME: f"ถนน {i}"}) for i in range(50_001)]),
        "x.xlsx",
        "มากกว่า 50,000 แถว",
    ),
    "official book, formula as a name": (
        lambda: official_with("ยุทธ1 อุตสาหกรรม", "B16", "=cmd|' /C calc'!A0"),
        "x.xlsx",
        "สูตรคำนวณ",
    ),
    "official book, text budget": (
        lambda: official_with("ยุทธ1 อุตสาหกรรม", "F16", "ห้าแสนบาท"),
        "x.xlsx",
        "ไม่ใช่จำนวนเงิน",
    ),
    "official book, no strategy row": (
        lambda: official_with("ยุทธ1 อุตสาหกรรม", "A10", "บันทึก"),
        "x.xlsx",
        "ไม่พบแถวยุทธศาสตร์",
    ),
    "official book, unknown แผนงาน": (
        lambda: official_with("ยุทธ2 ศึกษา", "A12", "(1) แผนงานอวกาศ"),
        "x.xlsx",
        "ไม่รู้จักแผนงาน",
    ),
    "garbage behind the .xls signature": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "x.xls",
        "อ่านไฟล์ Excel ไม่ได้",
    ),
}


def official_with(sheet: str, cell: str, value) -> bytes:
    """book_basic() with one cell replaced."""
    from openpyxl import load_workbook

    from exchange.tests.official_books import book_basic

    wb = load_workbook(io.BytesIO(book_basic()[0]))
    wb[sheet][cell] = value
    wb[sheet][cell].data_type = "s"  # text as typed, even when it starts with "="
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def counts():
    return (
        Plan.objects.count(),
        Strategy.objects.count(),
        Project.objects.count(),
        ProjectVersion.objects.count(),
    )


@pytest.mark.parametrize("case", list(PLAN_CASES), ids=list(PLAN_CASES))
def test_a_hostile_plan_file_is_refused_and_changes_nothing(cast, case):
    make, filename, text = PLAN_CASES[case]
    data = make()
    before = counts()
    report = import_plan(org=cast.b, data=data, filename=filename, commit=True)
    assert not report.ok and not report.committed, case
    messages = " ".join(str(p) for p in report.problems)
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in messages), f"{case}: the message must be Thai"
    assert text in messages, f"{case}: {messages}"
    assert counts() == before


PROGRESS_HEAD = ["รหัสโครงการ", "โครงการ", "เบิกจ่าย (บาท)"]
PROGRESS_CASES = {
    "progress: empty": (b"", "x.csv", "ไฟล์ว่าง"),
    "progress: not a workbook": (b"<?xml version='1.0'?><x/>", "x.xlsx", "ไม่ใช่ไฟล์ Excel"),
    "progress: formula amount": ("รหัสโครงการ,เบิกจ่าย (บาท)\n{p},=1+1\n", "x.csv", "ไม่ใช่จำนวนเงิน"),
    "progress: negative": ("รหัสโครงการ,เบิกจ่าย (บาท)\n{p},-1\n", "x.csv", "ติดลบ"),
    "progress: over the budget": (
        "รหัสโครงการ,เบิกจ่าย (บาท)\n{p},999999999\n",
        "x.csv",
        "เกินงบประมาณ",
    ),
    "progress: unknown id": ("รหัสโครงการ,เบิกจ่าย (บาท)\n424242,1\n", "x.csv", "ไม่พบโครงการรหัส"),
    "progress: wrong header": ("project,amount\n1,2\n", "x.csv", "ไม่รู้จักหัวคอลัมน์"),
    "progress: bad status": (
        "รหัสโครงการ,เบิกจ่าย (บาท),สถานะ\n{p},1,เสร็จแล้วมั้ง\n",
        "x.csv",
        "ไม่รู้จักสถานะ",
    ),
    "progress: percent over 100": (
        "รหัสโครงการ,เบิกจ่าย (บาท),ความก้าวหน้า (%)\n{p},1,150\n",
        "x.csv",
        "0–100",
    ),
    "progress: impossible date": (
        "รหัสโครงการ,เบิกจ่าย (บาท),วันที่ลงนามสัญญา\n{p},1,31/2/2568\n",
        "x.csv",
        "วันที่",
    ),
}


@pytest.mark.parametrize("case", list(PROGRESS_CASES), ids=list(PROGRESS_CASES))
def test_a_hostile_disbursement_file_is_refused_and_changes_nothing(cast, year_a, case):
    data, filename, text = PROGRESS_CASES[case]
    if isinstance(data, str):
        data = data.format(p=year_a.dredge.pk).encode("utf-8")
    report = import_progress(
        org=cast.a, fiscal_year=2568, month=4, data=data, filename=filename, commit=True
    )
    assert not report.ok and not report.committed
    messages = " ".join(str(p) for p in report.problems)
    assert text in messages, f"{case}: {messages}"
    assert not ProjectYear.objects.exists() and not MonthlyProgress.objects.exists()


def test_the_corpus_is_at_least_fifty_files():
    assert len(PLAN_CASES) + len(PROGRESS_CASES) >= 50
