"""Duplicate detection: paraphrases of the same site are found, recurring activities are not,
and the analyst's verdict survives a re-run."""

from decimal import Decimal

import pytest

from province.duplicates import Candidate, find_pairs, judge, refresh, words
from province.models import DuplicatePair, Verdict

pytestmark = pytest.mark.django_db


def c(pid, org, name, district=1, pao=False, amount=500000, program=1):
    return Candidate(pid, org, f"org{org}", district, pao, program, name, Decimal(amount))


def test_abbreviations_and_village_numbers_do_not_hide_the_same_site():
    assert words("ก่อสร้างถนน คสล. สายบ้านหนองแวง ม.3") == words(
        "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองแวง หมู่ที่ 7"
    )


def test_a_paraphrased_road_of_a_neighbour_is_found_and_the_annual_event_is_not():
    items = [
        c(1, 10, "ก่อสร้างถนน คสล. สายบ้านหนองแวง–บ้านโคกสูง หมู่ที่ 3"),
        c(2, 20, "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านหนองแวง-โคกสูง ม.5", amount=480000),
        c(3, 10, "โครงการจัดงานวันเด็กแห่งชาติ", program=2),
        c(4, 20, "โครงการจัดงานวันเด็กแห่งชาติ", program=2),
        c(5, 30, "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านดอนแต้ หมู่ที่ 2"),
        c(6, 40, "ก่อสร้างถนน คสล. สายบ้านหนองแวง หมู่ที่ 1", district=2),  # not a neighbour
    ]
    for i in range(30):  # a province's worth of other names, so rare words stand out
        items.append(c(100 + i, 50 + i, f"ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนาดี{i} หมู่ที่ 1", district=9))
    pairs = [(a.project_id, b.project_id) for a, b, _, _ in find_pairs(items)]
    assert (1, 2) in pairs
    assert (3, 4) not in pairs  # same yearly event in two towns
    assert (1, 5) not in pairs and (2, 5) not in pairs  # same kind of work, another village
    assert (1, 6) not in pairs  # another district


def test_a_verdict_is_remembered_when_the_pairs_are_recomputed(cast, plan_a, reference_lists):
    import datetime as dt

    from orgs.models import District
    from plans import services as plans_services

    district = District.objects.create(province=cast.a.province, name="บัวใหญ่")
    for org in (cast.a, cast.b):  # neighbours: the same district
        org.district = district
        org.save(update_fields=["district"])
    other = plans_services.plan_create(org=cast.b, start_year=2566, end_year=2570)
    strategy = plans_services.strategy_create(plan=other, name="โครงสร้างพื้นฐาน")
    edition = plans_services.edition_create(plan=other, kind="original")
    plans_services.project_add(
        edition=edition,
        data=plans_services.ProjectData(
            strategy=strategy,
            program=plan_a.works,
            name="โครงการขุดลอกลำห้วยโคกสูง ม.5",
            budgets={2568: Decimal(280000)},
        ),
    )
    plans_services.edition_approve(edition=edition, approved_on=dt.date(2022, 1, 5))

    refresh(cast.a.province_id, 2568)
    pair = DuplicatePair.objects.get()  # org A's "ขุดลอกลำห้วยโคกสูง หมู่ที่ 5" and B's paraphrase
    assert plan_a.projects_[1].pk in (pair.project_a_id, pair.project_b_id)
    judge(pair=pair, verdict=Verdict.NOT_DUPLICATE, user=cast.pat)
    refresh(cast.a.province_id, 2568)
    assert DuplicatePair.objects.get().verdict == Verdict.NOT_DUPLICATE


def test_a_pao_project_is_paired_with_its_closest_counterpart_only():
    road = "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองแวง หมู่ที่ 3"
    items = [c(1, 1, road, district=None, pao=True, amount=2_000_000)]
    items += [
        c(10 + i, 10 + i, road.replace("หมู่ที่ 3", f"หมู่ที่ {i}"), district=i, amount=480000 + 1000 * i)
        for i in range(5)
    ]
    for i in range(30):
        items.append(
            c(100 + i, 50 + i, f"ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนาดี{i} หมู่ที่ 1", district=90 + i)
        )
    pairs = [(a.project_id, b.project_id) for a, b, _, _ in find_pairs(items)]
    with_pao = [p for p in pairs if 1 in p]
    assert len(with_pao) == 1  # not one pair per อปท. with a บ้านหนองแวง


def test_the_pairs_page_shows_budgets_districts_and_links(client, cast, plan_a, reference_lists):
    from django.urls import reverse

    road, dredge = plan_a.projects_[0], plan_a.projects_[1]
    DuplicatePair.objects.create(
        project_a=road, project_b=dredge, fiscal_year=2567, score=Decimal("0.8"), reason="ทดสอบ"
    )
    client.force_login(cast.pat)
    page = client.get(reverse("province:duplicates_year", args=[cast.pao.code, 2567])).content
    row = page.decode().split('id="pairs"')[1].split("</table>")[0]
    assert f'href="/o/{cast.a.code}/projects/{road.pk}/"' in row
    assert "งบประมาณ 2567: 500,000.00 บาท" in row


def at(candidate, lat, lng):
    candidate.latitude, candidate.longitude = lat, lng
    return candidate


def _province(items):
    for i in range(30):
        items.append(c(100 + i, 50 + i, f"ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนาดี{i} หมู่ที่ 1", district=9))
    return items


def test_two_works_on_the_same_spot_are_a_pair_even_when_their_names_differ():
    items = _province(
        [
            at(c(1, 10, "ก่อสร้างถนน คสล. สายบ้านหนองแวง หมู่ที่ 3"), 15.00000, 102.00000),
            at(c(2, 20, "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายทางเข้าวัดป่าศรีสุข ม.5"), 15.00030, 102.00020),
        ]
    )
    with_distance = {(a.project_id, b.project_id): r for a, b, _, r in find_pairs(items)}
    assert (1, 2) in with_distance and "ตำแหน่งเดียวกัน" in with_distance[(1, 2)]
    assert (1, 2) not in {
        (a.project_id, b.project_id) for a, b, _, _ in find_pairs(items, use_distance=False)
    }


def test_the_same_site_name_far_apart_is_two_works():
    items = _province(
        [
            at(c(1, 10, "ก่อสร้างถนน คสล. สายบ้านหนองแวง หมู่ที่ 3"), 15.0, 102.0),
            at(c(2, 20, "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านหนองแวง ม.5"), 15.1, 102.1),  # ~15 km
        ]
    )
    assert (1, 2) in {
        (a.project_id, b.project_id) for a, b, _, _ in find_pairs(items, use_distance=False)
    }
    assert (1, 2) not in {(a.project_id, b.project_id) for a, b, _, _ in find_pairs(items)}


def test_candidates_carry_the_projects_point(cast, plan_a):
    from plans import services as plans_services
    from province.duplicates import candidates

    road = plan_a.projects_[0]
    plans_services.place_set(project=road, latitude="15.1", longitude="102.2")
    found = {x.project_id: x for x in candidates(cast.a.province_id, 2567)}
    assert (found[road.pk].latitude, found[road.pk].longitude) == (15.1, 102.2)
