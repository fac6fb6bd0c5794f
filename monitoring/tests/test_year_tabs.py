"""The fiscal-year tabs of the maps and the province page: the years of the 5-year plan with data,
this year and the page's own year; never a year past the end of the plan."""

import re

import pytest
from django.urls import reverse

from core.web import this_fy
from plans.selectors import year_tabs

pytestmark = pytest.mark.django_db


def tabs(client, url) -> list[int]:
    body = client.get(url).content.decode()
    block = re.search(r"<span>ปีงบประมาณ:</span>(.*?)</(?:div|p)>", body, re.S)
    assert block, url
    return [int(y) for y in re.findall(r">(\d{4})</a>", block.group(1))]


def test_the_maps_and_the_province_page_offer_only_the_plans_years(client, cast, year_a):
    # plan_a runs 2566–2570 and year_a has 2568's ordinance and action plan
    expected = sorted({2568, this_fy()} & set(range(2566, 2571)) | {2570})
    assert year_tabs(cast.a, 2570) == expected
    client.force_login(cast.alice)
    assert tabs(client, reverse("monitoring:map", args=[cast.a.code, 2570])) == expected
    assert tabs(client, reverse("public_map", args=[cast.a.code]) + "?fy=2570") == expected
    client.force_login(cast.pat)
    for name in ("monitoring:province", "province:map"):
        assert tabs(client, reverse(name, args=[cast.pao.code, 2570])) == expected, name


def test_a_year_outside_the_plan_is_never_a_tab(cast, year_a):
    assert 2571 not in year_tabs(cast.a, 2571)
    assert year_tabs(cast.a, 2567) == sorted({2567, 2568, this_fy()} & set(range(2566, 2571)))
