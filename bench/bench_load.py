"""The quarter-end burst under load: gunicorn on PostgreSQL, Locust users saving progress rows and
opening dashboards, for a bounded time. Prints throughput and latency against the goals
(≥ 200 saves/s, p95 ≤ 300 ms on a 2-core machine).

    .venv/bin/python bench/bench_load.py [--users 50] [--seconds 60] [--rounds 2]
        [--workers <cores>] [--threads 1] [--worker-class sync] [--think 0,0.02] [--warmup 0]
        [--database-url postgres://tidtam:tidtam@127.0.0.1:5432/tidtam_load]

Everything runs on loopback. The data: one province of 50 orgs × 300 budgeted projects (the
generator of bench_monitoring.py), at the end of ไตรมาสที่ 1: ต.ค.–พ.ย. recorded, ธ.ค. being saved;
every run starts from that same state. Locust, gunicorn and PostgreSQL share the machine's cores.
"""

import argparse
import csv
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
PG = os.environ.get("TIDTAM_LOAD_DB", "postgres://tidtam:tidtam@127.0.0.1:5432/tidtam_load")


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[-1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def prepare(n_orgs: int, n_projects: int) -> dict[str, list[int]]:
    import django

    django.setup()
    from _data import FY, generate
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from monitoring.models import ProjectYear
    from orgs.models import Province
    from plans.models import BudgetLine

    call_command("migrate", verbosity=0)
    province = Province.objects.filter(code="98").first()
    if province is None:
        t0 = time.perf_counter()
        province, _ = generate(n_orgs, n_projects)
        print(
            f"generated {n_orgs} orgs × {n_projects} projects in {time.perf_counter() - t0:.0f} s"
        )
    user = get_user_model().objects.get(username="bench.officer")
    if not user.check_password("bench"):  # a new hash would sign out the sessions made below
        user.set_password("bench")
        user.save()
    with connection.cursor() as cursor:
        cursor.execute(_RECORDED, [FY])
        if not cursor.fetchone()[0]:
            raise SystemExit(
                "tidtam_load has no ต.ค.–พ.ย. recorded (an older bench emptied it): "
                "dropdb tidtam_load and run again"
            )
        for statement in _QUARTER_END:  # every run starts from the same state
            if connection.vendor == "sqlite" and statement.startswith("VACUUM"):
                statement = "ANALYZE"
            cursor.execute(statement, {"fy": FY})
    orgs: dict[str, list[int]] = {}
    lines = BudgetLine.objects.filter(ordinance__org__province=province, ordinance__fiscal_year=FY)
    room = dict(
        ProjectYear.objects.filter(org__province=province, fiscal_year=FY).values_list(
            "project_id", "disbursed"
        )
    )
    for code, project_id, amount in lines.values_list(
        "ordinance__org__code", "project_id", "amount"
    ):
        if amount - room.get(project_id, 0) >= 5000:  # the burst pays up to 5,000 more on each
            orgs.setdefault(code, []).append(project_id)
    return orgs


# The quarter-end of ไตรมาสที่ 1: ต.ค. and พ.ย. (months 1–2) are recorded, ธ.ค. (3) is being saved.
# Months 3–12 of the generated year are cleared and each project-year put back to its state after
# พ.ย. (version 1). The tables keep their rows and statistics, as a real database at the quarter's
# end would: an emptied table makes PostgreSQL plan for nothing, and the runs were erratic.
_RECORDED = """SELECT COUNT(*) FROM monitoring_monthlyprogress m
  JOIN monitoring_projectyear py ON py.id = m.project_year_id
 WHERE py.fiscal_year = %s AND m.month <= 2"""
_LATEST = """(SELECT m.{col} FROM monitoring_monthlyprogress m
  WHERE m.project_year_id = monitoring_projectyear.id ORDER BY m.month DESC LIMIT 1)"""
_QUARTER_END = [
    """DELETE FROM monitoring_monthlyprogress WHERE month >= 3 AND project_year_id IN
       (SELECT id FROM monitoring_projectyear WHERE fiscal_year = %(fy)s)""",
    f"""UPDATE monitoring_projectyear SET version = 1,
       disbursed = COALESCE((SELECT SUM(m.disbursed) FROM monitoring_monthlyprogress m
                             WHERE m.project_year_id = monitoring_projectyear.id), 0),
       last_month = COALESCE({_LATEST.format(col="month")}, 0),
       status = COALESCE({_LATEST.format(col="status")}, 'not_started'),
       progress = COALESCE({_LATEST.format(col="progress")}, 0)
     WHERE fiscal_year = %(fy)s""",  # noqa: S608 - fixed column names
    "DELETE FROM orgs_auditentry",
    "DELETE FROM orgs_loginattempt",
    "VACUUM ANALYZE",
]


def signed_in_sessions(n: int) -> list[str]:
    """The officers are already signed in when the burst starts: a session each, made the way
    django.contrib.auth.login makes it. (Signing in is argon2 on purpose — about a tenth of a
    second of CPU — and is timed on its own at the end of the run.)"""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )

    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore  # noqa: N806
    user = get_user_model().objects.get(username="bench.officer")
    keys = []
    for _ in range(n):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        # ModelBackend: the axes backend only checks a sign-in and loads no user
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)  # as deploy/ does
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--worker-class", default="sync", help="gunicorn's -k: sync or gthread")
    # The users keep the server busy: what is measured is its capacity. With longer pauses the 50
    # users themselves cap the load (Little's law: 50 / (pause + response) requests per second).
    parser.add_argument("--think", default="0,0.02", help="a user's pause, min,max seconds")
    parser.add_argument(
        "--warmup",
        type=float,
        default=0,
        help="seconds at the start whose saves count in saves/s but not in the latencies",
    )
    parser.add_argument(
        "--open",
        default="entry",
        choices=["entry", "dashboard"],
        help="each user's first page: the entry page (as officers do) or the "
        "lighter dashboard, for a machine too busy to render 50 entry pages",
    )
    parser.add_argument("--orgs", type=int, default=50)
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--database-url", default=PG)
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="pairs of runs, app and baseline alternating (ABBA…), each --seconds long",
    )
    args = parser.parse_args()
    ensure_database(args.database_url)
    env = os.environ | {
        "DATABASE_URL": args.database_url,
        "DJANGO_SETTINGS_MODULE": "tidtam.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "LOGIN_MAX_FAILURES": "1000",
    }
    os.environ.update(env)
    orgs = prepare(args.orgs, args.projects)
    tmp = Path(tempfile.mkdtemp(prefix="tidtam-load-"))
    (tmp / "orgs.json").write_text(
        json.dumps({"orgs": orgs, "sessions": signed_in_sessions(args.users)})
    )
    # Rounds in the order app, baseline, baseline, app, …: on a shared machine whose load drifts,
    # each target gets the same share of the quiet and the busy minutes.
    order = [
        t for i in range(args.rounds) for t in (("app", "baseline"), ("baseline", "app"))[i % 2]
    ]
    results: dict[str, list[dict]] = {"app": [], "baseline": []}
    for i, target in enumerate(order):
        if i:
            prepare(args.orgs, args.projects)  # every round from the same starting state
        results[target].append(run(args, env, tmp, orgs, target))
    app, base = (
        {k: statistics.mean(r[k] for r in results[t]) for k in ("per_s", "p95")}
        for t in ("app", "baseline")
    )
    print(f"\nrounds: {' '.join(order)} · {args.seconds} s each")
    for target in ("app", "baseline"):
        rounds = " · ".join(f"{r['per_s']:,.1f}/s p95 {r['p95']:.0f} ms" for r in results[target])
        print(f"  {target:9} {rounds}")
    print(
        f"baseline (bare view: same session and user, one UPDATE + one audit INSERT): "
        f"{base['per_s']:,.1f} saves/s · p95 {base['p95']:.0f} ms"
    )
    ratio = app["per_s"] / base["per_s"] if base["per_s"] else float("nan")
    print(
        f"the app / baseline, same run: {ratio:.0%} of the saves/s"
        f" (goal ≥ 60 %) · save p95 {app['p95']:.0f} ms at {args.users} users (goal ≤ 300 ms)"
    )


def run(args, env, tmp: Path, orgs, target: str) -> dict:
    print(f"\n== {target} ==")
    port = free_port()
    bin_ = Path(sys.executable).parent
    env = env | {
        "DJANGO_SETTINGS_MODULE": "bench.baseline_settings"
    }  # the app, plus the baseline URL
    server = subprocess.Popen(
        [
            bin_ / "gunicorn",
            "tidtam.wsgi",
            "-c",
            ROOT / "deploy" / "gunicorn.conf.py",  # as deployed,
            "-w",
            str(args.workers),
            "--threads",
            str(args.threads),
            "-k",
            args.worker_class,  # but for
            "-b",
            f"127.0.0.1:{port}",
            "--error-logfile",
            "-",
            "--log-level",
            "warning",
        ],  # the port
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        print(
            f"gunicorn: {args.workers} {args.worker_class} workers × {args.threads} threads ·"
            f" {args.users} users for {args.seconds} s · "
            f"think {args.think} s · {len(orgs)} orgs · PostgreSQL"
            f" {args.database_url.rsplit('@', 1)[-1]}"
        )
        before = cpu_by_role(server.pid) | {"locust": children_cpu()}
        started = time.perf_counter()
        subprocess.run(
            [
                os.environ.get("LOCUST", bin_ / "locust"),
                "-f",
                ROOT / "bench" / "locustfile.py",
                "--headless",
                "-u",
                str(args.users),
                "-r",
                str(args.users),
                "-t",
                f"{args.seconds}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                tmp / "load",
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env=env
            | {
                "TIDTAM_LOAD_ORGS": str(tmp / "orgs.json"),
                "TIDTAM_THINK": args.think,
                "TIDTAM_LOAD_TARGET": target,
                "TIDTAM_OPEN": args.open,
                "TIDTAM_WARMUP": str(args.warmup),
            },
            check=False,
            stdout=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - started
        cpu = cpu_by_role(server.pid) | {"locust": children_cpu()}
        cpu = {k: v - before[k] for k, v in cpu.items()}
        login = time_logins(port) if target == "app" else None
    finally:
        server.terminate()
        server.wait(timeout=30)
    result = report(tmp / "load_stats.csv", args.seconds, cpu, wall)
    if login is not None:
        print(f"sign-in:      {login:.0f} ms each (argon2, 10 in a row, outside the burst)")
    return result


def children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the finished Locust run
    return usage.ru_utime + usage.ru_stime


def time_logins(port: int, n: int = 10) -> float:
    import http.cookiejar
    import urllib.parse
    import urllib.request

    started = time.perf_counter()
    for _ in range(n):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(jar)
        )
        base = f"http://127.0.0.1:{port}/login/"
        opener.open(base).read()
        token = next(c.value for c in jar if c.name == "csrftoken")
        form = {"username": "bench.officer", "password": "bench", "csrfmiddlewaretoken": token}
        opener.open(base, urllib.parse.urlencode(form).encode()).read()
        assert any(c.name == "sessionid" for c in jar), "sign-in failed"
    return (time.perf_counter() - started) / n * 1000


def cpu_by_role(server_pid: int) -> dict[str, float]:
    """CPU seconds used so far by the app server (gunicorn master + workers), PostgreSQL and the
    load generator, to show where the machine's two cores go."""
    import psutil

    out = {"gunicorn": 0.0, "postgres": 0.0}
    workers = {server_pid} | {c.pid for c in psutil.Process(server_pid).children(recursive=True)}
    for proc in psutil.process_iter(["pid", "name", "cmdline"]):
        try:
            t = proc.cpu_times()
            used = t.user + t.system
            if proc.pid == server_pid:  # with the workers it has recycled (max_requests)
                out["gunicorn"] += used + t.children_user + t.children_system
            elif proc.pid in workers:
                out["gunicorn"] += used
            elif proc.info["name"] == "postgres":
                out["postgres"] += used
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return out


def report(path: Path, seconds: int, cpu: dict[str, float], wall: float) -> dict[str, float]:
    rows = {r["Name"]: r for r in csv.DictReader(path.open())}
    if "save a row" not in rows:  # the users never got past the entry page: the machine is busy
        print("no save finished in the run: make it longer (--seconds) or use fewer --users")
        return {"per_s": 0.0, "p95": float("nan")}
    empty = {"Request Count": "0", "Failure Count": "0", "50%": "0", "95%": "0"}
    save, dash = rows["save a row"], rows.get("dashboard", empty)
    warm = rows.get("save a row (warm-up)", empty)  # counted, not timed (--warmup)
    saves = sum(int(r["Request Count"]) - int(r["Failure Count"]) for r in (save, warm))
    per_s = saves / seconds
    p95_save, p95_dash = float(save["95%"]), float(dash["95%"])
    print(
        f"saves:      {saves:,} in {seconds} s = {per_s:,.1f} saves/s  (goal ≥ 200:"
        f" {per_s / 200:.2f}×)"
    )
    print(
        f"save p50 {float(save['50%']):.0f} ms · p95 {p95_save:.0f} ms  (goal ≤ 300:"
        f" {p95_save / 300:.2f}× of the limit)"
    )
    print(
        f"dashboard:  {int(dash['Request Count']):,} opened · p50 {float(dash['50%']):.0f} ms · p95"
        f" {p95_dash:.0f} ms"
    )
    failed = int(save["Failure Count"]) + int(warm["Failure Count"])
    print(f"failures:   saves {failed} · dashboards {dash['Failure Count']}")
    if int(warm["Request Count"]):
        print(f"warm-up:    {int(warm['Request Count']):,} saves counted, their latency not")
    total = rows["Aggregated"]
    print(f"all requests: {float(total['Requests/s']):,.1f}/s · p95 {float(total['95%']):.0f} ms")
    requests = int(total["Request Count"])
    split = " · ".join(f"{k} {v / wall:.2f}" for k, v in cpu.items())
    print(f"cores busy:   {split}  (of {os.cpu_count()})")
    print(
        f"CPU per request: app {cpu['gunicorn'] / requests * 1000:.1f} ms · "
        f"PostgreSQL {cpu['postgres'] / requests * 1000:.1f} ms · load generator "
        f"{cpu['locust'] / requests * 1000:.1f} ms"
    )
    return {"per_s": per_s, "p95": p95_save}


if __name__ == "__main__":
    main()
