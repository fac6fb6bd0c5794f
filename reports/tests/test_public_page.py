"""The citizen's page of an org: the approved plan, this year's projects with status and
disbursement, the open surveys — without logging in."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from core.web import this_fy
from plans import services

pytestmark = pytest.mark.django_db


def test_the_public_page_shows_the_plan_and_this_years_projects(client, cast, plan_a):
    fy = this_fy()
    if fy > 2570:
        pytest.skip("the fixture's plan runs 2566–2570")
    ordinance = services.ordinance_create(
        org=cast.a, fiscal_year=fy, kind="annual", promulgated_on=dt.date(2025, 9, 20)
    )
    services.budget_line_add(
        ordinance=ordinance, project=plan_a.projects_[2], amount=Decimal(250000)
    )
    page = client.get(reverse("public_org", args=[cast.a.code]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "แผนพัฒนาท้องถิ่น" in body and 'id="public-plan"' in body and "ฉบับเดิม" in body
    projects = body.split('id="public-projects"')[1].split("</table>")[0]
    assert "โครงการอาหารกลางวันศูนย์พัฒนาเด็กเล็ก" in projects and "250,000.00" in projects
    assert "ยังไม่ได้ดำเนินการ" in projects


def test_an_org_without_a_plan_still_has_a_page(client, cast):
    body = client.get(reverse("public_org", args=[cast.b.code])).content.decode()
    assert "ยังไม่มีโครงการที่ตั้งงบประมาณของปีนี้" in body
