"""The JSON API: token auth, the same scoping as the web, version checks, OpenAPI."""

import datetime as dt
from decimal import Decimal

import pytest

from orgs.tokens import token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, cast):
    def as_(user):
        _, key = token_create(user=user, name="test")
        return {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    return as_


def test_no_token_no_data(client, cast):
    assert client.get("/api/v1/orgs").status_code == 401
    forged = client.get("/api/v1/orgs", HTTP_AUTHORIZATION="Bearer tdt_forged")
    assert forged.status_code == 401
    assert forged.json() == {"detail": "ต้องยืนยันตัวตนด้วยโทเคน (Authorization: Bearer …) ที่ยังใช้ได้"}
    assert client.get("/api/v1/orgs").json() == forged.json()


def test_a_token_sees_what_its_user_sees(client, cast, plan_a, api):
    mine = client.get("/api/v1/orgs", **api(cast.alice)).json()
    assert [o["code"] for o in mine["items"]] == [cast.a.code]
    analyst = client.get("/api/v1/orgs", **api(cast.pat)).json()
    assert {o["code"] for o in analyst["items"]} >= {cast.a.code, cast.b.code}
    assert cast.far.code not in {o["code"] for o in analyst["items"]}
    plan = client.get(f"/api/v1/orgs/{cast.a.code}/plan", **api(cast.alice)).json()
    assert (
        plan["rows"][-1]["label"] == "รวม" and Decimal(plan["rows"][-1]["total_amount"]) == 2050000
    )
    projects = client.get(
        f"/api/v1/orgs/{cast.a.code}/projects?year=2568", **api(cast.alice)
    ).json()
    assert projects["count"] == 2


def test_another_orgs_data_is_404_through_the_api(client, cast, plan_a, api):
    for path in (
        f"/api/v1/orgs/{cast.a.code}/plan",
        f"/api/v1/orgs/{cast.a.code}/projects",
        f"/api/v1/orgs/{cast.a.code}/progress/2568/3",
        f"/api/v1/orgs/{cast.a.code}/alerts/2568",
    ):
        assert client.get(path, **api(cast.olga)).status_code == 404, path


def test_progress_is_written_with_a_version_check(client, cast, year_a, api):
    headers = api(cast.alice)
    url = f"/api/v1/orgs/{cast.a.code}/progress/2568/4/{year_a.dredge.pk}"
    body = {"version": 0, "status": "in_progress", "progress": 30, "disbursed": "1000.00"}
    first = client.put(url, body, content_type="application/json", **headers)
    assert first.status_code == 200 and first.json()["version"] == 1
    stale = client.put(
        url, {**body, "disbursed": "9.00"}, content_type="application/json", **headers
    )
    assert stale.status_code == 409 and stale.json()["current_version"] == 1
    bad = client.put(
        url,
        {**body, "version": 1, "status": "finished"},
        content_type="application/json",
        **headers,
    )
    assert bad.status_code == 422
    rows = client.get(f"/api/v1/orgs/{cast.a.code}/progress/2568/4", **headers).json()["items"]
    assert (
        next(r for r in rows if r["project_id"] == year_a.dredge.pk)["disbursed_month"] == "1000.00"
    )
    committee = client.put(
        url, {**body, "version": 1}, content_type="application/json", **api(cast.carl)
    )
    assert committee.status_code == 403


def test_the_openapi_schema_is_published(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Tidtam API"
    assert "/api/v1/orgs/{code}/progress/{fy}/{month}/{project_id}" in schema["paths"]


def get(client, path, headers, **params):
    response = client.get(f"/api/v1/orgs/{path}", params, **headers)
    assert response.status_code == 200, (path, response.content[:300])
    return response.json()


def test_editions_budget_and_action_plan_read_as_on_the_pages(client, cast, year_a, api):
    h, a = api(cast.alice), cast.a.code
    editions = get(client, f"{a}/editions", h)
    assert [(e["label"], e["status"], e["projects"]) for e in editions] == [
        ("ฉบับเดิม", "approved", 3)
    ]
    assert get(client, f"{a}/editions", h, status="draft") == []
    budget = get(client, f"{a}/budget/2568", h)
    assert budget["count"] == 2 and sum(Decimal(r["amount"]) for r in budget["items"]) == 550000
    by_strategy = get(client, f"{a}/budget/2568", h, strategy=2)["items"]
    assert [r["project_id"] for r in by_strategy] == [year_a.lunch.pk]
    items = get(client, f"{a}/action-plan/2568", h)["items"]
    dredge = next(i for i in items if i["project_id"] == year_a.dredge.pk)
    assert dredge["months"] == [False] * 3 + [True] * 3 + [False] * 6
    assert "แผนการดำเนินงาน" in dredge["action_plan"]


def test_kpi_results_are_read_and_written_by_the_officer_only(client, cast, plan_a, api):
    from plans import services as plan_services

    kpi = plan_services.kpi_save(
        strategy=plan_a.s1, name="ร้อยละของถนนที่ได้มาตรฐาน", unit="ร้อยละ", targets={2568: Decimal(80)}
    )
    url = f"/api/v1/orgs/{cast.a.code}/kpis/{kpi.pk}/results/2568"
    body = {"actual": "85.50", "evidence": "รายงานกองช่าง"}
    saved = client.put(url, body, content_type="application/json", **api(cast.alice))
    assert saved.status_code == 200 and saved.json()["actual"] == "85.50"
    assert (
        client.put(url, body, content_type="application/json", **api(cast.carl)).status_code == 403
    )
    assert (
        client.put(url, body, content_type="application/json", **api(cast.olga)).status_code == 404
    )
    outside = client.put(
        url.replace("2568", "2580"), body, content_type="application/json", **api(cast.alice)
    )
    assert outside.status_code == 422 and "นอกช่วงของแผน" in outside.json()["detail"]["__all__"][0]
    kpis = get(client, f"{cast.a.code}/kpis", api(cast.carl), strategy=1)["items"]
    assert kpis[0]["targets"] == {"2568": "80.00"} and kpis[0]["results"] == {"2568": "85.50"}
    from plans.models import Goal

    Goal.objects.create(strategy=plan_a.s1, number=1, text="ถนนทุกสายได้มาตรฐาน")
    strategies = get(client, f"{cast.a.code}/strategies", api(cast.carl))
    assert [s["number"] for s in strategies] == [1, 2] and strategies[0]["kpis"][0]["id"] == kpi.pk
    assert strategies[0]["goals"] == ["ถนนทุกสายได้มาตรฐาน"]


def test_progress_filters_by_status_and_strategy(client, cast, year_a, api):
    h = api(cast.alice)
    url = f"/api/v1/orgs/{cast.a.code}/progress/2568/4/{year_a.dredge.pk}"
    client.put(
        url,
        {"version": 0, "status": "in_progress", "progress": 30, "disbursed": "10"},
        content_type="application/json",
        **h,
    )
    path = f"{cast.a.code}/progress/2568/4"
    assert [r["project_id"] for r in get(client, path, h, status="in_progress")["items"]] == [
        year_a.dredge.pk
    ]
    assert [r["project_id"] for r in get(client, path, h, strategy=2)["items"]] == [year_a.lunch.pk]
    assert (
        get(client, path, h, limit=1)["count"] == 2
        and len(get(client, path, h, limit=1)["items"]) == 1
    )


def test_submissions_are_listed_and_submitted_through_the_api(
    client, cast, year_a, api, reference_lists
):
    h = api(cast.alice)
    url = f"/api/v1/orgs/{cast.a.code}/progress/2568/3/{year_a.dredge.pk}"
    client.put(
        url,
        {"version": 0, "status": "in_progress", "progress": 30, "disbursed": "1000"},
        content_type="application/json",
        **h,
    )
    sent = client.post(f"/api/v1/orgs/{cast.a.code}/submissions/2568/q1", **h)
    assert sent.status_code == 201 and sent.json()["numbers"]["disbursed"] == 1000
    assert (
        client.post(f"/api/v1/orgs/{cast.a.code}/submissions/2568/q2", **api(cast.carl)).status_code
        == 403
    )
    listed = get(client, f"{cast.a.code}/submissions", api(cast.pat), fy=2568, status="submitted")
    assert [(s["period"], s["round"]) for s in listed["items"]] == [("q1", 1)]


def test_surveys_and_reports_are_listed_with_their_public_links(
    client, cast, plan_a, api, reference_lists
):
    from evaluation import services as ev
    from evaluation.models import SurveyTemplate

    survey = ev.survey_create(
        org=cast.a,
        fiscal_year=2568,
        title="ความพึงพอใจ ปี 2568",
        template=SurveyTemplate.objects.get(code="likert_overall"),
    )
    ev.annual_report_save(org=cast.a, fiscal_year=2568, announced_on=dt.date(2025, 12, 10))
    h = api(cast.carl)
    surveys = get(client, f"{cast.a.code}/surveys", h, fy=2568)["items"]
    assert surveys[0]["answer_url"].endswith(f"/s/{survey.token}/") and surveys[0]["responses"] == 0
    assert get(client, f"{cast.a.code}/surveys", h, is_open=False)["items"] == []
    reports = get(client, f"{cast.a.code}/reports", h)
    assert reports[0]["public_pdf"].endswith(f"/p/{cast.a.code}/annual/2568.pdf")


def test_a_months_bulk_save_is_all_or_nothing(client, cast, year_a, api):
    from monitoring.models import MonthlyProgress

    h, url = api(cast.alice), f"/api/v1/orgs/{cast.a.code}/progress/2568/4"
    good = [
        {
            "project_id": year_a.dredge.pk,
            "version": 0,
            "status": "in_progress",
            "progress": 20,
            "disbursed": "1000",
        },
        {
            "project_id": year_a.lunch.pk,
            "version": 0,
            "status": "in_progress",
            "progress": 30,
            "disbursed": "2000",
        },
    ]
    over = [good[0], {**good[1], "disbursed": "999999999"}]
    refused = client.put(url, over, content_type="application/json", **h)
    assert refused.status_code == 422
    assert list(refused.json()["detail"]) == [f"แถวที่ 2 (โครงการรหัส {year_a.lunch.pk})"]
    assert not MonthlyProgress.objects.exists()
    saved = client.put(url, good, content_type="application/json", **h)
    assert saved.status_code == 200 and saved.json()["saved"] == 2
    assert sorted(MonthlyProgress.objects.values_list("disbursed", flat=True)) == [1000, 2000]
    again = client.put(
        url,
        [{**good[0], "version": 1, "disbursed": "5"}, good[1]],
        content_type="application/json",
        **h,
    )
    assert again.status_code == 409 and again.json()["conflicts"] == {str(year_a.lunch.pk): 1}
    assert sorted(MonthlyProgress.objects.values_list("disbursed", flat=True)) == [1000, 2000]
    foreign = client.put(url, good, content_type="application/json", **api(cast.olga))
    assert foreign.status_code == 404


def test_a_months_bulk_save_costs_a_few_statements_per_row(client, cast, year_a, api):
    """The month's projects, budgets and tracking are read once; each row then costs its lock-read,
    its two writes and its log entry."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    h, url = api(cast.alice), f"/api/v1/orgs/{cast.a.code}/progress/2568/4"

    def row(project, progress):
        return {
            "project_id": project.pk,
            "version": 0,
            "status": "in_progress",
            "progress": progress,
            "disbursed": "10",
        }

    with CaptureQueriesContext(connection) as one:
        first = client.put(url, [row(year_a.dredge, 10)], content_type="application/json", **h)
    assert first.status_code == 200
    client.put(
        f"/api/v1/orgs/{cast.a.code}/progress/2568/5",
        [row(year_a.lunch, 5)],
        content_type="application/json",
        **h,
    )
    with CaptureQueriesContext(connection) as two:
        reply = client.put(
            f"/api/v1/orgs/{cast.a.code}/progress/2568/3",
            [
                row(year_a.road, 10) | {"project_id": year_a.lunch.pk, "version": 1},
                row(year_a.dredge, 5) | {"version": 1},
            ],
            content_type="application/json",
            **h,
        )
    assert reply.status_code == 200, reply.content
    per_row = len(two) - len(one)
    assert per_row <= 4, [q["sql"][:80] for q in two.captured_queries]


BULK_ROWS = 500  # docs/numbers.md gives the figure for 2,000 rows (the endpoint's limit)


def test_a_months_bulk_save_is_a_fixed_number_of_statements_per_row(
    client, cast, year_a, api, django_assert_max_num_queries
):
    """BULK_ROWS budgeted projects saved in one request. A project's first month of the year costs
    6 statements (lock-read, the project-year's INSERT inside a savepoint pair that catches a
    concurrent first save, the month row, the log entry); a later month 4 (lock-read, month row,
    project-year, log entry). Everything else is read once for the whole request."""
    from decimal import Decimal

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from monitoring.models import MonthlyProgress
    from plans.models import BudgetLine, Project, ProjectVersion

    template = ProjectVersion.objects.filter(project=year_a.dredge).latest("valid_from_seq")
    projects = Project.objects.bulk_create(
        Project(plan_id=template.plan_id, created_in_id=year_a.dredge.created_in_id)
        for _ in range(BULK_ROWS)
    )
    ProjectVersion.objects.bulk_create(
        ProjectVersion(
            project=p,
            plan_id=template.plan_id,
            edition_id=template.edition_id,
            valid_from_seq=template.valid_from_seq,
            strategy_id=template.strategy_id,
            program_id=template.program_id,
            seq_no=1000 + i,
            name=f"โครงการที่ {i}",
        )
        for i, p in enumerate(projects)
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(
            ordinance=year_a.d_line.ordinance, project=p, source="annual", amount=Decimal(1000)
        )
        for p in projects
    )
    h = api(cast.alice)

    def save(month, version, chosen):
        rows = [
            {
                "project_id": p.pk,
                "version": version,
                "status": "in_progress",
                "progress": 10,
                "disbursed": "10",
            }
            for p in chosen
        ]
        url = f"/api/v1/orgs/{cast.a.code}/progress/2568/{month}"
        reply = client.put(url, rows, content_type="application/json", **h)
        assert reply.status_code == 200, reply.content[:300]
        assert reply.json()["saved"] == len(chosen)

    for month, version, per_row in ((4, 0, 6), (5, 1, 4)):
        connection.queries_log.clear()  # the log keeps 9,000 statements: count from empty
        with CaptureQueriesContext(connection) as one:
            save(month, version, projects[:1])
        fixed = len(one) - per_row
        with django_assert_max_num_queries(fixed + per_row * (BULK_ROWS - 1)):
            save(month, version, projects[1:])
        assert MonthlyProgress.objects.filter(month=month, disbursed=10).count() == BULK_ROWS
