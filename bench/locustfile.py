"""The quarter-end burst, as Locust users: each is one org's planning officer who logs in, then saves
project rows of December (the last month of ไตรมาสที่ 1) on the monthly entry page — the same htmx
POST the browser sends — and now and then opens the org's early-warning dashboard.

Run by bench/bench_load.py, which prepares the database, starts gunicorn and prints the figures.
TIDTAM_LOAD_ORGS names a JSON file {org_code: [project ids]} written by that script."""

import json
import os
import random
import re
from itertools import count

from locust import HttpUser, between, task

FY, MONTH = 2569, 3
ORGS = json.loads(open(os.environ["TIDTAM_LOAD_ORGS"]).read())  # noqa: SIM115
CODES = sorted(ORGS)
SEATS = count()
VERSION = re.compile(r'name="version" value="(\d+)"')


class Officer(HttpUser):
    wait_time = between(0.05, 0.3)

    def on_start(self):
        self.code = CODES[next(SEATS) % len(CODES)]
        self.projects = ORGS[self.code]
        self.versions = {}
        self.client.get("/login/", name="login page")
        token = self.client.cookies.get("csrftoken")
        self.client.post("/login/", {"username": "bench.officer", "password": "bench",
                                     "csrfmiddlewaretoken": token}, name="login")  # fmt: skip
        self.csrf = self.client.cookies.get("csrftoken")

    @task(6)
    def save_row(self):
        project = random.choice(self.projects)
        url = f"/o/{self.code}/monitoring/{FY}/{MONTH}/rows/{project}/"
        data = {"version": self.versions.get(project, 0), "status": "in_progress",
                "progress": random.randint(1, 99), "disbursed": random.randint(100, 5000)}  # fmt: skip
        headers = {"X-CSRFToken": self.csrf, "HX-Request": "true", "Referer": self.host + url}
        with self.client.post(url, data, headers=headers, name="save a row",
                              catch_response=True) as response:  # fmt: skip
            body = response.text or ""
            found = VERSION.search(body)
            if found:
                self.versions[project] = int(found.group(1))
            if response.status_code == 200 and "บันทึกแล้ว" in body:
                response.success()
            else:
                response.failure(f"not saved ({response.status_code})")

    @task(1)
    def dashboard(self):
        self.client.get(f"/o/{self.code}/monitoring/dashboard/{FY}/", name="dashboard")
