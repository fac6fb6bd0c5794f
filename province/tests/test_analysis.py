"""The province analysis agrees with each org's own แบบที่ 2 numbers, grouping by grouping."""

import html
import io
import re

import pytest
from django.urls import reverse

from monitoring.queries import form2
from orgs.models import Membership, Organization, Role
from province.analysis import GROUPINGS, grouped, infrastructure_share, total
from tidtam.demo.generate import Generator

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from conftest import _reference_lists

        _reference_lists()
        Generator(seed=11, project_range=(60, 60), log=lambda *_: None).province(max_orgs=4)
        yield Organization.objects.get(code="6300000")
        from django.core.management import call_command

        call_command("flush", verbosity=0, interactive=False)


def test_every_grouping_adds_up_to_the_orgs_own_reports(demo):
    orgs = Organization.objects.filter(province=demo.province)
    plan_n = sum(form2(o, 2569, 12).total.plan_n for o in orgs)
    budget_n = sum(form2(o, 2569, 12).total.budget_n for o in orgs)
    budget = sum(form2(o, 2569, 12).total.budget for o in orgs)
    for by in ("program", "org_type", "district"):
        t = total(grouped(demo.province_id, 2569, by))
        assert (t.plan_n, t.budget_n, t.budget) == (plan_n, budget_n, budget), by
    share = infrastructure_share(grouped(demo.province_id, 2569, "program"))
    assert share["budget_pct"] is not None and 0 < share["budget_pct"] < 100


def test_the_analyst_sees_the_page_and_exports_every_grouping(client, demo):
    from openpyxl import load_workbook

    analyst = Membership.objects.get(org=demo, role=Role.ANALYST).user
    client.force_login(analyst)
    page = client.get(reverse("province:analysis_year", args=[demo.code, 2569]) + "?by=district")
    assert page.status_code == 200 and 'id="uncovered"' in page.content.decode()
    for by in GROUPINGS:  # the table's rows are the grouping's own (not the menu's groups)
        url = reverse("province:analysis_year", args=[demo.code, 2569]) + f"?by={by}"
        body = client.get(url).content.decode()
        table = body[body.index("<tbody>", body.index("<main")) :]
        rows = re.findall(r'<tr class="[^"]*"><td>([^<]*)</td>', table[: table.index("</tbody>")])
        assert rows[:-1] == [html.escape(g.label) for g in grouped(demo.province_id, 2569, by)]
    xlsx = client.get(reverse("province:analysis_xlsx", args=[demo.code, 2569]))
    assert len(load_workbook(io.BytesIO(xlsx.content)).sheetnames) == len(GROUPINGS)


def test_an_ordinary_officer_cannot_open_the_analysis(client, demo):
    org = Organization.objects.get(code="6300101")
    officer = Membership.objects.get(org=org, role=Role.OFFICER).user
    client.force_login(officer)
    assert client.get(reverse("province:analysis", args=[org.code])).status_code == 403
    assert client.get(reverse("province:analysis", args=[demo.code])).status_code == 404


def test_the_province_summary_carries_the_numbers_and_the_analysts_text(
    client, demo, background_file
):
    from docx import Document

    analyst = Membership.objects.get(org=demo, role=Role.ANALYST).user
    client.force_login(analyst)
    client.post(
        reverse("province:summary_year", args=[demo.code, 2569]),
        {"impacts": "ผลกระทบของเรา", "risks": "ความเสี่ยงของเรา"},
    )
    docx = background_file(
        client, reverse("reports:province_summary", args=[demo.code, 2569, "docx"])
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
    whole = total(grouped(demo.province_id, 2569, "program"))
    assert f"มีโครงการในแผนพัฒนาท้องถิ่น {whole.plan_n:,} โครงการ" in text
    assert "ผลกระทบของเรา" in text and "ความเสี่ยงของเรา" in text
    pdf = background_file(
        client, reverse("reports:province_summary", args=[demo.code, 2569, "pdf"])
    )
    assert pdf[:5] == b"%PDF-"


def test_the_national_roll_up_matches_the_province_totals(client, demo):
    from django.contrib.auth import get_user_model

    from province.analysis import national_rollup

    row = next(r for r in national_rollup(2569) if r.province_id == demo.province_id)
    orgs = Organization.objects.filter(province=demo.province)
    assert row.orgs == orgs.count()
    assert row.budget == sum(form2(o, 2569, 12).total.budget for o in orgs)
    root = get_user_model().objects.create_superuser("root2", password="pw")
    client.force_login(root)
    assert demo.province.name in client.get(reverse("national_year", args=[2569])).content.decode()
