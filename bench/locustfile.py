"""The quarter-end burst, as Locust users: each is one org's planning officer, already signed in
(bench_load.py makes the sessions), who opens the monthly entry page, then saves project rows of
ธ.ค. (the last month of ไตรมาสที่ 1; ต.ค. and พ.ย. are recorded) — the same htmx POST the browser
sends — and now and then opens the org's early-warning dashboard.

Run by bench/bench_load.py, which prepares the database, starts gunicorn and prints the figures.
TIDTAM_LOAD_ORGS names a JSON file {orgs: {org_code: [project ids]}, sessions: [session keys]}
written by that script."""

import json
import os
import random
import re
import time
from http.cookiejar import Cookie
from itertools import count
from urllib.parse import urlencode

from locust import FastHttpUser, between, task

FY, MONTH = 2569, 3
LOAD = json.loads(open(os.environ["TIDTAM_LOAD_ORGS"]).read())  # noqa: SIM115
ORGS, SESSIONS = LOAD["orgs"], LOAD["sessions"]
CODES = sorted(ORGS)
SEATS = count()
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
VERSION = re.compile(r'name="version" value="(\d+)"')
ALERT = re.compile(r'role="alert">([^<]*)<')
THINK = [float(x) for x in os.environ.get("TIDTAM_THINK", "0,0.02").split(",")]  # s, min,max
# "app": the entry page's row save; "baseline": the bare view of bench/baseline_urls.py
TARGET = os.environ.get("TIDTAM_LOAD_TARGET", "app")
# the first seconds of the run (every user opening its first page at once) are counted apart
WARMUP_UNTIL = time.monotonic() + float(os.environ.get("TIDTAM_WARMUP", "0"))


def session_cookie(key: str) -> Cookie:
    return Cookie(
        0,
        "sessionid",
        key,
        None,
        False,
        "127.0.0.1",
        False,
        False,
        "/",
        True,
        False,
        None,
        True,
        None,
        None,
        {},
    )


class Officer(FastHttpUser):  # geventhttpclient: the load generator takes little of the 2 cores
    wait_time = between(*THINK)

    def on_start(self):
        seat = next(SEATS)
        self.code = CODES[seat % len(CODES)]
        self.projects = ORGS[self.code]
        self.versions = {}
        self.client.cookiejar.set_cookie(session_cookie(SESSIONS[seat % len(SESSIONS)]))
        if os.environ.get("TIDTAM_OPEN", "entry") == "entry":  # as an officer does
            self.client.get(f"/o/{self.code}/monitoring/{FY}/{MONTH}/", name="entry page")
        else:  # a lighter first page (its sign-out form gives the CSRF cookie): on a busy machine
            self.client.get(f"/o/{self.code}/monitoring/dashboard/{FY}/", name="dashboard")
        self.csrf = self.cookie("csrftoken")

    def cookie(self, name: str) -> str:
        return next(c.value or "" for c in self.client.cookiejar if c.name == name)

    @task(6)
    def save_row(self):
        project = random.choice(self.projects)
        url = f"/o/{self.code}/monitoring/{FY}/{MONTH}/rows/{project}/"
        if TARGET == "baseline":
            url = f"/bench/baseline/{self.code}/{project}/"
        version = self.versions.get(project, 1)  # every project-year starts the burst at version 1
        data = {
            "version": version,
            "status": "in_progress",
            "progress": random.randint(1, 99),
            "disbursed": random.randint(100, 5000),
        }
        headers = FORM | {
            "X-CSRFToken": self.csrf,
            "HX-Request": "true",
            "Referer": self.host + url,
        }
        name = "save a row" if time.monotonic() >= WARMUP_UNTIL else "save a row (warm-up)"
        with self.client.post(
            url, urlencode(data), headers=headers, name=name, catch_response=True
        ) as response:
            body = response.text or ""
            found = VERSION.search(body)
            if found:
                self.versions[project] = int(found.group(1))
            if response.status_code == 200 and "บันทึกแล้ว" in body:
                response.success()
            else:
                alert = ALERT.search(body)  # the row's error, or the page it landed on
                why = alert.group(1) if alert else body[:80]
                response.failure(f"not saved ({response.status_code}): {why}")

    @task(1)
    def dashboard(self):
        self.client.get(f"/o/{self.code}/monitoring/dashboard/{FY}/", name="dashboard")
