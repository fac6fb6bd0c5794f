"""Plan import flow. Cases: wrong headers, text in a budget cell, unknown strategy, duplicated rows,
empty file, not an xlsx, bad program/edition, existing edition — each changes nothing and names
sheet/row/column in Thai; tolerant cells and a new org's first import succeed; export → import
round-trips; an addition and a change edition apply to an existing plan; CLI and web preview."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from exchange.plan_export import plan_workbook
from exchange.plan_import import EditionApproval, import_plan
from plans.models import Edition, Plan, Project, ProjectBudget, ProjectVersion, Strategy
from plans.selectors import approved_seq_on, plan_summary, project_rows, working_seq

STRATEGIES = [
    [1, "ยุทธศาสตร์ด้านโครงสร้างพื้นฐาน", "1.1", "ก่อสร้างถนน"],
    [2, "ยุทธศาสตร์ด้านการศึกษา", "", ""],
]


def row(strategy=1, name="ก่อสร้างถนน คสล. หมู่ที่ 1", budgets=("-", "500,000", "", "๑,๐๐๐", 0), **kw):
    values = [
        strategy,
        kw.get("tactic", ""),
        kw.get("program", "แผนงานอุตสาหกรรมและการโยธา"),
        name,
        "เพื่อการสัญจร",
        "ยาว 200 เมตร",
        *budgets,
        "ระยะทาง",
        "สัญจรสะดวก",
        kw.get("unit", "กองช่าง"),
        kw.get("form", "ผ.02"),
        kw.get("edition", "ฉบับเดิม"),
    ]
    return values


def counts():
    return tuple(
        m.objects.count() for m in (Plan, Strategy, Edition, Project, ProjectVersion, ProjectBudget)
    )


@pytest.mark.django_db
class TestRefusals:
    def refused(self, org, data, filename="plan.xlsx"):
        before = counts()
        report = import_plan(org=org, data=data, filename=filename)
        assert not report.ok
        assert counts() == before
        return [str(p) for p in report.problems]

    def test_it_refuses_wrong_headers(self, cast, make_workbook):
        headers = ["ยุทธศาสตร์", "แผนงาน", "โครงการ", "งบ 66", "งบประมาณ 2567"]
        msgs = self.refused(
            cast.b, make_workbook([[1, "แผนงานการศึกษา", "x", 1, 2]], headers=headers)
        )
        assert any("คอลัมน์ “งบ 66”" in m and "ไม่รู้จักหัวคอลัมน์" in m for m in msgs), msgs

    def test_it_refuses_missing_required_headers(self, cast, make_workbook):
        msgs = self.refused(
            cast.b, make_workbook([["x", 1]], headers=["ยุทธศาสตร์", "โครงการ", "งบประมาณ 2566"])
        )
        assert any("ไม่พบคอลัมน์ที่จำเป็น: แผนงาน" in m for m in msgs), msgs

    def test_it_refuses_text_in_a_budget_cell(self, cast, make_workbook):
        data = make_workbook(
            [row(), row(name="ขุดลอกลำห้วย", budgets=(0, "ห้าแสนบาท", 0, 0, 0))], strategies=STRATEGIES
        )
        msgs = self.refused(cast.b, data)
        assert msgs == ["แผ่นงาน “โครงการ” แถวที่ 3 คอลัมน์ “งบประมาณ 2567”: “ห้าแสนบาท” ไม่ใช่จำนวนเงิน"]

    def test_it_refuses_negative_budgets(self, cast, make_workbook):
        msgs = self.refused(
            cast.b, make_workbook([row(budgets=(0, -5, 0, 0, 0))], strategies=STRATEGIES)
        )
        assert msgs == ["แผ่นงาน “โครงการ” แถวที่ 2 คอลัมน์ “งบประมาณ 2567”: จำนวนเงินติดลบไม่ได้"]

    def test_it_refuses_an_unknown_strategy(self, cast, make_workbook):
        msgs = self.refused(
            cast.b, make_workbook([row(), row(strategy=9, name="อื่น")], strategies=STRATEGIES)
        )
        assert len(msgs) == 1
        assert msgs[0].startswith("แผ่นงาน “โครงการ” แถวที่ 3 คอลัมน์ “ยุทธศาสตร์”: ไม่พบยุทธศาสตร์ “9”")

    def test_it_accepts_duplicated_rows_with_a_warning(self, cast, make_workbook):
        report = import_plan(
            org=cast.b,
            data=make_workbook([row(), row(name="อื่น"), row()], strategies=STRATEGIES),
            filename="p.xlsx",
        )
        assert report.ok
        assert [str(w) for w in report.warnings] == [
            "แผ่นงาน “โครงการ” แถวที่ 4 คอลัมน์ “โครงการ”: ซ้ำกับแถวที่ 2 (ยุทธศาสตร์ ชื่อโครงการ สถานที่"
            " และฉบับเดียวกัน) นำเข้าทั้งสองแถวตามไฟล์"
        ]
        assert (
            Project.objects.filter(plan__org=cast.b).count() == 3
        )  # the printed totals count both

    def test_it_refuses_an_empty_file(self, cast):
        assert self.refused(cast.b, b"") == ["ไฟล์ว่าง ไม่มีข้อมูล"]

    def test_it_refuses_a_workbook_with_headers_only(self, cast, make_workbook):
        msgs = self.refused(cast.b, make_workbook([], strategies=STRATEGIES))
        assert msgs == ["แผ่นงาน “โครงการ”: ไม่มีข้อมูลโครงการใต้หัวตาราง"]

    def test_it_refuses_what_is_not_an_xlsx(self, cast):
        msgs = self.refused(cast.b, b"%PDF-1.7 this is not a workbook", "plan.xlsx")
        assert msgs == ["ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) ที่ถูกต้อง หรือไฟล์เสียหาย"]

    def test_it_refuses_a_corrupt_zip(self, cast):
        msgs = self.refused(cast.b, b"PK\x03\x04garbage-not-a-real-zip", "plan.xlsx")
        assert msgs == ["อ่านไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ .xlsx"]

    def test_it_refuses_an_unknown_program_form_and_edition(self, cast, make_workbook):
        data = make_workbook(
            [row(program="แผนงานอวกาศ", form="ผ.99", edition="ปรับปรุงใหญ่")], strategies=STRATEGIES
        )
        msgs = self.refused(cast.b, data)
        assert [m.split(":")[0] for m in msgs] == [
            "แผ่นงาน “โครงการ” แถวที่ 2 คอลัมน์ “แผนงาน”",
            "แผ่นงาน “โครงการ” แถวที่ 2 คอลัมน์ “แบบ”",
            "แผ่นงาน “โครงการ” แถวที่ 2 คอลัมน์ “ฉบับ”",
        ]

    def test_it_refuses_an_edition_the_plan_already_has(self, cast, plan_a, make_workbook):
        msgs = self.refused(cast.a, make_workbook([row(name="ใหม่")]))
        assert msgs == [
            "แผ่นงาน “โครงการ” แถวที่ 2 คอลัมน์ “ฉบับ”: “ฉบับเดิม” มีอยู่ในแผนแล้ว นำเข้าซ้ำไม่ได้ (ใช้ชื่อฉบับใหม่ เช่น"
            " เพิ่มเติม ครั้งที่ถัดไป)"
        ]

    def test_it_refuses_adding_a_project_the_plan_already_has(self, cast, plan_a, make_workbook):
        data = make_workbook(
            [
                row(
                    strategy=2,
                    name="โครงการอาหารกลางวันศูนย์พัฒนาเด็กเล็ก",
                    program="แผนงานการศึกษา",
                    edition="เพิ่มเติม ครั้งที่ 1/2567",
                )
            ]
        )
        msgs = self.refused(cast.a, data)
        assert len(msgs) == 1 and "มีโครงการชื่อนี้ในยุทธศาสตร์และสถานที่เดียวกันอยู่แล้ว" in msgs[0]

    def test_it_reports_every_problem_at_once(self, cast, make_workbook):
        data = make_workbook(
            [row(strategy=7), row(name="", budgets=(0, "x", 0, 0, 0))], strategies=STRATEGIES
        )
        msgs = self.refused(cast.b, data)
        assert len(msgs) == 3


@pytest.mark.django_db
class TestImports:
    def test_it_creates_a_new_orgs_plan_from_a_tolerant_workbook(self, cast, make_workbook):
        data = make_workbook(
            [
                row(tactic="1.1"),
                row(
                    strategy="ยุทธศาสตร์ที่ 2",
                    name="อาหารกลางวัน",
                    program="การศึกษา",
                    budgets=("250,000.00", 250000, "๒๕๐,๐๐๐", "-", None),
                    unit="กองการศึกษา",
                ),
            ],
            strategies=STRATEGIES,
        )
        report = import_plan(org=cast.b, data=data, filename="plan.xlsx")
        assert report.ok, [str(p) for p in report.problems]
        plan = Plan.objects.get(org=cast.b)
        assert (plan.start_year, plan.end_year) == (2566, 2570)
        summary = plan_summary(plan, working_seq(plan))
        total = summary.total
        assert [c.count for c in total.cells] == [1, 2, 1, 1, 0]
        assert [c.amount for c in total.cells] == [
            Decimal(250000),
            Decimal(750000),
            Decimal(250000),
            Decimal(1000),
            0,
        ]
        assert plan.strategies.get(number=1).tactics.get(number=1).name == "ก่อสร้างถนน"

    def test_it_round_trips_export_and_import(self, cast, plan_a):
        from plans import services

        edition = services.edition_create(plan=plan_a, kind="addition", number=1, year=2567)
        services.project_add(
            edition=edition,
            data=services.ProjectData(
                strategy=plan_a.s2,
                program=plan_a.edu,
                name="โครงการจัดงานวันเด็ก",
                budgets={2568: Decimal("45000.50")},
            ),
        )
        services.edition_approve(edition=edition, approved_on=dt.date(2024, 1, 5))
        seq = approved_seq_on(plan_a)
        data = plan_workbook(plan_a, seq)
        approvals = {
            label: EditionApproval(approver="นายก", approved_on=dt.date(2023, 10, n))
            for n, label in enumerate(["ฉบับเดิม", "เพิ่มเติม ครั้งที่ 1/2567"], 1)
        }
        report = import_plan(org=cast.b, data=data, filename="export.xlsx", approvals=approvals)
        assert report.ok, [str(p) for p in report.problems]
        plan_b = Plan.objects.get(org=cast.b)

        def snapshot(plan):
            rows = project_rows(plan, approved_seq_on(plan))
            return sorted(
                (
                    v.strategy.number,
                    v.tactic.number if v.tactic else None,
                    v.program.code,
                    v.name,
                    v.objective,
                    v.target,
                    v.responsible_unit,
                    v.form,
                    v.location,
                    v.edition.label,
                    tuple((b.year, b.amount) for b in v.budgets.all()),
                )
                for v in rows
            )

        assert snapshot(plan_b) == snapshot(plan_a)
        assert [r.total.amount for r in plan_summary(plan_b, approved_seq_on(plan_b)).rows] == [
            r.total.amount for r in plan_summary(plan_a, seq).rows
        ]

    def test_it_applies_a_change_edition_to_existing_projects(self, cast, plan_a, make_workbook):
        data = make_workbook(
            [
                row(
                    name="ขุดลอกลำห้วยโคกสูง หมู่ที่ 5",
                    budgets=(0, 0, "450,000", 0, 0),
                    edition="เปลี่ยนแปลง ครั้งที่ 1/2567",
                )
            ]
        )
        ws_location = (
            None  # the fixture project has location "หมู่ที่ 5"; the template column is optional
        )
        assert ws_location is None
        report = import_plan(org=cast.a, data=data, filename="c.xlsx")
        # no location column → location differs → treated as a new project, not a change
        assert report.ok and len(report.editions[0].added) == 1

    def test_it_changes_a_project_matched_by_strategy_name_and_location(
        self, cast, plan_a, make_workbook
    ):
        headers = ["ยุทธศาสตร์", "แผนงาน", "โครงการ", "งบประมาณ 2568", "ฉบับ", "สถานที่"]
        data = make_workbook(
            [
                [
                    1,
                    "แผนงานอุตสาหกรรมและการโยธา",
                    "ขุดลอกลำห้วยโคกสูง หมู่ที่ 5",
                    "450,000",
                    "เปลี่ยนแปลง ครั้งที่ 1/2567",
                    "หมู่ที่ 5",
                ]
            ],
            headers=headers,
        )
        projects_before = Project.objects.count()
        report = import_plan(org=cast.a, data=data, filename="c.xlsx")
        assert report.ok, [str(p) for p in report.problems]
        assert Project.objects.count() == projects_before
        seq = working_seq(plan_a)
        changed = next(v for v in project_rows(plan_a, seq) if v.name.startswith("ขุดลอก"))
        assert changed.edition.label == "เปลี่ยนแปลง ครั้งที่ 1/2567"
        assert {b.year: b.amount for b in changed.budgets.all()}[2568] == Decimal(450000)
        old = next(v for v in project_rows(plan_a, 1) if v.name.startswith("ขุดลอก"))
        assert {b.year: b.amount for b in old.budgets.all()}[2568] == Decimal(300000)

    def test_it_reads_csv_in_utf8_and_windows_874(self, cast):
        text = (
            "ยุทธศาสตร์,แผนงาน,โครงการ,งบประมาณ 2566,งบประมาณ 2567\n"
            '1,แผนงานการศึกษา,อาหารกลางวัน,"1,000",-\n'
        )
        from plans.services import plan_create, strategy_create

        plan = plan_create(org=cast.b, start_year=2566, end_year=2570)
        strategy_create(plan=plan, number=1, name="การศึกษา")
        for encoding in ("utf-8-sig", "cp874"):
            report = import_plan(
                org=cast.b, data=text.encode(encoding), filename="p.csv", commit=False
            )
            assert report.ok, [str(p) for p in report.problems]
            assert report.totals[2566] == Decimal(1000)


@pytest.mark.django_db
def test_the_command_line_imports_and_prints_the_p01_table(cast, make_workbook, tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(
        make_workbook(
            [row(), row(strategy=2, name="อาหารกลางวัน", program="แผนงานการศึกษา")],
            strategies=STRATEGIES,
        )
    )
    call_command(
        "import_plan",
        str(path),
        "--org",
        cast.b.code,
        "--approver",
        "นายก อบต.",
        "--approved-on",
        "2023-10-01",
    )
    assert Project.objects.filter(plan__org=cast.b).count() == 2
    edition = Edition.objects.get(plan__org=cast.b)
    assert (edition.status, edition.approver, str(edition.approved_on)) == (
        "approved",
        "นายก อบต.",
        "2023-10-01",
    )
    assert "นำเข้าแล้ว 2 โครงการ" in capsys.readouterr().out
    call_command("plan_summary", "--org", cast.b.code, "--format", "csv")
    out = capsys.readouterr().out
    lines = out.strip().splitlines()
    assert lines[1].startswith("ยุทธศาสตร์ที่ 1 ยุทธศาสตร์ด้านโครงสร้างพื้นฐาน,strategy")
    assert lines[-1].split(",")[-2:] == ["4", "1002000.00"]


@pytest.mark.django_db
def test_the_command_line_refuses_a_bad_file_and_writes_nothing(cast, make_workbook, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "bad.xlsx"
    path.write_bytes(make_workbook([row(strategy=5)], strategies=STRATEGIES))
    with pytest.raises(CommandError, match="พบ 1 ข้อผิดพลาด"):
        call_command("import_plan", str(path), "--org", cast.b.code)
    assert not Plan.objects.filter(org=cast.b).exists()


@pytest.mark.django_db
def test_the_web_import_previews_before_it_writes(client, cast, make_workbook, worker):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cast.bob)
    upload = SimpleUploadedFile("plan.xlsx", make_workbook([row()], strategies=STRATEGIES))
    response = client.post(reverse("exchange:import", args=[cast.b.code]), {"file": upload})
    assert response.status_code == 200
    assert "ยืนยันนำเข้า" in response.content.decode()
    assert not Plan.objects.filter(org=cast.b).exists()
    token = response.context["token"]
    response = client.post(reverse("exchange:import_commit", args=[cast.b.code, token]))
    assert response.status_code == 302 and response.url.startswith("/jobs/")
    assert not Plan.objects.filter(org=cast.b).exists()  # the worker imports it
    worker()
    assert Project.objects.filter(plan__org=cast.b).count() == 1
    edition = Edition.objects.get(plan__org=cast.b)
    assert (edition.status, edition.approved_on) == ("draft", None)  # nothing said: a draft
    body = client.get(response.url).content.decode()
    assert "นำเข้า 1 โครงการแล้ว" in body and "hx-trigger" not in body
    # the token is single-use
    client.post(reverse("exchange:import_commit", args=[cast.b.code, token]))
    worker()
    assert Project.objects.filter(plan__org=cast.b).count() == 1


@pytest.mark.django_db
def test_the_web_import_lists_errors_and_writes_nothing(client, cast, make_workbook):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cast.bob)
    upload = SimpleUploadedFile(
        "plan.xlsx", make_workbook([row(strategy=3)], strategies=STRATEGIES)
    )
    response = client.post(reverse("exchange:import", args=[cast.b.code]), {"file": upload})
    body = response.content.decode()
    assert "นำเข้าไม่ได้" in body and "ไม่พบยุทธศาสตร์ “3”" in body
    assert not Plan.objects.filter(org=cast.b).exists()


@pytest.mark.django_db
def test_a_new_plan_starts_from_a_single_flat_sheet(cast, make_workbook):
    """No strategy sheet: "1. ยุทธศาสตร์…" and "1.1 กลยุทธ์…" cells create the framework."""
    data = make_workbook(
        [
            row(strategy="1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", tactic="1.1 กลยุทธ์ถนนและสะพาน"),
            row(strategy="1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", name="ขุดลอกคลอง", tactic="1.1"),
            row(
                strategy="2. ยุทธศาสตร์การพัฒนาด้าน\u200bการศึกษา",
                name="อาหารกลางวัน",
                program="ผง.การศึกษา",
            ),
            row(strategy=2, name="ทุนการศึกษา", program="แผนงานการศึกษา"),
        ]
    )
    report = import_plan(org=cast.b, data=data, filename="plan.xlsx")
    assert report.ok, [str(p) for p in report.problems]
    plan = Plan.objects.get(org=cast.b)
    assert {s.number: s.name for s in plan.strategies.all()} == {
        1: "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน",
        2: "ยุทธศาสตร์การพัฒนาด้านการศึกษา",
    }
    assert plan.strategies.get(number=1).tactics.get(number=1).name == "ถนนและสะพาน"
    assert Project.objects.filter(plan=plan).count() == 4
    assert "อ่าน “ผง.การศึกษา” เป็น “แผนงานการศึกษา”" in str(report.warnings[0])


@pytest.mark.django_db
def test_a_strategy_cell_that_contradicts_the_plan_is_refused(cast, plan_a, make_workbook):
    data = make_workbook(
        [row(strategy="1. ยุทธศาสตร์ด้านอวกาศ", name="ใหม่", edition="เพิ่มเติม ครั้งที่ 1/2567")]
    )
    report = import_plan(org=cast.a, data=data, filename="p.xlsx")
    assert not report.ok
    assert "ยุทธศาสตร์ที่ 1 ในแผนชื่อ" in str(report.problems[0])
