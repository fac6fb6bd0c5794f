"""Every page as every role: follow the menu and each page's links (GET only) as the officer, a
division head, a committee member, the executive, the province analyst and a citizen. No page a
person is led to answers 4xx/5xx, none shows an English word outside tidtam.walk.ALLOWED, and
none says a phrase twice in a row ("ประจำปี ประจำปีงบประมาณ")."""

import re

import pytest
from django.contrib.auth import get_user_model

from orgs.models import Membership, Role
from tidtam.walk import doubled_phrases, english_words, read

pytestmark = pytest.mark.django_db

# Downloads, actions and the paging of long lists: not pages to read.
SKIP = re.compile(
    r"\.(pdf|docx|xlsx|csv|json|zip|png|odt|ods)$|/logout/|/template|/export|/refresh/|/toggle/"
    r"|/approve/|/discard/|/close/|/evaluate/|/open-data/|/api/|/static/|/admin/"
)
LIMIT = 140


def walk(client, start: str, extra=frozenset()) -> tuple[int, dict, dict]:
    seen: set[str] = set()
    queue, english, broken = [start], {}, {}
    while queue and len(seen) < LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        answer = client.get(url, follow=True)
        if answer.status_code >= 400:
            broken[url] = answer.status_code
            continue
        if "text/html" not in answer.get("Content-Type", ""):
            continue
        text, links = read(answer.content.decode())
        words = english_words(text, extra)
        if words:
            english[url] = sorted(set(words))[:10]
        twice = doubled_phrases(text)
        if twice:
            english[url] = [*english.get(url, []), *sorted(set(twice))[:5]]
        for link in links:
            path = link.split("#")[0]
            if (
                path.startswith("/")
                and not SKIP.search(path.split("?")[0])
                and "page=" not in path
                and path not in seen
            ):
                queue.append(path)
    return len(seen), english, broken


def _person(username, first, last, org, role, division=None):
    user = get_user_model().objects.create_user(
        username, password="pw", first_name=first, last_name=last
    )
    Membership.objects.create(user=user, org=org, role=role, division=division)
    return user


@pytest.fixture
def people(cast, year_a):
    for user, first, last in (
        (cast.alice, "สมหญิง", "ตั้งใจ"),
        (cast.dana, "ประเสริฐ", "ช่างดี"),
        (cast.carl, "สุรพล", "ตรวจดี"),
        (cast.pat, "วิไล", "รักษ์ถิ่น"),
    ):
        user.first_name, user.last_name = first, last
        user.save()
    eve = _person("eve", "สมศรี", "นำชัย", cast.a, Role.EXECUTIVE)
    from plans import services

    services.plan_create(org=cast.pao, start_year=2566, end_year=2570)  # the อบจ.'s own plan
    return {
        "officer": cast.alice,
        "division_head": cast.dana,
        "committee": cast.carl,
        "executive": eve,
        "analyst": cast.pat,
    }


@pytest.mark.parametrize("role", ["officer", "division_head", "committee", "executive", "analyst"])
def test_every_page_as_every_role_is_thai_and_opens(client, cast, worker, people, role):
    worker()  # the documents the worker makes after an approval (the plan's ผ.02: ITA O4)
    client.force_login(people[role])
    # user names are the people's own (the log shows who was given an account)
    extra = {u.username for u in get_user_model().objects.all()}
    pages, english, broken = walk(client, f"/o/{cast.a.code}/", extra)
    if role == "analyst":
        more, english2, broken2 = walk(client, f"/o/{cast.pao.code}/province/review/", extra)
        pages, english, broken = pages + more, {**english, **english2}, {**broken, **broken2}
    assert pages > 25, pages
    assert broken == {}, broken
    assert english == {}, english


def test_a_citizen_sees_thai_pages(client, cast, worker, year_a):
    worker()
    pages, english, broken = walk(client, f"/p/{cast.a.code}/")
    assert pages >= 1 and broken == {} and english == {}
    login = client.get("/login/")
    text, _ = read(login.content.decode())
    assert english_words(text) == []


def test_the_walk_finds_doubled_phrases():
    """The check itself: the doublings seen on the pages are found; words that merely begin alike
    in a heading and the cell under it are not."""
    assert doubled_phrases("เทศบัญญัติงบประมาณรายจ่ายประจำปี ประจำปีงบประมาณ พ.ศ. 2570") == [
        "ประจำปี ประจำปี"
    ]
    assert doubled_phrases("สัญญาณเตือน ปีงบประมาณ 2570 · ปีงบประมาณ 2570")
    text, _ = read("<tr><th>ยุทธศาสตร์</th></tr><tr><td>ยุทธศาสตร์ด้านการศึกษา</td></tr>")
    assert doubled_phrases(text) == []
    assert doubled_phrases("ประจำปีงบประมาณ พ.ศ. 2570 · โครงการ การพัฒนา · ต่าง ๆ") == []


def test_the_walk_finds_english(client):
    """The check itself: an English word is reported, allowed names are not."""
    assert english_words("ดาวน์โหลด PDF · Excel · KPI") == []
    assert english_words("สถานะ submitted · budgeted_not_in_plan")[:2] == ["submitted", "budgeted"]
    assert english_words("มีEditionที่มีPlan, ประเภท") == ["Edition", "Plan"]
    assert english_words("SUCCESSFUL 85 · client") == ["SUCCESSFUL", "client"]
    assert english_words("เวลา 2026-12-01T14:40:07+00:00 · 1 ธ.ค. 69 21:40 น.") == [
        "2026-12-01T14:40:07+00:00"
    ]
    text, links = read(
        '<p title="Save">บันทึก</p><a href="/o/1/">x</a><script>var x="English";</script>'
    )
    assert "Save" in english_words(text) and "English" not in text and links == ["/o/1/"]
