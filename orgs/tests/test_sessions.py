"""Sessions and signing in follow Django's rules: an expired or signed-out session, or a
deactivated user, is no longer signed in."""

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def entry_page(cast):
    return reverse("monitoring:entry", args=[cast.a.code, 2568, 4])


def signed_in(client, cast) -> str:
    client.force_login(cast.alice)
    assert client.get(entry_page(cast)).status_code == 200
    return client.cookies["sessionid"].value


def test_a_session_is_read_back_and_signs_the_user_in(client, cast, year_a):
    key = signed_in(client, cast)
    assert Session.objects.get(session_key=key).get_decoded()["_auth_user_id"] == str(cast.alice.pk)


def test_an_expired_session_signs_nobody_in(client, cast, year_a):
    key = signed_in(client, cast)
    session = Session.objects.get(session_key=key)
    session.expire_date = timezone.now() - dt.timedelta(seconds=1)
    session.save()
    response = client.get(entry_page(cast))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_signed_out_session_cannot_be_replayed(client, cast, year_a):
    key = signed_in(client, cast)
    client.post(reverse("logout"))
    client.cookies["sessionid"] = key  # the cookie an attacker kept
    response = client.get(entry_page(cast))
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key).exists()


def test_a_deactivated_user_is_signed_out_at_the_next_request(client, cast, year_a):
    signed_in(client, cast)
    cast.alice.is_active = False
    cast.alice.save()
    assert client.get(entry_page(cast)).status_code == 302
