"""Finding 7 as it was made: with DEBUG on, a mistyped survey link showed the URL patterns; with it
off, Django's bare English pages. Now: Thai pages in the app's look, the view's Thai message shown,
a citizen's wording on citizen paths, JSON on the API."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_mistyped_survey_link_gets_the_citizens_thai_404(client):
    page = client.get("/s/" + "0" * 31 + "/")
    body = page.content.decode()
    assert page.status_code == 404 and "ไม่พบหน้าที่ต้องการ" in body and "ไม่พบแบบสอบถาม" in body
    assert "สแกนคิวอาร์โค้ด" in body and "css/app.css" in body
    assert "URLconf" not in body and "Page not found" not in body


def test_an_officers_404_and_403_say_why_in_thai(client, cast, plan_a):
    client.force_login(cast.alice)
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404 and "กลับหน้าแรก" in missing.content.decode()
    client.force_login(cast.carl)  # committee: reads, never writes
    from django.urls import reverse

    refused = client.get(
        reverse("evaluation:score_sheet", args=[cast.a.code, 2568, "strategy"]), {"member": "1"}
    )
    assert refused.status_code in (200, 403)
    client.force_login(cast.olga)
    other = client.get(reverse("plans:overview", args=[cast.a.code]))
    assert other.status_code == 404 and "ไม่พบ" in other.content.decode()


def test_a_server_error_is_a_thai_page(client, cast, monkeypatch):
    import tidtam.views

    def boom(request):
        raise RuntimeError("simulated fault")

    monkeypatch.setattr(tidtam.views, "readable_orgs", boom)
    client.raise_request_exception = False
    client.force_login(cast.alice)
    page = client.get("/")
    assert page.status_code == 500 and "ระบบขัดข้องชั่วคราว" in page.content.decode()


def test_a_csrf_failure_is_a_thai_page():
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    page = strict.post("/login/", {"username": "x", "password": "y"})
    assert page.status_code == 403 and "แบบฟอร์มหมดอายุ" in page.content.decode()


def test_the_api_404_is_json(client):
    answer = client.get("/api/v1/no-such-thing")
    assert answer.status_code == 404 and answer["Content-Type"].startswith("application/json")
