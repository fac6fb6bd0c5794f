"""The annual M&E report in one click: PDF and DOCX carry the year's numbers and the narrative."""

import io

import pytest
from django.urls import reverse

from evaluation import services
from evaluation.models import AnnualReport

pytestmark = pytest.mark.django_db


def test_the_officer_edits_the_narrative_and_gets_pdf_and_docx(
    client, cast, year_a, reference_lists, background_file
):
    from docx import Document

    client.force_login(cast.alice)
    url = reverse("evaluation:annual_year", args=[cast.a.code, 2568])
    page = client.get(url).content.decode()
    assert "ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนา" in page  # the default introduction
    form = {
        "introduction": "บทนำของเรา",
        "method": "วิธีของเรา",
        "problems": "ฝนตกหนัก",
        "recommendations": "เร่งจัดซื้อจัดจ้างไตรมาสแรก",
        "presented_on": "5/12/2568",
        "announced_on": "19/12/2568",
        "posted_from": "19/12/2568",
        "posted_until": "17/1/2569",
        "seen": "new",
    }
    client.post(url, form)
    report = AnnualReport.objects.get(org=cast.a, fiscal_year=2568)
    assert report.problems == "ฝนตกหนัก" and str(report.announced_on) == "2025-12-19"

    docx = background_file(client, reverse("reports:annual", args=[cast.a.code, 2568, "docx"]))
    text = "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
    for expected in (
        "รายงานการติดตามและประเมินผลแผนพัฒนาท้องถิ่น",
        "บทนำของเรา",
        "เร่งจัดซื้อจัดจ้างไตรมาสแรก",
        "ได้รับอนุมัติงบประมาณ 2 โครงการ",
        "ประกาศ ณ วันที่ 19 ธันวาคม 2568",
    ):
        assert expected in text, expected
    pdf = background_file(client, reverse("reports:annual", args=[cast.a.code, 2568, "pdf"]))
    assert pdf[:5] == b"%PDF-" and len(pdf) > 20_000


def test_announcing_before_presenting_is_refused(cast, plan_a):
    import datetime as dt

    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="ไม่ก่อนวันที่เสนอ"):
        services.annual_report_save(
            org=cast.a,
            fiscal_year=2568,
            presented_on=dt.date(2025, 12, 5),
            announced_on=dt.date(2025, 12, 1),
        )
    assert not AnnualReport.objects.exists()


def test_the_public_reads_the_announced_report_as_it_was_announced(
    client, cast, year_a, reference_lists, worker
):
    import datetime as dt

    url = reverse("public_org", args=[cast.a.code])
    assert "ยังไม่มีรายงานที่ประกาศ" in client.get(url).content.decode()
    assert client.get(reverse("public_annual", args=[cast.a.code, 2568])).status_code == 404
    services.annual_report_save(
        org=cast.a,
        fiscal_year=2568,
        presented_on=dt.date(2025, 12, 5),
        announced_on=dt.date(2025, 12, 12),
    )
    page = client.get(url).content.decode()  # no login
    assert "12 ธันวาคม 2568" in page
    # the worker makes the announced PDF after the announcement; a reader never does
    pending = client.get(reverse("public_annual", args=[cast.a.code, 2568]))
    assert pending.status_code == 503 and "กำลังจัดเก็บเอกสารที่ประกาศ" in pending.content.decode()
    assert not AnnualReport.objects.get(org=cast.a, fiscal_year=2568).pdf
    assert worker() == 1
    first = b"".join(
        client.get(reverse("public_annual", args=[cast.a.code, 2568])).streaming_content
    )
    assert first[:5] == b"%PDF-"
    services.annual_report_save(org=cast.a, fiscal_year=2568, problems="แก้ไขภายหลังประกาศ")
    assert worker() == 0  # already kept: nothing to redo
    again = b"".join(
        client.get(reverse("public_annual", args=[cast.a.code, 2568])).streaming_content
    )
    assert again == first  # the announced document does not change afterwards


def test_open_data_lists_the_approved_plan_and_the_announced_reports(client, cast, plan_a):
    import csv
    import datetime as dt

    body = client.get(reverse("open_plan", args=[cast.a.code, "csv"])).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 3 and rows[0]["budget_2567"] == "500000.00"
    data = client.get(reverse("open_plan", args=[cast.a.code, "json"])).json()
    assert data["org"] == cast.a.code and len(data["projects"]) == 3
    assert client.get(reverse("open_reports", args=[cast.a.code, "json"])).json()["reports"] == []
    services.annual_report_save(
        org=cast.a,
        fiscal_year=2568,
        presented_on=dt.date(2025, 12, 5),
        announced_on=dt.date(2025, 12, 10),
    )
    services.annual_report_save(org=cast.a, fiscal_year=2569)  # not announced: not published
    data = client.get(reverse("open_reports", args=[cast.a.code, "json"])).json()
    (report,) = data["reports"]
    assert report["fiscal_year"] == 2568 and report["pdf"].endswith(
        f"/p/{cast.a.code}/annual/2568.pdf"
    )
    assert report["announced_on"] == "2025-12-10"
    assert [s["number"] for s in report["strategies"]] == [1, 2]
    assert report["total"]["projects_in_plan"] == sum(
        s["projects_in_plan"] for s in report["strategies"]
    )
    body = client.get(reverse("open_reports", args=[cast.a.code, "csv"])).content.decode(
        "utf-8-sig"
    )
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["strategy_name"] for r in rows][-1] == "รวม" and len(rows) == 3
    assert rows[-1]["budget"] == report["total"]["budget"]
    assert client.get(f"/open-data/{cast.a.code}/reports.xml").status_code == 404
