"""Passwords, lockout and production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from orgs.models import LoginAttempt

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
def test_new_passwords_are_hashed_with_argon2():
    user = get_user_model().objects.create_user("nok", password="ยาวพอสมควร-2569")
    assert user.password.startswith("argon2")


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, cast):
    url = reverse("login")
    for _ in range(4):
        body = client.post(url, {"username": "alice", "password": "wrong"}).content.decode()
        assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in body
    fifth = client.post(url, {"username": "alice", "password": "wrong"}).content.decode()
    assert "เข้าสู่ระบบผิดหลายครั้งเกินกำหนด" in fifth
    locked = client.post(url, {"username": "Alice ", "password": "pw"})
    assert locked.status_code == 200 and "เข้าสู่ระบบผิดหลายครั้งเกินกำหนด" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert LoginAttempt.objects.filter(username="alice", success=False).count() == 6
    # the lock follows the account: the right password from another address is refused too
    elsewhere = client.post(url, {"username": "alice", "password": "pw"}, REMOTE_ADDR="192.0.2.44")
    assert "เข้าสู่ระบบผิดหลายครั้งเกินกำหนด" in elsewhere.content.decode()
    # and only the account: another user from the same address signs in
    other = client.post(url, {"username": "bob", "password": "pw"})
    assert other.status_code == 302


def test_a_good_login_resets_the_count(client, cast):
    url = reverse("login")
    for _ in range(4):
        client.post(url, {"username": "alice", "password": "wrong"})
    assert client.post(url, {"username": "alice", "password": "pw"}).status_code == 302
    client.logout()
    for _ in range(4):
        client.post(url, {"username": "alice", "password": "wrong"})
    assert client.post(url, {"username": "alice", "password": "pw"}).status_code == 302


def test_random_usernames_from_the_proxy_address_lock_out_nobody(client, cast):
    """The attack as made: behind nginx every request comes from 127.0.0.1; twenty failures with
    random usernames used to lock every user of the deployment out for 15 minutes."""
    url = reverse("login")
    for n in range(40):
        client.post(
            url,
            {"username": f"x{n}", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    good = client.post(
        url,
        {"username": "bob", "password": "pw"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert good.status_code == 302


def test_the_wait_grows_with_every_failure_past_the_limit(cast, rf):
    from axes.models import AccessAttempt

    from orgs.login import cool_off

    request = rf.post("/login/", {"username": "alice"})
    assert cool_off(request).total_seconds() == 15 * 60
    AccessAttempt.objects.create(
        username="alice",
        ip_address="",
        user_agent="",
        failures_since_start=7,
        get_data="",
        post_data="",
        http_accept="",
        path_info="",
    )
    assert cool_off(request).total_seconds() == 15 * 60 * 4
    AccessAttempt.objects.filter(username="alice").update(failures_since_start=500)
    assert cool_off(request).total_seconds() == 24 * 3600


def example_env() -> dict[str, str]:
    """deploy/tidtam.env.example as systemd reads it: KEY=value lines, # comments."""
    lines = (ROOT / "deploy" / "tidtam.env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def test_production_settings_pass_the_deploy_check(tmp_path):
    """The settings of the deployment guide's env file, with a real secret and a database here."""
    import secrets

    env = {
        k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }  # a test-only flag
    example = example_env()
    assert example["DEBUG"] == "0" and example["DATABASE_URL"].startswith("postgres://")
    env |= example | {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "MEDIA_ROOT": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/deploy-check.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    env["SECRET_KEY"] = example["SECRET_KEY"]  # the placeholder is refused as a weak key
    weak = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert weak.returncode != 0 and "security.W009" in weak.stdout + weak.stderr


def test_no_secret_is_committed():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    assert not [f for f in tracked if f.endswith((".env", ".pem", ".key")) or "secret" in f.lower()]
    settings_text = (ROOT / "tidtam" / "settings.py").read_text()
    assert (
        'os.environ.get("SECRET_KEY", "")' in settings_text
    )  # production reads it from the environment


def test_production_keeps_database_connections_between_requests():
    """dj-database-url says CONN_MAX_AGE 0; production must not open a backend per request. And it
    binds parameters on the server, so PostgreSQL can keep prepared statements per connection."""
    code = (
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], d['OPTIONS']['server_side_binding'],"
        " d['OPTIONS']['prepare_threshold'])"
    )
    env = example_env() | {"SECRET_KEY": "k" * 60, "DJANGO_SETTINGS_MODULE": "tidtam.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=os.environ | env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["60", "True", "True", "5"], result.stderr
