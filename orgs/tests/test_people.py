"""People of an org: invitations through a real SMTP server, the set-password link (single-use,
expiring), password reset that never tells whether an address exists, roles, disabling,
hand-over."""

from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from orgs.models import AuditEntry, Membership, Role

pytestmark = pytest.mark.django_db


def _signs_in(client, username, password) -> bool:
    """Through the login page, as a person signs in (the lockout backend needs the request)."""
    client.post(reverse("login"), {"username": username, "password": password})
    return "_auth_user_id" in client.session


def _path(url: str) -> str:
    return urlparse(url).path


def _invite(client, org, follow=False, **data):
    return client.post(reverse("people:people", args=[org.code]), data, follow=follow)


def test_an_invitation_arrives_and_its_link_sets_a_password_once(client, cast, smtp_server):
    client.force_login(cast.alice)
    response = _invite(
        client,
        cast.a,
        email="Somsri@Buayai.go.th",
        first_name="สมศรี",
        last_name="ใจดี",
        role=Role.COMMITTEE,
    )
    assert response.status_code == 302
    ((rcpt, msg),) = smtp_server.wait(1)
    assert rcpt == ["somsri@buayai.go.th"]
    assert "เทศบาลเมืองบัวใหญ่" in msg["Subject"]
    body = smtp_server.body(msg)
    assert "กรรมการติดตามและประเมินผล" in body and "somsri@buayai.go.th" in body
    link = _path(smtp_server.links(msg)[0])
    user = get_user_model().objects.get(username="somsri@buayai.go.th")
    assert not user.has_usable_password() and user.first_name == "สมศรี"
    assert Membership.objects.filter(user=user, org=cast.a, role=Role.COMMITTEE).exists()

    client.logout()
    page = client.get(link, follow=True)
    assert "somsri@buayai.go.th" in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    weak = client.post(form_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert "ตัวเลข" in weak.content.decode() or "ทั่วไป" in weak.content.decode()
    done = client.post(
        form_url, {"new_password1": "ขอบคุณ-2569-ok", "new_password2": "ขอบคุณ-2569-ok"}
    )
    assert done.status_code == 302
    assert _signs_in(client, "somsri@buayai.go.th", "ขอบคุณ-2569-ok")
    client.logout()
    again = client.get(link, follow=True).content.decode()
    assert 'id="invalid-link"' in again  # used once: void


def test_an_invitation_link_expires(client, cast, smtp_server, settings):
    client.force_login(cast.alice)
    _invite(client, cast.a, email="late@buayai.go.th", role=Role.OFFICER)
    link = _path(smtp_server.links(smtp_server.wait(1)[0][1])[0])
    client.logout()
    settings.PASSWORD_RESET_TIMEOUT = -1
    assert 'id="invalid-link"' in client.get(link, follow=True).content.decode()


def test_an_invitation_to_a_known_address_adds_the_role_and_says_the_same(
    client, cast, smtp_server
):
    cast.bob.email = "bob@krabueang.go.th"
    cast.bob.save()
    client.force_login(cast.alice)
    known = _invite(client, cast.a, True, email="bob@krabueang.go.th", role=Role.COMMITTEE)
    unknown = _invite(client, cast.a, True, email="new@buayai.go.th", role=Role.COMMITTEE)
    messages = [str(m) for r in (known, unknown) for m in r.context["messages"]]
    assert messages[0].replace("bob@krabueang.go.th", "X") == messages[1].replace(
        "new@buayai.go.th", "X"
    )
    assert Membership.objects.filter(user=cast.bob, org=cast.a, role=Role.COMMITTEE).exists()
    notice = smtp_server.wait(2)[0][1]
    assert "บทบาทใหม่" in notice["Subject"] and "/invite/" not in smtp_server.body(notice)
    cast.bob.refresh_from_db()
    assert cast.bob.check_password("pw")  # a known account keeps its password


def test_password_reset_mails_a_working_link_and_never_tells_if_the_address_exists(
    client, cast, smtp_server
):
    cast.alice.email = "alice@buayai.go.th"
    cast.alice.save()
    url = reverse("password_reset")
    login = client.get(reverse("login")).content.decode()
    assert 'id="forgot-password"' in login
    a = client.post(url, {"email": "alice@buayai.go.th"}, follow=True)
    b = client.post(url, {"email": "nobody@nowhere.go.th"}, follow=True)
    assert a.redirect_chain == b.redirect_chain and 'id="reset-sent"' in b.content.decode()
    ((rcpt, msg),) = smtp_server.wait(1)
    assert rcpt == ["alice@buayai.go.th"] and len(smtp_server.messages) == 1
    link = _path(smtp_server.links(msg)[0])
    page = client.get(link, follow=True)
    form_url = page.redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "ใหม่-กว่า-2569", "new_password2": "ใหม่-กว่า-2569"})
    assert _signs_in(client, "alice", "ใหม่-กว่า-2569")


def test_a_person_changes_their_password_with_the_validators(client, cast):
    client.force_login(cast.alice)
    url = reverse("password_change")
    short = client.post(url, {"old_password": "pw", "new_password1": "abc", "new_password2": "abc"})
    assert short.status_code == 200 and "errorlist" in short.content.decode()
    ok = client.post(
        url,
        {"old_password": "pw", "new_password1": "ยาวพอ-2569-x", "new_password2": "ยาวพอ-2569-x"},
    )
    assert ok.status_code == 302
    cast.alice.refresh_from_db()
    assert cast.alice.check_password("ยาวพอ-2569-x")


def test_every_page_says_who_i_am_and_my_roles(client, cast):
    client.force_login(cast.dana)
    html = client.get(reverse("plans:overview", args=[cast.a.code])).content.decode()
    assert 'id="whoami"' in html and "หัวหน้าส่วนราชการ" in html
    client.force_login(cast.pat)
    html = client.get(reverse("plans:overview", args=[cast.b.code])).content.decode()
    assert "เจ้าหน้าที่วิเคราะห์ระดับจังหวัด" in html


def test_only_the_orgs_officer_manages_its_people(client, cast):
    for user in (cast.dana, cast.carl, cast.bob):
        client.force_login(user)
        r = client.post(
            reverse("people:people", args=[cast.a.code]), {"email": "x@x.go.th", "role": Role.ADMIN}
        )
        assert r.status_code in (403, 404)
    assert not get_user_model().objects.filter(username="x@x.go.th").exists()


def test_a_division_head_needs_a_division_of_the_org(client, cast, smtp_server):
    from orgs.models import Division

    foreign = Division.objects.create(org=cast.b, name="กองช่าง")
    client.force_login(cast.alice)
    r = _invite(client, cast.a, email="h@buayai.go.th", role=Role.DIVISION_HEAD)
    assert "ต้องระบุกอง/สำนัก" in r.content.decode()
    r = _invite(
        client, cast.a, email="h@buayai.go.th", role=Role.DIVISION_HEAD, division=foreign.pk
    )
    assert r.status_code == 200  # not a choice of this org
    assert not get_user_model().objects.filter(username="h@buayai.go.th").exists()
    assert smtp_server.messages == []


def test_changing_a_role_and_disabling_a_person_keeps_their_history(client, cast):
    from plans.models import Plan

    with_history = AuditEntry.objects.create(
        org=cast.a,
        user=cast.dana,
        actor="ดนัย หัวหน้า",
        action="update",
        model="plans.Project",
        object_id="1",
        label="ถนน",
    )
    client.force_login(cast.alice)
    m = Membership.objects.get(user=cast.carl, org=cast.a)
    url = reverse("people:person", args=[cast.a.code, cast.carl.pk])
    client.post(url, {"action": "role", "membership": m.pk, "role": Role.EXECUTIVE})
    m.refresh_from_db()
    assert m.role == Role.EXECUTIVE
    assert AuditEntry.objects.filter(
        model="orgs.Membership", object_id=str(m.pk), action="update", user=cast.alice
    ).exists()

    client.post(reverse("people:person", args=[cast.a.code, cast.dana.pk]), {"action": "disable"})
    cast.dana.refresh_from_db()
    assert not cast.dana.is_active
    assert Membership.objects.filter(user=cast.dana, org=cast.a).exists()
    with_history.refresh_from_db()
    assert with_history.user_id == cast.dana.pk and with_history.actor == "ดนัย หัวหน้า"
    other = client.__class__()
    assert not _signs_in(other, "dana", "pw")
    assert Plan.objects.count() == 0  # nothing else touched


def test_a_disabled_persons_session_ends(client, cast):
    from django.test import Client

    dana = Client()
    dana.force_login(cast.dana)
    url = reverse("plans:overview", args=[cast.a.code])
    assert dana.get(url).status_code == 200
    client.force_login(cast.alice)
    client.post(reverse("people:person", args=[cast.a.code, cast.dana.pk]), {"action": "disable"})
    assert dana.get(url).status_code == 302  # back to the login page


def test_handing_over_gives_the_newcomer_every_role_and_closes_the_old_account(
    client, cast, smtp_server
):
    client.force_login(cast.alice)
    client.post(
        reverse("people:person", args=[cast.a.code, cast.dana.pk]),
        {"action": "handover", "email": "new.head@buayai.go.th", "first_name": "วีระ"},
    )
    new = get_user_model().objects.get(username="new.head@buayai.go.th")
    m = Membership.objects.get(user=new, org=cast.a)
    assert (m.role, m.division_id) == (Role.DIVISION_HEAD, cast.works.pk)
    cast.dana.refresh_from_db()
    assert not cast.dana.is_active
    assert len(smtp_server.wait(1)) == 1 and "/invite/" in smtp_server.body(
        smtp_server.messages[0][1]
    )


def test_an_officer_cannot_disable_themselves(client, cast):
    client.force_login(cast.alice)
    client.post(reverse("people:person", args=[cast.a.code, cast.alice.pk]), {"action": "disable"})
    cast.alice.refresh_from_db()
    assert cast.alice.is_active


def test_the_orgs_details_are_saved_and_audited(client, cast, tmp_path):
    import io

    from PIL import Image

    from orgs.services import districts_sync

    districts_sync(province=cast.a.province)
    from orgs.models import District

    cast.a.district = District.objects.get(province=cast.a.province, name="บัวใหญ่")
    cast.a.save()
    buf = io.BytesIO()
    Image.new("RGB", (40, 40), "red").save(buf, "PNG")
    buf.name = "emblem.png"
    buf.seek(0)
    client.force_login(cast.alice)
    url = reverse("people:details", args=[cast.a.code])
    page = client.get(url).content.decode()
    assert "ด่านช้าง" in page  # ตำบล of อำเภอบัวใหญ่ (geothai)
    r = client.post(
        url,
        {
            "name": "เทศบาลเมืองบัวใหญ่",
            "address": "99 หมู่ 1 ถนนนิเวศรัตน์",
            "subdistrict": "บัวใหญ่",
            "postal_code": "",
            "executive_name": "นายสมชาย ใจกล้า",
            "executive_title": "นายกเทศมนตรีเมืองบัวใหญ่",
            "planning_division": cast.works.pk,
            "website": "https://www.buayai.go.th",
            "email": "saraban@buayai.go.th",
            "emblem_file": buf,
        },
    )
    assert r.status_code == 302, r.content.decode()
    cast.a.refresh_from_db()
    assert cast.a.postal_code == "30120"  # from the ตำบล
    assert cast.a.full_address == "99 หมู่ 1 ถนนนิเวศรัตน์ ตำบลบัวใหญ่ อำเภอบัวใหญ่ จังหวัดนครราชสีมา 30120"
    assert cast.a.emblem.name.startswith("emblems/") and cast.a.planning_division == cast.works
    entry = AuditEntry.objects.filter(model="orgs.Organization", object_id=str(cast.a.pk)).last()
    assert entry.user == cast.alice and "executive_name" in entry.changes
    bad = client.post(url, {"name": "x", "website": "javascript:alert(1)", "email": "no"})
    assert bad.status_code == 200 and "errorlist" in bad.content.decode()


def test_divisions_are_added_with_their_heads_and_a_used_one_is_not_deleted(client, cast, plan_a):
    client.force_login(cast.alice)
    url = reverse("people:divisions", args=[cast.a.code])
    client.post(
        url,
        {"name": "กองการศึกษา", "head_name": "นางสาวมาลี ศรีสุข", "head_title": "ผู้อำนวยการกองการศึกษา"},
    )
    dup = client.post(url, {"name": "กองการศึกษา"})
    assert "มีกอง/สำนักชื่อ" in dup.content.decode()
    html = client.get(url).content.decode()
    assert "นางสาวมาลี ศรีสุข" in html
    r = client.post(
        reverse("people:division", args=[cast.a.code, cast.works.pk]), {"delete": "1"}, follow=True
    )
    assert "ลบไม่ได้" in r.content.decode()


def test_the_invitation_token_is_not_a_reset_token(cast):
    from django.contrib.auth.tokens import default_token_generator

    from orgs.mail import invitation_tokens

    token = invitation_tokens.make_token(cast.alice)
    assert invitation_tokens.check_token(cast.alice, token)
    assert not default_token_generator.check_token(cast.alice, token)


def test_email_settings_come_from_the_environment(tmp_path):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = (
        "from django.conf import settings as s; m = s.MAILERS['default'];"
        " import json; print(json.dumps([m['BACKEND'], m.get('OPTIONS'), s.DEFAULT_FROM_EMAIL]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tidtam.settings",
        "EMAIL_HOST": "smtp.x.go.th",
        "EMAIL_PORT": "2525",
        "EMAIL_USE_TLS": "0",
        "EMAIL_HOST_USER": "u@x.go.th",
        "DEFAULT_FROM_EMAIL": "tidtam@x.go.th",
    }
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    backend, options, sender = json.loads(out.stdout)
    assert backend == "django.core.mail.backends.smtp.EmailBackend", out.stderr
    assert options == {
        "host": "smtp.x.go.th",
        "port": 2525,
        "use_tls": False,
        "use_ssl": False,
        "username": "u@x.go.th",
        "password": "",
        "timeout": 20,
    }
    assert sender == "tidtam@x.go.th"
    env.pop("EMAIL_HOST")
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(out.stdout)[0] == "django.core.mail.backends.console.EmailBackend"
