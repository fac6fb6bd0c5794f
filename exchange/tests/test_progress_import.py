"""A month's disbursement from a workbook/CSV: all rows or none, every problem named."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from exchange.progress_import import import_progress
from monitoring.models import MonthlyProgress, ProjectYear, Status

pytestmark = pytest.mark.django_db

HEAD = ["รหัสโครงการ", "โครงการ", "เบิกจ่าย (บาท)"]


def book(rows, head=HEAD) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(head)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def run(cast, data, filename="เบิกจ่าย.xlsx", commit=True, month=4):
    return import_progress(
        org=cast.a, fiscal_year=2568, month=month, data=data, filename=filename, commit=commit
    )


def test_it_imports_by_id_or_by_name_with_thai_digits_and_commas(cast, year_a):
    data = book(
        [[year_a.dredge.pk, "", "๕๐,๐๐๐"], ["", "โครงการอาหารกลางวันศูนย์พัฒนาเด็กเล็ก", "20,833.33"]]
    )
    report = run(cast, data)
    assert report.ok and report.committed, report.problems
    dredge = ProjectYear.objects.get(project=year_a.dredge)
    assert (dredge.disbursed, dredge.status) == (Decimal(50000), Status.IN_PROGRESS)
    assert ProjectYear.objects.get(project=year_a.lunch).disbursed == Decimal("20833.33")


def test_the_preview_writes_nothing(cast, year_a):
    report = run(cast, book([[year_a.dredge.pk, "", 1000]]), commit=False)
    assert report.ok and len(report.changes) == 1 and report.total == 1000
    assert not ProjectYear.objects.exists() and not MonthlyProgress.objects.exists()


def test_a_csv_in_thai_windows_encoding_is_read(cast, year_a):
    text = "รหัสโครงการ,เบิกจ่าย (บาท)\r\n" + f'{year_a.dredge.pk},"1,500"\r\n'
    report = run(cast, text.encode("cp874"), filename="eLAAS.csv")
    assert report.ok, report.problems
    assert ProjectYear.objects.get().disbursed == Decimal(1500)


@pytest.mark.parametrize(
    ("rows", "column", "text"),
    [
        ([["999999", "", 1]], "รหัสโครงการ", "ไม่พบโครงการรหัส"),
        ([["", "โครงการที่ไม่มีอยู่จริง", 1]], "โครงการ", "ไม่พบโครงการ “โครงการที่ไม่มีอยู่จริง”"),
        ([["{d}", "", "หนึ่งพัน"]], "เบิกจ่าย (บาท)", "ไม่ใช่จำนวนเงิน"),
        ([["{d}", "", -5]], "เบิกจ่าย (บาท)", "ติดลบ"),
        ([["{d}", "", 1], ["{d}", "", 2]], "โครงการ", "ซ้ำกับแถวที่ 3"),
        ([["{d}", "", 300001]], "เบิกจ่าย (บาท)", "เกินงบประมาณ"),
    ],
)
def test_one_bad_row_names_itself_and_nothing_is_written(cast, year_a, rows, column, text):
    good = [year_a.lunch.pk, "", 1000]
    rows = [[c.format(d=year_a.dredge.pk) if isinstance(c, str) else c for c in r] for r in rows]
    report = run(cast, book([good, *rows]))
    assert not report.ok and not report.committed
    assert any(p.column == column and text in p.message for p in report.problems), report.problems
    assert report.problems[0].row >= 3
    assert not MonthlyProgress.objects.exists()


def test_wrong_headers_and_empty_files_are_refused(cast, year_a):
    report = run(cast, book([[1, 2]], head=["ชื่อ", "ยอด"]))
    assert {p.column for p in report.problems} >= {"ชื่อ", "ยอด", "เบิกจ่าย (บาท)"}
    assert "ไฟล์ว่าง" in str(run(cast, b"", filename="x.csv").problems[0])
    assert (
        "xlsx" in str(run(cast, b"PK\x03\x04not really", filename="x.xlsx").problems[0]).lower()
        or run(cast, b"PK\x03\x04not really", filename="x.xlsx").problems
    )
    assert not MonthlyProgress.objects.exists()


def test_the_web_import_previews_then_commits(client, cast, year_a):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(cast.alice)
    url = reverse("exchange:progress_import", args=[cast.a.code, 2568, 4])
    upload = SimpleUploadedFile("เบิกจ่าย.xlsx", book([[year_a.dredge.pk, "", "75,000"]]))
    body = client.post(url, {"file": upload}).content.decode()
    assert "พร้อมนำเข้า 1 โครงการ" in body and not MonthlyProgress.objects.exists()
    token = body.split("/progress/2568/4/")[1].split("/commit/")[0]
    response = client.post(
        reverse("exchange:progress_commit", args=[cast.a.code, 2568, 4, token]), follow=True
    )
    assert "นำเข้าการเบิกจ่าย 1 โครงการ รวม 75,000.00 บาทแล้ว" in response.content.decode()
    assert MonthlyProgress.objects.get().disbursed == Decimal(75000)
