"""The documented proxy set-up and the settings agree on who may name the client's address."""

from pathlib import Path

from django.conf import settings
from django.test import RequestFactory, override_settings

from core.clients import client_ip

ROOT = Path(__file__).resolve().parents[2]


def test_nginx_overwrites_the_forwarded_address_and_gunicorn_trusts_only_it():
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx
    assert "$proxy_add_x_forwarded_for" not in nginx
    gunicorn = {}
    exec((ROOT / "deploy" / "gunicorn.conf.py").read_text(), gunicorn)  # noqa: S102 - our own file
    assert set(gunicorn["forwarded_allow_ips"].split(",")) <= set(settings.TRUSTED_PROXIES)
    assert "TRUSTED_PROXIES=127.0.0.1" in (ROOT / "deploy" / "tidtam.env.example").read_text()


@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_the_header_counts_only_from_the_proxy_and_only_its_own_entry():
    rf = RequestFactory()
    via_proxy = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client_ip(via_proxy) == "203.0.113.5"
    forged_chain = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")
    assert client_ip(forged_chain) == "203.0.113.5"
    direct = rf.get("/", REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client_ip(direct) == "198.51.100.1"
    assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="junk")) == ""
    assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"
