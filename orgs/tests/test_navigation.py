"""The grouped menu: every link a role is shown opens (no 403), and each role sees its own work."""

import re

import pytest
from django.contrib.auth import get_user_model

from orgs.models import Membership, Role

NAV = re.compile(r'<nav class="menu".*?</nav>', re.S)
LINK = re.compile(r'<a href="([^"]+)"[^>]*>([^<]+)</a>')
GROUP = re.compile(r"<summary>([^<]+)</summary>")


def menu(client, url):
    page = client.get(url, follow=True)
    assert page.status_code == 200, url
    html = page.content.decode()
    found = NAV.search(html)
    nav = found.group(0) if found else ""
    return GROUP.findall(nav), {label: href for href, label in LINK.findall(nav)}, html


def _executive(cast):
    user = get_user_model().objects.create_user("eve", password="pw", first_name="สมศรี")
    Membership.objects.create(user=user, org=cast.a, role=Role.EXECUTIVE)
    return user


def _admin():
    return get_user_model().objects.create_superuser("root", password="pw")


@pytest.mark.parametrize("who", ["alice", "dana", "carl", "pat", "eve", "root"])
def test_every_link_shown_to_a_role_opens(client, cast, year_a, who):
    user = {"eve": _executive, "root": lambda c: _admin()}.get(who, lambda c: getattr(c, who))(cast)
    client.force_login(user)
    groups, links, _ = menu(client, f"/o/{cast.a.code}/")
    assert groups[:2] == ["วางแผน", "งบประมาณ"]
    assert len(links) >= 15
    if who in ("pat", "root"):  # the province's pages (the อบจ. here has no plan of its own)
        assert "จังหวัด" in groups
    for label, href in links.items():
        answer = client.get(href, follow=True)
        assert answer.status_code == 200, (who, label, href, answer.status_code)


def test_division_head_is_not_shown_what_they_may_not_open(client, cast, year_a):
    client.force_login(cast.dana)
    groups, links, html = menu(client, f"/o/{cast.a.code}/")
    assert "นำเข้า Excel" not in links
    assert "ประวัติการแก้ไข" not in links
    assert "ส่งข้อมูลให้ อบจ." not in links
    assert "จังหวัด" not in groups
    assert "หัวหน้าส่วนราชการ (กองช่าง)" in html  # who is signed in, in which role
    # the officer of the same org is shown them
    client.force_login(cast.alice)
    _, links, html = menu(client, f"/o/{cast.a.code}/")
    assert {"นำเข้า Excel", "ประวัติการแก้ไข", "ส่งข้อมูลให้ อบจ."} <= set(links)
    assert "นักวิเคราะห์นโยบายและแผน" in html


def test_the_pao_is_not_offered_to_send_its_data_to_itself(client, cast):
    officer = get_user_model().objects.create_user("pao_officer", password="pw")
    Membership.objects.create(user=officer, org=cast.pao, role=Role.OFFICER)
    client.force_login(officer)
    groups, links, _ = menu(client, f"/o/{cast.pao.code}/")
    assert "ส่งข้อมูลให้ อบจ." not in links
    assert "จังหวัด" not in groups  # an officer of the อบจ. is not its province analyst


def test_the_analyst_reaches_review_analysis_and_duplicates_from_anywhere(client, cast):
    client.force_login(cast.pat)
    groups, links, _ = menu(client, "/")  # the landing page: a list of orgs
    assert groups == ["จังหวัด"]
    assert links["ตรวจรับข้อมูล อปท."] == f"/o/{cast.pao.code}/province/review/"
    assert links["วิเคราะห์จังหวัด"] == f"/o/{cast.pao.code}/province/analysis/"
    assert links["โครงการซ้ำซ้อน"] == f"/o/{cast.pao.code}/province/duplicates/"
    groups, links, _ = menu(client, f"/o/{cast.b.code}/")  # reading another org of the province
    assert "จังหวัด" in groups and "ตรวจรับข้อมูล อปท." in links
    assert "นำเข้า Excel" not in links


def test_admin_reaches_national_and_settings(client, cast):
    client.force_login(_admin())
    groups, links, _ = menu(client, f"/o/{cast.a.code}/")
    assert "ตั้งค่าระบบ" in groups
    assert links["ภาพรวมทั้งประเทศ"] == "/national/"
    assert links["เกณฑ์สัญญาณเตือน"] == "/settings/warning-rules/"
    assert links["แบบให้คะแนนแผน"] == "/settings/scoring/"
    client.force_login(cast.alice)
    groups, _, _ = menu(client, f"/o/{cast.a.code}/")
    assert "ตั้งค่าระบบ" not in groups


def test_the_active_group_is_marked(client, cast, year_a):
    client.force_login(cast.alice)
    page = client.get(f"/o/{cast.a.code}/monitoring/2568/3/").content.decode()
    active = re.search(r'<details name="menu" class="group active">\s*<summary>([^<]+)', page)
    assert active and active.group(1) == "ติดตาม"
    assert 'aria-current="page">ติดตามรายเดือน' in page


def test_division_head_monthly_entry_opens_on_their_division(client, cast, year_a):
    from orgs.models import Division

    other = Division.objects.create(org=cast.a, name="กองการศึกษา")
    year_a.lunch.current_division = other
    client.force_login(cast.dana)
    page = client.get(f"/o/{cast.a.code}/monitoring/2568/3/").content.decode()
    assert f'<option value="{cast.works.pk}" selected>' in page
    page = client.get(f"/o/{cast.a.code}/monitoring/2568/3/?division=all").content.decode()
    assert '<option value="all">ทุกหน่วยงาน' in page
    assert f'<option value="{cast.works.pk}" selected>' not in page
    client.force_login(cast.alice)  # the officer opens on every division
    page = client.get(f"/o/{cast.a.code}/monitoring/2568/3/").content.decode()
    assert f'<option value="{cast.works.pk}" selected>' not in page
