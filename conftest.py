"""Shared fixtures: a role cast built with the real services, and Debian Chromium for Playwright."""

import io
import os
import shutil
from decimal import Decimal

import pytest

os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Django ORM + Playwright sync API (tests only)

CAST_PASSWORD = "pw"  # every user of the cast fixture
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
    "--disable-dev-shm-usage",  # containers often give /dev/shm 64 MB; tabs then crash
]

# On PostgreSQL a test waiting for a lock fails after this long, naming the statement, instead of
# waiting for ever (the per-test limit, `timeout` in pyproject.toml, is the last resort).
PG_TEST_LOCK_TIMEOUT = "60s"


def _pg_lock_timeout(sender, connection, **kwargs):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = '{PG_TEST_LOCK_TIMEOUT}'")


def pytest_configure(config):
    from django.db.backends.signals import connection_created

    connection_created.connect(_pg_lock_timeout, dispatch_uid="tests-pg-lock-timeout")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed test on PostgreSQL reports the other sessions on the test database: what each
    runs, how long its transaction has been open and which session it waits for."""
    report = yield
    if report.failed:
        sessions = _pg_sessions()
        if sessions:
            report.sections.append(("PostgreSQL sessions at the failure", sessions))
    return report


def _pg_sessions() -> str:
    from django.db import connection

    if connection.vendor != "postgresql":
        return ""
    import psycopg

    s = connection.settings_dict
    try:
        with psycopg.connect(
            dbname=s["NAME"],
            user=s["USER"],
            password=s["PASSWORD"],
            host=s["HOST"],
            port=s["PORT"] or 5432,
            connect_timeout=5,
        ) as conn:
            rows = conn.execute(
                "SELECT pid, state, now() - xact_start, wait_event_type, wait_event,"
                " pg_blocking_pids(pid), left(query, 300) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
    except Exception as exc:  # noqa: BLE001 - a report of a failure must not fail itself
        return f"(could not read pg_stat_activity: {exc})"
    return "\n".join(" | ".join(str(v) for v in row) for row in rows) or "(none)"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "th-TH", "accept_downloads": True}


@pytest.fixture
def sign_in(live_server):
    """sign_in(page, username, password=None): signs in through the live server's login form
    (the cast's password unless told)."""

    def sign_in(page, username: str, password: str | None = None) -> None:
        page.goto(f"{live_server.url}/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password or CAST_PASSWORD)
        page.click("button[type=submit]")

    return sign_in


@pytest.fixture(autouse=True)
def _media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DEBUG = False
    settings.MAP_TILE_URL = ""  # no tile server in tests: maps draw over the province outline
    from django.core.cache import cache

    cache.clear()  # each test starts as a fresh process would (the map outline is cached)


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
        importlib.import_module("reports.migrations.0003_ita_item_due_dates").load(apps, None)
    if not SurveyTemplate.objects.exists():
        for name in ("0002_survey_templates", "0005_score_templates", "0007_form1_items"):
            importlib.import_module(f"evaluation.migrations.{name}").load(apps, None)


@pytest.fixture
def reference_lists(db):
    """Programs, linkage lists and warning rules, even after a transactional test flushed them."""
    _reference_lists()


class SmtpServer:
    """A real SMTP server on a free local port (aiosmtpd), recording each delivered message."""

    def __init__(self):
        import threading

        self.messages: list = []
        self._arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd handler hook
        from email import message_from_bytes, policy

        msg = message_from_bytes(envelope.original_content, policy=policy.default)
        with self._arrived:
            self.messages.append((envelope.rcpt_tos, msg))
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait(self, count: int = 1, timeout: float = 10.0) -> list:
        """The messages once at least `count` have arrived: [(recipients, EmailMessage)]."""
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.messages) >= count, timeout)
        assert len(self.messages) >= count, f"{len(self.messages)} of {count} e-mails arrived"
        return self.messages

    def to(self, address: str) -> list:
        return [m for rcpt, m in self.messages if address in rcpt]

    def delivered(self) -> list[dict]:
        """Every message so far as {from, to, subject, body}."""
        return [
            {"from": m["From"], "to": list(rcpt), "subject": m["Subject"], "body": self.body(m)}
            for rcpt, m in self.messages
        ]

    @staticmethod
    def body(msg) -> str:
        return msg.get_body(preferencelist=("plain",)).get_content()

    def links(self, msg) -> list[str]:
        import re

        return re.findall(r"https?://\S+", self.body(msg))


@pytest.fixture
def smtp_server(settings):
    """Django's SMTP backend (settings.MAILERS["default"]) pointed at a real local SMTP server for
    the test; yields SmtpServer
    (.messages, .wait(n), .to(address), .links(msg))."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    handler = SmtpServer()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 10},
        }
    }
    handler.port = port
    try:
        yield handler
    finally:
        controller.stop()


class Cast:
    """alice: officer of A; dana: division head of A (กองช่าง); carl: committee of A;
    bob: officer of B (same province); pat: provincial analyst; olga: officer in another
    province."""


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
        user = User.objects.create_user(name, password=CAST_PASSWORD)
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


def seen_in(response, action: str) -> str:
    """The stale-save fingerprint (orgs.stale) a browser posts back from the page's form that
    posts to `action`."""
    import re

    page = response.content.decode()
    form = page[page.index(f'action="{action}"') :]
    found = re.search(r'name="seen" value="([^"]+)"', form)
    assert found, f"the form to {action} carries no fingerprint"
    return found.group(1)


def seen_on(client, page_url: str, action: str) -> str:
    """Open `page_url` as `client` and take the fingerprint of its form to `action`."""
    return seen_in(client.get(page_url), action)


# A plan file as an officer fills the template: its strategies sheet and two projects (the road,
# 1,200,000 in 2567 on ผ.02; the lunch, 300,000 a year for 2566–2570).
PLAN_STRATEGIES = [
    [1, "ยุทธศาสตร์ด้านโครงสร้างพื้นฐาน", "1.1", "ก่อสร้างถนน"],
    [2, "ยุทธศาสตร์ด้านการศึกษา", "", ""],
]
PLAN_ROWS = [
    [
        1,
        "1.1",
        "แผนงานอุตสาหกรรมและการโยธา",
        "ก่อสร้างถนน คสล. หมู่ที่ 2",
        "",
        "",
        "-",
        "1,200,000",
        "",
        "",
        "",
        "",
        "",
        "กองช่าง",
        "ผ.02",
        "ฉบับเดิม",
    ],
    [
        2,
        "",
        "แผนงานการศึกษา",
        "อาหารกลางวันศูนย์พัฒนาเด็กเล็ก",
        "",
        "",
        "300,000",
        "300,000",
        "300,000",
        "300,000",
        "300,000",
        "",
        "",
        "กองการศึกษา",
        "",
        "ฉบับเดิม",
    ],
]


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

    from monitoring.testing import ordinance_lines
    from plans import services as plans_services

    road, dredge, lunch = plan_a.projects_
    d_line, l_line = ordinance_lines(
        cast.a,
        2568,
        kind="annual",
        promulgated_on=dt.date(2024, 9, 20),
        amounts={dredge: Decimal(300000), lunch: Decimal(250000)},
    )
    action_plan = plans_services.action_plan_create(org=cast.a, fiscal_year=2568)
    plans_services.action_item_add(
        action_plan=action_plan,
        budget_line=d_line,
        name="ขุดลอกลำห้วยโคกสูง หมู่ที่ 5",
        amount=Decimal(300000),
        months=[4, 5, 6],
    )
    plans_services.action_item_add(
        action_plan=action_plan,
        budget_line=l_line,
        name="อาหารกลางวัน",
        amount=Decimal(250000),
        months=list(range(1, 13)),
    )
    plan_a.dredge, plan_a.lunch, plan_a.road = dredge, lunch, road
    plan_a.d_line, plan_a.l_line = d_line, l_line
    return plan_a


def run_queued_tasks() -> int:
    """Run every task that is due on the django-tasks-db queue, in this process, with the
    package's own Worker (claim, run, record); `db_worker --batch` would also close the test's
    database connection between tasks. Returns how many tasks ran."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while (
        task := DBTaskResult.objects.ready().order_by(*(DBTaskResult._meta.ordering or ())).first()
    ) is not None:
        task.claim(worker.worker_id)
        worker.run_task(task)
        ran += 1
    return ran


@pytest.fixture
def worker(settings, db):
    """worker() runs the queued tasks now. Jobs enqueued in the test reach the queue first (the
    on-commit hooks a commit of the test's transaction would run) and retries wait no time."""
    from django.db import connection

    settings.JOB_RETRY_BASE_SECONDS = 0
    start = len(connection.run_on_commit)

    def run() -> int:
        while len(connection.run_on_commit) > start:
            callback = connection.run_on_commit.pop(start)[1]  # (savepoints, callback, robust)
            callback()
        return run_queued_tasks()

    return run


@pytest.fixture
def background_file(worker):
    """background_file(client, url) → the bytes of a document made in the background: the page
    starts a job, the worker runs it, the job's page offers the file."""

    def fetch(client, url, _worker=None) -> bytes:
        from jobs.models import Job

        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/jobs/"), response
        worker()
        job = Job.objects.get(pk=int(response.url.split("/")[2]))
        assert job.status == "done", (job.message, job.error)
        download = client.get(f"/jobs/{job.pk}/file/")
        return b"".join(download.streaming_content)

    return fetch


def worker_process_env(settings_media, **extra) -> dict:
    """The environment of a `manage.py db_worker` process that works on the test database."""
    from django.db import connection

    s = connection.settings_dict
    url = (
        f"sqlite:///{s['NAME']}"
        if connection.vendor == "sqlite"
        else f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
    )
    return {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(settings_media),
        "JOB_RETRY_BASE_SECONDS": "0",
        "JOB_HEARTBEAT_SECONDS": "1",
        **extra,
    }


WORKER_CMD = ["manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]


@pytest.fixture
def worker_process(transactional_db, settings):
    """A real background worker process next to the live server, stopped after the test."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent
    proc = subprocess.Popen(
        [sys.executable, *WORKER_CMD],
        cwd=root,
        env=worker_process_env(settings.MEDIA_ROOT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield proc
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def line_server(settings):
    """A local HTTP server standing in for api.line.me: it records every call (path, headers,
    JSON body) and answers like LINE does. The SDK is pointed at it via LINE_API_HOST."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    calls = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            calls.append(
                {
                    "path": self.path,
                    "headers": dict(self.headers),
                    "json": json.loads(body or b"{}"),
                }
            )
            answer = {"sentMessages": [{"id": str(len(calls)), "quoteToken": "q"}]}
            data = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.LINE_API_HOST = f"http://127.0.0.1:{server.server_address[1]}"
    settings.LINE_CHANNEL_ACCESS_TOKEN = "test-channel-token"  # noqa: S105
    settings.LINE_CHANNEL_SECRET = "test-channel-secret"  # noqa: S105
    server.calls = calls
    yield server
    server.shutdown()
    server.server_close()
