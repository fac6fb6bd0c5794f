"""Finding 1 as it was made: an officer names a KPI with an <img onerror=…> that POSTs an approval;
the provincial analyst opens the org's KPI chart and moves the mouse over it. Nothing may run and
nothing may be sent: the tooltip escapes the name, and the CSP would block an inline handler."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_analyst_hovers_a_hostile_kpi_name_and_nothing_is_sent(
    live_server, sign_in, page, cast, plan_a, tmp_path
):
    from evaluation import services as evaluation_services
    from plans import services as plan_services

    payload = (
        "KPI<img src=x"
        f" onerror=\"window.__pwned=1;fetch('/o/{cast.pao.code}"
        "/province/review/submission/1/decide/',"
        "{method:'POST', body: new URLSearchParams({action:'approve'})})\">"
    )
    kpi = plan_services.kpi_save(
        strategy=plan_a.s1, name=payload, unit="ร้อยละ", targets={2568: Decimal(80)}
    )
    evaluation_services.kpi_results_save(kpi=kpi, values={2568: (Decimal(85), "")})

    sign_in(page, "pat")
    page.wait_for_load_state()

    sent, violations, errors = [], [], []
    page.on("request", lambda r: sent.append((r.method, r.url)))
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live_server.url}/o/{cast.a.code}/evaluation/kpis/?year=2568")
    expect(page.locator("#kpi-chart canvas")).to_have_count(1)
    page.wait_for_timeout(300)
    sent.clear()
    box = page.locator("#kpi-chart").bounding_box()
    for dx in (0.3, 0.5, 0.7):  # over the one bar, wherever the axis puts it
        page.mouse.move(box["x"] + box["width"] * dx, box["y"] + box["height"] * 0.6)
        page.wait_for_timeout(150)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    assert sent == [], sent  # no image fetch of "x", no POST to the review
    tooltip = page.locator("#kpi-chart div", has_text="KPI<img")
    expect(tooltip.first).to_be_visible()  # the name is shown as text: the hover really happened
    page.screenshot(path=str(tmp_path / "kpi-hover.png"))
    assert errors == []
    from province.models import Submission

    assert not Submission.objects.filter(status="approved").exists()


def test_the_csp_blocks_an_inline_handler_even_if_a_page_let_one_through(live_server, page, cast):
    """The second wall: markup injected into a page cannot run an inline handler."""
    page.goto(f"{live_server.url}/login/")
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<img src=\"data:,\""
        ' onerror="window.__pwned=1">\')'
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None


XSS = '<img src=x onerror="window.__pwned=1">'
NAMED = ("name", "title", "label")


def _poison_names():
    """Every name of every strategy, KPI, project, org, division, program, survey item … is
    markup."""
    from django.apps import apps
    from django.db import models

    n = 0
    for app in ("orgs", "plans", "monitoring", "evaluation", "province"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if field.name in NAMED and isinstance(field, models.CharField | models.TextField):
                    for pk in model.objects.values_list("pk", flat=True):
                        value = f"{pk}{XSS}"[: field.max_length or 1000]
                        n += model.objects.filter(pk=pk).update(**{field.name: value})
    return n


def test_every_chart_shows_hostile_names_as_text(
    live_server, sign_in, page, cast, year_a, tmp_path
):
    from plans import services as plan_services

    kpi = plan_services.kpi_save(
        strategy=year_a.s1, name="k", unit="ร้อยละ", targets={2568: Decimal(80)}
    )
    from evaluation import services as evaluation_services

    evaluation_services.kpi_results_save(kpi=kpi, values={2568: (Decimal(85), "")})
    assert _poison_names() > 10
    sign_in(page, "pat")
    page.wait_for_load_state()
    sent, errors = [], []
    page.on("request", lambda r: sent.append(r.url) if r.url.endswith("/x") else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    charts = {
        f"/o/{cast.a.code}/": ["#chart"],
        f"/o/{cast.a.code}/monitoring/dashboard/2568/": ["#curve", "#status"],
        f"/o/{cast.a.code}/evaluation/kpis/?year=2568": ["#kpi-chart"],
        f"/o/{cast.pao.code}/province/analysis/2568/": ["#chart"],
    }
    hovered = 0
    for url, selectors in charts.items():
        page.goto(live_server.url + url)
        for selector in selectors:
            expect(page.locator(f"{selector} canvas")).to_have_count(1)
            box = page.locator(selector).bounding_box()
            for fx in (0.2, 0.4, 0.6, 0.8):
                for fy in (0.2, 0.5, 0.8):
                    page.mouse.move(box["x"] + box["width"] * fx, box["y"] + box["height"] * fy)
                    page.wait_for_timeout(40)
            shown = page.locator(f"{selector} div", has_text="onerror")
            hovered += shown.count() > 0
        page.wait_for_timeout(200)
        assert page.evaluate("window.__pwned") is None, url
    page.screenshot(path=str(tmp_path / "analysis-hover.png"))
    assert sent == [] and errors == []
    assert hovered >= 3  # the tooltips did open, showing the markup as text


def test_the_api_docs_load_swagger_from_our_own_static_files(live_server, page):
    """Finding 6: the docs loaded swagger-ui from a CDN (floating version, no SRI) on our origin."""
    outside, violations = [], []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(live_server.url) else None,
    )
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    response = page.goto(f"{live_server.url}/api/v1/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator("#swagger-ui .opblock").first).to_be_visible(timeout=15000)
    assert outside == [] and violations == []
