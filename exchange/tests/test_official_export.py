"""ผ.01/ผ.02 written back in the official layout: fonts, merged header, print setup, text cells
that stay text, and import(export(plan)) == plan."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from exchange.official_export import official_workbook
from exchange.plan_import import EditionApproval, import_plan
from exchange.tests import official_books as books
from plans import services
from plans.models import Plan
from plans.selectors import approved_seq_on, plan_summary, project_rows, working_seq


def snapshot(plan, seq):
    return sorted(
        (
            v.strategy.number,
            v.strategy.name,
            (v.tactic.number, v.tactic.name) if v.tactic else None,
            v.program.code,
            v.name,
            v.objective,
            v.target,
            v.kpi,
            v.expected_result,
            v.responsible_unit,
            v.form,
            v.edition.label,
            tuple((b.year, b.amount) for b in v.budgets.all()),
        )
        for v in project_rows(plan, seq)
    )


def p01(plan, seq):
    return [(r.label, [(c.count, c.amount) for c in r.cells]) for r in plan_summary(plan, seq).rows]


@pytest.fixture
def richer_plan(plan_a):
    """plan_a plus an approved addition with a multi-line target, a ผ.02/1 project and a satang
    amount."""
    edition = services.edition_create(plan=plan_a, kind="addition", number=1, year=2567)
    for name, form, target, budgets in (
        ("จัดงานวันเด็ก", "ผ.02", "1 งาน", {2568: Decimal("45000.50")}),
        ("ส่งเสริมอาชีพกลุ่มสตรี", "ผ.02/1", "สตรี 30 คน\nหมู่ที่ 1–3", {2567: Decimal(25000)}),
    ):
        services.project_add(
            edition=edition,
            data=services.ProjectData(
                strategy=plan_a.s2,
                program=plan_a.edu,
                name=name,
                form=form,
                target=target,
                objective="เพื่อส่งเสริม",
                kpi="ร้อยละ 80",
                expected_result="ประชาชนพึงพอใจ",
                responsible_unit="กองการศึกษา",
                budgets=budgets,
            ),
        )
    services.edition_approve(edition=edition, approved_on=dt.date(2024, 1, 10), approver="นายก")
    return plan_a


@pytest.mark.django_db
def test_import_of_the_official_export_gives_the_same_plan(cast, richer_plan):
    seq = approved_seq_on(richer_plan)
    data = official_workbook(richer_plan, seq)
    preview = import_plan(org=cast.b, data=data, filename="export.xlsx", commit=False)
    assert preview.ok, [str(p) for p in preview.problems]
    assert preview.layout == "official"
    assert preview.differences == []  # the export's own totals agree with its rows
    approvals = {
        e.label: EditionApproval(approver="นายก", approved_on=dt.date(2024, 1, n))
        for n, e in enumerate(preview.editions, 1)
    }
    report = import_plan(org=cast.b, data=data, filename="export.xlsx", approvals=approvals)
    assert report.ok, [str(p) for p in report.problems]
    plan_b = Plan.objects.get(org=cast.b)
    assert snapshot(plan_b, working_seq(plan_b)) == snapshot(richer_plan, seq)
    assert p01(plan_b, working_seq(plan_b)) == p01(richer_plan, seq)


@pytest.mark.django_db
def test_an_imported_book_exported_and_imported_again_is_unchanged(cast, plan_a):
    data, expected = books.book_basic()
    assert import_plan(org=cast.b, data=data, filename="a.xlsx").ok
    plan_b = Plan.objects.get(org=cast.b)
    again = official_workbook(plan_b, working_seq(plan_b))
    from orgs.models import Organization

    org_c = Organization.objects.create(
        code="C1", name="อบต.ทดสอบ", org_type=cast.b.org_type, province=cast.b.province
    )
    report = import_plan(org=org_c, data=again, filename="b.xlsx")
    assert report.ok, [str(p) for p in report.problems]
    plan_c = Plan.objects.get(org=org_c)
    assert snapshot(plan_c, working_seq(plan_c)) == snapshot(plan_b, working_seq(plan_b))


@pytest.mark.django_db
def test_the_export_is_in_the_official_look(richer_plan):
    draft = services.edition_create(plan=richer_plan, kind="addition", number=2, year=2568)
    services.project_add(
        edition=draft,
        data=services.ProjectData(
            strategy=richer_plan.s2, program=richer_plan.edu, name='=HYPERLINK("http://x")'
        ),
    )
    wb = load_workbook(io.BytesIO(official_workbook(richer_plan, working_seq(richer_plan))))
    assert wb.sheetnames[0] == "ผ.01"
    assert len(wb.sheetnames) == 4  # ผ.01, ผ.02 1.1 works, ผ.02 2 education, ผ.02-1 2 education
    ws = wb[wb.sheetnames[1]]
    assert ws["A2"].value == "รายละเอียดโครงการพัฒนา"
    assert ws["A5"].value == "ยุทธศาสตร์ที่ 1 ยุทธศาสตร์ด้านการพัฒนาโครงสร้างพื้นฐาน" or ws[
        "A5"
    ].value.startswith("1. ยุทธศาสตร์")
    header = next(r for r in range(1, 15) if ws.cell(r, 1).value == "ที่")
    assert ws.cell(header, 5).value == "งบประมาณและที่ผ่านมา"
    assert [ws.cell(header + 1, c).value for c in range(5, 10)] == [
        "2566",
        "2567",
        "2568",
        "2569",
        "2570",
    ]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert f"E{header}:I{header}" in merged and f"A{header}:A{header + 2}" in merged
    for sheet in wb.worksheets:
        fonts = {c.font.name for row in sheet.iter_rows() for c in row if c.value is not None}
        sizes = {c.font.sz for row in sheet.iter_rows() for c in row if c.value is not None}
        assert fonts == {"TH SarabunPSK"} and sizes == {16}
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet.print_area
    education = wb[wb.sheetnames[2]]
    hostile = next(
        c for row in education.iter_rows() for c in row if str(c.value).startswith("=HYPER")
    )
    assert hostile.data_type == "s"  # text, never a formula
    p01 = wb["ผ.01"]
    total = next(r for r in range(1, 40) if p01.cell(r, 1).value == "รวมทั้งสิ้น")
    # 2568: road 0 + dredge 300,000 + lunch 250,000 + 45,000.50
    assert (p01.cell(total, 6).value, p01.cell(total, 7).value) == (3, Decimal("595000.50"))


@pytest.mark.django_db
def test_the_overview_offers_the_official_export(client, cast, richer_plan):
    from django.urls import reverse

    client.force_login(cast.alice)
    overview = client.get(reverse("plans:overview", args=[cast.a.code])).content.decode()
    url = reverse("exchange:export_official", args=[cast.a.code])
    assert url in overview
    response = client.get(url)
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames[0] == "ผ.01" and len(wb.sheetnames) == 4
