"""Shared fixtures: a role cast built with the real services, and Debian Chromium for Playwright."""

import io
import os
import shutil
from decimal import Decimal

import pytest

os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Django ORM + Playwright sync API (tests only)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "th-TH", "accept_downloads": True}


@pytest.fixture(autouse=True)
def _media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DEBUG = False
    settings.MAP_TILE_URL = ""  # no tile server in tests: maps draw over the province outline


def _reference_lists():
    """Transactional (browser) tests flush tables, data-migration rows included: reload them."""
    import importlib

    from django.apps import apps

    from monitoring.models import WarningRule
    from plans.models import Program

    if not Program.objects.exists():
        importlib.import_module("plans.migrations.0002_reference_lists").load(apps, None)
    if not WarningRule.objects.exists():
        importlib.import_module("monitoring.migrations.0002_default_rules").load(apps, None)
        importlib.import_module("monitoring.migrations.0004_after_photo_rule").load(apps, None)
    from evaluation.models import SurveyTemplate
    from province.models import ValidationRule

    if not ValidationRule.objects.exists():
        importlib.import_module("province.migrations.0002_validation_rules").load(apps, None)
    from reports.models import ItaItem

    if not ItaItem.objects.exists():
        importlib.import_module("reports.migrations.0002_ita_items_data").load(apps, None)
    if not SurveyTemplate.objects.exists():
        for name in ("0002_survey_templates", "0005_score_templates", "0007_form1_items"):
            importlib.import_module(f"evaluation.migrations.{name}").load(apps, None)


@pytest.fixture
def reference_lists(db):
    """Programs, linkage lists and warning rules, even after a transactional test flushed them."""
    _reference_lists()


class Cast:
    """alice: officer of A; dana: division head of A (กองช่าง); carl: committee of A;
    bob: officer of B (same province); pat: provincial analyst; olga: officer in another province."""


@pytest.fixture
def cast(db):
    from django.contrib.auth import get_user_model

    from orgs.models import Division, Membership, Organization, Province, Role

    User = get_user_model()
    _reference_lists()
    c = Cast()
    korat = Province.objects.create(code="30", name="นครราชสีมา")
    other = Province.objects.create(code="31", name="บุรีรัมย์")
    c.pao = Organization.objects.create(
        code="6300000", name="องค์การบริหารส่วนจังหวัดนครราชสีมา", org_type="pao", province=korat
    )
    c.a = Organization.objects.create(
        code="6300101", name="เทศบาลเมืองบัวใหญ่", org_type="town", province=korat
    )
    c.b = Organization.objects.create(
        code="6300301", name="องค์การบริหารส่วนตำบลกระเบื้องใหญ่", org_type="sao", province=korat
    )
    c.far = Organization.objects.create(
        code="3100101", name="เทศบาลเมืองบุรีรัมย์", org_type="town", province=other
    )
    c.works = Division.objects.create(org=c.a, name="กองช่าง")
    for name, org, role, division in [
        ("alice", c.a, Role.OFFICER, None),
        ("dana", c.a, Role.DIVISION_HEAD, c.works),
        ("carl", c.a, Role.COMMITTEE, None),
        ("bob", c.b, Role.OFFICER, None),
        ("pat", c.pao, Role.ANALYST, None),
        ("olga", c.far, Role.OFFICER, None),
    ]:
        user = User.objects.create_user(name, password="pw")
        Membership.objects.create(user=user, org=org, role=role, division=division)
        setattr(c, name, user)
    return c


@pytest.fixture
def plan_a(cast):
    """Org A's plan 2566–2570: 2 strategies, original edition (approved) with 3 projects."""
    import datetime as dt

    from plans import services
    from plans.models import Program
    from plans.services import ProjectData

    plan = services.plan_create(org=cast.a, start_year=2566, end_year=2570)
    s1 = services.strategy_create(plan=plan, number=1, name="ยุทธศาสตร์ด้านการพัฒนาโครงสร้างพื้นฐาน")
    s2 = services.strategy_create(plan=plan, number=2, name="ยุทธศาสตร์ด้านการพัฒนาการศึกษา")
    t11 = services.tactic_create(strategy=s1, number=1, name="ก่อสร้าง ปรับปรุง ถนน สะพาน")
    works = Program.objects.get(code="00310")
    edu = Program.objects.get(code="00210")
    edition = services.edition_create(plan=plan, kind="original")
    rows = [
        ProjectData(
            strategy=s1,
            tactic=t11,
            program=works,
            name="ก่อสร้างถนน คสล. สายบ้านหนองแวง หมู่ที่ 3",
            division=cast.works,
            location="หมู่ที่ 3",
            budgets={2567: Decimal(500000), 2568: Decimal(0)},
        ),
        ProjectData(
            strategy=s1,
            tactic=t11,
            program=works,
            name="ขุดลอกลำห้วยโคกสูง หมู่ที่ 5",
            location="หมู่ที่ 5",
            budgets={2568: Decimal(300000)},
        ),
        ProjectData(
            strategy=s2,
            program=edu,
            name="โครงการอาหารกลางวันศูนย์พัฒนาเด็กเล็ก",
            budgets={y: Decimal(250000) for y in range(2566, 2571)},
        ),
    ]
    versions = services.projects_bulk_add(edition=edition, rows=rows)
    services.edition_approve(
        edition=edition, approved_on=dt.date(2021, 12, 20), approver="นายกเทศมนตรี"
    )
    plan.s1, plan.s2, plan.t11, plan.works, plan.edu = s1, s2, t11, works, edu
    plan.projects_ = [v.project for v in versions]
    return plan


def workbook(rows, *, headers=None, sheet="โครงการ", strategies=None) -> bytes:
    """Build an import workbook in memory (headers default to the template's)."""
    from openpyxl import Workbook

    from exchange.plan_export import template_headers

    headers = headers or template_headers(list(range(2566, 2571)))[:-1]  # without สถานที่
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(headers)
    for r in rows:
        ws.append(r)
    if strategies:
        ss = wb.create_sheet("ยุทธศาสตร์")
        ss.append(["ที่", "ยุทธศาสตร์", "กลยุทธ์ที่", "กลยุทธ์"])
        for r in strategies:
            ss.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.fixture
def make_workbook():
    return workbook


@pytest.fixture
def year_a(cast, plan_a):
    """FY2568 of org A: ขุดลอก 300,000 and อาหารกลางวัน 250,000 in the ordinance; the action plan
    has ขุดลอก in ม.ค.–มี.ค. (months 4–6) and อาหารกลางวัน all year. The road is not budgeted."""
    import datetime as dt

    from plans import services as plans_services

    road, dredge, lunch = plan_a.projects_
    ordinance = plans_services.ordinance_create(
        org=cast.a, fiscal_year=2568, kind="annual", promulgated_on=dt.date(2024, 9, 20)
    )
    d_line = plans_services.budget_line_add(
        ordinance=ordinance, project=dredge, amount=Decimal(300000)
    )
    l_line = plans_services.budget_line_add(
        ordinance=ordinance, project=lunch, amount=Decimal(250000)
    )
    action_plan = plans_services.action_plan_create(org=cast.a, fiscal_year=2568)
    plans_services.action_item_add(
        action_plan=action_plan, budget_line=d_line, name="ขุดลอกลำห้วยโคกสูง หมู่ที่ 5",
        amount=Decimal(300000), months=[4, 5, 6],
    )  # fmt: skip
    plans_services.action_item_add(
        action_plan=action_plan, budget_line=l_line, name="อาหารกลางวัน",
        amount=Decimal(250000), months=list(range(1, 13)),
    )  # fmt: skip
    plan_a.dredge, plan_a.lunch, plan_a.road = dredge, lunch, road
    plan_a.d_line, plan_a.l_line = d_line, l_line
    return plan_a
