"""Every URL of the URL conf, walked: each answer carries the Content-Security-Policy, and every web
form found on those pages survives hostile values (NUL, 10^20, NaN, 10,000 Thai characters, an RTL
override, zero-width characters): 200/302/400/403/404 only, and no hostile character is stored."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from orgs.tests.test_tenant_isolation import SAMPLE, object_ids

pytestmark = pytest.mark.django_db
HOSTILE = {
    "nul": "ถนน\x00คสล.",
    "huge": "1" + "0" * 20,
    "nan": "NaN",
    "long": "ก" * 10_000,
    "rtl": "\u202eโครงการ",
    "zero_width": "\u200bถนน\u200c\u200d",
}
ALLOWED = {200, 302, 400, 403, 404, 410}  # 410: a closed survey says so
NEVER_STORED = ("\x00", "\u202e")


def all_patterns():
    """(name, kwarg names) of every named URL."""
    found = []

    def walk(patterns, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace)
            elif isinstance(p, URLPattern) and p.name:
                found.append((f"{namespace}:{p.name}" if namespace else p.name, p))

    walk(get_resolver().url_patterns, None)
    return found


def urls(org_code, ids, survey_token):
    out = []
    values = {**SAMPLE, "org_code": org_code, "token": survey_token, **ids}
    for name, pattern in all_patterns():
        keys = set(pattern.pattern.converters)
        if name.startswith("api:"):
            continue  # the API has its own fuzzing (tidtam/tests/test_api_fuzz.py)
        if name.startswith("admin:"):
            continue  # Django's admin: its policy is core/tests/test_admin_csp.py
        try:
            out.append(reverse(name, kwargs={k: values[k] for k in keys}))
        except NoReverseMatch:  # the org code is a converter of the include, not of the pattern
            out.append(reverse(name, kwargs={k: values[k] for k in keys | {"org_code"}}))
    return sorted(set(out))


@pytest.fixture
def site(cast, plan_a, reference_lists):
    ids = object_ids(plan_a)
    from evaluation.models import Survey

    token = Survey.objects.get(pk=ids["survey_id"]).token
    return urls(cast.a.code, ids, token)


def test_every_response_carries_the_csp_with_a_nonce_and_no_inline_scripts(client, cast, site):
    assert len(site) >= 80
    inline_scripts = 0
    for who in (None, cast.alice, cast.pat):
        if who:
            client.force_login(who)
        else:
            client.logout()
        for url in site:
            response = client.get(url)
            policy = response.get("Content-Security-Policy", "")
            if policy == "default-src 'none'; sandbox":
                continue  # an uploaded file, served with a stricter policy of its own
            script_src = next(
                (d for d in policy.split(";") if d.strip().startswith("script-src")), ""
            )
            assert script_src.split()[:2] == ["script-src", "'self'"], (url, policy)
            assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src, url
            body = (
                response.content.decode(errors="replace")
                if "text/html" in response.get("Content-Type", "")
                else ""
            )
            for tag in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", body):
                if "application/json" in tag:
                    continue  # json_script data, never run
                nonce = re.search(r'nonce="([^"]+)"', tag)
                assert nonce and f"'nonce-{nonce.group(1)}'" in script_src, (url, tag)
            assert not re.search(r"\son[a-z]+=", body), (url, "inline event handler")
            inline_scripts += body.count("<script nonce=")
            assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy, url
    assert inline_scripts >= 4  # the chart pages were among them, each with its nonce
    assert "Content-Security-Policy" in client.get("/no-such-page/")
    assert "Content-Security-Policy" in client.get("/api/v1/docs")


class Forms(HTMLParser):
    """The POST forms of a page: (action, {field name: kind})."""

    def __init__(self):
        super().__init__()
        self.forms, self._current = [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self._current = (a.get("action") or "", {})
            self.forms.append(self._current)
        elif tag == "form":
            self._current = None
        elif tag in ("input", "textarea", "select") and self._current is not None and a.get("name"):
            kind = a.get("type", tag).lower()
            if kind not in ("file", "submit", "hidden") or a["name"] not in (
                "csrfmiddlewaretoken",
            ):
                self._current[1][a["name"]] = (kind, a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def forms_of(client, url):
    response = client.get(url)
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return []
    parser = Forms()
    parser.feed(response.content.decode())
    return [((action or url), fields) for action, fields in parser.forms]


def stored_hostile() -> list:
    from orgs.models import AuditEntry

    return [
        e.pk
        for e in AuditEntry.objects.all()
        if any(ch in json.dumps(e.changes, ensure_ascii=False) for ch in NEVER_STORED)
    ]


def test_every_web_form_survives_hostile_values(client, cast, site):
    from orgs.models import AuditEntry

    client.force_login(cast.alice)
    found = {}
    for url in site:
        for action, fields in forms_of(client, url):
            if action.startswith("/") and action not in found and fields:
                found[action] = fields
    assert len(found) >= 25, sorted(found)
    posted = 0
    for action, fields in found.items():
        if action == reverse("logout"):
            continue
        for label, value in HOSTILE.items():
            data = {}
            for name, (kind, default) in fields.items():
                if kind in ("file", "submit"):
                    continue
                data[name] = (
                    default if kind in ("hidden", "radio", "checkbox") and default else value
                )
            before = AuditEntry.objects.count()
            response = client.post(action, data)
            posted += 1
            assert response.status_code in ALLOWED, (action, label, response.status_code)
            if response.status_code in (400, 403, 404):
                assert AuditEntry.objects.count() == before, (action, label, "written on refusal")
            client.force_login(cast.alice)
    assert posted >= 150
    assert (
        AuditEntry.objects.count() > 0
    )  # some hostile posts were saved (cleaned), not all refused
    assert stored_hostile() == []
