"""Who is told what, and how: each person's channels and frequency, their linked LINE account,
and every notification with when it went out on each channel (so nothing is sent twice)."""

from django.conf import settings
from django.db import models


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", "ทันที"
    DAILY = "daily", "สรุปวันละครั้ง"


class Preference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notify_preference"
    )
    by_email = models.BooleanField("ทางอีเมล", default=True)
    by_line = models.BooleanField("ทาง LINE", default=True)
    frequency = models.CharField(
        "ความถี่", max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )


class LineAccount(models.Model):
    """A person's LINE user id, learnt when they send their one-time code to the OA."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="line_account"
    )
    line_user_id = models.CharField(max_length=64, null=True, blank=True, unique=True)
    code = models.CharField(max_length=12, null=True, blank=True, unique=True)
    code_expires_at = models.DateTimeField(null=True, blank=True)
    linked_at = models.DateTimeField(null=True, blank=True)


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=32)
    key = models.CharField(max_length=120)  # one notification per user and key
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    email_sent_at = models.DateTimeField(null=True, blank=True)
    line_sent_at = models.DateTimeField(null=True, blank=True)
    digest_on = models.DateField(null=True, blank=True)  # bundled into that day's digest

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="notify_notification_unique")
        ]
        ordering = ["created_at", "id"]
