"""The evidence documents of an ITA item: DOCX from the org's details, in Thai digits and BE."""

import io

import pytest
from django.urls import reverse

from reports.tests.test_org_details_docs import detailed  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(content))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_memo_and_the_disclosure_form_name_the_org_the_item_and_the_executive(
    client,
    detailed,  # noqa: F811
    cast,
):
    from docx import Document

    from reports.models import ItaItem

    client.force_login(cast.alice)
    url = reverse("reports:ita_evidence", args=[detailed.code, 2568, "O12", "memo"])
    response = client.get(url)
    assert response.status_code == 200 and "wordprocessingml" in response["Content-Type"]
    text = _text(response.content)
    assert text.startswith("บันทึกข้อความ") or "\nบันทึกข้อความ\n" in text
    assert "ส่วนราชการ  กองยุทธศาสตร์และงบประมาณ เทศบาล" in text
    assert (
        "ขออนุญาตเผยแพร่รายงานผลการดำเนินงานประจำปี ประจำปีงบประมาณ พ.ศ.\u00a0๒๕๖๘ (ITA ข้อ O12)" in text
    )
    assert "เรียน  นายกเทศมนตรีเมืองบัวใหญ่" in text
    assert "(นายสมชาย ใจกล้า)" in text and "(นางสาวมาลี ศรีสุข)" in text  # executive, reporter
    assert "ทราบ และอนุญาตให้เผยแพร่" in text
    public = reverse("public_ita", args=[detailed.code, 2568, "O12"])
    assert "http://testserver" + public in text  # the link as a browser reads it
    from django.utils import timezone

    from thai.dates import be_year, thai_date
    from thai.digits import thai_digits

    today = timezone.localdate()
    assert f"/{thai_digits(be_year(today.year))}" in text  # ที่ …/๒๕๖๙
    assert f"วันที่  {thai_digits(thai_date(today))}" in text
    doc = Document(io.BytesIO(response.content))
    assert doc.styles["Normal"].font.name == "TH Sarabun New"
    assert len(doc.inline_shapes) == 1  # the emblem
    body = text.replace("http://testserver" + public, "").replace("O12", "")
    assert not any(ch.isdigit() and ch.isascii() for ch in body)  # every other number in Thai

    form = client.get(
        reverse("reports:ita_evidence", args=[detailed.code, 2568, "O12", "disclosure"])
    )
    text = _text(form.content)
    assert "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน" in text
    assert "ข้อ O12 รายงานผลการดำเนินงานประจำปี" in text
    assert "ผู้อนุมัติรับรอง" in text and "ตำแหน่ง นายกเทศมนตรีเมืองบัวใหญ่" in text
    # the item is the year's data: renamed, the documents follow
    ItaItem.objects.filter(fiscal_year=2568, code="O12").update(
        name="รายงานผลการดำเนินงานประจำปีที่ผ่านมา"
    )
    text = _text(client.get(url).content)
    assert "ขออนุญาตเผยแพร่รายงานผลการดำเนินงานประจำปีที่ผ่านมา ประจำปีงบประมาณ" in text
    assert client.get(url.replace("O12", "O99")).status_code == 404
    client.force_login(cast.olga)  # another org's person
    assert client.get(url).status_code in (403, 404)


def test_the_links_are_on_the_ita_section_for_the_orgs_staff_and_on_the_annual_page(
    client, cast, year_a
):
    memo = reverse("reports:ita_evidence", args=[cast.a.code, 2568, "O12", "memo"])
    client.force_login(cast.alice)
    annual = client.get(
        reverse("evaluation:annual_year", args=[cast.a.code, 2568])
    ).content.decode()
    assert f'href="{memo}"' in annual
    public = reverse("public_org", args=[cast.a.code]) + "?ita=2568"
    assert f'href="{memo}"' in client.get(public).content.decode()
    client.logout()
    assert f'href="{memo}"' not in client.get(public).content.decode()  # citizens: not theirs
