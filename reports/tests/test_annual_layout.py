"""The annual report's layout: the DOCX carries the PDF's charts, the PDF keeps KPI rows
together."""

import io
import subprocess
from decimal import Decimal

import pytest

from reports.annual import annual_document
from tidtam.walk import doubled_phrases

pytestmark = pytest.mark.django_db


def test_the_docx_carries_both_charts_as_images(cast, year_a, reference_lists):
    from docx import Document
    from PIL import Image

    _, _, docx = annual_document(cast.a, 2568, "docx")
    doc = Document(io.BytesIO(docx))
    shapes = list(doc.inline_shapes)
    assert len(shapes) == 2  # สถานะโครงการ and การเบิกจ่ายสะสม (org A has no emblem)
    text = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert doubled_phrases("\n".join(text + cells)) == []  # no "ประจำปี ประจำปี"
    titles = [
        p
        for p in doc.paragraphs
        if p.text in ("สถานะโครงการตามยุทธศาสตร์", "การเบิกจ่ายสะสมเทียบแผนการดำเนินงาน")
    ]
    assert len(titles) == 2 and all(p.paragraph_format.keep_with_next for p in titles)
    for shape in shapes:
        blob = doc.part.related_parts[
            shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        ].blob
        image = Image.open(io.BytesIO(blob))
        assert image.format == "PNG" and image.width > 1000
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours and len(colours) > 20  # a drawing (bars, lines, Thai labels), not a blank
        assert 15.5 < shape.width.cm < 16.5  # the text width of the A4 page


def _kpis(plan, n: int) -> None:
    from plans.models import KPI, KPITarget

    for i in range(1, n + 1):
        strategy = plan.s1 if i <= n // 2 else plan.s2
        kpi = KPI.objects.create(
            strategy=strategy, number=i, unit="ร้อยละ", name=f"ครัวเรือนที่เข้าถึงบริการ ตัวชี้วัดทดสอบ{i}"
        )
        KPITarget.objects.create(kpi=kpi, year=2568, value=Decimal(80))


@pytest.mark.parametrize("n", [39, 40])  # 39 left its last row alone on a page before
def test_no_pdf_page_holds_a_lone_kpi_row(cast, plan_a, year_a, reference_lists, n):
    _kpis(plan_a, n)
    _, _, pdf = annual_document(cast.a, 2568, "pdf")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    pages = text.stdout.decode().split("\f")
    per_page = [page.count("ตัวชี้วัดทดสอบ") for page in pages]
    assert doubled_phrases("\n".join(pages)) == []
    with_rows = [c for c in per_page if c]
    assert sum(with_rows) == n and len(with_rows) == 2  # the table does cross a page
    assert min(with_rows) >= 3, per_page
