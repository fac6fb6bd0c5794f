"""The official book, read as it is: six books built in official_books (12/17 columns, edition
rows, restarts, continuation lines, duplicates, abbreviated แผนงาน, wrong printed totals, the
ผ.02/1 and ผ.02/2 forms) and the same book as .xls and .ods. Each must give its ผ.01 to the baht
and count, and the preview must list exactly the planted differences."""

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from exchange.plan_import import EditionApproval, import_plan
from exchange.tests import official_books as books
from plans.models import Edition, EditionStatus, Plan, Project, ProjectVersion
from plans.selectors import plan_summary, project_rows, working_seq


def approve_all(labels):
    return {
        label: EditionApproval(
            approver="นายกองค์การบริหารส่วนตำบล",
            approved_on=dt.date(2023, 10, 1 + n),
            meeting_on=dt.date(2023, 9, 1 + n),
        )
        for n, label in enumerate(labels)
    }


def p01(plan):
    summary = plan_summary(plan, working_seq(plan))
    return {y: (c.count, c.amount) for y, c in zip(summary.years, summary.total.cells, strict=True)}


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(books.BOOKS))
def test_each_official_book_imports_with_its_p01_and_only_the_planted_differences(cast, name):
    data, expected = books.BOOKS[name]()
    preview = import_plan(org=cast.b, data=data, filename=f"{name}.xlsx", commit=False)
    assert preview.ok, [str(p) for p in preview.problems]
    assert preview.layout == "official"
    assert [str(d) for d in preview.differences] == expected.differences
    assert len(preview.warnings) == expected.warnings, [str(w) for w in preview.warnings]
    assert [e.label for e in preview.editions] == expected.editions
    assert not Plan.objects.filter(org=cast.b).exists()  # the preview writes nothing

    report = import_plan(
        org=cast.b, data=data, filename=f"{name}.xlsx", approvals=approve_all(expected.editions)
    )
    assert report.ok, [str(p) for p in report.problems]
    plan = Plan.objects.get(org=cast.b)
    assert Project.objects.filter(plan=plan).count() == expected.projects
    assert p01(plan) == expected.p01


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_the_same_book_as_xls_and_ods_gives_the_same_plan(cast, suffix):
    """official_basic.xls/.ods are book_basic() converted by LibreOffice (books.as_legacy)."""
    _, expected = books.book_basic()
    legacy = (FIXTURES / f"official_basic.{suffix}").read_bytes()
    report = import_plan(org=cast.b, data=legacy, filename=f"plan.{suffix}")
    assert report.ok, [str(p) for p in report.problems]
    assert report.differences == []
    assert p01(Plan.objects.get(org=cast.b)) == expected.p01
    assert Project.objects.filter(plan__org=cast.b).count() == expected.projects


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_the_legacy_fixtures_are_the_basic_book(tmp_path):
    from exchange.tables import read_tables

    data, _ = books.book_basic()
    fresh = read_tables(books.as_legacy(data, "ods"), "b.ods")
    shipped = read_tables((FIXTURES / "official_basic.ods").read_bytes(), "b.ods")
    assert {k: v.rows for k, v in fresh.items()} == {k: v.rows for k, v in shipped.items()}


@pytest.mark.django_db
def test_the_basic_book_is_read_row_by_row(cast):
    data, _ = books.book_basic()
    report = import_plan(org=cast.b, data=data, filename="plan.xlsx")
    assert report.ok
    plan = Plan.objects.get(org=cast.b)
    assert {s.number: s.name for s in plan.strategies.all()} == {
        1: "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน",
        2: "ยุทธศาสตร์การพัฒนาด้านการศึกษา ศาสนา และวัฒนธรรม",
    }
    road = next(v for v in project_rows(plan, working_seq(plan)) if "สายบ้านนา" in v.name)
    # the continuation line's target and budget belong to the same project
    assert road.target == "ยาว 200 ม.\nกว้าง 5 ม. หนา 0.15 ม."
    assert {b.year: b.amount for b in road.budgets.all()}[2567] == Decimal(620000)
    assert road.objective == "เพื่อก่อสร้างถนน\nและเพื่อประโยชน์ของประชาชน"
    assert (road.tactic.number, road.program.code, road.form) == (1, "00310", "ผ.02")
    assert [s.kind for s in report.sheets] == ["ผ.01", "ผ.02", "ผ.02", "ผ.02", "ผ.02"][
        : len(report.sheets)
    ] or sorted(s.kind for s in report.sheets) == ["ผ.01", "ผ.02", "ผ.02", "ผ.02", "ผ.02"]


@pytest.mark.django_db
def test_editions_come_in_as_drafts_unless_approval_is_given(cast):
    data, _ = books.book_basic()
    report = import_plan(org=cast.b, data=data, filename="plan.xlsx")
    assert report.ok
    edition = Edition.objects.get(plan__org=cast.b)
    assert (edition.status, edition.approved_on, edition.approver) == (
        EditionStatus.DRAFT,
        None,
        "",
    )


@pytest.mark.django_db
def test_a_book_with_several_editions_needs_approval_for_all_but_the_last(cast):
    data, expected = books.book_editions()
    report = import_plan(org=cast.b, data=data, filename="plan.xlsx")
    assert not report.ok
    assert report.needs_approval == expected.editions[:-1]
    assert "ต้องระบุผู้อนุมัติและวันที่อนุมัติ" in str(report.problems[0])
    assert not Plan.objects.filter(org=cast.b).exists()
    # an approver without a date is not an approval
    half = approve_all(expected.editions[:-1])
    half[expected.editions[0]] = EditionApproval(approver="นายก", approved_on=None)
    assert not import_plan(org=cast.b, data=data, filename="p.xlsx", approvals=half).ok
    report = import_plan(
        org=cast.b, data=data, filename="p.xlsx", approvals=approve_all(expected.editions[:-1])
    )
    assert report.ok, [str(p) for p in report.problems]
    editions = list(Edition.objects.filter(plan__org=cast.b).order_by("seq"))
    assert [e.label for e in editions] == expected.editions
    assert [e.status for e in editions] == ["approved"] * 3 + ["draft"]
    assert all(e.approved_on for e in editions if e.status == "approved")
    # the change edition changed road 1 instead of adding it again
    plan = Plan.objects.get(org=cast.b)
    road1 = [v for v in project_rows(plan, working_seq(plan)) if v.name.endswith("หมู่ที่ 1")]
    assert len(road1) == 1 and road1[0].edition.label == "เปลี่ยนแปลง ครั้งที่ 1/2567"
    assert ProjectVersion.objects.filter(project=road1[0].project).count() == 2


@pytest.mark.django_db
def test_tolerant_matching_is_shown_and_a_zero_width_space_is_dropped(cast):
    data, _ = books.book_duplicates_and_abbreviations()
    report = import_plan(org=cast.b, data=data, filename="plan.xlsx")
    assert report.ok
    warnings = [str(w) for w in report.warnings]
    assert any(
        "อ่าน “แผนงานการศาสนา” เป็น “แผนงานการศาสนา วัฒนธรรม และนันทนาการ”" in w for w in warnings
    )
    assert any("อ่าน “ผง.การศึกษา” เป็น “แผนงานการศึกษา”" in w for w in warnings)
    assert any("โครงการซ้ำกับแผ่นงาน “ศาสนา” แถวที่ 16" in w for w in warnings), warnings
    names = set(Project.objects.filter(plan__org=cast.b).values_list("versions__name", flat=True))
    assert "ส่งเสริมกีฬาต้านยาเสพติด" in names


@pytest.mark.django_db
def test_a_program_that_fits_several_is_asked_and_can_be_chosen(cast):
    data, _ = books.book_basic()
    import io

    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    wb["ยุทธ1 เคหะ"]["A12"] = "(1) แผนงานชุมชน"  # เคหะและชุมชน or สร้างความเข้มแข็งของชุมชน
    buf = io.BytesIO()
    wb.save(buf)
    report = import_plan(org=cast.b, data=buf.getvalue(), filename="p.xlsx", commit=False)
    assert [str(p) for p in report.problems] == [
        "แผ่นงาน “ยุทธ1 เคหะ” แถวที่ 12 คอลัมน์ “แผนงาน”: แผนงาน “แผนงานชุมชน” ตรงกับได้หลายแผนงาน: "
        "“แผนงานเคหะและชุมชน” หรือ “แผนงานสร้างความเข้มแข็งของชุมชน” กรุณาเลือกแผนงานที่ถูกต้อง"
    ]
    report = import_plan(
        org=cast.b, data=buf.getvalue(), filename="p.xlsx", programs={"แผนงานชุมชน": "00240"}
    )
    assert report.ok, [str(p) for p in report.problems]


@pytest.mark.django_db
def test_progress_is_reported_as_rows_are_written(cast):
    data, expected = books.book_basic()
    calls = []
    report = import_plan(
        org=cast.b, data=data, filename="p.xlsx", progress=lambda d, t: calls.append((d, t))
    )
    assert report.ok
    assert calls[0] == (0, 6) and calls[-1] == (6, 6)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


@pytest.mark.django_db
def test_the_web_preview_shows_how_the_book_was_understood(client, cast, worker):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(cast.bob)
    data, expected = books.book_wrong_totals()
    response = client.post(
        reverse("exchange:import", args=[cast.b.code]),
        {"file": SimpleUploadedFile("book.xlsx", data)},
    )
    body = response.content.decode()
    assert "แผ่นงานที่อ่านได้" in body and "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน" in body
    for difference in expected.differences:
        assert difference in body
    assert 'name="approve"' not in body and "checked" not in body  # nothing approved by default
    token = response.context["token"]
    commit = reverse("exchange:import_commit", args=[cast.b.code, token])
    # half an approval is refused and nothing is written
    response = client.post(commit, {"edition-0-label": "ฉบับเดิม", "edition-0-approver": "นายก อบต."})
    assert "ต้องระบุทั้งผู้อนุมัติและวันที่อนุมัติ" in response.content.decode()
    assert not Plan.objects.filter(org=cast.b).exists()
    response = client.post(
        commit,
        {
            "edition-0-label": "ฉบับเดิม",
            "edition-0-approver": "นายก อบต.",
            "edition-0-approved_on": "2022-12-20",
            "edition-0-announced_on": "2022-12-25",
        },
    )
    assert response.status_code == 302 and response.url.startswith("/jobs/")
    assert not Plan.objects.filter(org=cast.b).exists()  # the background worker imports it
    worker()
    edition = Edition.objects.get(plan__org=cast.b)
    assert (edition.status, str(edition.approved_on), str(edition.announced_on)) == (
        "approved",
        "2022-12-20",
        "2022-12-25",
    )


@pytest.mark.django_db
def test_the_web_preview_asks_which_program_is_meant(client, cast, worker):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from openpyxl import load_workbook

    data, _ = books.book_basic()
    wb = load_workbook(io.BytesIO(data))
    wb["ยุทธ1 เคหะ"]["A12"] = "(1) แผนงานชุมชน"
    buf = io.BytesIO()
    wb.save(buf)
    client.force_login(cast.bob)
    response = client.post(
        reverse("exchange:import", args=[cast.b.code]),
        {"file": SimpleUploadedFile("book.xlsx", buf.getvalue())},
    )
    body = response.content.decode()
    assert "เลือกแผนงานให้ชื่อที่ตรงได้หลายแผนงาน" in body and 'value="00250"' in body
    token = response.context["token"]
    response = client.post(
        reverse("exchange:import_recheck", args=[cast.b.code, token]),
        {"program-0-text": "แผนงานชุมชน", "program-0-code": "00240"},
    )
    assert response.context["report"].ok
    response = client.post(reverse("exchange:import_commit", args=[cast.b.code, token]))
    assert response.status_code == 302
    worker()
    plan = Plan.objects.get(org=cast.b)
    light = next(v for v in project_rows(plan, working_seq(plan)) if "ไฟฟ้า" in v.name)
    assert light.program.code == "00240"


@pytest.mark.django_db
def test_the_forms_book_keeps_each_sheets_form(cast):
    data, _ = books.book_forms_and_restarts()
    report = import_plan(org=cast.b, data=data, filename="p.xlsx")
    assert report.ok, [str(p) for p in report.problems]
    plan = Plan.objects.get(org=cast.b)
    forms = {v.name: (v.form, v.program.code) for v in project_rows(plan, working_seq(plan))}
    assert forms == {
        "ส่งเสริมอาชีพกลุ่มสตรี หมู่ที่ 6": ("ผ.02/1", "00250"),  # the two-line name, one line
        "ซ่อมแซมศาลาประชาคม": ("ผ.02/1", "00250"),
        "ก่อสร้างถนนลาดยาง สายพะเยา–แม่ใจ": ("ผ.02/2", "00310"),
        "เครื่องคอมพิวเตอร์ 2 เครื่อง": ("ผ.03", "00110"),
    }
    assert "ลำดับที่เริ่มนับใหม่ 1 ครั้ง" in [s.note for s in report.sheets]
