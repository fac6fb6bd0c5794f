"""Admins edit the data behind the rules and the scoring forms; others cannot."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from evaluation.models import ScoreTemplate
from monitoring.models import WarningRule

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(reference_lists):
    return get_user_model().objects.create_superuser("root", password="pw")


def test_an_admin_changes_a_rules_threshold_and_wording(client, admin):
    rule = WarningRule.objects.get(kind="no_contract")
    client.force_login(admin)
    data = {
        "rule": rule.pk,
        "name": rule.name,
        "threshold": "5",
        "severity": "red",
        "active": "on",
        "message": "โครงการ{project}ยังไม่ลงนามสัญญาภายใน{month}",
    }
    client.post(reverse("warning_rules"), data)
    rule.refresh_from_db()
    assert (rule.threshold, rule.severity) == (Decimal(5), "red")
    body = client.post(reverse("warning_rules"), {**data, "message": "ผิด {projekt}"}, follow=True)
    assert "ตัวแทนที่ไม่รู้จัก: projekt" in body.content.decode()
    rule.refresh_from_db()
    assert "{projekt}" not in rule.message


def test_an_admin_edits_the_scoring_breakdown(client, admin):
    template = ScoreTemplate.objects.get(code="strategy")
    first = template.items.first()
    client.force_login(admin)
    data = {"template": template.pk, "pass_percent": "75"}
    data |= {f"item_{i.pk}": str(i.max_points) for i in template.items.all()}
    data[f"item_{first.pk}"] = "25"
    client.post(reverse("score_templates"), data)
    first.refresh_from_db()
    template.refresh_from_db()
    assert (first.max_points, template.pass_percent) == (Decimal(25), Decimal(75))


def test_an_officer_cannot_open_the_settings(client, cast):
    client.force_login(cast.alice)
    assert client.get(reverse("warning_rules")).status_code == 403
    assert client.get(reverse("score_templates")).status_code == 403
