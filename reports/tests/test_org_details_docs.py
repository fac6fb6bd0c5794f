"""The org's own details where official documents name the org, its executive and its place."""

import io

import pytest
from django.urls import reverse

from orgs.models import District

pytestmark = pytest.mark.django_db


@pytest.fixture
def detailed(cast, tmp_path):
    """Org A with its details: emblem, executive, the planning division and its head."""
    from django.core.files.base import ContentFile
    from PIL import Image

    from orgs.services import division_save, org_details_update

    cast.a.district = District.objects.create(province=cast.a.province, name="บัวใหญ่", code="3019")
    cast.a.save()
    plan_div = division_save(
        org=cast.a,
        name="กองยุทธศาสตร์และงบประมาณ",
        head_name="นางสาวมาลี ศรีสุข",
        head_title="ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ",
    )
    buf = io.BytesIO()
    Image.new("RGB", (120, 120), (200, 30, 30)).save(buf, "PNG")
    org_details_update(
        org=cast.a,
        data={
            "executive_name": "นายสมชาย ใจกล้า",
            "executive_title": "นายกเทศมนตรีเมืองบัวใหญ่",
            "planning_division": plan_div,
            "address": "99 หมู่ 1",
        },
        emblem=ContentFile(buf.getvalue(), name="emblem.png"),
    )
    return cast.a


def test_the_annual_reports_announcement_carries_the_body_emblem_and_the_executive(
    detailed, year_a, reference_lists
):
    from django.template.loader import render_to_string

    from reports.annual import announcement, context

    ctx = context(detailed, 2568)
    html = render_to_string("reports/annual.html", {**ctx, "td": False, "font_dir": ""})
    section = html[html.index('id="announcement"') :]
    body = announcement(ctx)
    shown = (
        section.replace('<span class="nowrap">', "")
        .replace("</span>", "")
        .replace("&nbsp;", "\u00a0")
    )
    assert body.startswith("ตามระเบียบกระทรวงมหาดไทย") and body in shown  # as the DOCX has it
    assert "พ.ศ.\u00a02568" in body and "พ.ศ. 2568" not in body
    assert '<span class="nowrap">พ.ศ.&nbsp;2568</span>' in section and "พ.ศ. 2568" not in html
    assert "(นายสมชาย ใจกล้า)" in section and "ตำแหน่ง นายกเทศมนตรีเมืองบัวใหญ่" in section
    assert '<img class="emblem" src="file://' in section
    cover = html[html.index('class="cover') : html.index("</div>", html.index('class="cover'))]
    assert "อำเภอบัวใหญ่ จังหวัดนครราชสีมา" in cover and 'class="emblem"' in cover
    assert "99 หมู่ 1 อำเภอบัวใหญ่ จังหวัดนครราชสีมา" in cover  # the address


def test_the_annual_docx_has_the_same_announcement_and_signature(
    client, detailed, cast, year_a, reference_lists, background_file
):
    from docx import Document

    from reports.annual import announcement, context

    client.force_login(cast.alice)
    docx = background_file(client, reverse("reports:annual", args=[cast.a.code, 2568, "docx"]))
    doc = Document(io.BytesIO(docx))
    text = [p.text for p in doc.paragraphs]
    assert announcement(context(detailed, 2568)) in text
    i = text.index("(นายสมชาย ใจกล้า)")
    assert text[i + 1] == "ตำแหน่ง นายกเทศมนตรีเมืองบัวใหญ่"
    assert "อำเภอบัวใหญ่ จังหวัดนครราชสีมา" in text and "99 หมู่ 1 อำเภอบัวใหญ่ จังหวัดนครราชสีมา" in text
    assert len(doc.inline_shapes) == 4  # the emblem on the cover and on the ประกาศ, two charts


def test_the_six_month_report_names_the_reporter_and_the_executive(
    client, detailed, cast, year_a, reference_lists
):
    from docx import Document

    client.force_login(cast.alice)
    r = client.get(reverse("reports:six_month", args=[cast.a.code, 2568, "docx"]))
    text = [p.text for p in Document(io.BytesIO(r.content)).paragraphs]
    assert "เทศบาลเมืองบัวใหญ่ อำเภอบัวใหญ่ จังหวัดนครราชสีมา" in text
    i = text.index("(นางสาวมาลี ศรีสุข)")
    assert (
        text[i - 1].endswith("ผู้รายงาน") and text[i + 1] == "ตำแหน่ง ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ"
    )
    assert "(นายสมชาย ใจกล้า)" in text


def test_without_details_the_forms_leave_lines_to_be_written_in(cast):
    from reports.signatures import executive, reporter

    assert executive(cast.a).lines()[1].startswith("(....")
    assert executive(cast.a).title == "นายกเทศมนตรีเมืองบัวใหญ่"
    assert executive(cast.b).title == "นายกองค์การบริหารส่วนตำบลกระเบื้องใหญ่"
    assert reporter(cast.a).title == "นักวิเคราะห์นโยบายและแผน"
    assert cast.pao.heading == "องค์การบริหารส่วนจังหวัดนครราชสีมา"


def test_plan_documents_name_the_district_and_province(client, detailed, cast, plan_a):
    from openpyxl import load_workbook

    client.force_login(cast.alice)
    r = client.get(reverse("reports:p01", args=[cast.a.code, "xlsx"]))
    ws = load_workbook(io.BytesIO(r.content)).active
    cells = [c for row in ws.iter_rows(max_row=5, values_only=True) for c in row if c]
    assert "เทศบาลเมืองบัวใหญ่ อำเภอบัวใหญ่ จังหวัดนครราชสีมา" in cells


def test_no_line_of_the_annual_pdf_ends_at_the_era(
    client, detailed, cast, year_a, reference_lists, background_file
):
    """ "พ.ศ. 2568" stays on one line (a no-break space alone did not hold in WeasyPrint)."""
    import subprocess

    client.force_login(cast.alice)
    pdf = background_file(client, reverse("reports:annual", args=[cast.a.code, 2568, "pdf"]))
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True).stdout.decode()
    assert text.count("พ.ศ.") >= 5
    assert not [line for line in text.splitlines() if line.rstrip().endswith("พ.ศ.")]


def test_the_public_page_gives_the_orgs_address_and_contacts(client, detailed):
    from orgs.services import org_details_update

    org_details_update(
        org=detailed, data={"website": "https://www.buayai.go.th", "email": "saraban@buayai.go.th"}
    )
    html = client.get(reverse("public_org", args=[detailed.code])).content.decode()
    contact = html[html.index('id="org-contact"') :]
    assert "99 หมู่ 1 อำเภอบัวใหญ่" in contact and "saraban@buayai.go.th" in contact
