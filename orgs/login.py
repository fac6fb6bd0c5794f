"""Login with lockout: after LOGIN_MAX_FAILURES failed tries for a username, or from one address,
within LOGIN_LOCKOUT_MINUTES, further tries are refused (even with the right password) until the
window has passed. Every try is recorded."""

import datetime as dt
import hashlib

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.utils import timezone

from orgs.models import LoginAttempt


def client_of(request) -> str:
    raw = f"{settings.SECRET_KEY}|{request.META.get('REMOTE_ADDR', '')}"
    return hashlib.sha256(raw.encode()).hexdigest()


def locked(username: str, client: str) -> bool:
    """Failures since the window opened (or since the user's last good login, if later)."""
    since = timezone.now() - dt.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    last_good = (
        LoginAttempt.objects.filter(username=username.lower(), success=True, at__gte=since)
        .order_by("-at").values_list("at", flat=True).first()
    )  # fmt: skip
    mine = LoginAttempt.objects.filter(
        username=username.lower(), success=False, at__gte=last_good or since
    )
    limit = settings.LOGIN_MAX_FAILURES
    from_here = LoginAttempt.objects.filter(client=client, success=False, at__gte=since)
    return mine.count() >= limit or from_here.count() >= limit * 4  # many usernames, one address


class LockoutAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง",
        "locked": "เข้าสู่ระบบผิดหลายครั้งเกินกำหนด กรุณารอ %(minutes)s นาทีแล้วลองใหม่ หรือติดต่อผู้ดูแลระบบ",
    }

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip()
        client = client_of(self.request)
        if locked(username, client):
            LoginAttempt.objects.create(username=username.lower(), client=client, success=False)
            raise ValidationError(self.error_messages["locked"], code="locked",
                                  params={"minutes": settings.LOGIN_LOCKOUT_MINUTES})  # fmt: skip
        try:
            cleaned = super().clean()
        except ValidationError:
            LoginAttempt.objects.create(username=username.lower(), client=client, success=False)
            raise
        LoginAttempt.objects.create(username=username.lower(), client=client, success=True)
        return cleaned


class TidtamLoginView(LoginView):
    form_class = LockoutAuthenticationForm
