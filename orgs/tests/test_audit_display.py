"""The audit page reads as Thai: field names, choice labels and the names of related rows (not
ids); a save that changes nothing a person entered leaves no entry."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from evaluation.models import ChecklistItem
from orgs.models import AuditEntry
from plans import services as plan_services

pytestmark = pytest.mark.django_db


def audit_table(client, cast, **query):
    body = client.get(reverse("orgs:audit", args=[cast.a.code]), query).content.decode()
    return body.split('id="audit-log"')[1]


def test_fields_and_values_are_shown_by_name(client, cast, year_a):
    ordinance = plan_services.ordinance_create(
        org=cast.a, fiscal_year=2569, kind="annual", promulgated_on=dt.date(2025, 9, 20)
    )
    plan_services.budget_line_add(ordinance=ordinance, project=year_a.lunch, amount=Decimal(1))
    client.force_login(cast.alice)
    table = audit_table(client, cast, model="plans.BudgetLine")
    assert "โครงการอาหารกลางวันศูนย์พัฒนาเด็กเล็ก" in table  # the project by name
    assert ">ordinance<" not in table and ">project<" not in table
    assert "เทศบัญญัติงบประมาณรายจ่ายประจำปี" in table or "เทศบัญญัติ" in table
    table = audit_table(client, cast, model="plans.BudgetOrdinance")
    assert ">annual<" not in table
    assert "20/9/2568" in table  # a date in the Buddhist era


def test_saving_form1_unchanged_logs_nothing(client, cast, plan_a):
    items = list(ChecklistItem.objects.filter(template__active=True))
    assert items
    post = {f"item_{i.pk}": "yes" for i in items}
    url = reverse("evaluation:form1", args=[cast.a.code])
    client.force_login(cast.alice)
    client.post(url, post)
    before = AuditEntry.objects.filter(model="evaluation.ChecklistAnswer").count()
    assert before == len(items)
    other = cast.bob
    from orgs.models import Membership, Role

    Membership.objects.create(user=other, org=cast.a, role=Role.OFFICER)
    client.force_login(other)  # another officer saves the same answers
    client.post(url, post)
    assert AuditEntry.objects.filter(model="evaluation.ChecklistAnswer").count() == before
    post[f"item_{items[0].pk}"] = "no"
    client.post(url, post)
    changed = AuditEntry.objects.filter(model="evaluation.ChecklistAnswer").count()
    assert changed == before + 1
    table = audit_table(client, cast, model="evaluation.ChecklistAnswer")
    assert "มีการดำเนินงาน" in table and ">ใช่<" in table and ">ไม่ใช่<" in table
    assert ">True<" not in table and ">False<" not in table


def test_event_fields_codes_and_moments_read_as_thai(client, cast, year_a, reference_lists):
    from monitoring import services as mon
    from monitoring.models import Status
    from province import services as province

    mon.progress_save(
        org=cast.a,
        fiscal_year=2568,
        project=year_a.dredge,
        month=3,
        data=mon.ProgressInput(status=Status.IN_PROGRESS, progress=10, disbursed=Decimal(1000)),
        expected_version=0,
    )
    sub = province.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)
    province.approve(submission=sub, user=cast.pat)
    client.force_login(cast.alice)
    table = audit_table(client, cast, model="province.SubmissionEvent")
    assert ">อนุมัติ<" in table and ">approved<" not in table
    assert ">at<" not in table and ">เวลา<" in table
    assert "+00:00" not in table and " น.<" in table  # local time, Buddhist era


def test_survey_response_fields_are_named_in_thai():
    from orgs.selectors import field_rows

    entry = AuditEntry(
        model="evaluation.Response",
        changes={
            "client": [None, "ab12"],
            "address": [None, "cd34"],
            "form_token": [None, "ef56"],
            "submitted_at": [None, "2026-12-01T14:40:07+00:00"],
        },
    )
    rows = field_rows(entry)
    labels = [label for label, _, _ in rows]
    assert labels[:3] == ["รหัสอุปกรณ์ (แฮช)", "รหัสที่อยู่ไอพี (แฮช)", "รหัสแบบฟอร์ม"]
    assert rows[3][2] == "1 ธ.ค. 69 21:40:07 น."  # Asia/Bangkok, Buddhist era


def test_json_values_read_as_a_short_summary_never_an_error(client, cast):
    """A JSON field's old and new values (dicts, lists) show as a compact Thai summary: the page
    of an org whose submissions and approved editions were audited opens."""
    AuditEntry.objects.create(
        org=cast.a,
        actor="ทดสอบ",
        action="update",
        model="province.Submission",
        object_id="1",
        label="ส่งข้อมูลไตรมาส 1",
        changes={
            "numbers": [
                {"done": 2, "budget": 1250000.0},
                {"done": 3, "budget": 1250000.0, "extra": [1, 2]},
            ]
        },
    )
    AuditEntry.objects.create(
        org=cast.a,
        actor="ทดสอบ",
        action="update",
        model="plans.Edition",
        object_id="1",
        label="ฉบับที่ 1",
        changes={
            "framework": [{"strategies": {}, "tactics": {}, "note": ["ก", "ข"]}, {}],
            "no_such_field": [[1, 2], {"a": {"b": 1}}],
        },
    )
    client.force_login(cast.alice)
    response = client.get(reverse("orgs:audit", args=[cast.a.code]))
    assert response.status_code == 200
    table = response.content.decode().split('id="audit-log"')[1]
    assert "ดำเนินการแล้วเสร็จ: 3" in table  # the submitted numbers by their Thai names
    assert "งบประมาณ (บาท): 1,250,000" in table
    assert "extra: 1, 2" in table
    assert "note: ก, ข" in table
    assert "a: b: 1" in table
    assert "{" not in table.split("</table>")[0].split("<tbody")[1]  # no raw JSON braces


def test_every_field_of_every_audited_model_has_a_thai_label():
    """A field added to an audited model without a Thai verbose_name would show in English on
    ประวัติการแก้ไข: named in orgs.selectors.FIELD_NAMES, or by its model."""
    from core.audit import audited_models
    from orgs.selectors import _field_label, _is_thai

    english = [
        f"{model._meta.label}.{f.name}: {_field_label(model._meta, f.name)[0]}"
        for model in audited_models()
        for f in model._meta.concrete_fields
        if not f.primary_key and not _is_thai(_field_label(model._meta, f.name)[0])
    ]
    assert english == []


def test_money_reads_with_separators_and_a_budgets_version_as_its_project(cast):
    from monitoring.models import MonthlyProgress
    from orgs.selectors import _field_label, _is_thai, _shown
    from plans.models import ProjectBudget

    field = MonthlyProgress._meta.get_field("disbursed")
    assert _shown(field, "1700000.50", {}) == "1,700,000.50"
    label, _ = _field_label(ProjectBudget._meta, "version")
    assert label != "ครั้งที่บันทึก" and _is_thai(label)
