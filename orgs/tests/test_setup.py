"""The operator's side: the Thai admin site, the province set-up from geothai, type changes."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from orgs.models import AuditEntry, District, Organization, OrgType, OrgTypeChange, Province

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(db):
    return get_user_model().objects.create_superuser("operator", "it@x.go.th", "pw")


def test_the_admin_site_is_in_thai_and_lists_every_org_table(client, operator):
    assert client.get("/admin/").status_code == 302  # signed-out: our own sign-in page
    client.force_login(operator)
    html = client.get("/admin/").content.decode()
    for name in ("ติดตาม · ผู้ดูแลระบบ", "หน่วยงาน", "จังหวัด", "อำเภอ", "สิทธิ์ผู้ใช้ในหน่วยงาน"):
        assert name in html, name
    assert client.get("/admin/orgs/organization/add/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 200


def test_the_admin_site_is_for_the_operator_only(client, cast):
    client.force_login(cast.alice)
    assert client.get("/admin/orgs/organization/").status_code == 302


def test_the_operator_sets_up_a_province_once_with_every_district(client, operator, smtp_server):
    client.force_login(operator)
    url = reverse("setup_province")
    assert "อุบลราชธานี" in client.get(url).content.decode()  # the 77 provinces of geothai
    r = client.post(
        url, {"province_code": "34", "pao_code": "3400001", "admin_email": "me@ubonpao.go.th"}
    )
    assert r.status_code == 302
    pao = Organization.objects.get(code="3400001")
    assert pao.org_type == OrgType.PAO and pao.name == "องค์การบริหารส่วนจังหวัดอุบลราชธานี"
    assert (
        pao.district.name == "เมืองอุบลราชธานี"
        and District.objects.filter(province=pao.province).count() == 25
    )
    assert pao.memberships.get().role == "analyst"
    assert smtp_server.wait(1)[0][0] == ["me@ubonpao.go.th"]
    followed = client.get(r.url).content.decode()
    assert "เพิ่มจังหวัดอุบลราชธานี อำเภอ 25 อำเภอ องค์การบริหารส่วนจังหวัดอุบลราชธานี แล้ว" in followed
    again = client.post(url, {"province_code": "34", "pao_code": "3400002"})
    assert "มี อบจ. อยู่แล้ว" in again.content.decode()
    # the same province once more: it says that nothing was done, not that it was set up now
    same = client.post(url, {"province_code": "34", "pao_code": "3400001"}, follow=True)
    said = same.content.decode()
    assert "ตั้งค่าไว้ก่อนแล้ว ครั้งนี้ไม่มีการเปลี่ยนแปลง" in said and "เพิ่มจังหวัด" not in said
    page = client.get(url).content.decode()
    assert page.count('id="provinces-set-up"') == 1  # the list once, in the page, not the title
    assert "<table" not in page.split("<title>")[1].split("</title>")[0]
    row = page[page.index('data-code="34"') :].split("</tr>")[0]
    assert "25" in row and "3400001" in row and "1 คน" in row and "ยังไม่ได้นำเข้า" in row
    assert Province.objects.filter(code="34").count() == 1
    assert AuditEntry.objects.filter(
        model="orgs.Organization", object_id=str(pao.pk), user=operator
    ).exists()


def test_only_the_operator_sets_up_provinces(client, cast):
    client.force_login(cast.pat)
    client.post(reverse("setup_province"), {"province_code": "34", "pao_code": "3400001"})
    assert not Province.objects.filter(code="34").exists()


def test_the_province_unit_records_a_type_change_with_its_date(client, cast):
    client.force_login(cast.pat)
    url = reverse("people:province_org_type", args=[cast.pao.code, cast.b.code])
    bad = client.post(url, {"new_type": OrgType.SAO, "effective_on": "1/1/2569"})
    assert "ต้องต่างจากประเภทปัจจุบัน" in bad.content.decode()
    bad = client.post(url, {"new_type": OrgType.SUBDISTRICT, "effective_on": "31/2/2569"})
    assert bad.status_code == 200 and not OrgTypeChange.objects.exists()
    r = client.post(
        url,
        {
            "new_type": OrgType.SUBDISTRICT,
            "effective_on": "24/6/2568",
            "new_name": "เทศบาลตำบลกระเบื้องใหญ่",
            "note": "ประกาศกระทรวงมหาดไทย",
        },
    )
    assert r.status_code == 302
    change = OrgTypeChange.objects.get()
    assert (change.old_type, change.new_type, str(change.effective_on)) == (
        "sao",
        "subdistrict",
        "2025-06-24",
    )
    assert change.old_name == "องค์การบริหารส่วนตำบลกระเบื้องใหญ่"
    cast.b.refresh_from_db()
    assert (cast.b.org_type, cast.b.name) == (OrgType.SUBDISTRICT, "เทศบาลตำบลกระเบื้องใหญ่")
    assert AuditEntry.objects.filter(model="orgs.OrgTypeChange", user=cast.pat).exists()
    assert "24 มิถุนายน 2568" in client.get(url).content.decode()


def test_an_org_of_another_province_is_not_the_units_to_change(client, cast):
    client.force_login(cast.pat)
    url = reverse("people:province_org_type", args=[cast.pao.code, cast.far.code])
    assert (
        client.post(url, {"new_type": OrgType.CITY, "effective_on": "1/1/2569"}).status_code == 404
    )
    client.force_login(cast.alice)
    url = reverse("people:province_org_type", args=[cast.pao.code, cast.b.code])
    assert client.post(url, {"new_type": OrgType.CITY, "effective_on": "1/1/2569"}).status_code in (
        403,
        404,
    )
    assert not OrgTypeChange.objects.exists()


def test_the_province_unit_invites_an_orgs_first_officer(client, cast, smtp_server):
    client.force_login(cast.pat)
    client.post(
        reverse("people:province_org_invite", args=[cast.pao.code, cast.b.code]),
        {"email": "first@krabueang.go.th"},
    )
    user = get_user_model().objects.get(username="first@krabueang.go.th")
    assert user.memberships.get().org == cast.b and user.memberships.get().role == "officer"
    html = client.get(reverse("people:province_orgs", args=[cast.pao.code])).content.decode()
    assert 'id="org-6300301"' in html and 'id="org-3100101"' not in html


def test_the_province_unit_does_not_manage_another_orgs_people(client, cast):
    client.force_login(cast.pat)
    url = reverse("people:person", args=[cast.a.code, cast.alice.pk])
    assert client.post(url, {"action": "disable"}).status_code == 403
    cast.alice.refresh_from_db()
    assert cast.alice.is_active
