"""Login with django-axes: failures are counted per username (never per address, so one attacker
cannot sign out a whole province behind one proxy address). After LOGIN_MAX_FAILURES failures the
username must wait LOGIN_LOCKOUT_MINUTES before the next try is even checked, and every further
failure doubles that wait (capped at a day); a good login resets the count. Every try is also
recorded in LoginAttempt with a hash of the client's real address (core.clients)."""

import datetime as dt
import hashlib

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError

from core.clients import client_ip
from orgs.models import LoginAttempt

MAX_WAIT = dt.timedelta(days=1)


def username_of(request, credentials=None) -> str:
    """The username axes counts failures for: trimmed and case-folded, as the login matches it."""
    raw = (credentials or {}).get("username")
    if raw is None and request is not None:
        raw = request.POST.get("username", "")
    return (raw or "").strip().lower()[:150]  # Django's username length; longer is never a user


def client_of(request) -> str:
    raw = f"{settings.SECRET_KEY}|{client_ip(request)}"
    return hashlib.sha256(raw.encode()).hexdigest()


def failures(username: str) -> int:
    from axes.models import AccessAttempt

    row = AccessAttempt.objects.filter(username=username).order_by("-failures_since_start").first()
    return row.failures_since_start if row else 0


def cool_off(request=None) -> dt.timedelta:
    """LOGIN_LOCKOUT_MINUTES at the limit, doubled for every failure beyond it."""
    base = dt.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    if request is None:
        return base
    extra = failures(username_of(request)) - settings.LOGIN_MAX_FAILURES
    return min(base * 2 ** max(extra, 0), MAX_WAIT) if extra < 20 else MAX_WAIT


def minutes_left(request) -> int:
    return max(1, int(cool_off(request).total_seconds() // 60))


def locked_out(request, original_response=None, credentials=None):
    """The login page itself, already carrying the Thai lockout message (see the form)."""
    return original_response


class LockoutAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง",
        "locked": "เข้าสู่ระบบผิดหลายครั้งเกินกำหนด กรุณารอ %(minutes)s นาทีแล้วลองใหม่ หรือติดต่อผู้ดูแลระบบ",
    }

    def clean(self):
        username = username_of(None, {"username": self.cleaned_data.get("username")})
        client = client_of(self.request)
        try:
            cleaned = super().clean()
        except ValidationError:
            LoginAttempt.objects.create(username=username, client=client, success=False)
            if getattr(self.request, "axes_locked_out", False):
                raise ValidationError(
                    self.error_messages["locked"],
                    code="locked",
                    params={"minutes": minutes_left(self.request)},
                ) from None
            raise
        LoginAttempt.objects.create(username=username, client=client, success=True)
        return cleaned


class TidtamLoginView(LoginView):
    form_class = LockoutAuthenticationForm
