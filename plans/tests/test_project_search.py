"""Search across every plan and year of an org, Thai cut into words (not one substring)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from plans import services
from thai.words import search_terms

pytestmark = pytest.mark.django_db


def test_the_query_is_cut_into_words():
    assert {"ถนน", "หนอง", "แวง"} <= set(search_terms("ถนนหนองแวง")) or "หนองแวง" in search_terms(
        "ถนนหนองแวง"
    )
    assert "ม" not in search_terms("ถนน ม.3")


def test_projects_of_every_plan_are_found_by_their_words(client, cast, plan_a):
    later = services.plan_create(org=cast.a, start_year=2571, end_year=2575)
    strategy = services.strategy_create(plan=later, number=1, name="โครงสร้างพื้นฐาน")
    edition = services.edition_create(plan=later, kind="original")
    services.project_add(
        edition=edition,
        data=services.ProjectData(
            strategy=strategy,
            program=plan_a.works,
            name="ปรับปรุงถนนลูกรัง สายบ้านหนองแวง หมู่ที่ 8",
            budgets={2571: Decimal(90000)},
        ),
    )
    services.edition_approve(edition=edition, approved_on=dt.date(2026, 11, 1))
    client.force_login(cast.dana)  # any reader of the org
    page = client.get(reverse("plans:project_search", args=[cast.a.code]), {"q": "ถนนหนองแวง"})
    results = page.content.decode().split('id="search-results"')[1].split("</table>")[0]
    assert "ก่อสร้างถนน คสล. สายบ้านหนองแวง หมู่ที่ 3" in results  # 2566–2570, words apart
    assert "ปรับปรุงถนนลูกรัง สายบ้านหนองแวง หมู่ที่ 8" in results  # 2571–2575
    assert "ขุดลอก" not in results
    assert "2571–2575" in results and "2566–2570" in results
    none = client.get(reverse("plans:project_search", args=[cast.a.code]), {"q": "สะพานโคกสูง"})
    assert "ไม่พบโครงการ" in none.content.decode()
