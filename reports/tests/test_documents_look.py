"""The documents as the paper forms: ผ.02's linkage lines ก.–จ. and its project count, and one
choice of digits for the whole of แบบที่ 2 (checked on the extracted text)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports.tests.test_documents import pdf_text

pytestmark = pytest.mark.django_db


def test_p02_has_the_linkage_lines_and_counts_projects(
    client, cast, plan_a, tmp_path, background_file
):
    from plans.models import LinkageTarget

    national = LinkageTarget.objects.filter(level="national").first()
    assert national is not None
    plan_a.s1.linkages.add(national)
    client.force_login(cast.alice)
    text = pdf_text(
        background_file(client, reverse("reports:p02", args=[cast.a.code, "pdf"])), tmp_path
    )
    flat = " ".join(text.split())
    assert "ก. ยุทธศาสตร์ชาติ 20 ปี" in flat and national.name.split()[0] in flat
    assert "ข. แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13" in flat
    assert "จ. ยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัด" in flat
    # strategy 1 / tactic 1.1 / โยธา holds 2 projects over 5 years: "รวม 2 โครงการ", not 10
    assert "รวม 2 โครงการ" in flat and "รวม 1 โครงการ" in flat
    ws = load_workbook(
        io.BytesIO(client.get(reverse("reports:p02", args=[cast.a.code, "xlsx"])).content)
    ).active
    counts = [r[2] for r in ws.iter_rows(values_only=True) if r[1] == "รวม"]
    assert counts == ["2 โครงการ", "1 โครงการ"]


@pytest.mark.parametrize(("digits", "two", "other"), [("thai", "๒", "2"), ("", "2", "๒")])
def test_form2_uses_one_kind_of_digit_throughout(
    client, cast, year_a, tmp_path, digits, two, other
):
    client.force_login(cast.alice)
    url = reverse("reports:form2", args=[cast.a.code, 2568, "q1", "pdf"])
    text = pdf_text(client.get(url, {"digits": digits} if digits else {}).content, tmp_path)
    flat = " ".join(text.split())
    assert flat.count(f"แบบที่ {two}") >= 2  # the corner box and the title agree
    assert f"แบบที่ {other}" not in flat


def test_amounts_in_docx_tables_do_not_wrap(client, cast, year_a, background_file):
    from docx import Document

    client.force_login(cast.alice)
    data = background_file(client, reverse("reports:annual", args=[cast.a.code, 2568, "docx"]))
    doc = Document(io.BytesIO(data))
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    import re

    money = [
        c
        for t in doc.tables
        for row in t.rows[1:]
        for c in row.cells[1:]
        if re.fullmatch(r"\d[\d,]*\.\d\d", c.text)
    ]
    assert money, "the tables hold amounts"
    assert all(c._tc.tcPr.find(f"{ns}noWrap") is not None for c in money)
    Document(io.BytesIO(data))  # still a valid document after the change
