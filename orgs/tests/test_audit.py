"""The audit trail: who, when, what, old and new values, in the same transaction as the write."""

import ast
import datetime as dt
import re
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from core import audit
from monitoring.models import MonthlyProgress, ProjectYear
from orgs.models import AuditEntry
from plans import services as plan_services
from plans.models import Edition, ProjectVersion

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def row_url(cast, project, month=4):
    return reverse("monitoring:row", args=[cast.a.code, 2568, month, project.pk])


def entries(model, **kw):
    return AuditEntry.objects.filter(model=model._meta.label, **kw).order_by("id")


def test_a_web_save_records_the_user_and_the_old_and_new_values(client, cast, year_a):
    client.force_login(cast.alice)
    url = row_url(cast, year_a.dredge)
    client.post(
        url, {"version": "0", "status": "in_progress", "progress": "40", "disbursed": "1000"}
    )
    client.post(
        url, {"version": "1", "status": "in_progress", "progress": "60", "disbursed": "2500"}
    )
    month = MonthlyProgress.objects.get()
    last = entries(MonthlyProgress, object_id=str(month.pk)).last()
    assert (last.user, last.org, last.action, last.address) == (
        cast.alice,
        cast.a,
        "update",
        "127.0.0.1",
    )
    assert last.changes["progress"] == [40, 60]
    assert last.changes["disbursed"] == ["1000.00", "2500.00"]
    first = entries(MonthlyProgress, object_id=str(month.pk)).first()
    assert first.action == "create" and first.changes["disbursed"][1] == "1000.00"
    py = ProjectYear.objects.get()
    assert entries(ProjectYear, object_id=str(py.pk), action="update").last().changes[
        "version"
    ] == [1, 2]


def test_an_api_write_is_recorded_as_the_tokens_user(client, cast, year_a):
    from orgs.tokens import token_create

    _, key = token_create(user=cast.alice, name="t")
    url = f"/api/v1/orgs/{cast.a.code}/progress/2568/4/{year_a.dredge.pk}"
    body = {"version": 0, "status": "in_progress", "progress": 10, "disbursed": "500"}
    response = client.put(
        url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert response.status_code == 200
    entry = entries(MonthlyProgress).get()
    assert (entry.user, entry.actor, entry.org) == (cast.alice, "alice", cast.a)


def test_a_failed_audit_insert_undoes_the_write(client, cast, year_a, monkeypatch):
    """Same transaction: if the log cannot be written, the data is not written either."""
    client.force_login(cast.alice)
    client.raise_request_exception = False

    before = list(ProjectYear.objects.values_list("pk", "version", "disbursed"))
    with log_table_gone():  # the log's insert fails in the database itself
        response = client.post(
            row_url(cast, year_a.dredge),
            {"version": "0", "status": "in_progress", "progress": "40", "disbursed": "1000"},
        )
    assert response.status_code == 500
    assert not MonthlyProgress.objects.exists()
    assert list(ProjectYear.objects.values_list("pk", "version", "disbursed")) == before


@contextmanager
def log_table_gone():
    """The log's table renamed away for the block (inside the test's transaction: undone)."""
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} RENAME TO {table}_gone")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {table}_gone RENAME TO {table}")


def test_a_request_whose_log_fails_leaves_even_a_view_level_write_undone(
    client, cast, plan_a, reference_lists, monkeypatch
):
    """The middleware's transaction, not only the service's: the survey switch saves in the view."""
    from evaluation import services as evaluation_services
    from evaluation.models import Survey, SurveyTemplate

    survey = evaluation_services.survey_create(
        org=cast.a,
        fiscal_year=2568,
        template=SurveyTemplate.objects.get(code="likert_overall"),
        title="ความพึงพอใจ ปี 2568",
    )
    was_open = survey.is_open
    client.force_login(cast.alice)
    client.raise_request_exception = False
    monkeypatch.setattr(AuditEntry, "save", lambda self, *a, **kw: 1 / 0)
    url = reverse("evaluation:survey_toggle", args=[cast.a.code, survey.pk])
    assert client.post(url).status_code == 500
    assert Survey.objects.get(pk=survey.pk).is_open == was_open


def test_approval_by_compare_and_set_is_logged_once_with_old_and_new_status(cast, plan_a):
    edition = plan_services.edition_create(plan=plan_a, kind="addition")
    with audit.acting(cast.alice):
        plan_services.edition_approve(
            edition=edition, approved_on=dt.date(2024, 1, 5), approver="นายก"
        )
        with pytest.raises(Exception, match="อนุมัติไปแล้ว"):
            plan_services.edition_approve(
                edition=edition, approved_on=dt.date(2024, 1, 5), approver="นายก"
            )
    logged = entries(Edition, object_id=str(edition.pk), action="update")
    assert logged.count() == 1
    entry = logged.get()
    assert entry.changes["status"] == ["draft", "approved"] and entry.user == cast.alice
    assert entry.org == cast.a


def test_bulk_added_projects_and_budgets_are_logged_with_their_org(cast, plan_a):
    versions = ProjectVersion.objects.filter(plan=plan_a)
    logged = entries(ProjectVersion, action="create")
    assert logged.count() == versions.count() == 3
    assert set(logged.values_list("org", flat=True)) == {cast.a.pk}
    names = {e.changes["name"][1] for e in logged}
    assert "ขุดลอกลำห้วยโคกสูง หมู่ที่ 5" in names
    budgets = apps.get_model("plans.ProjectBudget")
    assert entries(budgets, action="create").count() == budgets.objects.count() == 15
    assert (
        logged.first().actor == audit.SYSTEM
    )  # outside a request and without acting(): the system


def test_a_deleted_row_keeps_its_last_values_in_the_log(cast, plan_a):
    edition = plan_services.edition_create(plan=plan_a, kind="addition")
    pk = edition.pk
    plan_services.edition_discard(edition=edition)
    entry = entries(Edition, object_id=str(pk), action="delete").get()
    assert entry.changes["kind"] == ["addition", None] and entry.org == cast.a


def test_linkage_changes_on_a_strategy_are_logged(cast, plan_a):
    from plans.models import LinkageTarget

    target = LinkageTarget.objects.first()
    plan_a.s1.linkages.add(target)
    entry = entries(plan_a.s1.__class__, object_id=str(plan_a.s1.pk), action="update").last()
    assert entry.changes == {"linkages": [[], [target.pk]]}


def test_every_audited_model_reaches_its_org_or_is_province_wide():
    """A new model must say how its rows reach their org (its app's AUDIT_ORG_PATHS), have an
    `org` of its own, or be knowingly province/system-wide (None)."""
    for model in audit.audited_models():
        label, path = model._meta.label, audit.how_audited(model).org_path
        if path is None:
            continue
        if path:
            first = path.split(".")[0]
            assert first == "pk" or model._meta.get_field(first).is_relation, label
        else:
            has_org = any(f.name == "org" for f in model._meta.concrete_fields)
            assert has_org, f"{label}: add it to its app's AUDIT_ORG_PATHS"


def test_each_app_registers_its_own_models_and_core_names_none():
    by_app = {m._meta.app_label for m in audit.audited_models()}
    assert by_app == {"auth", "orgs", "plans", "monitoring", "evaluation", "province", "reports"}
    source = (ROOT / "core" / "audit.py").read_text()
    assert not any(f'"{m._meta.label}' in source for m in audit.audited_models())
    unaudited = {"orgs.AuditEntry", "orgs.LoginAttempt", "monitoring.Alert", "jobs.Job"}
    assert not unaudited & {m._meta.label for m in audit.audited_models()}


# Writes that skip the log on purpose: (file, model) and why.
RAW_WRITES_ALLOWED = {
    ("orgs/tokens.py", "ApiToken"),  # the token's last-used time: a field the log ignores
    ("tidtam/demo/places.py", "ProjectPlace"),  # the demo's generated places, no one's entry
}
MANAGERS = {"objects", "_default_manager", "_base_manager"}
QUERYSET = {"filter", "exclude", "all", "select_for_update", "order_by", "using"}
DML = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|MERGE)\b", re.IGNORECASE)


def _chain_root(node):
    """(root name, passes a manager) of a chain like Model.objects.filter(...).exclude(...)."""
    managed = False
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            managed = managed or node.attr in MANAGERS
            node = node.value
        elif isinstance(node, ast.Name):
            return node.id, managed
        else:
            return None, managed


def _text(node, constants) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_text(v, constants) for v in node.values)
    if isinstance(node, ast.Name):
        return constants.get(node.id, "")
    return ""


def raw_writes(path: Path, audited: set[str]) -> list[tuple[int | None, str]]:
    """The writes in a file that Django makes without signals, to audited tables (or tables it
    cannot tell): .update( on a queryset (chained, on its own line, or through a variable),
    .bulk_create( / .bulk_update(, and cursor.execute( of INSERT/UPDATE/DELETE."""
    tree = ast.parse(path.read_text())
    querysets: dict[str, str | None] = {}
    constants: dict[int, dict[str, str]] = {}  # the names a call sees: its function's, the module's
    scopes = [tree] + [
        n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    for scope in scopes:  # outer scopes first: an inner function's names win for its calls
        names = dict(constants.get(id(tree), {}))
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name):
                    root, managed = _chain_root(node.value)
                    if managed:
                        querysets[target.id] = root
                    if _text(node.value, {}) and (scope is not tree or node in tree.body):
                        names[target.id] = _text(node.value, {})
        for node in ast.walk(scope):
            if isinstance(node, ast.Call):
                constants[id(node)] = names
        if scope is tree:
            constants[id(tree)] = names
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        method, receiver = node.func.attr, node.func.value
        if method in ("execute", "executemany") and node.args:
            if DML.match(_text(node.args[0], constants.get(id(node), {}))):
                found.append((node.func.end_lineno, "SQL"))
            continue
        if method not in ("update", "bulk_create", "bulk_update"):
            continue
        root, managed = _chain_root(receiver)
        if isinstance(receiver, ast.Name) and receiver.id in querysets:
            root, managed = querysets[receiver.id], True
        if root == "audit":  # core.audit.update / bulk_create: the logged way
            continue
        if method == "update" and not managed and not isinstance(receiver, ast.Call):
            continue  # a dict's or a set's update
        if (
            method == "update"
            and not managed
            and isinstance(receiver, ast.Call)
            and not (isinstance(receiver.func, ast.Attribute) and receiver.func.attr in QUERYSET)
        ):
            continue  # a call's result that is not a queryset
        if root in audited or not managed:  # an audited model, or a queryset it cannot trace
            found.append((node.func.end_lineno, root or "?"))
    return found


def test_no_write_bypasses_the_log():
    """bulk_create, bulk_update, queryset.update and raw INSERT/UPDATE/DELETE
    skip Django's signals: outside core.audit they are refused on audited tables (tables outside
    the log, such as alerts, jobs and notifications, may use them)."""
    audited = {m.__name__ for m in audit.audited_models()}
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith((".venv", "bench/")) or "/tests/" in rel or "/migrations/" in rel:
            continue
        if rel == "core/audit.py":
            continue
        for line, model in raw_writes(path, audited):
            if (rel, model) not in RAW_WRITES_ALLOWED:
                offenders.append(f"{rel}:{line}: {model}")
    assert offenders == []


def test_the_write_guard_sees_chained_and_hidden_writes(tmp_path):
    source = tmp_path / "x.py"
    source.write_text(
        "qs = Plan.objects.filter(org=org)\n"
        "(Plan.objects.filter(pk=1)\n"
        "    .update(title='x'))\n"
        "qs.update(title='y')\n"
        "rows.update(a=1)\n"  # a dict
        "Alert.objects.bulk_create([])\n"  # not audited
        "plan.projects.all().update(x=1)\n"  # through a relation: cannot tell, refused
        "Project.objects.bulk_update([], ['x'])\n"
        "SQL = 'UPDATE plans_plan SET title = %s'\n"
        "cursor.execute(SQL, [1])\n"
        "cursor.execute('SELECT 1')\n"
        "audit.update(Plan.objects.filter(pk=1), title='z')\n"
    )
    found = raw_writes(source, {"Plan", "Project"})
    assert found == [(3, "Plan"), (4, "Plan"), (7, "plan"), (8, "Project"), (10, "SQL")]


def test_the_audit_page_shows_changes_and_filters_by_person(
    client, cast, year_a, django_assert_max_num_queries
):
    client.force_login(cast.alice)
    client.post(
        row_url(cast, year_a.dredge),
        {"version": "0", "status": "in_progress", "progress": "40", "disbursed": "1000"},
    )
    url = reverse("orgs:audit", args=[cast.a.code])
    # session, user, grants, org, count, page, model facet, people facet, and one per kind of
    # row the page names (projects, divisions, people…): bounded by the schema, not by the rows
    with django_assert_max_num_queries(28):
        body = client.get(url).content.decode()
    assert "ประวัติการแก้ไขข้อมูล" in body and "ความก้าวหน้า" in body and "1,000.00" in body
    assert body.count('<td class="new">40</td>') >= 1
    only_alice = client.get(url, {"user": cast.alice.pk}).content.decode()
    assert "alice" in only_alice and audit.SYSTEM not in only_alice.split('id="audit-log"')[1]
    system_rows = client.get(url, {"user": cast.bob.pk}).content.decode()
    assert "ยังไม่มีประวัติตามเงื่อนไขนี้" in system_rows


def test_the_audit_page_is_for_officers_executives_and_the_province(client, cast, plan_a):
    url = reverse("orgs:audit", args=[cast.a.code])
    for user, status in (
        (cast.alice, 200),
        (cast.pat, 200),
        (cast.dana, 403),
        (cast.carl, 403),
        (cast.bob, 404),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status, user


def test_the_log_amount_fields_are_plain_json(cast, year_a):
    py = ProjectYear.objects.filter(org=cast.a).first() or ProjectYear.objects.create(
        org=cast.a, fiscal_year=2568, project=year_a.dredge
    )
    py.contract_amount = Decimal("280000.50")
    py.save()
    entry = entries(ProjectYear, object_id=str(py.pk)).last()
    assert entry.changes["contract_amount"][1] == "280000.50"


def test_a_locked_quarter_opens_only_through_the_recorded_unlock_path(
    client, cast, year_a, reference_lists
):
    from monitoring import services as mon
    from monitoring.models import PeriodLock, Status
    from orgs.tokens import token_create
    from province import services as province

    with audit.acting(cast.alice):
        mon.progress_save(
            org=cast.a,
            fiscal_year=2568,
            project=year_a.dredge,
            month=3,
            data=mon.ProgressInput(status=Status.IN_PROGRESS, progress=10, disbursed=Decimal(1000)),
            expected_version=0,
        )
        sub = province.submit(org=cast.a, fiscal_year=2568, period="q1", user=cast.alice)
    with audit.acting(cast.pat):
        province.approve(submission=sub, user=cast.pat)
    _, key = token_create(user=cast.alice, name="t")
    url = f"/api/v1/orgs/{cast.a.code}/progress/2568/3/{year_a.dredge.pk}"
    body = {"version": 1, "status": "in_progress", "progress": 50, "disbursed": "9000"}
    refused = client.put(
        url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert refused.status_code == 422 and "ปิดงวดแล้ว" in refused.content.decode()
    assert MonthlyProgress.objects.get().disbursed == Decimal(1000)
    with audit.acting(cast.alice):
        unlock = province.request_unlock(submission=sub, reason="แก้ยอดเดือนธันวาคม", user=cast.alice)
    with audit.acting(cast.pat):
        province.grant_unlock(request=unlock, user=cast.pat)
    lifted = entries(PeriodLock, action="delete").get()
    assert (lifted.user, lifted.org) == (cast.pat, cast.a)
    asked = entries(apps.get_model("province.UnlockRequest"), action="create").get()
    assert asked.user == cast.alice and asked.changes["reason"][1] == "แก้ยอดเดือนธันวาคม"
    assert (
        client.put(
            url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
        ).status_code
        == 200
    )


def test_every_audited_table_has_a_thai_name():
    missing = [m._meta.label for m in audit.audited_models() if not audit.how_audited(m).name]
    assert missing == []


def test_a_months_save_logs_all_its_rows_in_one_insert(cast, year_a):
    """audit.batched(): the save's entries (year and month) are written together, in order."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from monitoring import services

    def save(month, version, disbursed):
        data = services.ProgressInput(
            status="in_progress", progress=20, disbursed=Decimal(disbursed)
        )
        with audit.acting(cast.alice), CaptureQueriesContext(connection) as sql:
            services.progress_save(
                org=cast.a,
                fiscal_year=2568,
                project=year_a.dredge,
                month=month,
                data=data,
                expected_version=version,
            )
        return sum('INSERT INTO "orgs_auditentry"' in q["sql"] for q in sql.captured_queries)

    start = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first()
    assert save(4, 0, "700.00") == 1
    first = list(
        AuditEntry.objects.filter(id__gt=start)
        .order_by("id")
        .values_list("model", "action", "changes")
    )
    assert [(m, a) for m, a, _ in first] == [
        ("monitoring.ProjectYear", "create"),
        ("monitoring.MonthlyProgress", "create"),
    ]
    assert first[0][2]["disbursed"] == [None, "700.00"] and first[0][2]["version"] == [None, 1]
    assert save(5, 1, "300.00") == 1
    year = entries(ProjectYear).last()
    assert (year.action, year.changes["disbursed"], year.user) == (
        "update",
        ["700.00", "1000.00"],
        cast.alice,
    )


def test_a_batch_is_written_at_its_end_and_only_inside_a_transaction(cast):
    from django.db import transaction

    from orgs.models import Division

    with audit.acting(cast.alice), audit.batched():
        Division.objects.create(org=cast.a, name="กองคลัง")
        assert not entries(Division, label__contains="กองคลัง").exists()  # held until the end
    assert entries(Division, label__contains="กองคลัง").get().changes["name"] == [None, "กองคลัง"]
    with pytest.raises(ValueError), transaction.atomic(), audit.batched():
        Division.objects.create(org=cast.a, name="กองสาธารณสุข")
        raise ValueError("the block fails: the division and its entry go with the rollback")
    assert not entries(Division, label__contains="กองสาธารณสุข").exists()
    assert not Division.objects.filter(name="กองสาธารณสุข").exists()


@pytest.mark.django_db(transaction=True)
def test_a_batch_outside_a_transaction_is_refused():
    """Without a transaction a write could stay while its batched entry never comes."""
    with pytest.raises(RuntimeError, match="ทรานแซกชัน"), audit.batched():
        pass


def test_a_loaded_row_is_not_copied_until_it_is_saved_and_logs_its_old_values(cast, plan_a):
    from orgs.models import Division

    division = Division.objects.create(org=cast.a, name="กองคลัง")
    loaded = Division.objects.get(pk=division.pk)
    assert "_audit_old" not in loaded.__dict__  # loading made no snapshot
    loaded.name = "กองคลังและพัสดุ"
    loaded.save()
    assert entries(Division, action="update").last().changes["name"] == ["กองคลัง", "กองคลังและพัสดุ"]
    loaded.name = "กองการเงิน"
    loaded.save()  # compared with the first save, not with the row as loaded
    assert entries(Division, action="update").last().changes["name"] == [
        "กองคลังและพัสดุ",
        "กองการเงิน",
    ]


def test_a_row_built_with_an_existing_pk_logs_the_values_it_overwrote(cast, plan_a):
    from orgs.models import Division

    division = Division.objects.create(org=cast.a, name="กองคลัง")
    Division(pk=division.pk, org=cast.a, name="กองช่างสุขาภิบาล").save()
    last = entries(Division, object_id=str(division.pk)).last()
    assert (last.action, last.changes["name"]) == ("update", ["กองคลัง", "กองช่างสุขาภิบาล"])
