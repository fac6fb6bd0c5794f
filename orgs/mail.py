"""E-mails to people: the invitation (a single-use link to set a password) and the notice of a new
role. Sent through Django's e-mail backend (SMTP in production, see settings)."""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Like a reset link (valid PASSWORD_RESET_TIMEOUT seconds, void once a password is set or the
    person signs in), salted apart so that one kind of link cannot stand in for the other."""

    key_salt = "tidtam.orgs.invitation"


invitation_tokens = InvitationTokenGenerator()


def site_url(base_url: str) -> str:
    return settings.SITE_URL or base_url.rstrip("/")


def invitation_link(user, base_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("invitation_accept", args=[uid, invitation_tokens.make_token(user)])
    return site_url(base_url) + path


def _send(subject: str, template: str, context: dict, to: str) -> None:
    body = render_to_string(template, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def send_invitation(*, user, membership, base_url: str, invited_by=None) -> None:
    org = membership.org
    _send(
        f"คำเชิญเข้าใช้ระบบติดตาม — {org.name}",
        "orgs/email/invitation.txt",
        {
            "user": user,
            "membership": membership,
            "org": org,
            "invited_by": invited_by,
            "link": invitation_link(user, base_url),
            "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
        },
        user.email or user.username,
    )


def send_role_notice(*, user, membership, base_url: str) -> None:
    org = membership.org
    _send(
        f"คุณได้รับบทบาทใหม่ในระบบติดตาม — {org.name}",
        "orgs/email/role_notice.txt",
        {
            "user": user,
            "membership": membership,
            "org": org,
            "link": site_url(base_url) + reverse("login"),
        },
        user.email or user.username,
    )
