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
    for _ in range(5):
        body = client.post(url, {"username": "alice", "password": "wrong"}).content.decode()
        assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in body
    locked = client.post(url, {"username": "alice", "password": "pw"})
    assert "เข้าสู่ระบบผิดหลายครั้งเกินกำหนด" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert LoginAttempt.objects.filter(username="alice", success=False).count() == 6
    # another user from another address is not affected
    other = client.post(url, {"username": "bob", "password": "pw"}, REMOTE_ADDR="192.0.2.44")
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


def test_production_settings_pass_the_deploy_check():
    env = {
        k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }  # a test-only flag
    env |= {"DEBUG": "0", "SECRET_KEY": "x" * 64 + "-not-a-real-secret-but-long-enough",
           "ALLOWED_HOSTS": "tidtam.example.go.th", "DATABASE_URL": "sqlite:////tmp/deploy-check.sqlite3"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_secret_is_committed():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    assert not [f for f in tracked if f.endswith((".env", ".pem", ".key")) or "secret" in f.lower()]
    settings_text = (ROOT / "tidtam" / "settings.py").read_text()
    assert (
        'os.environ.get("SECRET_KEY", "")' in settings_text
    )  # production reads it from the environment
