"""API tokens: made for a user, shown once, stored as a hash, revocable."""

import hashlib
import secrets

from django.utils import timezone

from orgs.models import ApiToken


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def token_create(*, user, name: str) -> tuple[ApiToken, str]:
    key = "tdt_" + secrets.token_urlsafe(32)
    return ApiToken.objects.create(user=user, name=name.strip() or "API", key_hash=digest(key)), key


def user_for(key: str):
    token = (
        ApiToken.objects.select_related("user").filter(key_hash=digest(key), revoked=False).first()
    )
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
