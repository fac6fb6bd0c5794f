"""LINE Messaging API through line-bot-sdk: push a text to a person, reply to a webhook event,
check a webhook's signature. LINE_API_HOST points the SDK elsewhere (tests use a local server)."""

import uuid

from django.conf import settings
from linebot.v3 import WebhookParser
from linebot.v3.messaging import (
    ApiClient,
    Configuration,
    MessagingApi,
    PushMessageRequest,
    ReplyMessageRequest,
    TextMessage,
)

LIMIT = 5000  # characters in one LINE text message


def configured() -> bool:
    return bool(settings.LINE_CHANNEL_ACCESS_TOKEN)


def _api(client: ApiClient) -> MessagingApi:
    return MessagingApi(client)


def _client() -> ApiClient:
    return ApiClient(
        Configuration(host=settings.LINE_API_HOST, access_token=settings.LINE_CHANNEL_ACCESS_TOKEN)
    )


def push(to: str, text: str, retry_key: str) -> None:
    """One message to one LINE user (or group). The retry key makes LINE drop a repeat of the
    same push (a retried job never sends twice)."""
    key = str(uuid.uuid5(uuid.NAMESPACE_URL, f"tidtam:{retry_key}"))
    with _client() as client:
        _api(client).push_message(
            PushMessageRequest(to=to, messages=[TextMessage(text=text[:LIMIT])]),
            x_line_retry_key=key,
        )


def reply(token: str, text: str) -> None:
    with _client() as client:
        _api(client).reply_message(
            ReplyMessageRequest(reply_token=token, messages=[TextMessage(text=text[:LIMIT])])
        )


def parse(body: str, signature: str):
    """The webhook's events; raises linebot.v3.exceptions.InvalidSignatureError if forged."""
    return WebhookParser(settings.LINE_CHANNEL_SECRET).parse(body, signature)
