import datetime as dt
import io
import re
import subprocess
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from plans.selectors import approved_seq_on, plan_summary
from tidtam.walk import doubled_phrases


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "Sarabun" in fonts  # embedded, not a fallback
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert doubled_phrases(text, columns=True) == []  # every document says each phrase once
    return text


def test_the_p01_pdf_is_made_by_the_worker_as_a_sarabun_document_with_the_totals(
    client, cast, plan_a, tmp_path, background_file
):
    client.force_login(cast.alice)
    text = pdf_text(
        background_file(client, reverse("reports:p01", args=[cast.a.code, "pdf"])), tmp_path
    )
    assert "บัญชีสรุปโครงการพัฒนา" in text
    assert "2,050,000.00" in text  # 5-year total of plan_a


def test_the_p01_pdf_can_use_thai_digits(client, cast, plan_a, tmp_path, background_file):
    client.force_login(cast.alice)
    url = reverse("reports:p01", args=[cast.a.code, "pdf"])
    text = pdf_text(background_file(client, url + "?digits=thai"), tmp_path)
    assert "๒,๐๕๐,๐๐๐.๐๐" in text and "2,050,000" not in text
    assert "หน้า ๑ / ๑" in text  # the page numbers too
    assert re.search(r"หน้า 1 / \d", pdf_text(background_file(client, url), tmp_path))


def test_the_p01_workbook_matches_the_summary(client, cast, plan_a):
    client.force_login(cast.alice)
    response = client.get(reverse("reports:p01", args=[cast.a.code, "xlsx"]))
    ws = load_workbook(io.BytesIO(response.content)).active
    last = [c.value for c in list(ws.iter_rows())[-1]]
    total = plan_summary(plan_a, approved_seq_on(plan_a)).total
    assert last[0] == "รวม"
    assert last[-2:] == [total.total.count, Decimal(total.total.amount)]
    assert ws["A1"].font.name == "Sarabun"


def test_the_p02_workbook_lists_every_project_with_block_totals(client, cast, plan_a):
    client.force_login(cast.alice)
    ws = load_workbook(
        io.BytesIO(client.get(reverse("reports:p02", args=[cast.a.code, "xlsx"])).content)
    ).active
    names = [r[1] for r in ws.iter_rows(values_only=True)]
    assert names.count("รวม") == 2
    assert "ขุดลอกลำห้วยโคกสูง หมู่ที่ 5" in names


def test_the_action_plan_documents_render(client, cast, plan_a, tmp_path, background_file):
    import datetime as dt

    from plans import services

    ordinance = services.ordinance_create(
        org=cast.a, fiscal_year=2568, kind="annual", promulgated_on=dt.date(2024, 9, 15)
    )
    line = services.budget_line_add(
        ordinance=ordinance, project=plan_a.projects_[1], amount=Decimal(280000)
    )
    ap = services.action_plan_create(org=cast.a, fiscal_year=2568, approved_on=dt.date(2024, 10, 1))
    services.action_item_add(
        action_plan=ap, budget_line=line, name="ขุดลอกลำห้วยโคกสูง", amount=line.amount, months=[4, 5]
    )
    client.force_login(cast.alice)
    text = pdf_text(
        background_file(client, reverse("reports:pd02", args=[cast.a.code, 2568, "pdf"])), tmp_path
    )
    assert "280,000.00" in text and "พ.ศ. 2567" in text
    pd01 = pdf_text(
        background_file(client, reverse("reports:pd01", args=[cast.a.code, 2568, "pdf"])), tmp_path
    )
    assert "280,000.00" in pd01
    ws = load_workbook(
        io.BytesIO(client.get(reverse("reports:pd01", args=[cast.a.code, 2568, "xlsx"])).content)
    ).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[-1][:3] == ("รวม", None, 1)


def test_no_p02_page_ends_with_a_lone_strategy_or_program_heading(cast, plan_a, tmp_path):
    """ผ.02 groups projects under ยุทธศาสตร์ / กลยุทธ์ / แผนงาน headings: a heading is never the last
    thing on a page (its projects on the next), whatever the page breaks."""
    from plans import services as ps
    from plans.models import Program
    from reports.documents import p02

    programs = list(Program.objects.order_by("code")[:4])
    strategies = [plan_a.s1] + [
        ps.strategy_create(plan=plan_a, number=n, name=f"ยุทธศาสตร์ด้านที่ {n} ของแผน") for n in (3, 4)
    ]
    draft = ps.edition_create(plan=plan_a, kind="addition", number=1, year=2567)
    rows = [
        ps.ProjectData(
            strategy=s,
            program=p,
            name=f"ก่อสร้างถนนคอนกรีตเสริมเหล็กสายที่ {i} หมู่ที่ {i % 12 + 1} ({p.code})",
            objective="เพื่อให้ประชาชนมีคุณภาพชีวิตที่ดีขึ้น " * (1 + i % 3),
            budgets={2567: Decimal(10000 * (i + 1))},
        )
        for s in strategies
        for p in programs
        for i in range(3 + (s.number + len(p.name)) % 4)
    ]
    ps.projects_bulk_add(edition=draft, rows=rows)
    ps.edition_approve(edition=draft, approved_on=dt.date(2024, 1, 15))
    _, _, data = p02(plan_a, draft.seq, "pdf")
    path = tmp_path / "p02.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 3
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
            capture_output=True,
            text=True,
        ).stdout
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        last = [ln for ln in lines if not ln.startswith("หน้า")][-1]
        assert not last.startswith(("ยุทธศาสตร์ที่", "กลยุทธ์ที่", "แผนงาน")), (page, last)
