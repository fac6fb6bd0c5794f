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


def test_the_projects_show_their_action_plan_months_and_only_published_photos(
    client, cast, plan_a, tmp_path, settings
):
    """A citizen sees when each work is planned (this year's action plan) and its photos — the
    หลังดำเนินการ photo first — never a photo the officer kept unpublished."""
    from monitoring.models import Stage
    from monitoring.services import photo_add
    from monitoring.tests.photo_files import phone_jpeg, upload

    settings.MEDIA_ROOT = tmp_path
    fy = this_fy()
    if fy > 2570:
        pytest.skip("the fixture's plan runs 2566–2570")
    project = plan_a.projects_[2]
    ordinance = services.ordinance_create(
        org=cast.a, fiscal_year=fy, kind="annual", promulgated_on=dt.date(2025, 9, 20)
    )
    services.budget_line_add(ordinance=ordinance, project=project, amount=Decimal(250000))
    plan = services.action_plan_create(org=cast.a, fiscal_year=fy, approved_on=dt.date(2025, 10, 1))
    services.action_item_add(
        action_plan=plan,
        name="โครงการอาหารกลางวันศูนย์พัฒนาเด็กเล็ก",
        project=project,
        amount=Decimal(250000),
        months=[1, 2, 3, 6],
    )

    def add(stage, *, is_public=True, color=(200, 60, 30)):
        return photo_add(
            org=cast.a,
            fiscal_year=fy,
            project=project,
            stage=stage,
            upload=upload(phone_jpeg(color=color)),
            is_public=is_public,
            uploaded_by=cast.alice,
        ).photo

    before = add(Stage.BEFORE)
    after = add(Stage.AFTER, color=(10, 200, 10))
    hidden = add(Stage.AFTER, is_public=False, color=(10, 10, 200))
    body = client.get(reverse("public_org", args=[cast.a.code])).content.decode()
    row = body.split(f'data-project="{project.pk}"')[1].split("</tr>")[0]
    assert "ต.ค.–ธ.ค., มี.ค." in row
    assert f"/photos/{after.pk}/thumb.jpg" in row and "2 ภาพ" in row
    assert f"/photos/{hidden.pk}/" not in body and f"/photos/{before.pk}/" not in row
    assert client.get(f"/p/{cast.a.code}/photos/{after.pk}/full.jpg").status_code == 200
