"""The province map at scale: 150 orgs, their year's works with a point, status and photos.

Generates the province with the monitoring benches' generator, _data.generate (bulk rows: a
fixture, not a test of the services), pins 85 % of the works within ~4 km of their org's centre
and gives a third of them photo rows, then prints

  * the analyst's map page and its GeoJSON through Django's test client (page + data: the
    goal is ≤ 1 s), cold (the province's map version moved on before each request, as a write
    does: the GeoJSON built again; the outline stays cached until a pin changes) and warm (the
    GeoJSON from the cache, monitoring.mapcache),
  * a baseline measured in the same run: the same rows read by one hand-written SQL statement and
    dumped as JSON, and the ratio app / baseline,
  * with --browser, the time headless Chromium takes from navigation until the canvas is painted
    with every marker (read in the page: performance.now() at the map's ready state; and the wall
    clock around Playwright), the browser's cache emptied before each navigation, warm and cold,
    against the same page with no works (the page over a local HTTP server, tiles off).

    .venv/bin/python bench/bench_map.py [--orgs 150] [--projects 60] [--browser]
        [--database-url URL]
"""

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _data import generate, timed  # noqa: E402 - after the path

FY = 2569

BASELINE = """
SELECT pr.id, o.code, o.name, pv.name, s.number, pl.latitude, pl.longitude,
       COALESCE(py.status, 'not_started'), COALESCE(py.progress, 0), COALESCE(py.disbursed, 0),
       bl.amount, (SELECT COUNT(*) FROM monitoring_photo ph WHERE ph.project_year_id = py.id)
FROM plans_budgetline bl
JOIN plans_budgetordinance bo ON bo.id = bl.ordinance_id
JOIN orgs_organization o ON o.id = bo.org_id
JOIN plans_project pr ON pr.id = bl.project_id
JOIN plans_projectversion pv ON pv.project_id = pr.id AND pv.valid_until_seq IS NULL
JOIN plans_strategy s ON s.id = pv.strategy_id
LEFT JOIN plans_projectplace pl ON pl.project_id = pr.id
LEFT JOIN monitoring_projectyear py ON py.project_id = pr.id AND py.fiscal_year = %s
WHERE o.province_id = %s AND bo.fiscal_year = %s
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=150)
    parser.add_argument("--projects", type=int, default=60)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="tidtam-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tidtam.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
    os.environ["MAP_TILE_URL"] = ""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.db import connection

    from orgs.models import Membership, Province

    province = Province.objects.filter(code="98").first()
    if province is not None:  # --database-url pointing at an earlier run: reuse its data
        member = Membership.objects.select_related("user", "org").get(
            user__username="bench.analyst"
        )
        analyst, pao = member.user, member.org
        print(f"reusing {province.orgs.count()} generated orgs")
    else:
        t0 = time.perf_counter()
        province, orgs = generate(args.orgs, args.projects)
        analyst, pao = places_and_photos(province, orgs)
        print(
            f"generated {args.orgs} orgs × {args.projects} budgeted works in"
            f" {time.perf_counter() - t0:.1f} s"
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(analyst)
    page_url = reverse("province:map", args=[pao.code, FY])
    data_url = reverse("province:map_data", args=[pao.code, FY])

    from orgs.versions import touch_province

    def app():
        page = client.get(page_url)
        data = client.get(data_url)
        assert page.status_code == 200 and data.status_code == 200, (
            page.status_code,
            data.status_code,
        )
        return json.loads(data.content)

    def cold():
        touch_province(province.pk)  # a write: the map's version moves on, its GeoJSON is built
        return app()

    def baseline():
        with connection.cursor() as cur:
            cur.execute(BASELINE, [FY, province.pk, FY])
            rows = cur.fetchall()
        return json.dumps([[str(x) for x in r] for r in rows], ensure_ascii=False)

    cold_s, payload = timed(cold, args.runs)
    app_s, warm_payload = timed(app, args.runs)
    assert warm_payload == payload
    base_s, _ = timed(baseline, args.runs)
    points = sum(1 for f in payload["features"] if f["geometry"]["type"] == "Point")
    size = len(json.dumps(payload, ensure_ascii=False).encode())
    print(
        f"works of the year: {payload['total']:,}, on the map: {points:,}, without a point:"
        f" {payload['unlocated']:,}"
    )
    print(
        f"map page + GeoJSON, cold (built):   p50 {cold_s * 1000:7.1f} ms  (goal ≤ 1000 ms),"
        f" GeoJSON {size / 1e6:.1f} MB"
    )
    print(f"map page + GeoJSON, warm (cache):   p50 {app_s * 1000:7.1f} ms")
    print(f"baseline, one SQL + json.dumps:     p50 {base_s * 1000:7.1f} ms")
    print(
        f"ratio to baseline: cold {cold_s / base_s:5.2f}×, warm {app_s / base_s:5.2f}×;"
        f" warm / cold {app_s / cold_s:4.2f}×"
    )
    if args.browser:
        empty_url = reverse("province:map", args=[pao.code, FY + 1])
        browser_time(analyst, page_url, empty_url, points, args.runs)
    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}")


def places_and_photos(province, orgs):
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from monitoring.models import Photo, ProjectYear
    from orgs.models import Membership, Organization, Role
    from plans.models import ProjectPlace

    rng = random.Random(18)
    with transaction.atomic():
        pao = orgs[0]
        Organization.objects.filter(pk=pao.pk).update(org_type="pao")
        pao.org_type = "pao"
        analyst = get_user_model().objects.create(username="bench.analyst")
        Membership.objects.create(user=analyst, org=pao, role=Role.ANALYST)
        centres = {o.pk: (14.4 + rng.random() * 1.4, 101.3 + rng.random() * 1.8) for o in orgs}
        places, photos = [], []
        years = ProjectYear.objects.filter(fiscal_year=FY, org__province=province).values_list(
            "id", "org_id", "project_id"
        )
        now = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
        for py_id, org_id, project_id in years:
            if rng.random() < 0.85:
                lat, lng = centres[org_id]
                places.append(
                    ProjectPlace(
                        project_id=project_id,
                        source="map",
                        latitude=round(lat + rng.uniform(-0.04, 0.04), 6),
                        longitude=round(lng + rng.uniform(-0.04, 0.04), 6),
                    )
                )
            if rng.random() < 0.33:
                photos.extend(
                    Photo(
                        project_year_id=py_id,
                        stage=stage,
                        image=f"photos/b/{py_id}{stage}.jpg",
                        thumbnail=f"photos/b/{py_id}{stage}-t.jpg",
                        width=2560,
                        height=1920,
                        size=400_000,
                        original_name="x.jpg",
                        taken_at=now,
                        time_source="device",
                    )
                    for stage in ("before", "after")
                )
        ProjectPlace.objects.bulk_create(places, batch_size=5000)
        Photo.objects.bulk_create(photos, batch_size=5000)
    return analyst, pao


def browser_time(user, page_url, empty_url, expected, runs):
    """Chromium: navigation → every marker drawn (the map's data-state=ready)."""
    import threading
    from concurrent.futures import ThreadPoolExecutor
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    from django.conf import settings
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import WSGIServer
    from django.core.wsgi import get_wsgi_application
    from django.test import Client
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS

    class Quiet(WSGIRequestHandler):
        def log_message(self, *a):
            pass

    class Pooled(WSGIServer):
        """Four threads that each keep their database connection, as workers do (a thread per
        request would open a connection per request)."""

        pool = ThreadPoolExecutor(4)

        def process_request(self, request, client_address):
            self.pool.submit(self.work, request, client_address)

        def work(self, request, client_address):
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    server = make_server(
        "127.0.0.1",
        0,
        StaticFilesHandler(get_wsgi_application()),
        server_class=Pooled,
        handler_class=Quiet,
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    import urllib.request

    data_url = page_url.replace("/map/", "/map/").rstrip("/") + "/projects.geojson"
    request = urllib.request.Request(
        base + data_url, headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}"}
    )
    t0 = time.perf_counter()
    with urllib.request.urlopen(request) as r:
        body = r.read()
    print(
        f"  GeoJSON over HTTP (urllib): {(time.perf_counter() - t0) * 1000:.0f} ms,"
        f" {len(body) / 1e6:.1f} MB"
    )
    from orgs.models import Membership
    from orgs.versions import touch_province

    province_id = Membership.objects.get(user=user).org.province_id
    samples, colds, empty = [], [], []  # (wall clock s, in-page ms navigation → drawn)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base}])
        page = context.new_page()
        cdp = context.new_cdp_session(page)

        def navigate(url, write=False, fresh=True):
            if fresh:  # the browser's cache emptied: the scripts and the whole GeoJSON are
                # downloaded (no 304), as by a user opening the map for the first time
                cdp.send("Network.clearBrowserCache")
            if write:  # as after a write: the map's version moves on, the server builds it
                touch_province(province_id)
            t0 = time.perf_counter()
            page.goto(base + url)
            page.wait_for_selector("#map[data-state=ready]", timeout=60000)
            wall = time.perf_counter() - t0
            return wall, int(page.get_attribute("#map", "data-t-drawn"))

        for i in range(runs + 1):
            elapsed = navigate(page_url)
            markers = int(page.get_attribute("#map", "data-markers"))
            assert markers == expected, (markers, expected)
            if i:
                samples.append(elapsed)
            if i == runs:
                shot = Path(tempfile.gettempdir()) / "bench-map.png"
                page.screenshot(path=str(shot))
                print(f"  last warm run: screenshot {shot}")
                slow = page.evaluate("""() => performance.getEntriesByType('resource')
                    .map(e => [e.name.split('/').pop().split('?')[0], Math.round(e.startTime), Math.round(e.duration)])""")  # noqa: E501
                nav = page.evaluate(
                    "() => Math.round(performance.getEntriesByType('navigation')[0].duration)"
                )
                marks = page.evaluate(
                    "() => ['tHeaders', 'tParsed', 'tLayers', 'tDrawn']"
                    ".map(k => document.getElementById('map').dataset[k])"
                )
                print(
                    "  last warm run: GeoJSON headers / parsed / drawn / painted at (ms):",
                    " / ".join(marks),
                )
                print(
                    "  last warm run: page",
                    nav,
                    "ms; resources (name, start ms, duration ms):",
                    ", ".join(f"{n} {s}+{d}" for n, s, d in slow),
                )
        revisits = [navigate(page_url, fresh=False) for _ in range(runs)]
        for _ in range(runs):
            colds.append(navigate(page_url, write=True))
            assert int(page.get_attribute("#map", "data-markers")) == expected
        for _ in range(runs):
            # baseline in the same run: the same page on the same stack with no works (the
            # next fiscal year): Leaflet, the scripts, an empty data request
            empty.append(navigate(empty_url))
            assert page.get_attribute("#map", "data-markers") == "0"
        browser.close()
    server.shutdown()

    def p50(runs, i):
        return statistics.median(r[i] for r in runs)

    full, cold, bare = p50(samples, 1), p50(colds, 1), p50(empty, 1)
    print("Chromium, in the page: navigation start → the canvas painted with every marker")
    print(f"  warm (GeoJSON from the cache): p50 {full:7.0f} ms   (goal ≤ 1000 ms)")
    print(f"  warm, reopened (browser cache kept, GeoJSON 304): p50 {p50(revisits, 1):7.0f} ms")
    print(f"  cold (GeoJSON built):          p50 {cold:7.0f} ms")
    print(f"  the same page with no works (baseline): p50 {bare:7.0f} ms")
    print(f"  ratio to the empty map: warm {full / bare:5.2f}×, cold {cold / bare:5.2f}×")
    print(
        "Chromium, wall clock from page.goto to the ready state (Playwright's round trips"
        f" included): warm {p50(samples, 0) * 1000:.0f} ms, cold {p50(colds, 0) * 1000:.0f} ms,"
        f" empty {p50(empty, 0) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
