"""The dashboard, the province list, and แบบที่ 2 as page, PDF, XLSX and the 6-month DOCX."""

import datetime as dt
import io

import pytest
from django.urls import reverse

from monitoring.models import Alert
from monitoring.rules import evaluate
from orgs.models import Membership, Organization, Role
from tidtam.demo.generate import Generator

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(reference_lists):
    Generator(seed=7, project_range=(60, 60), log=lambda *_: None).province(max_orgs=3)
    evaluate(Organization.objects.all(), 2569, dt.date(2026, 9, 30))
    org = Organization.objects.get(code="6300101")
    officer = Membership.objects.get(org=org, role=Role.OFFICER).user
    return org, officer


@pytest.mark.parametrize(
    ("name", "args", "budget"),
    [
        ("monitoring:dashboard", [2569], 30),
        ("monitoring:entry", [2569, 6], 16),
        ("monitoring:form2", [2569, "q2"], 24),
    ],
)
def test_monitoring_pages_do_a_bounded_number_of_queries(
    client, demo, django_assert_max_num_queries, name, args, budget
):
    org, officer = demo
    client.force_login(officer)
    with django_assert_max_num_queries(budget):
        response = client.get(reverse(name, args=[org.code, *args]))
    assert response.status_code == 200


def test_the_dashboard_lists_the_orgs_alerts(client, demo):
    org, officer = demo
    client.force_login(officer)
    body = client.get(reverse("monitoring:dashboard", args=[org.code, 2569])).content.decode()
    n = Alert.objects.filter(org=org, fiscal_year=2569).count()
    assert n > 0 and f"รายการที่ต้องติดตาม ({n})" in body


def test_the_analyst_sees_every_org_of_the_province(client, demo, django_assert_max_num_queries):
    pao = Organization.objects.get(code="6300000")
    analyst = Membership.objects.get(org=pao, role=Role.ANALYST).user
    client.force_login(analyst)
    with django_assert_max_num_queries(16):
        body = client.get(reverse("monitoring:province", args=[pao.code, 2569])).content.decode()
    for org in Organization.objects.filter(province=pao.province):
        assert org.name in body
    total = Alert.objects.filter(org__province=pao.province, fiscal_year=2569).count()
    orgs = Organization.objects.filter(province=pao.province).count()
    assert f"{total} รายการ" in body
    assert body.count('<span class="dot') == orgs + min(total, 100)  # one light per org + a page


def test_the_province_list_is_closed_to_an_orgs_officer(client, demo):
    org, officer = demo
    client.force_login(officer)
    assert client.get(reverse("monitoring:province", args=["6300000", 2569])).status_code == 404
    assert client.get(reverse("monitoring:province", args=[org.code, 2569])).status_code == 403


def test_form2_documents_carry_the_same_totals_as_the_page(client, demo):
    from openpyxl import load_workbook

    from monitoring.queries import form2

    org, officer = demo
    client.force_login(officer)
    report = form2(org, 2569, 6)
    xlsx = client.get(reverse("reports:form2", args=[org.code, 2569, "q2", "xlsx"]))
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    totals = [row for row in ws.iter_rows(values_only=True) if row[0] == "รวม"]
    assert totals[0][1] == report.total.plan_n and totals[0][3] == report.total.budget_n
    assert float(totals[1][4]) == pytest.approx(float(report.total.disbursed))
    pdf = client.get(reverse("reports:form2", args=[org.code, 2569, "q2", "pdf"]))
    assert pdf.content[:5] == b"%PDF-"


def test_the_six_month_report_states_the_bases_of_its_percentages(client, demo):
    from docx import Document

    org, officer = demo
    client.force_login(officer)
    response = client.get(reverse("reports:six_month", args=[org.code, 2569, "docx"]))
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "ของโครงการในแผน" in text and "ของงบประมาณที่ตั้งไว้" in text
    assert "รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน" in text
    thai = client.get(reverse("reports:six_month", args=[org.code, 2569, "docx"]) + "?digits=thai")
    assert "๒๕๖๙" in "\n".join(p.text for p in Document(io.BytesIO(thai.content)).paragraphs)


def test_the_traffic_light_weighs_urgent_alerts_and_money_against_the_calendar():
    from decimal import Decimal

    from monitoring.queries import light

    assert light(0, 0, 40, Decimal(50), Decimal(50)) == "green"
    assert light(0, 3, 40, Decimal(50), Decimal(50)) == "amber"
    assert light(4, 0, 40, Decimal(50), Decimal(50)) == "amber"  # 1 urgent in 10: still amber
    assert light(5, 0, 40, Decimal(50), Decimal(50)) == "red"
    assert light(0, 0, 40, Decimal(24), Decimal(50)) == "red"  # 26 points behind the calendar
